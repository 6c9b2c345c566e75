using System.Globalization;
using System.Text.Json;
using ClosedXML.Excel;
using UglyToad.PdfPig;
using Vigia.Core.Demo;
using Vigia.Core.FollowUps;

namespace Vigia.Web.Tests.Compliance;

/// <summary>Issue 9: on the demo data (the bundled Cali 2022 plan with the demo simulation's schedule and reports) at
/// the first cut-off, 30 April 2022, the dashboard, the API, Control Interno's follow-up on screen and its XLSX and PDF
/// give the same compliance figure, per component and for the plan, with the same counts.</summary>
public abstract class OneOfficialFigureTests(VigiaFactory app)
{
    private const string At = "2022-04-30";

    /// <summary>One line of figures: programmed and completed activities, the official percentage as printed, and
    /// programmed and completed actions.</summary>
    private sealed record Line(int ProgrammedActivities, int CompletedActivities, string Percent, int ProgrammedActions, int CompletedActions);

    private Task<object> SimulatedAsync() => app.SharedAsync<object>("demo-simulation", async a =>
    {
        await using var scope = a.Scope();
        var outcome = await scope.ServiceProvider.GetRequiredService<DemoExecutionSimulator>().SimulateAsync();
        Assert.Equal(1, outcome.PlansSimulated);
        return outcome;
    });

    private static string Percent(decimal? value) => FollowUpText.Percent(value);

    private static int Int(string text) => int.Parse(text.Trim(), CultureInfo.InvariantCulture);

    /// <summary>Component number ("1".."6", "Total") → its line, from the API: the reference the others must equal.</summary>
    private async Task<Dictionary<string, Line>> FromApiAsync()
    {
        using var json = JsonDocument.Parse(await app.Anonymous().GetStringAsync($"/api/plans/2022/compliance?at={At}"));
        static Line Of(JsonElement f) => new(f.GetProperty("programmed").GetProperty("activities").GetInt32(),
            f.GetProperty("completed").GetProperty("activities").GetInt32(),
            Percent(f.GetProperty("percentage").ValueKind == JsonValueKind.Null ? null : f.GetProperty("percentage").GetDecimal()),
            f.GetProperty("programmed").GetProperty("actions").GetInt32(), f.GetProperty("completed").GetProperty("actions").GetInt32());
        var lines = json.RootElement.GetProperty("components").EnumerateArray()
            .ToDictionary(c => c.GetProperty("number").GetInt32().ToString(CultureInfo.InvariantCulture), c => Of(c.GetProperty("compliance")));
        lines["Total"] = Of(json.RootElement.GetProperty("plan"));
        return lines;
    }

    private static string Key(string rowHeader) => rowHeader.Trim() is "Plan" or "Total" ? "Total" : rowHeader.Trim().Split('.')[0];

    private async Task<Dictionary<string, Line>> FromDashboardAsync()
    {
        var doc = await app.Anonymous().GetPageAsync($"/planes/2022/tablero?fecha={At}");
        var table = doc.GetElementById("tabla-componentes")!.Closest("table")!;
        return table.QuerySelectorAll("tbody tr, tfoot tr").ToDictionary(r => Key(r.QuerySelector("th")!.TextContent), r =>
        {
            var cells = r.QuerySelectorAll("td");
            // Nothing programmed yet: the dashboard says «No aplica» where the follow-up prints «—»; neither has a figure.
            var percent = cells[4].QuerySelector(".official-percent")?.TextContent.Trim() ?? "—";
            return new Line(Int(cells[0].TextContent), Int(cells[1].TextContent), percent == "No aplica" ? "—" : percent,
                Int(cells[2].TextContent), Int(cells[3].TextContent));
        });
    }

    private async Task<(Dictionary<string, Line> Lines, string Basis)> FromFollowUpAsync()
    {
        await using var db = app.Database.CreateContext();
        var planId = await db.Plans.Where(p => p.Year == 2022).Select(p => p.Id).SingleAsync();
        var client = await app.SharedAsync("control-interno", a => a.SignInAsAsync(Roles.InternalControl));
        var basis = $"/seguimientos/gestion/{planId}/{At}";
        var doc = await client.GetPageAsync(basis);
        var table = doc.GetElementById("resumen-componentes")!.Closest("table")!;
        return (table.QuerySelectorAll("tbody tr, tfoot tr").ToDictionary(r => Key(r.QuerySelector("th")!.TextContent), r =>
        {
            var cells = r.QuerySelectorAll("td");
            return new Line(Int(cells[0].TextContent), Int(cells[1].TextContent), cells[2].TextContent.Trim(), Int(cells[3].TextContent),
                Int(cells[4].TextContent));
        }), basis);
    }

    [Fact]
    public async Task AtTheFirstCutOff_DashboardApiFollowUpXlsxAndPdfGiveTheSameFigure()
    {
        await SimulatedAsync();

        var api = await FromApiAsync();
        var dashboard = await FromDashboardAsync();
        var (followUp, basis) = await FromFollowUpAsync();

        Assert.Equal(7, api.Count);
        Assert.Contains(api.Values, l => l.ProgrammedActivities > 0 && l.Percent != "—");
        foreach (var (key, line) in api)
        {
            Assert.Equal(line, dashboard[key]);
            Assert.Equal(line, followUp[key]);
        }

        var client = await app.SharedAsync("control-interno", a => a.SignInAsAsync(Roles.InternalControl));
        using (var workbook = new XLWorkbook(await (await client.GetAsync(basis + "/informe.xlsx")).Content.ReadAsStreamAsync()))
        {
            var ws = workbook.Worksheet(FollowUpXlsx.SummarySheet);
            // Resting on the demo simulation's reports, every sheet says so.
            Assert.All(workbook.Worksheets, sheet => Assert.Contains("DATOS SIMULADOS", sheet.Cell(2, 1).GetString(), StringComparison.Ordinal));
            for (var row = FollowUpXlsx.SummaryHeaderRow + 1; row <= FollowUpXlsx.SummaryHeaderRow + 7; row++)
            {
                var cell = ws.Cell(row, 4);
                var percent = cell.DataType == XLDataType.Number ? Math.Round((decimal)cell.GetDouble() * 100, 1) : (decimal?)null;
                Assert.True(percent is not null || cell.GetString() == "—", cell.GetString());
                var line = new Line(ws.Cell(row, 2).GetValue<int>(), ws.Cell(row, 3).GetValue<int>(), Percent(percent),
                    ws.Cell(row, 5).GetValue<int>(), ws.Cell(row, 6).GetValue<int>());
                Assert.Equal(api[Key(ws.Cell(row, 1).GetString())], line);
            }
        }

        var pdfBytes = await (await client.GetAsync(basis + "/informe.pdf")).Content.ReadAsByteArrayAsync();
        using var pdf = PdfDocument.Open(pdfBytes);
        var text = string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        Assert.Contains("DATOS SIMULADOS", text, StringComparison.Ordinal);
        foreach (var (key, l) in api)
        {
            var figures = $"{l.ProgrammedActivities} {l.CompletedActivities} {l.Percent} {l.ProgrammedActions} {l.CompletedActions}";
            Assert.Contains(key == "Total" ? "Total " + figures : figures, text, StringComparison.Ordinal);
        }
    }
}

public sealed class SqliteOneOfficialFigureTests(SqliteBundledPlanApp app) : OneOfficialFigureTests(app), IClassFixture<SqliteBundledPlanApp>;

public sealed class PostgresOneOfficialFigureTests(PostgresBundledPlanApp app) : OneOfficialFigureTests(app), IClassFixture<PostgresBundledPlanApp>;
