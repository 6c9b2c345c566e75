namespace Vigia.Web.Tests.Pages.Compliance;

/// <summary>The list of dashboards (/tablero).</summary>
public abstract class IndexTests(VigiaFactory app)
{
    [Fact]
    public async Task Get_ListsThePlanWithALinkToItsDashboard()
    {
        var doc = await app.Anonymous().GetPageAsync("/tablero");

        Assert.NotNull(doc.QuerySelector("a[href='/planes/alcaldia-de-santiago-de-cali/2022/tablero']"));
    }
}

[Collection(SharedHosts.SqliteBundledPlan)]
public sealed class SqliteIndexTests(SqliteBundledPlanApp app) : IndexTests(app);

[Collection(SharedHosts.PostgresBundledPlan)]
public sealed class PostgresIndexTests(PostgresBundledPlanApp app) : IndexTests(app);
