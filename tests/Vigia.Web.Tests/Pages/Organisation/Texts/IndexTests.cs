using Vigia.Core.Organisation;

namespace Vigia.Web.Tests.Pages.Organisation.Texts;

/// <summary>The administrator's page for the entity's legal texts (/admin/textos).</summary>
public abstract class IndexTests(VigiaFactory app)
{
    private async Task<Entity> EntityAsync()
    {
        await using var db = app.Database.CreateContext();
        return await db.Entities.AsNoTracking().OrderBy(e => e.Id).FirstAsync();
    }

    [Fact]
    public async Task Post_OwnTexts_ArePublishedWithoutTheReferenceMark_AndEmptyGoesBackToTheReference()
    {
        await TestData.SmallPlanAsync(app);
        var admin = await app.SignInAsAsync(Roles.Administrator);
        var form = await admin.GetPageAsync("/admin/textos");
        Assert.Contains("Ley Estatutaria 1581 de 2012", form.QuerySelector("textarea#PrivacyPolicy")!.TextContent, StringComparison.Ordinal);

        var saved = await admin.PostFormAsync("/admin/textos", new()
        {
            ["PrivacyPolicy"] = "La Alcaldía de Prueba trata sus datos según su Resolución 100 de 2022.\n\nConsultas: datos@prueba.gov.co.",
            ["TermsOfUse"] = "",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var privacy = await app.Anonymous().GetPageAsync("/privacidad");
        Assert.DoesNotContain("Texto de referencia", privacy.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["La Alcaldía de Prueba trata sus datos según su Resolución 100 de 2022.", "Consultas: datos@prueba.gov.co."],
            privacy.QuerySelectorAll("main p.legal-text").Select(p => p.TextContent));
        var terms = await app.Anonymous().GetPageAsync("/terminos");
        Assert.Contains("Texto de referencia, pendiente de la entidad.", terms.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await EntityAsync()).TermsOfUse);
    }

    [Fact]
    public async Task Post_ReferenceTextUnchanged_StaysMarkedAsPending()
    {
        await TestData.SmallPlanAsync(app);
        var admin = await app.SignInAsAsync(Roles.Administrator);
        var form = await admin.GetPageAsync("/admin/textos");

        var saved = await admin.PostFormAsync("/admin/textos", new()
        {
            ["PrivacyPolicy"] = form.QuerySelector("textarea#PrivacyPolicy")!.TextContent,
            // A browser sends the lines of a text box with CRLF.
            ["TermsOfUse"] = form.QuerySelector("textarea#TermsOfUse")!.TextContent.Replace("\n", "\r\n", StringComparison.Ordinal),
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Null((await EntityAsync()).TermsOfUse);
    }

    [Fact]
    public async Task Post_TooLong_ReRendersWithASpanishErrorAndChangesNothing()
    {
        await TestData.SmallPlanAsync(app);
        var before = (await EntityAsync()).TermsOfUse;
        var admin = await app.SignInAsAsync(Roles.Administrator);

        var response = await admin.PostFormAsync("/admin/textos", new()
        {
            ["PrivacyPolicy"] = "Texto propio.",
            ["TermsOfUse"] = new string('a', EntityTexts.MaxLength + 1),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await TestClient.ParseAsync(response);
        Assert.Contains("Los términos de uso admiten como máximo 20.000 caracteres.", doc.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector("#error-summary a[href='#TermsOfUse']"));
        Assert.Equal(before, (await EntityAsync()).TermsOfUse);
    }

    [Theory]
    [InlineData(Roles.Planning)]
    [InlineData(Roles.InternalControl)]
    public async Task Get_AsAnotherRole_IsDenied(string role)
    {
        await TestData.SmallPlanAsync(app);
        var client = await app.SignInAsAsync(role);

        var response = await client.GetAsync("/admin/textos");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/cuenta/acceso-denegado", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}

public sealed class SqliteIndexTests(SqliteApp app) : IndexTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresIndexTests(PostgresApp app) : IndexTests(app), IClassFixture<PostgresApp>;
