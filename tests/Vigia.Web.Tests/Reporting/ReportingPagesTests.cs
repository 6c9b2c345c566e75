using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Vigia.Core.Progress;
using Vigia.Web.Tests.Infrastructure;

namespace Vigia.Web.Tests.Reporting;

/// <summary>Progress reports through the pages, on Monday 4 April 2022 (the factory's clock). Each test works on
/// its own action or month, so the tests of a class can share one database.</summary>
public abstract class ReportingPagesTests(ReportsFactory factory)
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private static readonly byte[] Executable = [.. "MZ"u8, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, .. new byte[50], .. "This program cannot be run in DOS mode."u8];

    private static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    private static async Task<IHtmlDocument> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} returned {(int)response.StatusCode}");
        return await ParseAsync(response);
    }

    private static string Text(IHtmlDocument doc) => doc.QuerySelector("main")!.TextContent;

    private static string Errors(IHtmlDocument doc) => doc.QuerySelector("#error-summary")?.TextContent ?? "";

    /// <summary>Posts a form the way a browser sends it without JavaScript: multipart, with the token of the form
    /// page at <paramref name="formUrl"/>.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string formUrl, string postUrl,
        Dictionary<string, string> fields, params (string Name, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(await ReportsSignIn.AntiforgeryTokenAsync(client, formUrl)), "__RequestVerificationToken" },
        };
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }
        foreach (var (name, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue(name.EndsWith(".pdf", StringComparison.Ordinal) ? "application/pdf" : "application/octet-stream");
            form.Add(file, "Files", name);
        }
        return await client.PostAsync(postUrl, form);
    }

    private static Task<HttpResponseMessage> ReportAsync(HttpClient client, int actionId, int month, string quantity, string narrative,
        params (string Name, byte[] Bytes)[] files)
    {
        var url = $"/gestion/acciones/{actionId}/reportar?mes={month}";
        return PostFormAsync(client, url, url, new() { ["mes"] = month.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Quantity"] = quantity, ["Narrative"] = narrative }, files);
    }

    private static int IdFromLocation(HttpResponseMessage response, string prefix)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith(prefix, location, StringComparison.Ordinal);
        return int.Parse(location[prefix.Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Post_ReportWithAPdf_IsSavedAndShownWithItsHashAndDownloadsAsAnAttachment()
    {
        var client = await factory.People.CommunicationsResponsibleAsync();
        var action = await factory.ActionIdAsync("3.1.4", 1);
        await factory.ScheduleAsync(action, (3, 500));

        var form = await GetAsync(client, $"/gestion/acciones/{action}/reportar?mes=3");
        var response = await ReportAsync(client, action, 3, "4.500", "Se socializó la rendición de cuentas con 4.500 personas.", ("lista de asistencia.pdf", Pdf));

        Assert.Equal("multipart/form-data", form.QuerySelector("main form[method='post']")!.GetAttribute("enctype"));
        Assert.Contains("Plazo para reportar", Text(form), StringComparison.Ordinal);
        var id = IdFromLocation(response, "/gestion/reportes/");
        var page = await GetAsync(client, $"/gestion/reportes/{id}");
        var text = Text(page);
        Assert.Contains("Reporte de avance de marzo de 2022", text, StringComparison.Ordinal);
        Assert.Contains("Por revisar", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Tardío", text, StringComparison.Ordinal);
        Assert.Contains("4.500", page.QuerySelector("dd strong")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(Pdf)), page.QuerySelector("code.fingerprint")!.TextContent, StringComparison.Ordinal);
        var link = page.QuerySelector("a[href^='/gestion/evidencias/']")!;
        Assert.Equal("lista de asistencia.pdf", link.TextContent);
        var download = await client.GetAsync(link.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        var actionPage = await GetAsync(client, $"/gestion/acciones/{action}");
        var march = actionPage.QuerySelectorAll("tbody tr").Single(tr => tr.QuerySelector("th")!.TextContent == "marzo de 2022");
        Assert.Contains("Por revisar", march.TextContent, StringComparison.Ordinal);
    }

    public static TheoryData<string, byte[], string> BadEvidence() => new()
    {
        { "informe-grande.pdf", [.. Pdf, .. new byte[ReportsFactory.MaxUploadBytes]], "«informe-grande.pdf»: El archivo supera el tamaño máximo de 64 KB." },
        { "acta.pdf", Executable, "«acta.pdf»: La extensión .pdf no corresponde al contenido del archivo." },
        { "vacío.pdf", [], "«vacío.pdf»: El archivo está vacío." },
    };

    [Theory]
    [MemberData(nameof(BadEvidence))]
    public async Task Post_ReportWithBadEvidence_IsRefusedWithASpanishMessageAndStoresNothing(string name, byte[] bytes, string message)
    {
        var client = await factory.People.CommunicationsResponsibleAsync();
        var action = await factory.ActionIdAsync("3.1.4", 3);
        var filesBefore = factory.StoredFileCount();

        var response = await ReportAsync(client, action, 3, "10", "Jornada en el barrio.", ("soporte-bueno.pdf", Pdf), (name, bytes));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await ParseAsync(response);
        Assert.Contains(message, Errors(doc), StringComparison.Ordinal);
        Assert.Equal("Jornada en el barrio.", doc.QuerySelector("textarea#Narrative")!.TextContent.Trim());
        Assert.Equal(filesBefore, factory.StoredFileCount());
        Assert.Empty(await factory.ReportsAsync(action));
    }

    [Fact]
    public async Task Post_ReportWithQuantityThatIsNotANumber_ReRendersWithTheError()
    {
        var client = await factory.People.CommunicationsResponsibleAsync();
        var action = await factory.ActionIdAsync("3.1.4", 3);

        var response = await ReportAsync(client, action, 3, "muchas", "Texto", ("a.pdf", Pdf));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Escriba la cantidad con números", Errors(await ParseAsync(response)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportPage_OfAnotherUnitsAction_Is404OnGetAndPost_AndSoIsItsEvidence()
    {
        var communications = await factory.People.CommunicationsResponsibleAsync();
        var organisation = await factory.People.OrganisationResponsibleAsync();
        var theirs = await factory.ActionIdAsync("3.1.4", 5);
        var own = await factory.ActionIdAsync("1.1.1", 1);
        var id = IdFromLocation(await ReportAsync(communications, theirs, 2, "1", "Publicado.", ("a.pdf", Pdf)), "/gestion/reportes/");
        var evidence = (await factory.ReportsAsync(theirs)).Single(r => r.Month == 2).Evidence.Single().Id;

        var get = await organisation.GetAsync($"/gestion/acciones/{theirs}/reportar?mes=3");
        var post = await PostFormAsync(organisation, $"/gestion/acciones/{own}/reportar?mes=3", $"/gestion/acciones/{theirs}/reportar?mes=3",
            new() { ["mes"] = "3", ["Quantity"] = "1", ["Narrative"] = "Intento ajeno" }, ("a.pdf", Pdf));
        var report = await organisation.GetAsync($"/gestion/reportes/{id}");
        var download = await organisation.GetAsync($"/gestion/evidencias/{evidence}");

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound],
            [get.StatusCode, post.StatusCode, report.StatusCode, download.StatusCode]);
        Assert.DoesNotContain(await factory.ReportsAsync(theirs), r => r.Month == 3);
    }

    [Fact]
    public async Task LeaderReturns_ResponsableSeesTheCommentAndResubmits_LeaderAccepts()
    {
        var responsible = await factory.People.CommunicationsResponsibleAsync();
        var leader = await factory.People.LeaderOfComponent3Async();
        var action = await factory.ActionIdAsync("3.1.4", 2);
        await factory.ScheduleAsync(action, (3, 200));
        var first = IdFromLocation(await ReportAsync(responsible, action, 3, "150", "Dos jornadas.", ("fotos.pdf", Pdf)), "/gestion/reportes/");

        var queue = await GetAsync(leader, "/gestion/revision");
        Assert.NotNull(queue.QuerySelector($"a[href='/gestion/reportes/{first}']"));
        var noComment = await PostFormAsync(leader, $"/gestion/reportes/{first}", $"/gestion/reportes/{first}?handler=Return", new() { ["Comment"] = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noComment.StatusCode);
        Assert.Contains("escriba qué debe corregir", Errors(await ParseAsync(noComment)), StringComparison.Ordinal);
        var returned = await PostFormAsync(leader, $"/gestion/reportes/{first}", $"/gestion/reportes/{first}?handler=Return",
            new() { ["Comment"] = "Falta la lista de asistencia firmada." });
        Assert.Equal("/gestion/revision", returned.Headers.Location!.OriginalString);

        var home = await GetAsync(responsible, "/gestion");
        var section = home.QuerySelector("section[aria-labelledby='devueltos']")!;
        Assert.Contains("Falta la lista de asistencia firmada.", section.QuerySelector("blockquote")!.TextContent, StringComparison.Ordinal);
        var correctionForm = await GetAsync(responsible, $"/gestion/acciones/{action}/reportar?mes=3");
        Assert.Equal(first.ToString(System.Globalization.CultureInfo.InvariantCulture), correctionForm.QuerySelector("input[name='CorrectsId']")!.GetAttribute("value"));
        Assert.Contains("Falta la lista de asistencia firmada.", Text(correctionForm), StringComparison.Ordinal);
        var keep = correctionForm.QuerySelector("input[name='KeepEvidenceIds']")!.GetAttribute("value")!;
        var url = $"/gestion/acciones/{action}/reportar?mes=3";
        var withoutReason = await PostFormAsync(responsible, url, url, new() { ["mes"] = "3", ["CorrectsId"] = $"{first}", ["Quantity"] = "150", ["Narrative"] = "Dos jornadas." });
        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        Assert.Contains("Explique qué corrige y por qué.", Errors(await ParseAsync(withoutReason)), StringComparison.Ordinal);
        var corrected = await PostFormAsync(responsible, url, url, new()
        {
            ["mes"] = "3",
            ["CorrectsId"] = $"{first}",
            ["CorrectionReason"] = "Se adjunta la lista de asistencia firmada.",
            ["KeepEvidenceIds"] = keep,
            ["Quantity"] = "150",
            ["Narrative"] = "Dos jornadas.",
        }, ("asistencia.pdf", Pdf));
        var second = IdFromLocation(corrected, "/gestion/reportes/");

        var accepted = await PostFormAsync(leader, $"/gestion/reportes/{second}", $"/gestion/reportes/{second}?handler=Accept", new() { ["Comment"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var page = await GetAsync(responsible, $"/gestion/reportes/{second}");
        Assert.Contains("Aceptado", page.QuerySelector("dd .status")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["fotos.pdf", "asistencia.pdf"], page.QuerySelectorAll("a[href^='/gestion/evidencias/']").Select(a => a.TextContent));
        Assert.Contains("Reemplazado", (await GetAsync(responsible, $"/gestion/reportes/{first}")).QuerySelector("dd .status")!.TextContent, StringComparison.Ordinal);
        Assert.Equal([ReportStatus.Superseded, ReportStatus.Accepted], (await factory.ReportsAsync(action)).Select(r => r.Status));
        Assert.DoesNotContain("Falta la lista", (await GetAsync(responsible, "/gestion")).QuerySelector("section[aria-labelledby='devueltos']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_ByTheResponsableOrInternalControl_Is403_AndTheQueueAndRecordsAre403ForResponsables()
    {
        var responsible = await factory.People.CommunicationsResponsibleAsync();
        var control = await factory.People.InternalControlAsync();
        var action = await factory.ActionIdAsync("3.1.5", 1);
        var id = IdFromLocation(await ReportAsync(responsible, action, 3, "1", "Boletín publicado.", ("boletin.pdf", Pdf)), "/gestion/reportes/");

        // Neither sees a review form; the token comes from another of their pages, as a forged request would.
        var ownReview = await PostFormAsync(responsible, "/cuenta/contrasena", $"/gestion/reportes/{id}?handler=Accept", new() { ["Comment"] = "" });
        var controlReview = await PostFormAsync(control, "/cuenta/contrasena", $"/gestion/reportes/{id}?handler=Accept", new() { ["Comment"] = "" });
        var queueForResponsible = await responsible.GetAsync("/gestion/revision");
        var recordsForResponsible = await responsible.GetAsync("/gestion/monitoreos");
        var closeByResponsible = await PostFormAsync(responsible, "/cuenta/contrasena", "/gestion/monitoreos",
            new() { ["ComponentId"] = "1", ["Month"] = "3", ["Summary"] = "Intento" });
        var controlQueue = await GetAsync(control, "/gestion/revision");
        var controlReport = await GetAsync(control, $"/gestion/reportes/{id}");

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden],
            [ownReview.StatusCode, controlReview.StatusCode, queueForResponsible.StatusCode, recordsForResponsible.StatusCode, closeByResponsible.StatusCode]);
        Assert.NotNull(controlQueue.QuerySelector($"a[href='/gestion/reportes/{id}']"));
        Assert.Null(controlReport.QuerySelector("#revision"));
        Assert.Equal(ReportStatus.Submitted, (await factory.ReportsAsync(action)).Single().Status);
    }

    [Fact]
    public async Task InternalControl_CannotSubmitOrEditReports_ByRequest()
    {
        var responsible = await factory.People.CommunicationsResponsibleAsync();
        var control = await factory.People.InternalControlAsync();
        // 3.2.1: an action of the same unit that no other test in this class reports on.
        var action = await factory.ActionIdAsync("3.2.1", 1);
        var id = IdFromLocation(await ReportAsync(responsible, action, 2, "1", "Boletín de febrero.", ("boletin.pdf", Pdf)), "/gestion/reportes/");

        var submit = await PostFormAsync(control, "/cuenta/contrasena", $"/gestion/acciones/{action}/reportar?mes=4",
            new() { ["Quantity"] = "1", ["Narrative"] = "Reporte de Control Interno" });
        var editPage = await control.GetAsync($"/gestion/reportes/{id}/editar");
        var edit = await PostFormAsync(control, "/cuenta/contrasena", $"/gestion/reportes/{id}/editar",
            new() { ["Quantity"] = "9", ["Narrative"] = "Cambiado por Control Interno" });

        Assert.True(submit.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"submit: {(int)submit.StatusCode}");
        Assert.True(editPage.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"edit page: {(int)editPage.StatusCode}");
        Assert.True(edit.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"edit: {(int)edit.StatusCode}");
        var reports = await factory.ReportsAsync(action);
        Assert.Equal("Boletín de febrero.", reports.Single().Narrative);
    }

    [Fact]
    public async Task MyActions_ShowsWhatIsDueThisMonthAndWhatIsLate()
    {
        var client = await factory.People.CommunicationsResponsibleAsync();
        var action = await factory.ActionIdAsync("3.1.4", 4);
        await factory.ScheduleAsync(action, (2, 100), (3, 200), (4, 300), (5, 400));

        var doc = await GetAsync(client, "/gestion");

        static List<string> Months(IHtmlDocument doc, string section, int action) =>
            doc.QuerySelectorAll($"section[aria-labelledby='{section}'] tbody tr")
                .Where(tr => tr.QuerySelector($"a[href='/gestion/acciones/{action}']") is not null)
                .Select(tr => tr.QuerySelectorAll("td")[0].TextContent).ToList();
        Assert.Equal(["marzo de 2022", "abril de 2022"], Months(doc, "por-reportar", action));
        Assert.Equal(["febrero de 2022"], Months(doc, "vencidos", action));
        var due = doc.QuerySelectorAll("section[aria-labelledby='por-reportar'] tbody tr").First(tr => tr.TextContent.Contains("marzo de 2022", StringComparison.Ordinal)
            && tr.QuerySelector($"a[href='/gestion/acciones/{action}']") is not null);
        Assert.Contains("7 de abril de 2022", due.TextContent, StringComparison.Ordinal);
        Assert.NotNull(due.QuerySelector($"a[href='/gestion/acciones/{action}/reportar?mes=3']"));
    }

    [Fact]
    public async Task ReportPage_ForAMonthNotBegun_OffersTheMonthsThatHave()
    {
        var client = await factory.People.CommunicationsResponsibleAsync();
        var action = await factory.ActionIdAsync("3.1.4", 4);

        var doc = await GetAsync(client, $"/gestion/acciones/{action}/reportar?mes=6");

        Assert.Contains("Aún no puede reportar junio de 2022", Errors(doc), StringComparison.Ordinal);
        Assert.Equal(["enero de 2022", "febrero de 2022", "marzo de 2022", "abril de 2022"], doc.QuerySelectorAll("select[name='mes'] option").Select(o => o.TextContent));
    }

    [Fact]
    public async Task Edit_BeforeReview_ChangesTheReport()
    {
        var client = await factory.People.CommunicationsResponsibleAsync();
        var action = await factory.ActionIdAsync("3.1.4", 1);
        var id = IdFromLocation(await ReportAsync(client, action, 4, "100", "Primera versión.", ("a.pdf", Pdf)), "/gestion/reportes/");

        var redirect = await client.GetAsync($"/gestion/acciones/{action}/reportar?mes=4");
        var edited = await PostFormAsync(client, $"/gestion/reportes/{id}/editar", $"/gestion/reportes/{id}/editar",
            new() { ["Quantity"] = "120", ["Narrative"] = "Versión corregida antes de la revisión.", ["Links"] = "https://www.cali.gov.co/rendicion" });

        Assert.Equal($"/gestion/reportes/{id}/editar", redirect.Headers.Location!.OriginalString);
        Assert.Equal($"/gestion/reportes/{id}", edited.Headers.Location!.OriginalString);
        var report = (await factory.ReportsAsync(action)).Single(r => r.Id == id);
        Assert.Equal((120m, "Versión corregida antes de la revisión."), (report.ExecutedQuantity, report.Narrative));
        Assert.Equal(2, report.Evidence.Count);
    }

    [Fact]
    public async Task MonthlyMonitoring_ClosedByTheLeader_IsAPrintableRecordOfTheMonthsReports()
    {
        var responsible = await factory.People.CommunicationsResponsibleAsync();
        var leader = await factory.People.LeaderOfComponent3Async();
        var action = await factory.ActionIdAsync("3.1.4", 5);
        var report = IdFromLocation(await ReportAsync(responsible, action, 1, "2", "Dos publicaciones.", ("pub.pdf", Pdf)), "/gestion/reportes/");
        await PostFormAsync(leader, $"/gestion/reportes/{report}", $"/gestion/reportes/{report}?handler=Accept", new() { ["Comment"] = "Conforme." });
        var components = await GetAsync(leader, "/gestion/monitoreos");
        var component3 = components.QuerySelectorAll("select[name='ComponentId'] option").Single(o => o.TextContent.Contains("Componente 3", StringComparison.Ordinal)).GetAttribute("value")!;
        var fields = new Dictionary<string, string> { ["ComponentId"] = component3, ["Month"] = "1", ["Summary"] = "Enero: un reporte, aceptado." };

        var closed = await PostFormAsync(leader, "/gestion/monitoreos", "/gestion/monitoreos", fields);
        var again = await PostFormAsync(leader, "/gestion/monitoreos", "/gestion/monitoreos", fields);

        var id = IdFromLocation(closed, "/gestion/monitoreos/");
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("ya está cerrado", Errors(await ParseAsync(again)), StringComparison.Ordinal);
        var record = await GetAsync(leader, $"/gestion/monitoreos/{id}");
        Assert.Contains("Acta de monitoreo de enero de 2022", record.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Enero: un reporte, aceptado.", Text(record), StringComparison.Ordinal);
        var row = record.QuerySelector($"a[href='/gestion/reportes/{report}']")!.Closest("tr")!;
        Assert.Contains("Aceptado", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Conforme.", row.TextContent, StringComparison.Ordinal);
        var outsider = await factory.People.OrganisationResponsibleAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/gestion/monitoreos/{id}")).StatusCode);
    }
}

[Collection("sqlite")]
public class SqliteReportingPagesTests(SqliteReportsFactory factory) : ReportingPagesTests(factory), IClassFixture<SqliteReportsFactory>;

[Collection("postgres")]
public class PostgresReportingPagesTests(PostgresReportsFactory factory) : ReportingPagesTests(factory), IClassFixture<PostgresReportsFactory>;
