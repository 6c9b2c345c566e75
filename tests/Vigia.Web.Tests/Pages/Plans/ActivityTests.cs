namespace Vigia.Web.Tests.Pages.Plans;

/// <summary>An activity's page (/planes/{year}/actividad/{code}) on the bundled Cali 2022 plan.</summary>
public abstract class ActivityTests(VigiaFactory app)
{
    private readonly TestClient client = app.Anonymous();

    [Fact]
    public async Task Get_Activity314_ShowsFiveActionsWithTheirTargets()
    {
        var doc = await client.GetPageAsync("/planes/2022/actividad/3.1.4");

        var actions = doc.QuerySelectorAll("article[id^='accion-']");
        Assert.Equal(5, actions.Length);
        var targets = doc.QuerySelectorAll(".target-value").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(["5.000", "2.200", "5.000", "700", "400"], targets);
    }

    [Fact]
    public async Task Get_Activity134_ShowsAPercentageTarget()
    {
        var doc = await client.GetPageAsync("/planes/2022/actividad/1.3.4");

        Assert.Equal("100 %", doc.QuerySelector(".target-value")!.TextContent.Trim());
        Assert.Contains("(porcentaje)", doc.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ByTheEntitysAddress_ShowsTheSamePlan()
    {
        var doc = await client.GetPageAsync("/planes/alcaldia-de-santiago-de-cali/2022/actividad/4.4.3");

        Assert.Equal("104", doc.QuerySelector(".target-value")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("/planes/2022/actividad/9.9.9")]
    public async Task Get_UnknownActivity_Returns404(string url)
    {
        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

[Collection(SharedHosts.SqliteBundledPlan)]
public sealed class SqliteActivityTests(SqliteBundledPlanApp app) : ActivityTests(app);

[Collection(SharedHosts.PostgresBundledPlan)]
public sealed class PostgresActivityTests(PostgresBundledPlanApp app) : ActivityTests(app);
