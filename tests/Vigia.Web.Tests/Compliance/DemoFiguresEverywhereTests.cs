using System.Globalization;
using System.Text.Json;
using ClosedXML.Excel;
using UglyToad.PdfPig;
using Vigia.Core.Compliance;
using Vigia.Core.Demo;
using Vigia.Core.FollowUps;
using Vigia.Web.Tests.OpenData;

namespace Vigia.Web.Tests.Compliance;

/// <summary>Issue 9's done-condition: on the demo data (the bundled Cali 2022 plan with the demo simulation's schedule and
/// reports, as <c>--demo</c> loads it), at the date of a published follow-up cut-off, no two screens or files give two
/// different compliance figures for the same thing. The API is the reference; the dashboard, the plan page, every component
/// page, the published follow-up (page, XLSX, PDF), the consolidated follow-up (page, XLSX, CSV and JSON open data), the
/// follow-up's open data and the nation's open data must print the same percentage and the same counts. Where Control
/// Interno's assessment departs from the accepted reports (the second cut-off here), the follow-up says so in every format.</summary>
public abstract class DemoFiguresEverywhereTests(VigiaFactory app)
{
    private const string April = "2022-04-30";
    private const string August = "2022-08-31";

    /// <summary>Programmed and completed activities, the official percentage as printed («—» when nothing is programmed),
    /// programmed and completed actions. Sources that print no action counts leave them null.</summary>
    private sealed record Line(int ProgrammedActivities, int CompletedActivities, string Percent, int? ProgrammedActions, int? CompletedActions)
    {
        public Line WithoutActions() => this with { ProgrammedActions = null, CompletedActions = null };
    }

    private static string Percent(decimal? value) => FollowUpText.Percent(value);

    private static string Printed(string text) => text.Trim() is "No aplica" or "" ? "—" : text.Trim();

    private static int Int(string text) => int.Parse(text.Trim(), CultureInfo.InvariantCulture);

    private static string Key(string rowHeader) => rowHeader.Trim() is "Plan" or "Total" ? "Total" : rowHeader.Trim().Split('.')[0];

    private async Task<int> PlanIdAsync()
    {
        await using var db = app.Database.CreateContext();
        return await db.Plans.Where(p => p.Year == 2022).Select(p => p.Id).SingleAsync();
    }

    private async Task<(Dictionary<string, Line> Lines, Dictionary<string, string?> Bands, bool SimulatedSchedule)> FromApiAsync(string at)
    {
        using var json = JsonDocument.Parse(await app.Anonymous().GetStringAsync($"/api/plans/2022/compliance?at={at}"));
        static Line Of(JsonElement f) => new(f.GetProperty("programmed").GetProperty("activities").GetInt32(),
            f.GetProperty("completed").GetProperty("activities").GetInt32(),
            Percent(f.GetProperty("percentage").ValueKind == JsonValueKind.Null ? null : f.GetProperty("percentage").GetDecimal()),
            f.GetProperty("programmed").GetProperty("actions").GetInt32(), f.GetProperty("completed").GetProperty("actions").GetInt32());
        var root = json.RootElement;
        var components = root.GetProperty("components").EnumerateArray().ToList();
        var lines = components.ToDictionary(c => c.GetProperty("number").GetInt32().ToString(CultureInfo.InvariantCulture), c => Of(c.GetProperty("compliance")));
        lines["Total"] = Of(root.GetProperty("plan"));
        var bands = components.ToDictionary(c => c.GetProperty("number").GetInt32().ToString(CultureInfo.InvariantCulture),
            c => c.GetProperty("compliance").GetProperty("band").GetString());
        bands["Total"] = root.GetProperty("plan").GetProperty("band").GetString();
        return (lines, bands, root.GetProperty("simulatedSchedule").GetBoolean());
    }

    private static Dictionary<string, Line> SummaryTable(IHtmlDocument doc, string captionId, Func<List<string>, Line> read)
    {
        var table = doc.GetElementById(captionId)!.Closest("table")!;
        return table.QuerySelectorAll("tbody tr, tfoot tr")
            .ToDictionary(r => Key(r.QuerySelector("th")!.TextContent), r => read(r.QuerySelectorAll("td").Select(td => td.TextContent).ToList()));
    }

    /// <summary>The official figure of <c>_OfficialFigure</c> on the plan page or a component page.</summary>
    private static Line FromFigure(IHtmlDocument doc)
    {
        var section = doc.QuerySelector(".official-figure-section")!;
        Assert.Contains("Programación simulada", section.TextContent, StringComparison.Ordinal);
        if (section.QuerySelector(".official-figure") is null)
        {
            Assert.NotNull(section.QuerySelector(".unscheduled-notice"));
            return new Line(0, 0, "—", 0, 0);
        }
        int Count(string css) => Int(section.QuerySelector("." + css)!.TextContent);
        return new Line(Count("programmed-activities"), Count("completed-activities"), Printed(section.QuerySelector(".official-percent")!.TextContent),
            Count("programmed-actions"), Count("completed-actions"));
    }

    /// <summary>Control Interno assesses every action of the plan at the cut-off as the schedule and the accepted reports
    /// say (not programmed, completed, in progress) — or, when <paramref name="agree"/> is false, one completed action as in
    /// progress — then closes and publishes.</summary>
    private async Task<int> PublishAsync(string cutOff, bool agree)
    {
        var planId = await PlanIdAsync();
        var date = DateOnly.ParseExact(cutOff, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        await using var scope = app.Scope();
        var compliance = await scope.ServiceProvider.GetRequiredService<ComplianceService>().ComputeAsync(planId, date);
        var leaves = compliance!.Plan.Leaves().ToList();
        var departing = agree ? (int?)null : leaves.First(l => l.PlannedActions == 1 && l.CompletedActions == 1).Id;
        var actor = new Actor("ci-demo-figures", "Control Interno", new HashSet<string> { Roles.InternalControl });
        var service = scope.ServiceProvider.GetRequiredService<FollowUpService>();
        foreach (var leaf in leaves)
        {
            var input = leaf.PlannedActions == 0 ? new AssessmentInput(AssessmentStatus.NotScheduled, null, null, "Nada programado al corte.")
                : leaf.CompletedActions == 1 && leaf.Id != departing ? new AssessmentInput(AssessmentStatus.Completed, 100, null, "Verificado con las evidencias.")
                : new AssessmentInput(AssessmentStatus.InProgress, 50, null, "La evidencia no sostiene todo lo programado.");
            var assessed = await service.AssessAsync(actor, planId, date, leaf.Id, input);
            Assert.True(assessed.Succeeded, string.Join("; ", assessed.Errors.Values));
        }
        var lifecycle = scope.ServiceProvider.GetRequiredService<FollowUpLifecycle>();
        var closed = await lifecycle.CloseAsync(actor, planId, date);
        Assert.True(closed.Succeeded, string.Join("; ", closed.Errors.Values));
        var published = await lifecycle.PublishAsync(actor, planId, date);
        Assert.True(published.Succeeded, string.Join("; ", published.Errors.Values));
        return published.Value.Id;
    }

    [Fact]
    public async Task AtAPublishedCutOff_EveryScreenAndFileGivesTheSameOfficialFigure_AndADifferingAssessmentSaysSo()
    {
        await using (var scope = app.Scope())
        {
            Assert.Equal(1, (await scope.ServiceProvider.GetRequiredService<DemoExecutionSimulator>().SimulateAsync()).PlansSimulated);
        }
        var anonymous = app.Anonymous();
        var (api, bands, simulatedSchedule) = await FromApiAsync(April);
        Assert.True(simulatedSchedule);
        Assert.Equal(7, api.Count);
        Assert.Contains(api.Values, l => l.ProgrammedActivities > 0 && l.Percent != "—");
        var sources = new Dictionary<string, Dictionary<string, Line>>();

        var dashboard = await anonymous.GetPageAsync($"/planes/2022/tablero?fecha={April}");
        Assert.Contains("Programación simulada", dashboard.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        sources["tablero"] = dashboard.GetElementById("tabla-componentes")!.Closest("table")!.QuerySelectorAll("tbody tr, tfoot tr")
            .ToDictionary(r => Key(r.QuerySelector("th")!.TextContent), r =>
            {
                var cells = r.QuerySelectorAll("td");
                return new Line(Int(cells[0].TextContent), Int(cells[1].TextContent), Printed(cells[4].QuerySelector(".official-percent")?.TextContent ?? "—"),
                    Int(cells[2].TextContent), Int(cells[3].TextContent));
            });
        var plan = await anonymous.GetPageAsync($"/planes/2022?fecha={April}");
        sources["plan"] = new() { ["Total"] = FromFigure(plan) };
        sources["componentes"] = [];
        foreach (var number in api.Keys.Where(k => k != "Total"))
        {
            sources["componentes"][number] = FromFigure(await anonymous.GetPageAsync($"/planes/2022/componente/{number}?fecha={April}"));
        }

        // The first cut-off, published with an assessment that agrees with the accepted reports.
        var april = await PublishAsync(April, agree: true);
        var report = await anonymous.GetPageAsync($"/seguimientos/{april}");
        var reportText = report.QuerySelector("main")!.TextContent;
        Assert.Contains("Programación simulada", reportText, StringComparison.Ordinal);
        Assert.Contains("Datos simulados", reportText, StringComparison.Ordinal);
        Assert.Null(report.QuerySelector(".follow-up-differences"));
        sources["seguimiento"] = SummaryTable(report, "resumen-componentes",
            c => new Line(Int(c[0]), Int(c[1]), c[2].Trim(), Int(c[3]), Int(c[4])));
        sources["seguimiento.xlsx"] = await FollowUpXlsxAsync(anonymous, april);
        var pdfText = await PdfTextAsync(anonymous, $"/seguimientos/{april}/informe.pdf");
        Assert.Contains("DATOS SIMULADOS", pdfText, StringComparison.Ordinal);
        foreach (var (key, l) in api)
        {
            var figures = $"{l.ProgrammedActivities} {l.CompletedActivities} {l.Percent} {l.ProgrammedActions} {l.CompletedActions}";
            Assert.Contains(key == "Total" ? "Total " + figures : figures, pdfText, StringComparison.Ordinal);
        }

        var consolidated = await anonymous.GetPageAsync("/seguimientos/2022/consolidado");
        Assert.Contains("Datos simulados", consolidated.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        sources["consolidado"] = consolidated.QuerySelectorAll("table.consolidated tbody tr").ToDictionary(r => Key(r.QuerySelector("th")!.TextContent), r =>
        {
            var c = r.QuerySelectorAll("td").Select(td => td.TextContent).ToList();
            return new Line(Int(c[0]), Int(c[1]), c[2].Trim(), null, null);
        });
        using (var workbook = new XLWorkbook(await (await anonymous.GetAsync("/seguimientos/2022/consolidado.xlsx")).Content.ReadAsStreamAsync()))
        {
            var rows = workbook.Worksheet(ConsolidatedXlsx.Sheet).RowsUsed().Where(r => r.Cell(1).GetString() == "Total" || char.IsDigit(r.Cell(1).GetString().FirstOrDefault())
                && r.Cell(1).GetString().Contains(". ", StringComparison.Ordinal)).ToList();
            sources["consolidado.xlsx"] = rows.ToDictionary(r => Key(r.Cell(1).GetString()), r => new Line(r.Cell(2).GetValue<int>(), r.Cell(3).GetValue<int>(),
                Percent(r.Cell(4).DataType == XLDataType.Number ? Math.Round((decimal)r.Cell(4).GetDouble() * 100, 1) : null), null, null));
        }
        var csv = Csv.Parse(await anonymous.GetStringAsync("/datos/2022/seguimientos-consolidado.csv"));
        Assert.Equal(ConsolidatedOpenData.Columns, csv[0]);
        var aprilRows = csv.Skip(1).Where(r => r[2] == "1").ToList();
        Assert.All(aprilRows, r => Assert.Equal("si", r[18]));
        sources["seguimientos-consolidado.csv"] = aprilRows.ToDictionary(r => r[11] == "Total" ? "Total" : r[10], r => new Line(Int(r[12]), Int(r[13]),
            Percent(r[14].Length == 0 ? null : decimal.Parse(r[14], CultureInfo.InvariantCulture)), Int(r[16]), Int(r[17])));
        Assert.All(aprilRows, r => Assert.Equal(bands[r[11] == "Total" ? "Total" : r[10]] ?? "", r[15]));
        using (var json = JsonDocument.Parse(await anonymous.GetStringAsync("/datos/2022/seguimientos-consolidado.json")))
        {
            sources["seguimientos-consolidado.json"] = json.RootElement.EnumerateArray().Where(e => e.GetProperty("seguimiento").GetInt32() == 1)
                .ToDictionary(e => e.GetProperty("componente_numero").ValueKind == JsonValueKind.Null ? "Total"
                        : e.GetProperty("componente_numero").GetInt32().ToString(CultureInfo.InvariantCulture),
                    e => new Line(e.GetProperty("actividades_programadas").GetInt32(), e.GetProperty("actividades_cumplidas").GetInt32(),
                        Percent(e.GetProperty("avance_porcentaje").ValueKind == JsonValueKind.Null ? null : e.GetProperty("avance_porcentaje").GetDecimal()),
                        e.GetProperty("acciones_programadas").GetInt32(), e.GetProperty("acciones_cumplidas").GetInt32()));
        }

        // The follow-up's open data, one row per action: its programmed and completed actions add up to the same counts.
        var actions = Csv.Parse(await anonymous.GetStringAsync("/datos/2022/seguimientos.csv"));
        var header = actions[0];
        int Column(string name) => header.IndexOf(name);
        var aprilActions = actions.Skip(1).Where(r => r[Column("seguimiento")] == "1").ToList();
        Assert.All(aprilActions, r => Assert.Equal("si", r[Column("datos_simulados")]));
        foreach (var (key, l) in api)
        {
            var rows = aprilActions.Where(r => key == "Total" || r[Column("componente")].Split('.')[0] == key).ToList();
            Assert.Equal((l.ProgrammedActions, l.CompletedActions),
                (rows.Count(r => r[Column("programada_en_el_periodo")] == "si"), rows.Count(r => r[Column("cumplida")] == "si")));
        }

        // The nation's open data at the same date: the entity's row carries the plan's official figure.
        var nation = Csv.Parse(await anonymous.GetStringAsync($"/datos/2022/nacional.csv?fecha={April}"));
        int NationColumn(string name) => nation[0].IndexOf(name);
        var row = Assert.Single(nation.Skip(1));
        sources["nacional.csv"] = new()
        {
            ["Total"] = new Line(Int(row[NationColumn("actividades_programadas")]), Int(row[NationColumn("actividades_cumplidas")]),
                Percent(row[NationColumn("cumplimiento_porcentaje")] is { Length: > 0 } p ? decimal.Parse(p, CultureInfo.InvariantCulture) : null),
                Int(row[NationColumn("acciones_programadas")]), Int(row[NationColumn("acciones_cumplidas")])),
        };
        Assert.Equal(bands["Total"] ?? "", row[NationColumn("zona")]);
        Assert.Equal("si", row[NationColumn("simulado")]);

        foreach (var (source, lines) in sources)
        {
            Assert.True(lines.Count > 0, source);
            foreach (var (key, line) in lines)
            {
                var expected = line.ProgrammedActions is null ? api[key].WithoutActions() : api[key];
                Assert.True(expected == line, $"{source}, {key}: {line} ≠ API {expected}");
            }
        }
        Assert.Equal(api.Keys.Order(), sources["tablero"].Keys.Order());
        Assert.Equal(api.Keys.Order(), sources["componentes"].Keys.Append("Total").Order());
        Assert.Equal(api.Keys.Order(), sources["seguimiento"].Keys.Order());
        Assert.Equal(api.Keys.Order(), sources["consolidado"].Keys.Order());
        Assert.Equal(api.Keys.Order(), sources["seguimientos-consolidado.csv"].Keys.Order());

        // The second cut-off, where Control Interno judges one completed action as in progress: the follow-up's figure
        // departs from the dashboard's by that action, and the follow-up says so on screen, in its XLSX and PDF.
        var (august, _, _) = await FromApiAsync(August);
        var augustId = await PublishAsync(August, agree: false);
        var differing = await anonymous.GetPageAsync($"/seguimientos/{augustId}");
        var notice = differing.QuerySelector(".follow-up-differences")?.TextContent ?? "";
        Assert.Contains("La valoración de Control Interno difiere de la programación y los reportes aceptados en 1 acción", notice, StringComparison.Ordinal);
        Assert.NotNull(differing.QuerySelector(".differs"));
        var augustSummary = SummaryTable(differing, "resumen-componentes", c => new Line(Int(c[0]), Int(c[1]), c[2].Trim(), Int(c[3]), Int(c[4])));
        Assert.Equal(august["Total"].ProgrammedActions, augustSummary["Total"].ProgrammedActions);
        Assert.Equal(august["Total"].CompletedActions - 1, augustSummary["Total"].CompletedActions);
        var departed = Assert.Single(august.Keys, k => k != "Total" && august[k] != augustSummary[k]);
        Assert.Equal(august[departed].CompletedActions - 1, augustSummary[departed].CompletedActions);
        using (var workbook = new XLWorkbook(await (await anonymous.GetAsync($"/seguimientos/{augustId}/informe.xlsx")).Content.ReadAsStreamAsync()))
        {
            Assert.Contains(workbook.Worksheet(FollowUpXlsx.SummarySheet).CellsUsed(),
                c => c.GetString().Contains("La valoración de Control Interno difiere", StringComparison.Ordinal));
            Assert.Equal(augustSummary, await FollowUpXlsxAsync(anonymous, augustId));
        }
        var augustPdf = await PdfTextAsync(anonymous, $"/seguimientos/{augustId}/informe.pdf");
        Assert.Contains("La valoración de Control Interno difiere", augustPdf, StringComparison.Ordinal);
        // The consolidated follow-up reprints each follow-up's own figures: August's are Control Interno's.
        var consolidatedAfter = await anonymous.GetPageAsync("/seguimientos/2022/consolidado");
        var augustTotal = consolidatedAfter.QuerySelectorAll("table.consolidated tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == "Total")
            .QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal([augustSummary["Total"].ProgrammedActivities.ToString(CultureInfo.InvariantCulture),
            augustSummary["Total"].CompletedActivities.ToString(CultureInfo.InvariantCulture), augustSummary["Total"].Percent], augustTotal.Skip(4).Take(3));
    }

    private static async Task<Dictionary<string, Line>> FollowUpXlsxAsync(TestClient client, int id)
    {
        using var workbook = new XLWorkbook(await (await client.GetAsync($"/seguimientos/{id}/informe.xlsx")).Content.ReadAsStreamAsync());
        Assert.All(workbook.Worksheets, sheet => Assert.Contains("DATOS SIMULADOS", sheet.Cell(2, 1).GetString(), StringComparison.Ordinal));
        var ws = workbook.Worksheet(FollowUpXlsx.SummarySheet);
        var lines = new Dictionary<string, Line>();
        for (var row = FollowUpXlsx.SummaryHeaderRow + 1; row <= FollowUpXlsx.SummaryHeaderRow + 7; row++)
        {
            var cell = ws.Cell(row, 4);
            var percent = cell.DataType == XLDataType.Number ? Math.Round((decimal)cell.GetDouble() * 100, 1) : (decimal?)null;
            lines[Key(ws.Cell(row, 1).GetString())] = new Line(ws.Cell(row, 2).GetValue<int>(), ws.Cell(row, 3).GetValue<int>(), Percent(percent),
                ws.Cell(row, 5).GetValue<int>(), ws.Cell(row, 6).GetValue<int>());
        }
        return lines;
    }

    private static async Task<string> PdfTextAsync(TestClient client, string url)
    {
        var bytes = await (await client.GetAsync(url)).Content.ReadAsByteArrayAsync();
        using var pdf = PdfDocument.Open(bytes);
        return string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }
}

public sealed class SqliteDemoFiguresEverywhereTests(SqliteBundledPlanApp app) : DemoFiguresEverywhereTests(app), IClassFixture<SqliteBundledPlanApp>;

public sealed class PostgresDemoFiguresEverywhereTests(PostgresBundledPlanApp app) : DemoFiguresEverywhereTests(app), IClassFixture<PostgresBundledPlanApp>;
