using System.Text.Json;
using Vigia.Core.Plans;
using Vigia.Web.Tests.OpenData;

namespace Vigia.Web.Tests.Pages.Plans;

/// <summary>Issue 9: a schedule made by the demo simulation (<c>ScheduleEntry.IsSimulated</c>) is announced as «Programación
/// simulada» by every public page whose months or figures rest on it, and by its files; the entity's own schedule is not.</summary>
public abstract class SimulatedScheduleTests(VigiaFactory app)
{
    [Fact]
    public async Task ASimulatedSchedule_IsAnnouncedOnEveryPageAndFileThatRestsOnIt_AndOnlyThen()
    {
        // Two plans of the same shape in two years; only 2022's first action gets a simulated schedule. (Public pages are
        // cached, so each plan is read only in its final state.)
        static PlanBuilder Shape(PlanBuilder p) => p.Published()
            .WithComponent(1, "GESTIÓN DEL RIESGO DE CORRUPCIÓN")
            .WithActivity("1.1.1", "Actualizar la política de administración del riesgo")
            .WithAction(x => x.Target(2).Responsible(TestData.Organisation).Planned(3, 1).Planned(6, 1))
            .WithAction(x => x.Target(1).Responsible(TestData.Organisation).Planned(4, 1));
        var plan = await TestData.CreatePlanAsync(app, p => Shape(p));
        var other = await TestData.CreatePlanAsync(app, p => Shape(p.ForYear(2023)));
        await using (var db = app.Database.CreateContext())
        {
            var first = await db.Actions.Where(a => a.Activity!.Component!.PlanId == plan.Id && a.Activity.Code == "1.1.1")
                .OrderBy(a => a.Order).Select(a => a.Id).FirstAsync();
            await db.ScheduleEntries.Where(s => s.ActionId == first).ExecuteUpdateAsync(s => s.SetProperty(e => e.IsSimulated, true));
        }
        var client = app.Anonymous();

        async Task<List<string>> AnnouncingAsync(int year)
        {
            var found = new List<string>();
            string[] pages = [$"/planes/{year}/tablero", $"/planes/{year}", $"/planes/{year}/componente/1", $"/planes/{year}/versiones", $"/planes/{year}/versiones/1"];
            foreach (var url in pages)
            {
                var doc = await client.GetPageAsync(url);
                var notice = doc.QuerySelector("p.simulated-schedule[role='note']");
                if (notice is not null)
                {
                    Assert.StartsWith("Programación simulada.", notice.TextContent.Trim(), StringComparison.Ordinal);
                    found.Add(url);
                }
            }
            return found;
        }

        Assert.Empty(await AnnouncingAsync(other.Year));
        using (var json = JsonDocument.Parse(await client.GetStringAsync($"/api/plans/{other.Year}/compliance")))
        {
            Assert.False(json.RootElement.GetProperty("simulatedSchedule").GetBoolean());
        }
        Assert.All(Csv.Parse(await client.GetStringAsync($"/datos/{other.Year}/acciones.csv")).Skip(1), r => Assert.Equal("no", r[^1]));
        Assert.DoesNotContain(PlanWorkbook.SimulatedScheduleNotice, await HeadingAsync(other.Year));

        var year = plan.Year;
        Assert.Equal([$"/planes/{year}/tablero", $"/planes/{year}", $"/planes/{year}/componente/1", $"/planes/{year}/versiones", $"/planes/{year}/versiones/1"],
            await AnnouncingAsync(year));
        using (var json = JsonDocument.Parse(await client.GetStringAsync($"/api/plans/{year}/compliance")))
        {
            Assert.True(json.RootElement.GetProperty("simulatedSchedule").GetBoolean());
        }
        Assert.Contains(PlanWorkbook.SimulatedScheduleNotice, await HeadingAsync(year));
        var csv = Csv.Parse(await client.GetStringAsync($"/datos/{year}/acciones.csv"));
        Assert.Equal("programacion_simulada", csv[0][^1]);
        Assert.Equal(["si", "no"], csv.Skip(1).Select(r => r[^1]));
        using (var json = JsonDocument.Parse(await client.GetStringAsync($"/datos/{year}/acciones.json")))
        {
            Assert.Equal(["si", "no"], json.RootElement.EnumerateArray().Select(a => a.GetProperty("programacion_simulada").GetString()));
        }

        // plan.xlsx: the lines above the table (the notice is one of them, and the importer passes over it).
        async Task<List<string>> HeadingAsync(int y)
        {
            using var workbook = new ClosedXML.Excel.XLWorkbook(new MemoryStream(await client.Http.GetByteArrayAsync(new Uri($"/datos/{y}/plan.xlsx", UriKind.Relative))));
            return workbook.Worksheet(PlanWorkbook.PlanSheet).Column(1).CellsUsed().Take(10).Select(c => c.GetString()).ToList();
        }
    }
}

public sealed class SqliteSimulatedScheduleTests(SqliteApp app) : SimulatedScheduleTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresSimulatedScheduleTests(PostgresApp app) : SimulatedScheduleTests(app), IClassFixture<PostgresApp>;
