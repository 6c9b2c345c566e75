using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Vigia.Core.Transparency;

namespace Vigia.Web.Tests.Pages.Transparency;

/// <summary>The transparency portal laid out by Resolución 1519 de 2020 Anexo 2 (/transparencia), the ITA checklist
/// (/transparencia/matriz-ita and .xlsx) and the bundled GOV.CO typefaces, on the bundled Cali 2022 plan.</summary>
public abstract partial class PortalTests(VigiaFactory app)
{
    private const string Slug = "alcaldia-de-santiago-de-cali";

    [Fact]
    public async Task Get_Transparency_ShowsEachCoveredNumeral_WithItsNameAndPermanentAddress()
    {
        var doc = await app.Anonymous().GetPageAsync("/transparencia");

        var headings = doc.QuerySelectorAll("main section.transparency-numeral > h2").Select(h => (h.Id, Text: Regex.Replace(h.TextContent.Trim(), @"\s+", " "))).ToList();
        Assert.Equal([("numeral-4-3", "4.3 Plan de acción"), ("numeral-4-8", "4.8 Informes de la Oficina de Control Interno"), ("numeral-6", "6 Participa"), ("numeral-7", "7 Datos abiertos")], headings);
        Assert.Contains("http://localhost/transparencia#numeral-4-3", doc.QuerySelector("section[aria-labelledby='numeral-4-3']")!.TextContent, StringComparison.Ordinal);
        var plan = Hrefs(doc, "numeral-4-3");
        Assert.Contains($"/planes/{Slug}/2022", plan);
        Assert.Contains($"/planes/{Slug}/2022/versiones", plan);
        Assert.Contains($"/datos/{Slug}/2022/control-de-cambios.pdf", plan);
        Assert.Contains($"/planes/{Slug}/2022/tablero", plan);
        Assert.Contains("/mapa-riesgos/2022", plan);
        Assert.Contains($"/seguimientos/{Slug}/2022/consolidado", plan);
        // Control Interno's follow-ups also under 4.8, beside the plan.
        Assert.Contains("/seguimientos", Hrefs(doc, "numeral-4-8"));
        Assert.Contains($"/seguimientos/{Slug}/2022/consolidado", Hrefs(doc, "numeral-4-8"));
        Assert.Equal(["/datos", "/datos/catalogo"], Hrefs(doc, "numeral-7"));
    }

    [Fact]
    public async Task Get_Transparency_EveryLinkOfANumeralAnswers()
    {
        var client = app.Anonymous();
        var doc = await client.GetPageAsync("/transparencia");

        var hrefs = doc.QuerySelectorAll("main section.transparency-numeral a").Select(a => a.GetAttribute("href")!).Distinct().ToList();
        Assert.NotEmpty(hrefs);
        foreach (var href in hrefs)
        {
            var response = await client.GetAsync(href);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{href}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task Get_ItaChecklist_ListsEveryAnexo2Item_WithItsAbsoluteAddressOrNotPublished()
    {
        var doc = await app.Anonymous().GetPageAsync("/transparencia/matriz-ita");

        var rows = doc.QuerySelectorAll("table.ita-checklist tbody tr").ToList();
        Assert.Equal(Anexo2.Checklist.Count, rows.Count);
        Assert.NotNull(doc.QuerySelector("table.ita-checklist caption"));
        Assert.All(doc.QuerySelectorAll("table.ita-checklist th"), th => Assert.NotNull(th.GetAttribute("scope")));
        var first = rows[0];
        Assert.Equal("1.1", first.QuerySelector("th")!.TextContent.Trim());
        Assert.Contains(Anexo2.NotPublished, first.TextContent, StringComparison.Ordinal);
        var plan = rows.Where(r => r.QuerySelector("th")!.TextContent.Trim() == "4.3").Select(r => r.QuerySelector("a")?.GetAttribute("href")).ToList();
        Assert.Contains($"http://localhost/planes/{Slug}/2022", plan);
        Assert.Contains($"http://localhost/datos/{Slug}/2022/control-de-cambios.pdf", plan);
        var internalControl = rows.Where(r => r.QuerySelector("th")!.TextContent.Trim() == "4.8").Select(r => r.QuerySelector("a")!.GetAttribute("href")).ToList();
        Assert.Equal(["http://localhost/seguimientos", $"http://localhost/seguimientos/{Slug}/2022/consolidado"], internalControl);
        var notCovered = rows.Where(r => r.ClassList.Contains("ita-elsewhere")).Select(r => r.QuerySelector("th")!.TextContent.Trim()).ToList();
        Assert.Contains("4.1", notCovered);
        Assert.Contains("4.10", notCovered);
        Assert.DoesNotContain("4.3", notCovered);
        Assert.Equal($"/transparencia/matriz-ita.xlsx", doc.QuerySelector("main a[href$='.xlsx']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Get_ItaChecklistXlsx_ReadsBackAsTheSameRows_CodesAsText()
    {
        var client = app.Anonymous();
        var page = await client.GetPageAsync("/transparencia/matriz-ita");
        var response = await client.GetAsync("/transparencia/matriz-ita.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var ws = workbook.Worksheet(ItaChecklistXlsx.Sheet);
        Assert.Equal(ItaChecklistXlsx.Headers, Enumerable.Range(1, ItaChecklistXlsx.Headers.Count).Select(c => ws.Cell(4, c).GetString()));
        var pageRows = page.QuerySelectorAll("table.ita-checklist tbody tr")
            .Select(r => (Numeral: r.QuerySelector("th")!.TextContent.Trim(), Url: r.QuerySelector("a")?.GetAttribute("href") ?? "")).ToList();
        var fileRows = Enumerable.Range(5, pageRows.Count).Select(r => (Numeral: ws.Cell(r, 1).GetString(), Url: ws.Cell(r, 5).GetString())).ToList();
        Assert.Equal(pageRows, fileRows);
        Assert.True(ws.Cell(pageRows.Count + 5, 1).IsEmpty());
        var tenth = Enumerable.Range(5, pageRows.Count).Single(r => ws.Cell(r, 1).GetString() == "4.10");
        Assert.Equal(XLDataType.Text, ws.Cell(tenth, 1).DataType);
        Assert.Equal(Anexo2.NotPublished, ws.Cell(tenth, 4).GetString());
    }

    [Fact]
    public async Task Get_ItaChecklist_OfAnUnknownEntity_IsNotFound()
    {
        var client = app.Anonymous();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/transparencia/matriz-ita?entidad=no-existe")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/transparencia/matriz-ita.xlsx?entidad=no-existe")).StatusCode);
    }

    [Fact]
    public async Task Get_Fonts_TheStylesheetReferencesWoff2FilesServedFromTheSite()
    {
        var client = app.Anonymous();
        var home = await client.GetPageAsync("/");
        var href = home.QuerySelectorAll("link[rel='stylesheet']").Select(l => l.GetAttribute("href")!).Single(h => h.StartsWith("/lib/fonts/fonts.", StringComparison.Ordinal));
        var css = await client.GetStringAsync(href);

        var urls = FontUrl().Matches(css).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, urls.Count);
        Assert.Contains("font-family: \"Work Sans\"", css, StringComparison.Ordinal);
        Assert.Contains("font-family: \"Montserrat\"", css, StringComparison.Ordinal);
        Assert.Equal(10, Regex.Count(css, "font-display: swap"));
        foreach (var url in urls)
        {
            var response = await client.GetAsync("/lib/fonts/" + url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
            Assert.Equal("font/woff2", response.Content.Headers.ContentType!.MediaType);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal("wOF2"u8.ToArray(), bytes[..4]);
        }
        var policy = (await client.GetAsync("/")).Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("font-src 'self'", policy, StringComparison.Ordinal);
    }

    [GeneratedRegex("url\\(\"([^\"]+\\.woff2)\"\\)")]
    private static partial Regex FontUrl();

    private static List<string> Hrefs(IHtmlDocument doc, string numeral) =>
        doc.QuerySelectorAll($"section[aria-labelledby='{numeral}'] a").Select(a => a.GetAttribute("href")!).ToList();
}

[Collection(SharedHosts.SqliteBundledPlan)]
public sealed class SqlitePortalTests(SqliteBundledPlanApp app) : PortalTests(app);

[Collection(SharedHosts.PostgresBundledPlan)]
public sealed class PostgresPortalTests(PostgresBundledPlanApp app) : PortalTests(app);
