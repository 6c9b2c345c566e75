namespace Vigia.Web.Tests.Http;

/// <summary>What the translation of a result looks like through real pages: the Spanish status page for 403 and 404,
/// and a redirect that keeps the address the person came by.</summary>
public abstract class PageResponsesTests(VigiaFactory app)
{
    private static async Task<string> HeadingAsync(HttpResponseMessage response) =>
        (await TestClient.ParseAsync(response)).QuerySelector("h1")!.TextContent;

    [Fact]
    public async Task Forbidden_FromAPage_IsTheSpanishStatusPageWith403()
    {
        var responsible = await app.SignInAsAsync(Roles.Responsible);

        var response = await responsible.GetAsync("/gestion/revision");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("No tiene permiso para ver esta página", await HeadingAsync(response));
    }

    [Fact]
    public async Task NotFound_FromAPage_IsTheSpanishStatusPageWith404()
    {
        var responsible = await app.SignInAsAsync(Roles.Responsible);

        var response = await responsible.GetAsync("/gestion/reportes/999999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Página no encontrada", await HeadingAsync(response));
    }

    [Fact]
    public async Task Saved_ThroughTheEntityAddress_RedirectsBackToTheEntityAddress()
    {
        const string byEntity = "/gestion/planes/alcaldia-de-santiago-de-cali/2022/cronograma/2";
        var planner = await app.SignInAsAsync(Roles.Planning);

        var response = await planner.PostFormAsync(byEntity, new());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(byEntity, response.Headers.Location!.OriginalString);
    }
}

public sealed class SqlitePageResponsesTests(SqliteBundledPlanApp app) : PageResponsesTests(app), IClassFixture<SqliteBundledPlanApp>;

public sealed class PostgresPageResponsesTests(PostgresBundledPlanApp app) : PageResponsesTests(app), IClassFixture<PostgresBundledPlanApp>;
