namespace Vigia.Web.Tests.Pages.Plans;

/// <summary>A plan's page (/planes/{year}) on the bundled Cali 2022 plan: what the import read from the document.</summary>
public abstract class PlanTests(VigiaFactory app)
{
    private readonly TestClient client = app.Anonymous();

    [Fact]
    public async Task Get_ShowsTheHeaderFromTheDocument()
    {
        var doc = await client.GetPageAsync("/planes/2022");

        var text = doc.Body!.TextContent;
        Assert.Contains("Santiago de Cali", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Vigencia", text, StringComparison.Ordinal);
        Assert.Contains("Determinar las estrategias de prevencion", text, StringComparison.Ordinal);
        Assert.Contains("JORGE IVÁN OSPINA GÓMEZ", text, StringComparison.Ordinal);
        Assert.Contains("Organismo coordinador", text, StringComparison.Ordinal);
        Assert.Contains("Secretaría de Desarrollo Territorial y Participación Ciudadana", text, StringComparison.Ordinal);
        Assert.Contains("Alcance", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_CountsActivitiesAndActionsPerComponent()
    {
        var doc = await client.GetPageAsync("/planes/2022");

        var totals = doc.QuerySelectorAll("tfoot td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["17", "62", "86"], totals);
        Assert.Equal(6, doc.QuerySelectorAll("tbody tr").Length);
    }

    [Fact]
    public async Task Get_WithASearch_FindsActionsIgnoringAccents()
    {
        var doc = await client.GetPageAsync("/planes/2022?q=rendicion%20cuentas");

        var heading = doc.QuerySelector("#resultados")!.TextContent;
        Assert.Contains("acciones encontradas", heading, StringComparison.Ordinal);
        Assert.NotEmpty(doc.QuerySelectorAll("#resultados + ul a[href*='/actividad/3.']"));
    }

    [Fact]
    public async Task Get_LinksItsDashboard()
    {
        var doc = await client.GetPageAsync("/planes/2022");

        Assert.NotNull(doc.QuerySelector("a[href='/planes/2022/tablero']"));
    }

    [Theory]
    [InlineData("/planes/1999")]
    [InlineData("/planes/otra-entidad/2022")]
    public async Task Get_UnknownPlan_Returns404(string url)
    {
        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

[Collection(SharedHosts.SqliteBundledPlan)]
public sealed class SqlitePlanTests(SqliteBundledPlanApp app) : PlanTests(app);

[Collection(SharedHosts.PostgresBundledPlan)]
public sealed class PostgresPlanTests(PostgresBundledPlanApp app) : PlanTests(app);
