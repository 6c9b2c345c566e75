using static Vigia.Web.Tests.Pages.RiskMap.Desk.RiskDeskData;

namespace Vigia.Web.Tests.Pages.RiskMap.Desk;

/// <summary>The risk form (/mapa-riesgos/gestion/riesgo): written by the process's leader, without JavaScript.</summary>
public abstract class RiskTests(VigiaFactory app)
{
    [Fact]
    public async Task Post_ByTheLeader_SavesTheRiskWithItsZone_AndShowsIt()
    {
        var (own, _, leader) = await ProcessesAsync(app);
        var url = $"/mapa-riesgos/gestion/riesgo?proceso={own}&vigencia=2026";

        var response = await leader.PostFormAsync(url, RiskForm("RC-10", 1000, 1, 2, 3), url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = await RiskIdAsync(app, own, "RC-10");
        var page = await leader.GetPageAsync($"/mapa-riesgos/gestion/riesgo/{id}/controles");
        var path = page.QuerySelector(".risk-path")!.TextContent;
        Assert.Contains("probabilidad alta (80 %, la actividad se realiza 1.000 veces al año)", path, StringComparison.Ordinal);
        Assert.Contains("impacto moderado (60 %, 3 «sí» en el cuestionario)", path, StringComparison.Ordinal);
        Assert.Equal("Alto", page.QuerySelectorAll(".risk-path .risk-zone")[^1].TextContent);
    }

    [Fact]
    public async Task Post_Accepted_OrNotACorruptionRisk_ReRendersWithTheErrors_AndSavesNothing()
    {
        var (own, _, leader) = await ProcessesAsync(app);
        var url = $"/mapa-riesgos/gestion/riesgo?proceso={own}&vigencia=2026";
        var form = RiskForm("RC-11", 20, 1);
        form["Treatment"] = "aceptar";
        form.Remove("UseOfPower");

        var response = await leader.PostFormAsync(url, form, url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var summary = (await TestClient.ParseAsync(response)).QuerySelector("#error-summary")!.TextContent;
        Assert.Contains("No es un riesgo de corrupción: le falta uso del poder.", summary, StringComparison.Ordinal);
        Assert.Contains("Un riesgo de corrupción no se puede aceptar", summary, StringComparison.Ordinal);
        await using var scope = app.Scope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Risks.AnyAsync(r => r.Code == "RC-11"));
    }

    [Fact]
    public async Task GetAndPost_OnAProcessTheLeaderDoesNotLead_Are404AndSaveNothing()
    {
        var (_, other, leader) = await ProcessesAsync(app);
        var url = $"/mapa-riesgos/gestion/riesgo?proceso={other}&vigencia=2026";
        var ownUrl = "/mapa-riesgos/gestion";

        var get = await leader.GetAsync(url);
        var post = await leader.PostFormAsync(url, RiskForm("RC-12", 20, 1), ownUrl);

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        await using var scope = app.Scope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Risks.AnyAsync(r => r.ProcessId == other));
    }

    [Fact]
    public async Task Get_Anonymous_IsSentToSignIn()
    {
        var response = await app.Anonymous().GetAsync("/mapa-riesgos/gestion/riesgo?proceso=1");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/cuenta/ingresar", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }
}

public sealed class SqliteRiskTests(SqliteApp app) : RiskTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresRiskTests(PostgresApp app) : RiskTests(app), IClassFixture<PostgresApp>;
