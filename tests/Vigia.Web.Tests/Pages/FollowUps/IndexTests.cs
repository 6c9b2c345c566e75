namespace Vigia.Web.Tests.Pages.FollowUps;

/// <summary>The public list of follow-ups (/seguimientos).</summary>
public abstract class IndexTests(VigiaFactory app)
{
    [Fact]
    public async Task Get_ShowsTheNextCutOffCard()
    {
        await TestData.SmallPlanAsync(app);

        var doc = await app.Anonymous().GetPageAsync("/seguimientos");

        Assert.Contains("Próximo corte de seguimiento", doc.QuerySelector("#proximo-corte-titulo")!.TextContent, StringComparison.Ordinal);
    }
}

[Collection(SharedHosts.SqliteSmallPlan)]
public sealed class SqliteIndexTests(SqliteApp app) : IndexTests(app);

[Collection(SharedHosts.PostgresSmallPlan)]
public sealed class PostgresIndexTests(PostgresApp app) : IndexTests(app);
