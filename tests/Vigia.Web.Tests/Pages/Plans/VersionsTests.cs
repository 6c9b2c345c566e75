namespace Vigia.Web.Tests.Pages.Plans;

/// <summary>The public change log (/planes/{year}/versiones) and a version's page on the bundled plan, which is the
/// entity's published version 1.</summary>
public abstract class VersionsTests(VigiaFactory app)
{
    [Fact]
    public async Task Get_PlanPage_ShowsPublishedVersionOne_AndLinksToTheVersions()
    {
        var doc = await app.Anonymous().GetPageAsync("/planes/2022");

        var header = doc.QuerySelector(".plan-meta")!.TextContent;
        Assert.Contains("Versión", header, StringComparison.Ordinal);
        Assert.Contains("1 (Publicado)", header, StringComparison.Ordinal);
        Assert.Contains(doc.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/planes/2022/versiones");
    }

    [Fact]
    public async Task Get_Versions_ListsVersionOneWithTheMayorsSignedApproval()
    {
        var doc = await app.Anonymous().GetPageAsync("/planes/2022/versiones");

        var row = Assert.Single(doc.QuerySelectorAll("tbody tr"));
        Assert.Contains("Versión 1", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Publicado", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("JORGE IVÁN OSPINA GÓMEZ - ALCALDE MUNICIPAL", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Original firmado", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("la fecha no consta en el documento", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_VersionOne_ShowsEveryActionOfThePlan()
    {
        var doc = await app.Anonymous().GetPageAsync("/planes/2022/versiones/1");

        Assert.Equal("Versión 1 (Publicado)", doc.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(86, doc.QuerySelectorAll("tbody tr").Length);
    }

    [Fact]
    public async Task Get_PlanWorkbook_IsTheDocumentAsXlsx_AndAVersionThatIsNotPublicIs404()
    {
        var response = await app.Anonymous().GetAsync("/datos/2022/plan.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("PK"u8.ToArray(), (await response.Content.ReadAsByteArrayAsync())[..2]);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync("/datos/2022/plan.xlsx?version=2")).StatusCode);
        var plan = await app.Anonymous().GetPageAsync("/planes/alcaldia-de-santiago-de-cali/2022");
        Assert.Contains(plan.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/datos/alcaldia-de-santiago-de-cali/2022/plan.xlsx");
    }

    [Fact]
    public async Task Get_AVersionThatDoesNotExist_Returns404()
    {
        var response = await app.Anonymous().GetAsync("/planes/2022/versiones/9");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Get_OpenDataCatalogue_SaysWhichVersionTheDataServes()
    {
        var doc = await app.Anonymous().GetPageAsync("/datos");

        Assert.Contains("Versión 1 (Publicado)", doc.QuerySelector("#conjuntos")!.ParentElement!.TextContent, StringComparison.Ordinal);
        var csv = await app.Anonymous().GetAsync("/datos/2022/acciones.csv");
        Assert.Equal("1; Published", csv.Headers.GetValues("X-Plan-Version").Single());
    }
}

[Collection(SharedHosts.SqliteBundledPlan)]
public sealed class SqliteVersionsTests(SqliteBundledPlanApp app) : VersionsTests(app);

[Collection(SharedHosts.PostgresBundledPlan)]
public sealed class PostgresVersionsTests(PostgresBundledPlanApp app) : VersionsTests(app);
