using System.Globalization;
using System.Text.Json;
using ClosedXML.Excel;
using Vigia.Core.OpenData;
using Vigia.Web.Tests.OpenData;

namespace Vigia.Web.Tests.Pages.Consolidation;

/// <summary>Issue 15: the nation's and a department's consolidated views (/tablero/nacional,
/// /tablero/departamentos/{slug}), their open data and API, on <see cref="ConsolidatedNation"/>.</summary>
public abstract class NationTests(VigiaFactory app)
{
    private readonly TestClient client = app.Anonymous();

    private static List<string> Names(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("table.consolidated-ranking tbody tr th[scope=row] > a").Select(a => a.TextContent.Trim())];

    private static IEnumerable<AngleSharp.Dom.IElement> Rows(IHtmlDocument page) => page.QuerySelectorAll("table.consolidated-ranking tbody tr");

    [Fact]
    public async Task Nation_RanksEveryPublicPlan_ByTheOfficialFigure_WithTheTotalsAndTheDistribution()
    {
        await ConsolidatedNation.EnsureAsync(app);

        var page = await client.GetPageAsync("/tablero/nacional");

        Assert.Equal([.. ConsolidatedNation.Ranked, .. Enumerable.Range(1, 50 - ConsolidatedNation.Ranked.Length).Select(i => $"Entidad de relleno {i:00}")],
            Names(page));
        Assert.Equal(Enumerable.Range(1, 50).Select(i => i.ToString(CultureInfo.InvariantCulture)),
            Rows(page).Select(r => r.QuerySelector("td")!.TextContent.Trim()));
        Assert.DoesNotContain("Alcaldía en Borrador", page.Body!.TextContent, StringComparison.Ordinal);
        var figure = page.QuerySelector(".figure-official")!.TextContent;
        Assert.Contains("77,8 %", figure, StringComparison.Ordinal);
        Assert.Contains("7 de 9 actividades programadas", figure, StringComparison.Ordinal);
        Assert.Contains("en 51 planes", figure, StringComparison.Ordinal);
        Assert.Contains("Página 1 de 2", page.QuerySelector(".ranking-count")!.TextContent, StringComparison.Ordinal);
        // The distribution as a chart with its table: 3 alta, 1 media, 1 baja, 46 with nothing programmed.
        Assert.NotNull(page.QuerySelector("svg[role=img] title"));
        Assert.Equal(["3", "1", "1", "46"], page.GetElementById("tabla-niveles")!.ParentElement!.QuerySelectorAll("tbody tr")
            .Select(r => r.QuerySelectorAll("td")[1].TextContent.Trim()));
        // Departments in DIVIPOLA order, each with its totals and a link to its page.
        var departments = page.QuerySelectorAll("table.consolidated-departments tbody tr").Select(r => (
            Name: r.QuerySelector("th a")!.TextContent.Trim(), Plans: r.QuerySelectorAll("td")[0].TextContent.Trim(),
            Figure: r.QuerySelectorAll("td")[3].TextContent.Trim())).ToList();
        Assert.Equal(["Antioquia", "Valle del Cauca", "Vichada"], departments.Select(d => d.Name));
        Assert.Equal(["2", "3", "45"], departments.Select(d => d.Plans));
        Assert.StartsWith("66,7 %", departments[0].Figure, StringComparison.Ordinal);
        Assert.StartsWith("75 %", departments[1].Figure, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("a[href^='/tablero/departamentos/valle-del-cauca?']"));
        // Simulated data are marked on their row and announced.
        Assert.NotNull(page.QuerySelector(".simulated-data"));
        Assert.Contains("Datos simulados", Rows(page).Single(r => r.TextContent.Contains("Alcaldía de Bello", StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Datos simulados", Rows(page).First().TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nation_RowsCarryBandFurthestBehindAndFollowUps()
    {
        await ConsolidatedNation.EnsureAsync(app);

        var page = await client.GetPageAsync("/tablero/nacional");
        string Row(string name) => Rows(page).Single(r => r.QuerySelector("th")!.TextContent.Contains(name, StringComparison.Ordinal)).TextContent;

        var envigado = Row("Alcaldía de Envigado");
        Assert.Contains("66,7 %", envigado, StringComparison.Ordinal);
        Assert.Contains("Media", envigado, StringComparison.Ordinal);
        Assert.Contains("Antioquia", envigado, StringComparison.Ordinal);
        Assert.Matches(@"2\. RACIONALIZACIÓN DE TRÁMITES: 0 %\s*1\. GESTIÓN DEL RIESGO DE CORRUPCIÓN: 100 %", envigado);
        Assert.Contains("1 de 2 a tiempo", envigado, StringComparison.Ordinal);
        Assert.Contains("1 publicado tarde", envigado, StringComparison.Ordinal);
        var canas = Row("Alcaldía de Cañasgordas");
        Assert.Contains("Baja", canas, StringComparison.Ordinal);
        Assert.Contains("1 de 2 a tiempo", canas, StringComparison.Ordinal);
        Assert.Contains("1 sin publicar", canas, StringComparison.Ordinal);
        Assert.Contains("Sin programación", Row("Alcaldía de Bello"), StringComparison.Ordinal);
        Assert.Contains("Sin departamento", Row("Alcaldía Sin Departamento"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nation_EveryRowsFigure_IsTheEntitysOwnDashboardFigure()
    {
        await ConsolidatedNation.EnsureAsync(app);
        var page = await client.GetPageAsync("/tablero/nacional?fecha=2026-07-15");

        foreach (var row in Rows(page).Take(ConsolidatedNation.Ranked.Length))
        {
            var link = row.QuerySelector("th a")!.GetAttribute("href")!;
            Assert.Contains("fecha=2026-07-15", link, StringComparison.Ordinal);
            var dashboard = await client.GetPageAsync(link);
            var official = dashboard.QuerySelector(".figure-official")!;
            var shown = row.QuerySelector("td.official")!.TextContent;
            Assert.Contains(official.QuerySelector(".figure-value")!.TextContent.Trim(), shown, StringComparison.Ordinal);
            var counts = System.Text.RegularExpressions.Regex.Match(official.TextContent, @"(\d+) de (\d+) actividades").Groups;
            var cells = row.QuerySelectorAll("td.text-end").Select(c => c.TextContent.Trim()).ToList();
            Assert.Equal((counts[2].Value, counts[1].Value), (cells[1], cells[2]));
        }
    }

    [Fact]
    public async Task Nation_Search_IgnoresAccentsAndCase_AndKeepsTheRankInTheNation()
    {
        await ConsolidatedNation.EnsureAsync(app);

        var page = await client.GetPageAsync("/tablero/nacional?buscar=CANASGORDAS");

        var row = Assert.Single(Rows(page));
        Assert.Equal("5", row.QuerySelector("td")!.TextContent.Trim());
        Assert.Contains("Alcaldía de Cañasgordas", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 de 51 entidades coinciden", page.QuerySelector(".ranking-count")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("CANASGORDAS", ((IHtmlInputElement)page.QuerySelector("#buscar")!).Value);
    }

    [Fact]
    public async Task Nation_SecondPage_HoldsTheLastRow_AndLinksBack()
    {
        await ConsolidatedNation.EnsureAsync(app);

        var first = await client.GetPageAsync("/tablero/nacional");
        var next = first.QuerySelector("nav.pager a[rel=next]")!.GetAttribute("href")!;
        var page = await client.GetPageAsync(next);

        Assert.Contains("pagina=2", next, StringComparison.Ordinal);
        var row = Assert.Single(Rows(page));
        Assert.Equal("51", row.QuerySelector("td")!.TextContent.Trim());
        Assert.Contains("Página 2 de 2", page.QuerySelector("nav.pager")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("nav.pager a[rel=prev]"));
        Assert.Null(page.QuerySelector("nav.pager a[rel=next]"));
    }

    [Theory]
    [InlineData("/tablero/nacional?fecha=30-04-2026")]
    [InlineData("/tablero/nacional?anio=dos")]
    [InlineData("/tablero/nacional?pagina=0")]
    public async Task Nation_BadInput_Is400WithTheError(string url)
    {
        await ConsolidatedNation.EnsureAsync(app);

        var response = await client.GetAsync(url);
        var page = await TestClient.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(page.QuerySelector("#error-summary"));
    }

    [Fact]
    public async Task Department_RanksItsEntities_WithItsTotals_AndLinksBackToTheNation()
    {
        await ConsolidatedNation.EnsureAsync(app);

        var page = await client.GetPageAsync("/tablero/departamentos/valle-del-cauca");

        Assert.Equal(["Alcaldía de Buga", "Alcaldía de Palmira", "Alcaldía de Cañasgordas"], Names(page));
        Assert.Equal(["1", "2", "3"], Rows(page).Select(r => r.QuerySelector("td")!.TextContent.Trim()));
        var figure = page.QuerySelector(".figure-official")!.TextContent;
        Assert.Contains("75 %", figure, StringComparison.Ordinal);
        Assert.Contains("3 de 4 actividades programadas", figure, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector(".simulated-data"));
        Assert.NotNull(page.QuerySelector("a[href^='/tablero/nacional']"));
        Assert.Contains("Valle del Cauca", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Department_Unknown_Is404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/tablero/departamentos/atlantida")).StatusCode);
    }

    [Fact]
    public async Task Tablero_AndTheFooter_LinkToTheNation()
    {
        var page = await client.GetPageAsync("/tablero");

        Assert.Equal(2, page.QuerySelectorAll("a[href='/tablero/nacional']").Length);
    }

    [Fact]
    public async Task OpenData_CsvJsonAndXlsx_HoldEveryPlanInRankOrder_WithTheDateAndTheSimulatedFlag()
    {
        await ConsolidatedNation.EnsureAsync(app);

        var csv = Csv.Parse(await client.GetStringAsync("/datos/2026/nacional.csv?fecha=2026-11-26"));
        using var json = JsonDocument.Parse(await client.GetStringAsync("/datos/2026/nacional.json?fecha=2026-11-26"));
        using var workbook = new XLWorkbook(await (await client.GetAsync("/datos/2026/nacional.xlsx?fecha=2026-11-26")).Content.ReadAsStreamAsync());

        Assert.Equal(OpenDatasets.NationalCompliance.ColumnNames, csv[0]);
        var rows = csv.Skip(1).Select(r => csv[0].Zip(r).ToDictionary(p => p.First, p => p.Second)).ToList();
        Assert.Equal(51, rows.Count);
        Assert.Equal(ConsolidatedNation.Ranked, rows.Take(6).Select(r => r["entidad"]));
        Assert.Equal(Enumerable.Range(1, 51).Select(i => i.ToString(CultureInfo.InvariantCulture)), rows.Select(r => r["puesto"]));
        Assert.All(rows, r => Assert.Equal("2026-11-26", r["fecha"]));
        var envigado = rows[3];
        Assert.Equal(("3", "2", "66.7", "media", "05", "Antioquia"), (envigado["actividades_programadas"], envigado["actividades_cumplidas"],
            envigado["cumplimiento_porcentaje"], envigado["zona"], envigado["departamento_codigo"], envigado["departamento"]));
        Assert.Equal(("2", "1", "1", "0"), (envigado["seguimientos_vencidos"], envigado["seguimientos_a_tiempo"], envigado["seguimientos_tarde"],
            envigado["seguimientos_sin_publicar"]));
        Assert.Equal(("", "", "si"), (rows[5]["cumplimiento_porcentaje"], rows[5]["zona"], rows[5]["simulado"]));
        Assert.Equal("no", rows[0]["simulado"]);

        var objects = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(51, objects.Count);
        Assert.Equal(66.7m, objects[3].GetProperty("cumplimiento_porcentaje").GetDecimal());
        Assert.Equal(4, objects[3].GetProperty("puesto").GetInt32());
        Assert.Equal(JsonValueKind.Null, objects[5].GetProperty("cumplimiento_porcentaje").ValueKind);

        var sheet = workbook.Worksheet(DatasetXlsx.DataSheet);
        int Column(string name) => OpenDatasets.NationalCompliance.ColumnNames.ToList().IndexOf(name) + 1;
        Assert.Equal(52, sheet.LastRowUsed().RowNumber());
        Assert.Equal(XLDataType.Number, sheet.Cell(5, Column("cumplimiento_porcentaje")).DataType);
        Assert.Equal(66.7, sheet.Cell(5, Column("cumplimiento_porcentaje")).GetDouble(), 3);
        Assert.Equal(XLDataType.DateTime, sheet.Cell(2, Column("fecha")).DataType);
        Assert.Equal(XLDataType.Text, sheet.Cell(5, Column("departamento_codigo")).DataType);
        Assert.Equal("05", sheet.Cell(5, Column("departamento_codigo")).GetString());
    }

    [Fact]
    public async Task OpenData_Department_AndErrors()
    {
        await ConsolidatedNation.EnsureAsync(app);

        var csv = Csv.Parse(await client.GetStringAsync("/datos/2026/departamentos/valle-del-cauca.csv"));

        Assert.Equal(["Alcaldía de Buga", "Alcaldía de Palmira", "Alcaldía de Cañasgordas"], csv.Skip(1).Select(r => r[3]));
        Assert.Equal(["1", "2", "3"], csv.Skip(1).Select(r => r[2]));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/datos/2026/departamentos/atlantida.csv")).StatusCode);
        var bad = await client.GetAsync("/datos/2026/nacional.json?fecha=ayer");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("fecha", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_View_HasTheFiguresWithTheirCounts_AndPages()
    {
        await ConsolidatedNation.EnsureAsync(app);

        using var doc = JsonDocument.Parse(await client.GetStringAsync("/api/consolidated/2026?at=2026-11-26&pageSize=2&page=2"));
        var root = doc.RootElement;

        Assert.Equal((51, 51, 2, 2, 26), (root.GetProperty("plans").GetInt32(), root.GetProperty("matching").GetInt32(), root.GetProperty("page").GetInt32(),
            root.GetProperty("pageSize").GetInt32(), root.GetProperty("pageCount").GetInt32()));
        var total = root.GetProperty("total");
        Assert.Equal((77.8m, 9, 7), (total.GetProperty("percentage").GetDecimal(), total.GetProperty("programmed").GetProperty("activities").GetInt32(),
            total.GetProperty("completed").GetProperty("activities").GetInt32()));
        Assert.True(root.GetProperty("simulated").GetBoolean());
        var entities = root.GetProperty("entities").EnumerateArray().ToList();
        Assert.Equal([3, 4], entities.Select(e => e.GetProperty("rank").GetInt32()));
        Assert.Equal("Alcaldía de Envigado", entities[1].GetProperty("entity").GetString());
        Assert.Equal("media", entities[1].GetProperty("compliance").GetProperty("band").GetString());
        Assert.Equal(2, entities[1].GetProperty("furthestBehind")[0].GetProperty("number").GetInt32());
        Assert.Equal(1, entities[1].GetProperty("followUps").GetProperty("late").GetInt32());
        Assert.Equal(["alta", "media", "baja", null], root.GetProperty("distribution").EnumerateArray().Select(d => d.GetProperty("band").GetString()));

        using var valle = JsonDocument.Parse(await client.GetStringAsync("/api/consolidated/2026?department=valle-del-cauca&search=PALMIRA"));
        Assert.Equal((3, 1), (valle.RootElement.GetProperty("plans").GetInt32(), valle.RootElement.GetProperty("matching").GetInt32()));
        Assert.Equal(2, valle.RootElement.GetProperty("entities")[0].GetProperty("rank").GetInt32());
    }

    [Fact]
    public async Task Api_Departments_AndBadInput()
    {
        await ConsolidatedNation.EnsureAsync(app);

        using var doc = JsonDocument.Parse(await client.GetStringAsync("/api/consolidated/2026/departments?at=2026-11-26"));
        var departments = doc.RootElement.GetProperty("departments").EnumerateArray().ToList();

        Assert.Equal(["05", "76", "99"], departments.Select(d => d.GetProperty("code").GetString()));
        Assert.Equal(75m, departments[1].GetProperty("compliance").GetProperty("percentage").GetDecimal());
        Assert.True(departments[0].GetProperty("simulated").GetBoolean());
        foreach (var url in new[] { "/api/consolidated/2026?at=2026-13-01", "/api/consolidated/2026?pageSize=501", "/api/consolidated/2026?page=cero",
            "/api/consolidated/2026/departments?at=hoy" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/consolidated/2026?department=atlantida")).StatusCode);
    }
}

public sealed class SqliteNationTests(SqliteApp app) : NationTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresNationTests(PostgresApp app) : NationTests(app), IClassFixture<PostgresApp>;
