using static Vigia.Web.Tests.Pages.RiskMap.Desk.RiskDeskData;
using static Vigia.Web.Tests.Pages.RiskMap.Desk.TrackingData;

namespace Vigia.Web.Tests.Pages.RiskMap.Desk;

/// <summary>A control's monitoring (/mapa-riesgos/gestion/control/{id}/monitoreo): the process leader registers
/// it with evidence, the period's overview shows it, the evidence downloads with its hash, and nobody else reaches
/// either.</summary>
public abstract class ControlMonitoringTests(VigiaFactory app)
{
    [Fact]
    public async Task Post_ExecutedWithAPdf_IsPendingReview_OnTheOverview_AndTheFileDownloadsWithItsDigest()
    {
        var (own, _, leader) = await ProcessesAsync(app);
        var (_, control1, _) = await RiskWithControlsAsync(app, leader, own, "RC-30");
        var url = $"/mapa-riesgos/gestion/control/{control1}/monitoreo?mes=10";

        var response = await leader.PostMultipartAsync(url, url,
            new() { ["Executed"] = "true", ["Note"] = "Se aplicó la lista de chequeo a los 12 procesos de octubre." }, ("lista.pdf", TestFiles.Pdf));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var overview = await leader.GetPageAsync("/mapa-riesgos/gestion/monitoreo?vigencia=2026&mes=10");
        var row = overview.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("RC-30", StringComparison.Ordinal)
            && r.QuerySelector("td")!.TextContent.StartsWith("1.", StringComparison.Ordinal));
        Assert.Contains("Ejecutado · Pendiente de revisión", row.TextContent, StringComparison.Ordinal);
        var page = await leader.GetPageAsync(url);
        Assert.Null(page.QuerySelector("form[enctype='multipart/form-data']"));
        var link = page.QuerySelector("a[download]")!.GetAttribute("href")!;
        var file = await leader.Http.GetAsync(new Uri(link, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(TestFiles.Pdf, await file.Content.ReadAsByteArrayAsync());
        Assert.True(file.Headers.Contains("Repr-Digest"));

        var stranger = await app.SignInAsAsync(Roles.ProcessLeader);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync(new Uri(link, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Post_ExecutedWithoutEvidence_ReRendersWithTheError_AndAMonthNotBegunIsNotOffered()
    {
        var (own, _, leader) = await ProcessesAsync(app);
        var (_, control1, _) = await RiskWithControlsAsync(app, leader, own, "RC-31");
        var url = $"/mapa-riesgos/gestion/control/{control1}/monitoreo?mes=9";

        var response = await leader.PostMultipartAsync(url, url, new() { ["Executed"] = "true", ["Note"] = "Se aplicó." });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Contains("Adjunte al menos un soporte (archivo o enlace) de la ejecución del control.", page.QuerySelector("#error-summary")!.TextContent,
            StringComparison.Ordinal);
        var december = await leader.GetPageAsync($"/mapa-riesgos/gestion/control/{control1}/monitoreo?mes=12");
        Assert.Equal(["febrero de 2026", "marzo de 2026", "abril de 2026", "mayo de 2026", "junio de 2026", "julio de 2026", "agosto de 2026",
            "septiembre de 2026", "octubre de 2026", "noviembre de 2026"], december.QuerySelectorAll("#mes option").Select(o => o.TextContent));
    }

    [Fact]
    public async Task PendingMonitoring_IsCorrectedThenWithdrawnByItsLeader_WithAReason_AndTheFormIsOfferedAgain()
    {
        var (own, _, leader) = await ProcessesAsync(app);
        var (_, control1, _) = await RiskWithControlsAsync(app, leader, own, "RC-32");
        var url = $"/mapa-riesgos/gestion/control/{control1}/monitoreo?mes=8";
        Assert.Equal(HttpStatusCode.Redirect, (await leader.PostMultipartAsync(url, url,
            new() { ["Executed"] = "true", ["Note"] = "Se aplicó la lista de chequeo en agosto." }, ("lista.pdf", TestFiles.Pdf))).StatusCode);
        Assert.NotNull((await leader.GetPageAsync(url)).QuerySelector("#cambiar"));

        var noReason = await leader.PostFormAsync($"/mapa-riesgos/gestion/control/{control1}/monitoreo?mes=8&handler=Edit",
            new() { ["Executed"] = "false", ["Note"] = "No hubo comité en agosto.", ["Reason"] = "" }, url);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var refused = await TestClient.ParseAsync(noReason);
        Assert.Contains("Explique el motivo del cambio (al menos 10 caracteres).", refused.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("No hubo comité en agosto.", refused.QuerySelector("textarea#Note")!.TextContent);

        var edited = await leader.PostFormAsync($"/mapa-riesgos/gestion/control/{control1}/monitoreo?mes=8&handler=Edit",
            new() { ["Executed"] = "false", ["Note"] = "No hubo comité en agosto.", ["Reason"] = "La nota decía lo contrario." }, url);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Contains("No hubo comité en agosto.", (await leader.GetPageAsync(url)).QuerySelector("#vigente")!.ParentElement!.TextContent, StringComparison.Ordinal);

        var withdrawn = await leader.PostFormAsync($"/mapa-riesgos/gestion/control/{control1}/monitoreo?mes=8&handler=Withdraw",
            new() { ["Reason"] = "Registré el control equivocado." }, url);
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        var again = await leader.GetPageAsync(url);
        Assert.Null(again.QuerySelector("#vigente"));
        Assert.NotNull(again.QuerySelector("form[enctype='multipart/form-data']"));
    }
}

public sealed class SqliteControlMonitoringTests(SqliteApp app) : ControlMonitoringTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresControlMonitoringTests(PostgresApp app) : ControlMonitoringTests(app), IClassFixture<PostgresApp>;
