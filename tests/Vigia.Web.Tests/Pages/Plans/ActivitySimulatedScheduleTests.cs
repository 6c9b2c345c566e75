namespace Vigia.Web.Tests.Pages.Plans;

/// <summary>An activity's page when its schedule came from the demo simulation. A class of its own because it writes,
/// while <see cref="ActivityTests"/> shares the read-only bundled-plan host.</summary>
public abstract class ActivitySimulatedScheduleTests(VigiaFactory app)
{
    [Fact]
    public async Task Get_ASimulatedSchedule_SaysItIsSimulated_TheEntitysDoesNot()
    {
        var plan = await TestData.CreatePlanAsync(app, p => p
            .WithComponent(1, "GESTIÓN DEL RIESGO DE CORRUPCIÓN")
            .WithActivity("1.1.1", "Actualizar la política de administración del riesgo")
            .WithAction(x => x.Target(2).Responsible(TestData.Organisation).Planned(3, 1).Planned(6, 1))
            .WithAction(x => x.Target(1).Responsible(TestData.Organisation).Planned(4, 1)));
        await using (var db = app.Database.CreateContext())
        {
            var first = await db.Actions.Where(a => a.Activity!.Code == "1.1.1").OrderBy(a => a.Order).Select(a => a.Id).FirstAsync();
            await db.ScheduleEntries.Where(s => s.ActionId == first).ExecuteUpdateAsync(s => s.SetProperty(e => e.IsSimulated, true));
        }

        var doc = await app.Anonymous().GetPageAsync($"/planes/{plan.Year}/actividad/1.1.1");

        var articles = doc.QuerySelectorAll("article[id^='accion-']");
        Assert.Equal(2, articles.Length);
        Assert.Contains("Programación simulada", articles[0].QuerySelector(".simulated-schedule")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Null(articles[1].QuerySelector(".simulated-schedule"));
    }
}

public sealed class SqliteActivitySimulatedScheduleTests(SqliteApp app) : ActivitySimulatedScheduleTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresActivitySimulatedScheduleTests(PostgresApp app) : ActivitySimulatedScheduleTests(app), IClassFixture<PostgresApp>;
