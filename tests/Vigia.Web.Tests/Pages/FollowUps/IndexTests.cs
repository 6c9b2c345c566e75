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

    [Fact]
    public async Task Get_BeforeAnythingIsPublished_SaysSoWithoutOpenDataLinksOrALinkToItself()
    {
        await TestData.SmallPlanAsync(app);

        var doc = await app.Anonymous().GetPageAsync("/seguimientos");

        var main = doc.QuerySelector("main")!;
        Assert.Contains("Todavía no hay seguimientos publicados, ni datos abiertos de seguimiento", main.TextContent, StringComparison.Ordinal);
        var links = main.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).ToList();
        Assert.DoesNotContain(links, h => h.Contains("seguimientos.", StringComparison.Ordinal));
        Assert.DoesNotContain(links, h => h.Split('?', '#')[0] == "/seguimientos");
    }
}

[Collection(SharedHosts.SqliteSmallPlan)]
public sealed class SqliteIndexTests(SqliteApp app) : IndexTests(app);

[Collection(SharedHosts.PostgresSmallPlan)]
public sealed class PostgresIndexTests(PostgresApp app) : IndexTests(app);
