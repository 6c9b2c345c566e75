using System.Security.Cryptography;
using static Vigia.Web.Tests.Pages.Progress.ReportingData;

namespace Vigia.Web.Tests.Pages.Progress;

/// <summary>The report form of an action (/gestion/acciones/{id}/reportar) on Monday 4 April 2022.</summary>
public abstract class ReportTests(VigiaFactory app)
{
    [Fact]
    public async Task Post_WithAPdf_SavesTheReportShowsItsFingerprintAndDownloadsTheFile()
    {
        var client = await CommunicationsResponsibleAsync(app);
        var action = (await PlanAsync(app)).Action("3.1.4", 1);
        await TestData.ScheduleAsync(app, action, (3, 500));

        var form = await client.GetPageAsync($"/gestion/acciones/{action}/reportar?mes=3");
        var response = await ReportAsync(client, action, 3, "4.500", "Se socializó la rendición de cuentas con 4.500 personas.", ("lista de asistencia.pdf", Pdf));

        Assert.Equal("multipart/form-data", form.QuerySelector("main form[method='post']")!.GetAttribute("enctype"));
        Assert.Contains("Plazo para reportar", Text(form), StringComparison.Ordinal);
        var id = IdFromLocation(response, "/gestion/reportes/");
        var page = await client.GetPageAsync($"/gestion/reportes/{id}");
        var text = Text(page);
        Assert.Contains("Reporte de avance de marzo de 2022", text, StringComparison.Ordinal);
        Assert.Contains("Por revisar", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Tardío", text, StringComparison.Ordinal);
        Assert.Contains("4.500", page.QuerySelector("dd strong")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(Pdf)), page.QuerySelector("code.fingerprint")!.TextContent, StringComparison.Ordinal);
        var link = page.QuerySelector("a[href^='/gestion/evidencias/']")!;
        Assert.Equal("lista de asistencia.pdf", link.TextContent);
        var download = await client.GetAsync(link.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        var actionPage = await client.GetPageAsync($"/gestion/acciones/{action}");
        var march = actionPage.QuerySelectorAll("tbody tr").Single(tr => tr.QuerySelector("th")!.TextContent == "marzo de 2022");
        Assert.Contains("Por revisar", march.TextContent, StringComparison.Ordinal);
    }

    public static TheoryData<string, byte[], string> BadEvidence() => new()
    {
        { "informe-grande.pdf", [.. Pdf, .. new byte[VigiaFactory.MaxUploadBytes]], "«informe-grande.pdf»: El archivo supera el tamaño máximo de 64 KB." },
        { "acta.pdf", Executable, "«acta.pdf»: La extensión .pdf no corresponde al contenido del archivo." },
        { "vacío.pdf", [], "«vacío.pdf»: El archivo está vacío." },
        { "informe.pdf", [.. "%PDF-1.7\n"u8, .. Executable],
            "«informe.pdf»: El archivo PDF tiene contenido adicional después de su final (%%EOF) y no se acepta." },
    };

    [Theory]
    [MemberData(nameof(BadEvidence))]
    public async Task Post_WithBadEvidence_ReRendersWithTheReasonInSpanishAndStoresNothing(string name, byte[] bytes, string message)
    {
        var client = await CommunicationsResponsibleAsync(app);
        var action = (await PlanAsync(app)).Action("3.1.4", 3);
        var filesBefore = app.StoredFileCount();

        var response = await ReportAsync(client, action, 3, "10", "Jornada en el barrio.", ("soporte-bueno.pdf", Pdf), (name, bytes));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await TestClient.ParseAsync(response);
        Assert.Contains(message, Errors(doc), StringComparison.Ordinal);
        Assert.Equal("Jornada en el barrio.", doc.QuerySelector("textarea#Narrative")!.TextContent.Trim());
        Assert.Equal(filesBefore, app.StoredFileCount());
        Assert.Empty(await TestData.ReportsAsync(app, action));
    }

    [Fact]
    public async Task Post_QuantityNotANumber_ReRendersWithError()
    {
        var client = await CommunicationsResponsibleAsync(app);
        var action = (await PlanAsync(app)).Action("3.1.4", 3);

        var response = await ReportAsync(client, action, 3, "muchas", "Texto", ("a.pdf", Pdf));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Escriba la cantidad con números", Errors(await TestClient.ParseAsync(response)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherUnitsAction_IsNotFound_OnGetAndPost_AndSoAreItsReportAndEvidence()
    {
        var communications = await CommunicationsResponsibleAsync(app);
        var organisation = await OrganisationResponsibleAsync(app);
        var plan = await PlanAsync(app);
        var theirs = plan.Action("3.1.4", 5);
        var own = plan.Action("1.1.1", 1);
        var id = IdFromLocation(await ReportAsync(communications, theirs, 2, "1", "Publicado.", ("a.pdf", Pdf)), "/gestion/reportes/");
        var evidence = (await TestData.ReportsAsync(app, theirs)).Single(r => r.Month == 2).Evidence.Single().Id;

        var get = await organisation.GetAsync($"/gestion/acciones/{theirs}/reportar?mes=3");
        var post = await organisation.PostMultipartAsync($"/gestion/acciones/{theirs}/reportar?mes=3", $"/gestion/acciones/{own}/reportar?mes=3",
            new() { ["mes"] = "3", ["Quantity"] = "1", ["Narrative"] = "Intento ajeno" }, ("a.pdf", Pdf));
        var report = await organisation.GetAsync($"/gestion/reportes/{id}");
        var download = await organisation.GetAsync($"/gestion/evidencias/{evidence}");

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound],
            [get.StatusCode, post.StatusCode, report.StatusCode, download.StatusCode]);
        Assert.DoesNotContain(await TestData.ReportsAsync(app, theirs), r => r.Month == 3);
    }

    [Fact]
    public async Task Get_MonthNotBegun_OffersTheMonthsThatHave()
    {
        var client = await CommunicationsResponsibleAsync(app);
        var action = (await PlanAsync(app)).Action("3.1.4", 4);

        var doc = await client.GetPageAsync($"/gestion/acciones/{action}/reportar?mes=6");

        Assert.Contains("Aún no puede reportar junio de 2022", Errors(doc), StringComparison.Ordinal);
        Assert.Equal(["enero de 2022", "febrero de 2022", "marzo de 2022", "abril de 2022"], doc.QuerySelectorAll("select[name='mes'] option").Select(o => o.TextContent));
    }
}

[Collection(SharedHosts.SqliteReporting)]
public sealed class SqliteReportTests(SqliteReportingApp app) : ReportTests(app);

[Collection(SharedHosts.PostgresReporting)]
public sealed class PostgresReportTests(PostgresReportingApp app) : ReportTests(app);
