using System.Globalization;
using Vigia.Core.Progress;
using static Vigia.Web.Tests.Pages.Progress.ReportingData;

namespace Vigia.Web.Tests.Pages.Progress;

/// <summary>A report's page (/gestion/reportes/{id}), where the component's leader accepts or returns it.</summary>
public abstract class DetailTests(VigiaFactory app)
{
    [Fact]
    public async Task Return_ResponsableSeesTheCommentAndCorrects_ThenTheLeaderAccepts()
    {
        var responsible = await CommunicationsResponsibleAsync(app);
        var leader = await LeaderOfComponent3Async(app);
        var action = (await PlanAsync(app)).Action("3.1.4", 2);
        await TestData.ScheduleAsync(app, action, (3, 200));
        var first = IdFromLocation(await ReportAsync(responsible, action, 3, "150", "Dos jornadas.", ("fotos.pdf", Pdf)), "/gestion/reportes/");

        var queue = await leader.GetPageAsync("/gestion/revision");
        Assert.NotNull(queue.QuerySelector($"a[href='/gestion/reportes/{first}']"));
        var noComment = await leader.PostMultipartAsync($"/gestion/reportes/{first}?handler=Return", $"/gestion/reportes/{first}", new() { ["Comment"] = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noComment.StatusCode);
        Assert.Contains("escriba qué debe corregir", Errors(await TestClient.ParseAsync(noComment)), StringComparison.Ordinal);
        var returned = await leader.PostMultipartAsync($"/gestion/reportes/{first}?handler=Return", $"/gestion/reportes/{first}",
            new() { ["Comment"] = "Falta la lista de asistencia firmada." });
        Assert.Equal("/gestion/revision", returned.Headers.Location!.OriginalString);

        var home = await responsible.GetPageAsync("/gestion");
        var section = home.QuerySelector("section[aria-labelledby='devueltos']")!;
        Assert.Contains("Falta la lista de asistencia firmada.", section.QuerySelector("blockquote")!.TextContent, StringComparison.Ordinal);
        var correctionForm = await responsible.GetPageAsync($"/gestion/acciones/{action}/reportar?mes=3");
        Assert.Equal(first.ToString(CultureInfo.InvariantCulture), correctionForm.QuerySelector("input[name='CorrectsId']")!.GetAttribute("value"));
        Assert.Contains("Falta la lista de asistencia firmada.", Text(correctionForm), StringComparison.Ordinal);
        var keep = correctionForm.QuerySelector("input[name='KeepEvidenceIds']")!.GetAttribute("value")!;
        var url = $"/gestion/acciones/{action}/reportar?mes=3";
        var withoutReason = await responsible.PostMultipartAsync(url, url,
            new() { ["mes"] = "3", ["CorrectsId"] = $"{first}", ["Quantity"] = "150", ["Narrative"] = "Dos jornadas." });
        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        Assert.Contains("Explique qué corrige y por qué.", Errors(await TestClient.ParseAsync(withoutReason)), StringComparison.Ordinal);
        var corrected = await responsible.PostMultipartAsync(url, url, new()
        {
            ["mes"] = "3",
            ["CorrectsId"] = $"{first}",
            ["CorrectionReason"] = "Se adjunta la lista de asistencia firmada.",
            ["KeepEvidenceIds"] = keep,
            ["Quantity"] = "150",
            ["Narrative"] = "Dos jornadas.",
        }, ("asistencia.pdf", Pdf));
        var second = IdFromLocation(corrected, "/gestion/reportes/");

        var accepted = await leader.PostMultipartAsync($"/gestion/reportes/{second}?handler=Accept", $"/gestion/reportes/{second}", new() { ["Comment"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var page = await responsible.GetPageAsync($"/gestion/reportes/{second}");
        Assert.Contains("Aceptado", page.QuerySelector("dd .status")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["fotos.pdf", "asistencia.pdf"], page.QuerySelectorAll("a[href^='/gestion/evidencias/']").Select(a => a.TextContent));
        Assert.Contains("Reemplazado", (await responsible.GetPageAsync($"/gestion/reportes/{first}")).QuerySelector("dd .status")!.TextContent, StringComparison.Ordinal);
        Assert.Equal([ReportStatus.Superseded, ReportStatus.Accepted], (await TestData.ReportsAsync(app, action)).Select(r => r.Status));
        Assert.DoesNotContain("Falta la lista", (await responsible.GetPageAsync("/gestion")).QuerySelector("section[aria-labelledby='devueltos']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_ByTheResponsableOrInternalControl_IsForbidden_AsAreTheQueueAndTheRecordsForResponsables()
    {
        var responsible = await CommunicationsResponsibleAsync(app);
        var control = await InternalControlAsync(app);
        var action = (await PlanAsync(app)).Action("3.1.5", 1);
        var id = IdFromLocation(await ReportAsync(responsible, action, 3, "1", "Boletín publicado.", ("boletin.pdf", Pdf)), "/gestion/reportes/");

        // Neither sees a review form; the token comes from another of their pages, as a forged request would.
        var ownReview = await responsible.PostMultipartAsync($"/gestion/reportes/{id}?handler=Accept", "/cuenta/contrasena", new() { ["Comment"] = "" });
        var controlReview = await control.PostMultipartAsync($"/gestion/reportes/{id}?handler=Accept", "/cuenta/contrasena", new() { ["Comment"] = "" });
        var queueForResponsible = await responsible.GetAsync("/gestion/revision");
        var recordsForResponsible = await responsible.GetAsync("/gestion/monitoreos");
        var closeByResponsible = await responsible.PostMultipartAsync("/gestion/monitoreos", "/cuenta/contrasena",
            new() { ["ComponentId"] = "1", ["Month"] = "3", ["Summary"] = "Intento" });
        var controlQueue = await control.GetPageAsync("/gestion/revision");
        var controlReport = await control.GetPageAsync($"/gestion/reportes/{id}");

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden],
            [ownReview.StatusCode, controlReview.StatusCode, queueForResponsible.StatusCode, recordsForResponsible.StatusCode, closeByResponsible.StatusCode]);
        Assert.NotNull(controlQueue.QuerySelector($"a[href='/gestion/reportes/{id}']"));
        Assert.Null(controlReport.QuerySelector("#revision"));
        Assert.Equal(ReportStatus.Submitted, (await TestData.ReportsAsync(app, action)).Single().Status);
    }
}

[Collection(SharedHosts.SqliteReporting)]
public sealed class SqliteDetailTests(SqliteReportingApp app) : DetailTests(app);

[Collection(SharedHosts.PostgresReporting)]
public sealed class PostgresDetailTests(PostgresReportingApp app) : DetailTests(app);
