namespace Vigia.Web.Tests.Pages.Plans;

/// <summary>A component's page (/planes/{year}/componente/{number}) on the bundled Cali 2022 plan.</summary>
public abstract class ComponentTests(VigiaFactory app)
{
    private readonly TestClient client = app.Anonymous();

    [Fact]
    public async Task Get_Component3_ListsItsSubcomponentsAndActivities()
    {
        var doc = await client.GetPageAsync("/planes/2022/componente/3");

        Assert.Contains("RENDICIÓN DE CUENTAS", doc.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var subheadings = doc.QuerySelectorAll("h2").Select(h => h.TextContent).ToList();
        Assert.Contains(subheadings, h => h.StartsWith("3.1 ", StringComparison.Ordinal));
        Assert.Contains(subheadings, h => h.StartsWith("3.3 ", StringComparison.Ordinal));
        Assert.NotNull(doc.QuerySelector("a[href='/planes/2022/actividad/3.1.4']"));
    }

    [Theory]
    [InlineData("/planes/2022/componente/9")]
    public async Task Get_UnknownComponent_Returns404(string url)
    {
        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

[Collection(SharedHosts.SqliteBundledPlan)]
public sealed class SqliteComponentTests(SqliteBundledPlanApp app) : ComponentTests(app);

[Collection(SharedHosts.PostgresBundledPlan)]
public sealed class PostgresComponentTests(PostgresBundledPlanApp app) : ComponentTests(app);
