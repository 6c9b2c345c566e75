namespace Vigia.Web.Tests.Pages;

/// <summary>The home page (/) with the bundled plan, as a fresh installation shows it.</summary>
public abstract class IndexTests(VigiaFactory app)
{
    [Fact]
    public async Task Get_ShowsTheBundledPlanAndItsSixComponents()
    {
        var doc = await app.Anonymous().GetPageAsync("/");

        Assert.Contains("Plan Anticorrupción y de Atención al Ciudadano 2022", doc.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var componentLinks = doc.QuerySelectorAll("a[href*='/componente/']");
        Assert.Equal(6, componentLinks.Length);
        Assert.Contains(componentLinks, a => a.TextContent.Contains("RENDICIÓN DE CUENTAS", StringComparison.Ordinal));
    }
}

[Collection(SharedHosts.SqliteBundledPlan)]
public sealed class SqliteIndexTests(SqliteBundledPlanApp app) : IndexTests(app);

[Collection(SharedHosts.PostgresBundledPlan)]
public sealed class PostgresIndexTests(PostgresBundledPlanApp app) : IndexTests(app);
