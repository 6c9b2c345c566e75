namespace Vigia.Web.Tests.Pages.Transparency;

/// <summary>The footer's privacy policy (/privacidad) and terms of use (/terminos) before the entity writes its own:
/// real pages with a reference text that says it is one.</summary>
public abstract class LegalTextsTests(VigiaFactory app)
{
    [Theory]
    [InlineData("Política de privacidad y tratamiento de datos", "/privacidad", "Ley Estatutaria 1581 de 2012")]
    [InlineData("Términos de uso", "/terminos", "Ley 1712 de 2014")]
    public async Task Footer_LinksToAPageWithTheReferenceTextMarkedAsPending(string link, string url, string law)
    {
        await TestData.SmallPlanAsync(app);
        var client = app.Anonymous();

        var home = await client.GetPageAsync("/");
        var href = home.QuerySelectorAll(".site-footer a").Single(a => a.TextContent.Trim() == link).GetAttribute("href");
        Assert.Equal(url, href);

        var page = await client.GetPageAsync(href!);
        var main = page.QuerySelector("main")!.TextContent;
        Assert.Contains("Texto de referencia, pendiente de la entidad.", main, StringComparison.Ordinal);
        Assert.Contains(law, main, StringComparison.Ordinal);
        Assert.Contains("Falta completar por la entidad", main, StringComparison.Ordinal);
        Assert.Contains("Alcaldía de Prueba", main, StringComparison.Ordinal);
    }
}

[Collection(SharedHosts.SqliteSmallPlan)]
public sealed class SqliteLegalTextsTests(SqliteApp app) : LegalTextsTests(app);

[Collection(SharedHosts.PostgresSmallPlan)]
public sealed class PostgresLegalTextsTests(PostgresApp app) : LegalTextsTests(app);
