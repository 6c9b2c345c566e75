using AngleSharp.Html.Dom;
using Vigia.Web.Tests.Infrastructure;

namespace Vigia.Web.Tests.Plans;

public abstract class PlanPagesTests(VigiaFactory factory)
{
    private readonly HttpClient client = factory.CreateClient();

    private static string Text(IHtmlDocument doc) => doc.Body!.TextContent;

    [Fact]
    public async Task Get_Home_ShowsBundledPlanAndItsSixComponents()
    {
        var doc = await factory.GetPageAsync(client, "/");

        Assert.Contains("Plan Anticorrupción y de Atención al Ciudadano 2022", doc.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var componentLinks = doc.QuerySelectorAll("a[href*='/componente/']");
        Assert.Equal(6, componentLinks.Length);
        Assert.Contains(componentLinks, a => a.TextContent.Contains("RENDICIÓN DE CUENTAS", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_Plan_ShowsHeaderFromTheDocument()
    {
        var doc = await factory.GetPageAsync(client, "/planes/2022");

        var text = Text(doc);
        Assert.Contains("Santiago de Cali", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Vigencia", text, StringComparison.Ordinal);
        Assert.Contains("Determinar las estrategias de prevencion", text, StringComparison.Ordinal);
        Assert.Contains("JORGE IVÁN OSPINA GÓMEZ", text, StringComparison.Ordinal);
        Assert.Contains("Organismo coordinador", text, StringComparison.Ordinal);
        Assert.Contains("Secretaría de Desarrollo Territorial y Participación Ciudadana", text, StringComparison.Ordinal);
        Assert.Contains("Alcance", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Plan_CountsActivitiesAndActionsPerComponent()
    {
        var doc = await factory.GetPageAsync(client, "/planes/2022");

        var totals = doc.QuerySelectorAll("tfoot td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["17", "62", "86"], totals);
        Assert.Equal(6, doc.QuerySelectorAll("tbody tr").Length);
    }

    [Fact]
    public async Task Get_Component3_ListsItsSubcomponentsAndActivities()
    {
        var doc = await factory.GetPageAsync(client, "/planes/2022/componente/3");

        Assert.Contains("RENDICIÓN DE CUENTAS", doc.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var subheadings = doc.QuerySelectorAll("h2").Select(h => h.TextContent).ToList();
        Assert.Contains(subheadings, h => h.StartsWith("3.1 ", StringComparison.Ordinal));
        Assert.Contains(subheadings, h => h.StartsWith("3.3 ", StringComparison.Ordinal));
        Assert.NotNull(doc.QuerySelector("a[href='/planes/2022/actividad/3.1.4']"));
    }

    [Fact]
    public async Task Get_Activity314_ShowsFiveActionsWithTheirTargets()
    {
        var doc = await factory.GetPageAsync(client, "/planes/2022/actividad/3.1.4");

        var actions = doc.QuerySelectorAll("article[id^='accion-']");
        Assert.Equal(5, actions.Length);
        var targets = doc.QuerySelectorAll(".target-value").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(["5.000", "2.200", "5.000", "700", "400"], targets);
    }

    [Fact]
    public async Task Get_Activity134_ShowsPercentageTarget()
    {
        var doc = await factory.GetPageAsync(client, "/planes/2022/actividad/1.3.4");

        Assert.Equal("100 %", doc.QuerySelector(".target-value")!.TextContent.Trim());
        Assert.Contains("(porcentaje)", Text(doc), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_PlanWithQuery_FindsActionsIgnoringAccents()
    {
        var doc = await factory.GetPageAsync(client, "/planes/2022?q=rendicion%20cuentas");

        var heading = doc.QuerySelector("#resultados")!.TextContent;
        Assert.Contains("acciones encontradas", heading, StringComparison.Ordinal);
        Assert.NotEmpty(doc.QuerySelectorAll("#resultados + ul a[href*='/actividad/3.']"));
    }

    [Fact]
    public async Task Get_PlanByEntityAddress_ShowsSamePlan()
    {
        var doc = await factory.GetPageAsync(client, "/planes/alcaldia-de-santiago-de-cali/2022/actividad/4.4.3");

        Assert.Equal("104", doc.QuerySelector(".target-value")!.TextContent.Trim());
    }

    [Fact]
    public async Task Get_ImportReport_ListsInferencesWithLineNumbers()
    {
        var doc = await factory.GetPageAsync(client, "/planes/2022/importacion");

        var rows = doc.QuerySelectorAll("tbody tr");
        Assert.True(rows.Length > 10);
        Assert.Contains(rows, r => r.TextContent.Contains("Línea omitida", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.TextContent.Contains("Sin programación mensual", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/planes/1999")]
    [InlineData("/planes/2022/componente/9")]
    [InlineData("/planes/2022/actividad/9.9.9")]
    [InlineData("/planes/otra-entidad/2022")]
    public async Task Get_UnknownPlanPart_Returns404(string url)
    {
        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

[Collection("sqlite")]
public class SqlitePlanPagesTests(SqliteVigiaFactory factory) : PlanPagesTests(factory), IClassFixture<SqliteVigiaFactory>;

[Collection("postgres")]
public class PostgresPlanPagesTests(PostgresVigiaFactory factory) : PlanPagesTests(factory), IClassFixture<PostgresVigiaFactory>;
