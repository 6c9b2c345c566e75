using Vigia.Core.Organisation;
using Vigia.Core.RiskMap;
using static Vigia.Web.Tests.Pages.FollowUps.FollowUpsData;

namespace Vigia.Web.Tests.Pages.FollowUps.Desk;

/// <summary>The risk-map section of a cut-off's desk page (/seguimientos/gestion/{plan}/{cutoff}) on the bundled
/// Cali 2022 plan with one risk added to its entity's 2022 map: Control Interno assesses the risk on the page. A
/// class of its own because the risk it adds changes what closing any 2022 cut-off requires.</summary>
public abstract class CutOffRiskMapTests(VigiaFactory app)
{
    [Fact]
    public async Task TheSectionListsTheRisk_AndControlInternoAssessesIt_WithAReasonWhenNotEffective()
    {
        var planId = await PlanIdAsync(app);
        int riskId;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var entity = await db.Plans.Where(p => p.Id == planId).Select(p => p.EntityId).SingleAsync();
            var process = new Process { EntityId = entity, Name = "Gestión de la Contratación", Kind = ProcessKind.Support };
            db.Processes.Add(process);
            await db.SaveChangesAsync();
            var planning = new Actor("planeacion", "Pilar Planeación", new HashSet<string> { Roles.Planning });
            var saved = await scope.ServiceProvider.GetRequiredService<RiskMapService>().SaveRiskAsync(planning, null, new RiskDraft(process.Id, 2022, "RC-90",
                "Posibilidad de recibir dádivas para favorecer a un proponente", "Fraude interno", true, true, true, true,
                "Presión de terceros", "Criterios ambiguos", "Pérdida de recursos", 20, [1, 2, 3], "reducir"));
            Assert.True(saved.Succeeded, string.Join(" ", saved.Errors.Values));
            riskId = saved.Value.Id;
        }
        var client = await ClientAsync(app, Roles.InternalControl);
        var url = $"/seguimientos/gestion/{planId}/{April}";

        var page = await client.GetPageAsync(url);
        Assert.Contains("1 riesgo con 0 controles", page.QuerySelector("#riesgos-resumen")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Sin valorar", page.QuerySelector($"#riesgo-{riskId}")!.TextContent, StringComparison.Ordinal);

        var bare = await client.PostFormAsync($"{url}?handler=Risk&riskId={riskId}", new() { ["effective"] = "false" }, url);
        var saved2 = await client.PostFormAsync($"{url}?handler=Risk&riskId={riskId}",
            new() { ["effective"] = "false", ["observations"] = "El riesgo no tiene controles." }, url);

        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Contains("Explique por qué los controles del riesgo no son efectivos.",
            (await TestClient.ParseAsync(bare)).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved2.StatusCode);
        var row = (await client.GetPageAsync(url)).QuerySelector($"#riesgo-{riskId}")!.TextContent;
        Assert.Contains("Controles no efectivos", row, StringComparison.Ordinal);
        Assert.Contains("El riesgo no tiene controles.", row, StringComparison.Ordinal);
    }
}

public sealed class SqliteCutOffRiskMapTests(SqliteBundledPlanApp app) : CutOffRiskMapTests(app), IClassFixture<SqliteBundledPlanApp>;

public sealed class PostgresCutOffRiskMapTests(PostgresBundledPlanApp app) : CutOffRiskMapTests(app), IClassFixture<PostgresBundledPlanApp>;
