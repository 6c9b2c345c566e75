using System.Text.Json;
using ClosedXML.Excel;
using Vigia.Core.Organisation;
using Vigia.Core.RiskMap;

namespace Vigia.Web.Tests.Pages.RiskMap;

/// <summary>The public risk map (/mapa-riesgos/{year}) and its open data (/datos/{year}/riesgos.csv|json).</summary>
public abstract class IndexTests(VigiaFactory app)
{
    private static readonly Actor Planning = new(null, "Planeación", new HashSet<string> { Roles.Planning });

    /// <summary>Two risks of one process: RC-01 alta × moderado (alto) with a preventive control (residual media ×
    /// moderado, moderado); RC-02 baja × mayor (alto) without controls.</summary>
    private Task<string> MapAsync() => app.SharedAsync("risk-map", async a =>
    {
        await TestData.SmallPlanAsync(a);
        await using var scope = a.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var process = new Process { EntityId = await db.Entities.Select(e => e.Id).FirstAsync(), Name = "Gestión de la Contratación", Kind = ProcessKind.Support };
        db.Processes.Add(process);
        await db.SaveChangesAsync();
        var service = scope.ServiceProvider.GetRequiredService<RiskMapService>();
        RiskDraft Draft(string code, int frequency, params int[] yes) => new(process.Id, 2026, code, $"Posibilidad de favorecer a un tercero ({code})",
            "Fraude interno", true, true, true, true, "Presión de terceros", "Criterios ambiguos", "Pérdida de recursos", frequency, yes, "reducir");
        var first = await service.SaveRiskAsync(Planning, null, Draft("RC-01", 1000, 1, 2, 3));
        await service.SaveControlAsync(Planning, first.Value.Id, null, new ControlDraft("Verificación de requisitos con lista de chequeo",
            "Profesional de contratación", "preventivo", "manual", "documentado", "continua", "con-registro"));
        Assert.True((await service.SaveRiskAsync(Planning, null, Draft("RC-02", 20, 1, 2, 3, 4, 5, 6))).Succeeded);
        // Citizens see only a published map.
        var published = await scope.ServiceProvider.GetRequiredService<RiskMapPublicationService>().PublishAsync(process.EntityId, 2026,
            new RiskMapApproval("Comité Institucional de Coordinación de Control Interno", new DateOnly(2026, 1, 20)), Planning);
        Assert.True(published.Succeeded, string.Join(" ", published.Errors.Values));
        return "RC-01, RC-02";
    });

    [Fact]
    public async Task Get_DrawsBothHeatMapsAsImagesWithTheCountsAndATableOfLinks()
    {
        await MapAsync();

        var page = await app.Anonymous().GetPageAsync("/mapa-riesgos/2026");

        var inherent = page.QuerySelector("#mapa-inherente-titulo")!.ParentElement!;
        Assert.Equal("img", inherent.GetAttribute("role"));
        Assert.Equal("Mapa de calor de 2 riesgos: 1 en probabilidad alta e impacto moderado (zona alto); 1 en probabilidad baja e impacto mayor (zona alto).",
            page.QuerySelector("#mapa-inherente-desc")!.TextContent);
        Assert.Contains("1 en probabilidad media e impacto moderado (zona moderado)", page.QuerySelector("#mapa-residual-desc")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["1", "1"], inherent.QuerySelectorAll(".heat-map-count").Select(t => t.TextContent));
        var link = page.QuerySelector("#mapa-residual-tabla")!.ParentElement!.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).First();
        var cell = await app.Anonymous().GetPageAsync(link);
        Assert.Single(cell.QuerySelectorAll("#riesgos-caption"));
        Assert.Equal("1 riesgo", cell.QuerySelector("#riesgos-caption")!.TextContent);
        Assert.Equal("RC-01", cell.QuerySelector("#riesgos-caption")!.ParentElement!.QuerySelector("tbody th")!.TextContent);
    }

    /// <summary>An image's content is presentational: links inside the role="img" SVG were "nested interactive"
    /// controls (axe, found by the risk-map browser journey). The cells' pointer links live in a second SVG laid over
    /// the image, hidden from assistive technology and out of the tab order.</summary>
    [Fact]
    public async Task Get_KeepsTheHeatMapImageFreeOfLinks_AndPutsThePointerLinksInAHiddenOverlay()
    {
        await MapAsync();

        var page = await app.Anonymous().GetPageAsync("/mapa-riesgos/2026");

        foreach (var id in new[] { "mapa-inherente", "mapa-residual" })
        {
            var image = page.QuerySelector($"#{id}-titulo")!.ParentElement!;
            Assert.Empty(image.QuerySelectorAll("a"));
            var overlay = image.ParentElement!.QuerySelector("svg.heat-map-links")!;
            Assert.Equal("true", overlay.GetAttribute("aria-hidden"));
            Assert.Null(overlay.GetAttribute("role"));
            var links = overlay.QuerySelectorAll("a");
            Assert.Equal(25, links.Length);
            Assert.All(links, a => Assert.Equal("-1", a.GetAttribute("tabindex")));
            Assert.Equal(image.GetAttribute("viewBox"), overlay.GetAttribute("viewBox"));
        }
    }

    [Fact]
    public async Task Xlsx_IsTheConsolidatedMatrix_LinkedFromThePage()
    {
        await MapAsync();
        var page = await app.Anonymous().GetPageAsync("/mapa-riesgos/2026");
        var href = page.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).Single(h => h.Contains("handler=Xlsx", StringComparison.Ordinal));

        var response = await app.Anonymous().GetAsync(href);

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var ws = workbook.Worksheet("Mapa de riesgos");
        Assert.Equal(("RC-01", "RC-02"), (ws.Cell(4, 1).GetString(), ws.Cell(5, 1).GetString()));
    }

    /// <summary>Read back with ClosedXML, each cell has its real type: references, answers and words as text (never a
    /// number or a date Excel guessed), frequencies, control numbers and percentages as numbers. The matrix has no
    /// date column.</summary>
    [Fact]
    public async Task Xlsx_ReadBack_HasTypedCells()
    {
        await MapAsync();

        using var workbook = new XLWorkbook(await (await app.Anonymous().GetAsync("/mapa-riesgos/2026?handler=Xlsx")).Content.ReadAsStreamAsync());

        var ws = workbook.Worksheet(RiskMapXlsx.Sheet);
        int Column(string header) => RiskMapXlsx.Columns.Select(c => c.Header).ToList().IndexOf(header) + 1;
        IXLCell Cell(string header) => ws.Cell(RiskMapXlsx.HeaderRow + 1, Column(header));
        Assert.All(RiskMapXlsx.Columns, c => Assert.Equal(XLDataType.Text, ws.Cell(RiskMapXlsx.HeaderRow, Column(c.Header)).DataType));
        foreach (var (header, text) in new[] { ("Referencia", "RC-01"), ("Criterio(s) de impacto: preguntas con «sí»", "1, 2, 3"),
            ("Probabilidad inherente", "Alta"), ("Zona de riesgo inherente", "Alto"), ("Acción u omisión", "Sí"), ("Descripción del control", "Verificación de requisitos con lista de chequeo") })
        {
            Assert.True(Cell(header).DataType == XLDataType.Text, $"{header}: {Cell(header).DataType}");
            Assert.Equal(text, Cell(header).GetString());
        }
        foreach (var (header, number) in new[] { ("Frecuencia con la que se realiza la actividad", 1000d), ("No. control", 1d),
            ("Probabilidad inherente (%)", 0.8d), ("Probabilidad residual final (%)", 0.48d), ("Impacto residual final (%)", 0.6d) })
        {
            Assert.True(Cell(header).DataType == XLDataType.Number, $"{header}: {Cell(header).DataType}");
            Assert.Equal(number, Cell(header).GetDouble(), 6);
        }
        Assert.Equal(XLDataType.Number, Cell("Calificación").DataType);
        Assert.DoesNotContain(ws.CellsUsed(), c => c.DataType == XLDataType.DateTime || c.HasFormula);
    }

    [Fact]
    public async Task Pdf_IsTheConsolidatedMapOfThePublishedVersion_LinkedFromThePage()
    {
        await MapAsync();
        var page = await app.Anonymous().GetPageAsync("/mapa-riesgos/2026");
        var href = page.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).Single(h => h.Contains("handler=Pdf", StringComparison.Ordinal));

        var response = await app.Anonymous().GetAsync(href);

        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.Contains("Proceso: Gestión de la Contratación", text, StringComparison.Ordinal);
        Assert.Contains("RC-01 — Posibilidad de favorecer a un tercero (RC-01)", text, StringComparison.Ordinal);
        Assert.Contains("Versión 1, publicada el", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_HasTheDatasetsColumnsAndTheLevelsAsWords()
    {
        await MapAsync();

        var csv = await app.Anonymous().GetStringAsync("/datos/2026/riesgos.csv");

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("codigo,proceso,riesgo,clasificacion,causas,probabilidad_inherente,impacto_inherente,zona_inherente,controles,probabilidad_residual,impacto_residual,zona_residual,tratamiento,probabilidad_residual_pct,impacto_residual_pct,version_mapa", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("RC-01,Gestión de la Contratación,Posibilidad de favorecer a un tercero (RC-01),Fraude interno,Causa inmediata: Presión de terceros | Causa raíz: Criterios ambiguos,Alta,Moderado,Alto,", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",Media,Moderado,Moderado,Reducir (mitigar),48,60,1", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_HasTheSameColumns_AndTheEntityVariantAnswersToo()
    {
        await MapAsync();
        string slug;
        await using (var scope = app.Scope())
        {
            slug = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Entities.Select(e => e.Slug).FirstAsync();
        }

        using var doc = JsonDocument.Parse(await app.Anonymous().GetStringAsync($"/datos/{slug}/2026/riesgos.json"));

        var second = doc.RootElement[1];
        Assert.Equal(("RC-02", "Baja", "Mayor", "Alto", "Alto", 40m), (second.GetProperty("codigo").GetString(), second.GetProperty("probabilidad_inherente").GetString(),
            second.GetProperty("impacto_inherente").GetString(), second.GetProperty("zona_inherente").GetString(), second.GetProperty("zona_residual").GetString(),
            second.GetProperty("probabilidad_residual_pct").GetDecimal()));
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync("/datos/2019/riesgos.csv")).StatusCode);
    }
}

public sealed class SqliteIndexTests(SqliteApp app) : IndexTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresIndexTests(PostgresApp app) : IndexTests(app), IClassFixture<PostgresApp>;
