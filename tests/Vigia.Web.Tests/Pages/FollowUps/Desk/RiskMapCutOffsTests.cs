using static Vigia.Web.Tests.Pages.FollowUps.FollowUpsData;

namespace Vigia.Web.Tests.Pages.FollowUps.Desk;

/// <summary>Control Interno's risk-map cut-offs (/seguimientos/gestion/{plan}/cortes-mapa-riesgos) on the bundled
/// Cali 2022 plan: four quarterly cut-offs, three of them not the plan's, each opening a follow-up of the map alone
/// on the desk. A class of its own because it changes the year's cut-offs.</summary>
public abstract class RiskMapCutOffsTests(VigiaFactory app)
{
    [Fact]
    public async Task ControlInterno_SetsFourCutOffs_AndTheDeskOpensAFollowUpOfTheMapAlone_OthersAreRefused()
    {
        var planId = await PlanIdAsync(app);
        var url = $"/seguimientos/gestion/{planId}/cortes-mapa-riesgos";
        var client = await ClientAsync(app, Roles.InternalControl);
        var planning = await ClientAsync(app, Roles.Planning);

        var page = await client.GetPageAsync(url);
        Assert.Contains("los del plan", page.QuerySelector("#cortes-actuales")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("04-30:10h; 08-31:10h; 12-31:10h", ((IHtmlInputElement)page.QuerySelector("#CutOffs")!).Value);
        var denied = await planning.GetAsync(url);
        Assert.Contains("/cuenta/acceso-denegado", denied.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var bad = await client.PostFormAsync(url, new() { ["CutOffs"] = "marzo" }, url);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badPage = await TestClient.ParseAsync(bad);
        Assert.Contains("Corte no válido: «marzo»", badPage.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("marzo", ((IHtmlInputElement)badPage.QuerySelector("#CutOffs")!).Value);

        var saved = await client.PostFormAsync(url, new() { ["CutOffs"] = "03-31:10h; 06-30:10h; 09-30:10h; 12-31:10h" }, url);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var desk = (await client.GetPageAsync("/seguimientos/gestion")).QuerySelector($"#cortes-{planId}")!.ParentElement!.TextContent;
        Assert.Contains("Primer seguimiento al mapa de riesgos: 31 de marzo de 2022", desk, StringComparison.Ordinal);
        Assert.Contains("Tercer seguimiento al mapa de riesgos: 30 de septiembre de 2022", desk, StringComparison.Ordinal);
        Assert.Contains("Sin el mapa de riesgos (no es corte del mapa)", desk, StringComparison.Ordinal);
        var march = await client.GetPageAsync($"/seguimientos/gestion/{planId}/2022-03-31");
        Assert.Contains("Solo el mapa de riesgos de corrupción", march.QuerySelector("#alcance")!.TextContent, StringComparison.Ordinal);
        Assert.Null(march.QuerySelector("#acciones-titulo"));
        Assert.Equal("Primer seguimiento al mapa de riesgos: corte del 31 de marzo de 2022", march.QuerySelector("h1")!.TextContent.Trim());
        var april = await client.GetPageAsync($"/seguimientos/gestion/{planId}/{April}");
        Assert.Contains("Este corte no es uno de los cortes de seguimiento del mapa de riesgos", april.QuerySelector("#riesgos-titulo")!.ParentElement!.TextContent,
            StringComparison.Ordinal);

        var reset = await client.PostFormAsync($"{url}?handler=Default", new Dictionary<string, string>(), url);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Null((await client.GetPageAsync("/seguimientos/gestion")).QuerySelector($"a[href$='/{planId}/2022-03-31']"));
    }
}

public sealed class SqliteRiskMapCutOffsTests(SqliteBundledPlanApp app) : RiskMapCutOffsTests(app), IClassFixture<SqliteBundledPlanApp>;

public sealed class PostgresRiskMapCutOffsTests(PostgresBundledPlanApp app) : RiskMapCutOffsTests(app), IClassFixture<PostgresBundledPlanApp>;
