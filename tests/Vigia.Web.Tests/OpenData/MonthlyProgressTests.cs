using System.Globalization;
using ClosedXML.Excel;
using Vigia.Core.Compliance;
using Vigia.Core.Demo;
using Vigia.Core.Monitoring;
using Vigia.Core.OpenData;

namespace Vigia.Web.Tests.OpenData;

/// <summary>Issue 13: the schedule («programacion») and the progress by month («avance-mensual») on the demo data (the
/// bundled Cali 2022 plan with the demo simulation's schedule and reports): each month's figures in the file are the
/// dashboard's at that month's last day, by component and for the plan, and the three formats hold the same rows.</summary>
public abstract class MonthlyProgressTests(VigiaFactory app)
{
    /// <summary>Programmed and completed activities, programmed and completed actions.</summary>
    private sealed record Counts(int ProgrammedActivities, int CompletedActivities, int ProgrammedActions, int CompletedActions);

    private static int Int(string text) => int.Parse(text.Trim(), CultureInfo.InvariantCulture);

    private async Task SimulatedAsync()
    {
        await app.SharedAsync("demo-simulated", async a =>
        {
            await using var scope = a.Scope();
            Assert.Equal(1, (await scope.ServiceProvider.GetRequiredService<DemoExecutionSimulator>().SimulateAsync()).PlansSimulated);
            return "simulated";
        });
    }

    private static Dictionary<string, Counts> FromFile(List<List<string>> rows, int month)
    {
        var header = rows[0];
        int Column(string name) => header.IndexOf(name);
        var of = rows.Skip(1).Where(r => r[Column("mes")] == month.ToString(CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(of);
        Counts Count(IReadOnlyCollection<List<string>> part) => new(
            part.Where(r => r[Column("actividad_programada")] == "si").Select(r => r[Column("actividad_codigo")]).Distinct().Count(),
            part.Where(r => r[Column("actividad_cumplida")] == "si").Select(r => r[Column("actividad_codigo")]).Distinct().Count(),
            part.Count(r => r[Column("accion_programada")] == "si"),
            part.Count(r => r[Column("accion_cumplida")] == "si"));
        var counts = of.GroupBy(r => r[Column("componente")].Split('.')[0]).ToDictionary(g => g.Key, g => Count(g.ToList()));
        counts["Total"] = Count(of);
        return counts;
    }

    private async Task<Dictionary<string, Counts>> FromDashboardAsync(string at)
    {
        var dashboard = await app.Anonymous().GetPageAsync($"/planes/2022/tablero?fecha={at}");
        return dashboard.GetElementById("tabla-componentes")!.Closest("table")!.QuerySelectorAll("tbody tr, tfoot tr")
            .ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim() is "Plan" or "Total" ? "Total" : r.QuerySelector("th")!.TextContent.Trim().Split('.')[0], r =>
            {
                var cells = r.QuerySelectorAll("td");
                return new Counts(Int(cells[0].TextContent), Int(cells[1].TextContent), Int(cells[2].TextContent), Int(cells[3].TextContent));
            });
    }

    [Fact]
    public async Task EachMonth_HasTheDashboardsFiguresAtItsLastDay_ByComponentAndForThePlan()
    {
        await SimulatedAsync();

        var rows = Csv.Parse(await app.Anonymous().GetStringAsync("/datos/2022/avance-mensual.csv"));

        Assert.Equal(OpenDatasets.MonthlyProgress.ColumnNames, rows[0]);
        // Today (the test clock) is after 2022: every month of the year, for every action.
        await using var db = app.Database.CreateContext();
        var actions = await db.Actions.CountAsync(a => a.Activity!.Component!.Plan!.Year == 2022);
        Assert.Equal(actions * 12, rows.Count - 1);
        foreach (var (month, at) in new[] { (4, "2022-04-30"), (8, "2022-08-31"), (12, "2022-12-31") })
        {
            var file = FromFile(rows, month);
            var dashboard = await FromDashboardAsync(at);
            Assert.Equal(dashboard.OrderBy(p => p.Key, StringComparer.Ordinal), file.OrderBy(p => p.Key, StringComparer.Ordinal));
            Assert.True(file["Total"].ProgrammedActivities > 0, $"something is programmed by the end of month {month}");
        }
    }

    [Fact]
    public async Task EachActionsCumulativeFigures_AreTheComplianceServicesAtTheMonthsEnd()
    {
        await SimulatedAsync();
        var rows = Csv.Parse(await app.Anonymous().GetStringAsync("/datos/2022/avance-mensual.csv"));
        var header = rows[0];
        int Column(string name) => header.IndexOf(name);

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var planId = await db.Plans.Where(p => p.Year == 2022).Select(p => p.Id).SingleAsync();
        var april = (await scope.ServiceProvider.GetRequiredService<ComplianceService>().ComputeAsync(planId, new DateOnly(2022, 4, 30)))!;
        var expected = april.Plan.Leaves().ToDictionary(l => l.Code, l => (ActionRow.FormatNumber(l.Action!.PlannedToDate), ActionRow.FormatNumber(l.Action.ExecutedToDate),
            l.Action.MissingMonths.Contains(4) ? "si" : "no"));
        var file = rows.Skip(1).Where(r => r[Column("mes")] == "4").ToDictionary(r => $"{r[Column("actividad_codigo")]}-{r[Column("accion")]}",
            r => (r[Column("programado_acumulado")], r[Column("ejecutado_acumulado")], r[Column("mes_sin_reporte")]));

        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), file.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Contains(file.Values, v => v.Item2 != "0");
        // The simulation schedules every action with a target (docs/compliance.md §6-7); its reports make the whole plan simulated.
        Assert.Contains(rows.Skip(1), r => r[Column("programacion_simulada")] == "si");
        Assert.All(rows.Skip(1), r => Assert.Equal("si", r[Column("datos_simulados")]));
    }

    [Fact]
    public async Task Schedule_HasOneRowPerProgrammedMonth_AndTheThreeFormatsHoldTheSameRows()
    {
        await SimulatedAsync();
        var client = app.Anonymous();

        var csv = Csv.Parse(await client.GetStringAsync("/datos/2022/programacion.csv"));
        using var json = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/datos/alcaldia-de-santiago-de-cali/2022/programacion.json"));
        using var xlsx = new XLWorkbook(await (await client.GetAsync("/datos/2022/programacion.xlsx")).Content.ReadAsStreamAsync());

        await using var db = app.Database.CreateContext();
        var entries = (await db.ScheduleEntries.Where(s => s.Action!.Activity!.Component!.Plan!.Year == 2022).Select(s => s.PlannedQuantity).ToListAsync())
            .Count(q => q > 0);
        Assert.Equal(OpenDatasets.Schedule.ColumnNames, csv[0]);
        Assert.Equal(entries, csv.Count - 1);
        var columns = OpenDatasets.Schedule.Columns;
        var objects = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(csv.Count - 1, objects.Count);
        var sheet = xlsx.Worksheet(DatasetXlsx.DataSheet);
        for (var r = 1; r < csv.Count; r++)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                var text = CsvFormat.Unescape(csv[r][c]);
                var property = objects[r - 1].GetProperty(columns[c].Name);
                var cell = sheet.Cell(r + 1, c + 1);
                if (columns[c].Type is ColumnType.WholeNumber or ColumnType.DecimalNumber)
                {
                    var number = decimal.Parse(text, CultureInfo.InvariantCulture);
                    Assert.Equal(number, property.GetDecimal());
                    Assert.Equal(number, (decimal)cell.GetDouble());
                }
                else
                {
                    Assert.Equal(text, property.GetString());
                    Assert.Equal(text, cell.GetString());
                }
            }
        }
        Assert.Equal(csv.Count, sheet.LastRowUsed()!.RowNumber());
    }
}

public sealed class SqliteMonthlyProgressTests(SqliteBundledPlanApp app) : MonthlyProgressTests(app), IClassFixture<SqliteBundledPlanApp>;

public sealed class PostgresMonthlyProgressTests(PostgresBundledPlanApp app) : MonthlyProgressTests(app), IClassFixture<PostgresBundledPlanApp>;

/// <summary>Issue 13: what a citizen sees of the reports in «avance-mensual»: only those the second line accepted. A report
/// in review or returned shows no quantity; accepting one changes the file at once (the output cache's version), with a new
/// ETag, while a repeated read of an unchanged file is a 304; HEAD answers as GET.</summary>
public abstract class MonthlyProgressReportsTests(VigiaFactory app)
{
    private const string Url = "/datos/2022/avance-mensual.csv";

    private static Dictionary<string, string> Row(List<List<string>> rows, string action, int month)
    {
        var header = rows[0];
        var row = rows.Skip(1).Single(r => $"{r[header.IndexOf("actividad_codigo")]}-{r[header.IndexOf("accion")]}" == action
            && r[header.IndexOf("mes")] == month.ToString(CultureInfo.InvariantCulture));
        return header.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => row[x.i]);
    }

    [Fact]
    public async Task ReportsInReviewOrReturned_NeverAppear_AndAcceptingOneChangesTheFile()
    {
        await Pages.Compliance.KnownExecution.EnsureAsync(app);
        var client = app.Anonymous();

        var first = await client.GetAsync(Url);
        var rows = Csv.Parse(await first.Content.ReadAsStringAsync());

        // 3.1.4-1: 1.000 accepted in January, February and May, 500 in March; April's 1.000 is still in review.
        var inReview = Row(rows, "3.1.4-1", 4);
        Assert.Equal(("0", "4000", "2500", "62.5", "No cumplida", "no"), (inReview["reportado_aceptado_mes"], inReview["programado_acumulado"],
            inReview["ejecutado_acumulado"], inReview["avance_accion_porcentaje"], inReview["estado"], inReview["mes_sin_reporte"]));
        Assert.Equal("500", Row(rows, "3.1.4-1", 3)["reportado_aceptado_mes"]);
        // 3.1.4-4: 700 planned in April, its report returned: nothing reported, the month without a report.
        var returned = Row(rows, "3.1.4-4", 4);
        Assert.Equal(("700", "0", "0", "si", "No cumplida"), (returned["programado_mes"], returned["reportado_aceptado_mes"], returned["ejecutado_acumulado"],
            returned["mes_sin_reporte"], returned["estado"]));
        Assert.Equal(("No programada", "no", ""), (Row(rows, "3.1.4-3", 4)["estado"], Row(rows, "3.1.4-3", 4)["accion_programada"], Row(rows, "3.1.4-3", 4)["accion_cumplida"]));
        Assert.Equal(("si", "no"), (returned["actividad_programada"], returned["actividad_cumplida"]));

        // Unchanged: 304 to the same ETag; HEAD answers as GET.
        using (var again = new HttpRequestMessage(HttpMethod.Get, new Uri(Url, UriKind.Relative)))
        {
            again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
            Assert.Equal(HttpStatusCode.NotModified, (await client.Http.SendAsync(again)).StatusCode);
        }
        using (var head = await client.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(Url, UriKind.Relative))))
        {
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
            Assert.Equal("text/csv", head.Content.Headers.ContentType!.MediaType);
            Assert.Equal(first.Headers.GetValues("X-Plan-Version"), head.Headers.GetValues("X-Plan-Version"));
        }

        // The second line accepts April's report of 3.1.4-1, through the service that owns the review.
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var reportId = await db.ProgressReports.Where(r => r.Action!.Activity!.Code == "3.1.4" && r.Action.Order == 1 && r.Month == 4)
                .Select(r => r.Id).SingleAsync();
            var planning = new Actor("planeacion-avance-mensual", "Planeación", new HashSet<string> { Roles.Planning });
            var reviewed = await scope.ServiceProvider.GetRequiredService<MonitoringService>().ReviewAsync(planning, reportId, ReviewDecision.Accept, null);
            Assert.True(reviewed.Succeeded, string.Join(" ", reviewed.Errors.Values));
        }

        var second = await client.GetAsync(Url);
        var after = Csv.Parse(await second.Content.ReadAsStringAsync());
        Assert.NotEqual(first.Headers.ETag, second.Headers.ETag);
        var accepted = Row(after, "3.1.4-1", 4);
        Assert.Equal(("1000", "3500", "87.5"), (accepted["reportado_aceptado_mes"], accepted["ejecutado_acumulado"], accepted["avance_accion_porcentaje"]));
        using var stale = new HttpRequestMessage(HttpMethod.Get, new Uri(Url, UriKind.Relative));
        stale.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.SendAsync(stale)).StatusCode);
    }
}

public sealed class SqliteMonthlyProgressReportsTests(SqliteBundledPlanApp app) : MonthlyProgressReportsTests(app), IClassFixture<SqliteBundledPlanApp>;

public sealed class PostgresMonthlyProgressReportsTests(PostgresBundledPlanApp app) : MonthlyProgressReportsTests(app), IClassFixture<PostgresBundledPlanApp>;
