namespace Vigia.Web.Tests.Pages.Schedule;

/// <summary>The schedule's index (/gestion/planes/{year}/cronograma) on the bundled Cali 2022 plan.</summary>
public abstract class IndexTests(VigiaFactory app)
{
    [Fact]
    public async Task Get_AsPlanning_LinksEachComponentsGrid()
    {
        var client = await app.SignInAsAsync(Roles.Planning);

        var response = await client.GetAsync("/gestion/planes/2022/cronograma");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await TestClient.ParseAsync(response);
        Assert.Equal(6, doc.QuerySelectorAll("a[href^='/gestion/planes/2022/cronograma/']").Length);
        var byEntity = await client.GetAsync("/gestion/planes/alcaldia-de-santiago-de-cali/2022/cronograma/3");
        Assert.Equal(HttpStatusCode.OK, byEntity.StatusCode);
    }
}

public sealed class SqliteIndexTests(SqliteBundledPlanApp app) : IndexTests(app), IClassFixture<SqliteBundledPlanApp>;

public sealed class PostgresIndexTests(PostgresBundledPlanApp app) : IndexTests(app), IClassFixture<PostgresBundledPlanApp>;
