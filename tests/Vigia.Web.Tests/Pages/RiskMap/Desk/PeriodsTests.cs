using Vigia.Core.RiskMap.Tracking;

namespace Vigia.Web.Tests.Pages.RiskMap.Desk;

/// <summary>The monitoring periods page (/mapa-riesgos/gestion/periodos-monitoreo): twelve month checkboxes posted
/// without JavaScript; Planeación sets them, anyone else is refused by the service (403) and nothing is stored.</summary>
public abstract class PeriodsTests(VigiaFactory app)
{
    private const string Url = "/mapa-riesgos/gestion/periodos-monitoreo?vigencia=2026";

    private static List<KeyValuePair<string, string>> Months(params int[] months) =>
        months.Select(m => new KeyValuePair<string, string>("Months", m.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();

    private async Task<(int EntityId, IReadOnlyList<int> Months)> StoredAsync()
    {
        await using var scope = app.Scope();
        var entity = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Entities.OrderBy(e => e.Name).Select(e => e.Id).FirstAsync();
        return (entity, await scope.ServiceProvider.GetRequiredService<MonitoringPeriods>().MonthsAsync(entity, 2026));
    }

    [Fact]
    public async Task Planning_SeesTheDefault_SetsQuarterlyMonths_AndGoesBackToTheDefault()
    {
        await TestData.SmallPlanAsync(app);
        var planning = await app.SignInAsAsync(Roles.Planning);

        var before = await planning.GetPageAsync(Url);
        var saved = await planning.PostFormAsync(Url, Months(12, 3, 6, 9), Url);
        var after = await planning.GetPageAsync(Url);
        var stored = (await StoredAsync()).Months;
        var reset = await planning.PostFormAsync(Url + "&handler=Default", [], Url);

        Assert.Equal(12, before.QuerySelectorAll("#Months input[type=checkbox]").Length);
        Assert.Equal(["2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"],
            before.QuerySelectorAll("#Months input[checked]").Select(i => i.GetAttribute("value")!));
        Assert.Equal("febrero", before.QuerySelector("label[for=mes-2]")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal([3, 6, 9, 12], stored);
        Assert.Equal(["3", "6", "9", "12"], after.QuerySelectorAll("#Months input[checked]").Select(i => i.GetAttribute("value")!));
        Assert.Equal("Los líderes de proceso monitorean los controles en: marzo, junio, septiembre, diciembre.",
            after.QuerySelector("#periodos-actuales")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal(MonitoringPeriods.Default, (await StoredAsync()).Months);
    }

    [Fact]
    public async Task Planning_PostingNoMonth_GetsTheErrorNextToTheMonths_AndNothingChanges()
    {
        await TestData.SmallPlanAsync(app);
        var planning = await app.SignInAsAsync(Roles.Planning);

        var response = await planning.PostFormAsync(Url, [], Url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Equal("Marque al menos un mes de monitoreo.", page.QuerySelector("#Months-error")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("#Months input[checked]"));
        Assert.Equal(MonitoringPeriods.Default, (await StoredAsync()).Months);
    }

    [Fact]
    public async Task AProcessLeader_SeesTheMonths_ButSettingThemIsForbidden()
    {
        await TestData.SmallPlanAsync(app);
        var leader = await app.SignInAsAsync(Roles.ProcessLeader);

        var page = await leader.GetPageAsync(Url);
        var posted = await leader.PostFormAsync(Url, Months(3, 6), Url);
        var empty = await leader.PostFormAsync(Url, [], Url);

        Assert.Empty(page.QuerySelectorAll("#Months"));
        Assert.Contains("Solo Planeación o el administrador fijan los periodos de monitoreo.", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (posted.StatusCode, empty.StatusCode));
        Assert.Equal(MonitoringPeriods.Default, (await StoredAsync()).Months);
    }
}

public sealed class SqlitePeriodsTests(SqliteApp app) : PeriodsTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresPeriodsTests(PostgresApp app) : PeriodsTests(app), IClassFixture<PostgresApp>;
