using System.Text.Json;
using ClosedXML.Excel;
using Vigia.Core.Monitoring;
using Vigia.Core.OpenData;
using Vigia.Core.Organisation;
using Vigia.Core.RiskMap;
using Vigia.Core.RiskMap.Tracking;
using Vigia.Web.Tests.OpenData;
using static Vigia.Web.Tests.Pages.RiskMap.PublicTrackingData;

namespace Vigia.Web.Tests.Pages.RiskMap;

/// <summary>The public page of one risk (/mapa-riesgos/{año}/riesgo/{código}) with the second line's accepted
/// monitoring and the materializations, and the open data riesgos-monitoreo and riesgos-materializaciones: only what
/// belongs to the published version, never the names of people.</summary>
public abstract class RiskTests(VigiaFactory app)
{
    private static readonly Actor Planning = new(null, "Planeación", new HashSet<string> { Roles.Planning });

    /// <summary>Version 1 published with RC-01 (one control) and RC-02; then tracking on RC-01. Version 2 opened as a
    /// draft where RC-01 gains a second control and RC-03 appears, each with an accepted monitoring and RC-03 with a
    /// materialization: none of that draft may reach the public.</summary>
    private Task<string> ArrangeAsync() => app.SharedAsync("risk-public-tracking", async a =>
    {
        await TestData.SmallPlanAsync(a);
        await using var scope = a.Scope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        var process = new Process { EntityId = await db.Entities.Select(e => e.Id).FirstAsync(), Name = "Gestión de la Contratación", Kind = ProcessKind.Support };
        db.Processes.Add(process);
        await db.SaveChangesAsync();
        var risks = services.GetRequiredService<RiskMapService>();
        RiskDraft Draft(string code) => new(process.Id, 2026, code, $"Posibilidad de favorecer a un tercero ({code})",
            "Fraude interno", true, true, true, true, "Presión de terceros", "Criterios ambiguos", "Pérdida de recursos", 1000, [1, 2, 3], "reducir");
        ControlDraft Control(string what) => new(what, "Profesional de contratación", "preventivo", "manual", "documentado", "continua", "con-registro");
        var first = await risks.SaveRiskAsync(Planning, null, Draft("RC-01"));
        Assert.True((await risks.SaveControlAsync(Planning, first.Value.Id, null, Control("Verificación de requisitos con lista de chequeo"))).Succeeded);
        Assert.True((await risks.SaveRiskAsync(Planning, null, Draft("RC-02"))).Succeeded);
        var publication = services.GetRequiredService<RiskMapPublicationService>();
        Assert.True((await publication.PublishAsync(process.EntityId, 2026, new RiskMapApproval("Comité Institucional", new DateOnly(2026, 1, 20)), Planning)).Succeeded);
        await TrackAsync(services, first.Value.Id);

        Assert.True((await publication.StartVersionAsync(process.EntityId, 2026, "Se agrega un control y un riesgo nuevo.", Planning)).Succeeded);
        const string why = "Se agrega un control y un riesgo nuevo.";
        Assert.True((await risks.SaveControlAsync(Planning, first.Value.Id, null, Control("Control del borrador"), why)).Succeeded);
        var draftOnly = await risks.SaveRiskAsync(Planning, null, Draft("RC-03"), why);
        Assert.True(draftOnly.Succeeded, string.Join(" ", draftOnly.Errors.Values));
        Assert.True((await risks.SaveControlAsync(Planning, draftOnly.Value.Id, null, Control("Control del riesgo del borrador"), why)).Succeeded);
        var monitoring = services.GetRequiredService<ControlMonitoringService>();
        var draftControls = await db.RiskControls.Where(c => (c.RiskId == first.Value.Id && c.Number == 2) || c.RiskId == draftOnly.Value.Id)
            .Select(c => c.Id).ToListAsync();
        foreach (var control in draftControls)
        {
            var submitted = await monitoring.SubmitAsync(LeaderActor, control, new ControlMonitoringDraft(8, false, "Monitoreo de un control del borrador.", [], []));
            Assert.True(submitted.Succeeded, string.Join(" ", submitted.Errors.Values));
            Assert.True((await monitoring.ReviewAsync(ReviewerActor, submitted.Value, ReviewDecision.Accept, null)).Succeeded);
        }
        Assert.True((await services.GetRequiredService<MaterializationService>().RecordAsync(LeaderActor, draftOnly.Value.Id,
            new MaterializationDraft(new DateOnly(2026, 5, 2), "Materialización de un riesgo del borrador.", Authorities.Contraloria,
                new DateOnly(2026, 5, 3), [EvidenceUrl], []))).Succeeded);
        return await FirstUnitNameAsync(services);
    });

    private static void AssertNothingPrivate(string text)
    {
        foreach (var secret in new[] { Leader, Reviewer, EvidenceUrl, PendingNote, ReturnedNote, "borrador" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Get_ShowsTheAcceptedMonitoringAndTheMaterializationWithItsPlan_AndNoNames()
    {
        var unit = await ArrangeAsync();

        var page = await app.Anonymous().GetPageAsync("/mapa-riesgos/2026/riesgo/RC-01");

        Assert.Equal("Riesgo RC-01: Posibilidad de favorecer a un tercero (RC-01)", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("1 monitoreo aceptado", page.QuerySelector("#monitoreo-caption")!.TextContent);
        var row = page.QuerySelector("#monitoreo-caption")!.ParentElement!.QuerySelectorAll("tbody tr").Single();
        Assert.Equal(["octubre de 2026", "1. Verificación de requisitos con lista de chequeo", "Sí", AcceptedNote, $"Aceptado el 26 de noviembre de 2026: {ReviewComment}"],
            row.Children.Select(c => c.TextContent.Trim()));
        Assert.Equal("Materialización del 3 de marzo de 2026", page.QuerySelector("#materializacion-1")!.TextContent);
        var materialization = page.QuerySelector("#materializacion-1")!.ParentElement!;
        Assert.Contains(Materialization, materialization.TextContent, StringComparison.Ordinal);
        Assert.Contains("Procuraduría y Fiscalía, el 5 de marzo de 2026", materialization.TextContent, StringComparison.Ordinal);
        Assert.Contains("Pendiente: el líder del proceso aún no ha reevaluado", materialization.TextContent, StringComparison.Ordinal);
        Assert.Equal("Plan de mejoramiento: 1 acción", page.QuerySelector("#materializacion-1-caption")!.TextContent);
        Assert.Equal([ImprovementText, unit, "1 de abril de 2026", "30 de junio de 2026", "Listas de asistencia y evaluación"],
            page.QuerySelector("#materializacion-1-caption")!.ParentElement!.QuerySelector("tbody tr")!.Children.Select(c => c.TextContent.Trim()));
        Assert.Single(page.QuerySelectorAll("main ol li"));
        AssertNothingPrivate(page.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Get_ARiskWithoutTracking_SaysSo_AndTheMapCountsAndLinksEachRisk()
    {
        await ArrangeAsync();

        var risk = await app.Anonymous().GetPageAsync("/mapa-riesgos/2026/riesgo/RC-02");
        var map = await app.Anonymous().GetPageAsync("/mapa-riesgos/2026");

        Assert.NotNull(risk.QuerySelector("#sin-monitoreo"));
        Assert.NotNull(risk.QuerySelector("#sin-materializaciones"));
        var rows = map.QuerySelector("#riesgos-caption")!.ParentElement!.QuerySelectorAll("tbody tr");
        Assert.Equal(["1 monitoreo · 1 materialización", "0 monitoreos · 0 materializaciones"], rows.Select(r => r.Children[^1].TextContent));
        var link = rows[0].QuerySelector("th a")!.GetAttribute("href")!;
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().GetAsync(link)).StatusCode);
        Assert.EndsWith("/riesgo/RC-01", new Uri(new Uri("http://x"), link).AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NothingOfADraft_NorOfAYearWithoutPublishedMap_IsPublic()
    {
        await ArrangeAsync();
        var client = app.Anonymous();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/mapa-riesgos/2026/riesgo/RC-03")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/mapa-riesgos/2025/riesgo/RC-01")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/mapa-riesgos/2026/riesgo/RC-01?version=2")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/datos/2025/riesgos-monitoreo.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/datos/2025/riesgos-materializaciones.json")).StatusCode);
        var monitoring = await client.GetStringAsync("/datos/2026/riesgos-monitoreo.csv");
        var materializations = await client.GetStringAsync("/datos/2026/riesgos-materializaciones.csv");
        Assert.DoesNotContain("RC-03", monitoring + materializations, StringComparison.Ordinal);
        AssertNothingPrivate(monitoring + materializations);
        AssertNothingPrivate((await client.GetPageAsync("/mapa-riesgos/2026")).QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task MonitoringOpenData_ReadsBackFromCsvJsonAndTypedXlsx()
    {
        await ArrangeAsync();
        var client = app.Anonymous();

        var csv = Csv.Parse(await client.GetStringAsync("/datos/alcaldia-de-prueba/2026/riesgos-monitoreo.csv"));
        using var json = JsonDocument.Parse(await client.GetStringAsync("/datos/2026/riesgos-monitoreo.json"));
        var xlsxResponse = await client.GetAsync("/datos/2026/riesgos-monitoreo.xlsx");

        Assert.Equal(OpenDatasets.RiskMonitoring.ColumnNames, csv[0]);
        Assert.Equal(2, csv.Count);
        Assert.Equal(["RC-01", "Gestión de la Contratación", "Posibilidad de favorecer a un tercero (RC-01)", "1", "Verificación de requisitos con lista de chequeo",
            "Profesional de contratación", "2026", "10", "octubre de 2026", "si", AcceptedNote, ReviewComment, "2026-11-26", "1"], csv[1]);
        var row = json.RootElement.EnumerateArray().Single();
        Assert.Equal((1, 10, "si", "2026-11-26", 1), (row.GetProperty("control_numero").GetInt32(), row.GetProperty("mes").GetInt32(),
            row.GetProperty("ejecutado").GetString(), row.GetProperty("fecha_revision").GetString(), row.GetProperty(RiskRow.VersionColumn).GetInt32()));
        Assert.Equal("1", xlsxResponse.Headers.GetValues("X-Risk-Map-Version").Single());
        using var workbook = new XLWorkbook(await xlsxResponse.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheet(DatasetXlsx.DataSheet);
        Assert.Equal("RC-01", Cell(sheet, OpenDatasets.RiskMonitoring, "codigo", XLDataType.Text).GetString());
        Assert.Equal(10, Cell(sheet, OpenDatasets.RiskMonitoring, "mes", XLDataType.Number).GetDouble());
        Assert.Equal(new DateTime(2026, 11, 26), Cell(sheet, OpenDatasets.RiskMonitoring, "fecha_revision", XLDataType.DateTime).GetDateTime());
        Assert.Equal(AcceptedNote, Cell(sheet, OpenDatasets.RiskMonitoring, "observaciones", XLDataType.Text).GetString());
    }

    [Fact]
    public async Task MaterializationsOpenData_ReadsBackFromCsvJsonAndTypedXlsx()
    {
        var unit = await ArrangeAsync();
        var client = app.Anonymous();

        var csv = Csv.Parse(await client.GetStringAsync("/datos/2026/riesgos-materializaciones.csv"));
        using var json = JsonDocument.Parse(await client.GetStringAsync("/datos/alcaldia-de-prueba/2026/riesgos-materializaciones.json"));
        using var workbook = new XLWorkbook(await (await client.GetAsync("/datos/2026/riesgos-materializaciones.xlsx")).Content.ReadAsStreamAsync());

        Assert.Equal(OpenDatasets.RiskMaterializations.ColumnNames, csv[0]);
        Assert.Equal(["RC-01", "Gestión de la Contratación", "Posibilidad de favorecer a un tercero (RC-01)", "2026-03-03", Materialization,
            "Procuraduría | Fiscalía", "2026-03-05", "no", "", "", "1",
            $"1. {ImprovementText} ({unit}; 2026-04-01 a 2026-06-30; entregable: Listas de asistencia y evaluación)", "no", "", "", "1"], csv[1]);
        Assert.Equal(2, csv.Count);
        var row = json.RootElement.EnumerateArray().Single();
        Assert.Equal(OpenDatasets.RiskMaterializations.ColumnNames, row.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, row.GetProperty("fecha_reevaluacion").ValueKind);
        Assert.Equal(1, row.GetProperty("acciones_mejora_numero").GetInt32());
        var action = row.GetProperty("acciones_mejora").EnumerateArray().Single();
        Assert.Equal((ImprovementText, unit, "2026-04-01", "2026-06-30"), (action.GetProperty("descripcion").GetString(), action.GetProperty("responsable").GetString(),
            action.GetProperty("fecha_inicio").GetString(), action.GetProperty("fecha_fin").GetString()));
        var sheet = workbook.Worksheet(DatasetXlsx.DataSheet);
        Assert.Equal(new DateTime(2026, 3, 3), Cell(sheet, OpenDatasets.RiskMaterializations, "fecha_materializacion", XLDataType.DateTime).GetDateTime());
        Assert.Equal(1, Cell(sheet, OpenDatasets.RiskMaterializations, "acciones_mejora_numero", XLDataType.Number).GetDouble());
        Assert.True(Cell(sheet, OpenDatasets.RiskMaterializations, "fecha_reevaluacion", null).IsEmpty());
    }

    private static IXLCell Cell(IXLWorksheet sheet, OpenDataset dataset, string column, XLDataType? type)
    {
        var cell = sheet.Cell(2, dataset.ColumnNames.ToList().IndexOf(column) + 1);
        if (type is { } expected)
        {
            Assert.True(expected == cell.DataType, $"{column}: {cell.DataType}, expected {expected}");
        }
        return cell;
    }
}

public sealed class SqliteRiskTests(SqliteApp app) : RiskTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresRiskTests(PostgresApp app) : RiskTests(app), IClassFixture<PostgresApp>;
