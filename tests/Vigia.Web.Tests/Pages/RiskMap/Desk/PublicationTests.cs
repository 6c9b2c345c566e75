using Vigia.Core.RiskMap;

namespace Vigia.Web.Tests.Pages.RiskMap.Desk;

/// <summary>Planeación's publication page (/mapa-riesgos/gestion/publicacion): publish with the approval, the errors
/// next to their fields, a justified new version; a process leader sees the state but cannot publish.</summary>
public abstract class PublicationTests(VigiaFactory app)
{
    private const string Url = "/mapa-riesgos/gestion/publicacion?vigencia=2026";

    [Fact]
    public async Task Planning_PublishesTheMap_ThenOpensAJustifiedVersion()
    {
        var (own, _, _) = await RiskDeskData.ProcessesAsync(app);
        await using (var scope = app.Scope())
        {
            var saved = await scope.ServiceProvider.GetRequiredService<RiskMapService>().SaveRiskAsync(
                new Actor(null, "Planeación", new HashSet<string> { Roles.Planning }), null, new RiskDraft(own, 2026, "RC-01",
                    "Posibilidad de favorecer a un proponente", "Fraude interno", true, true, true, true, "Presión de terceros", "Criterios ambiguos",
                    "Pérdida de recursos", 20, [1, 2, 3], "reducir"));
            Assert.True(saved.Succeeded, string.Join(" ", saved.Errors.Values));
        }
        var planning = await app.SignInAsAsync(Roles.Planning);

        var invalid = await planning.PostFormAsync(Url + "&handler=Publish", new() { ["ApprovedBy"] = "", ["ApprovedOn"] = "" }, Url);
        var published = await planning.PostFormAsync(Url + "&handler=Publish",
            new() { ["ApprovedBy"] = "Comité Institucional de Coordinación de Control Interno", ["ApprovedOn"] = "2026-01-20", ["ApprovalNote"] = "Acta 01" }, Url);
        var page = await planning.GetPageAsync(Url);
        var revised = await planning.PostFormAsync(Url + "&handler=Version", new() { ["Justification"] = "Se agrega un riesgo identificado en la auditoría." }, Url);

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("Indique la fecha de aprobación.", (await TestClient.ParseAsync(invalid)).QuerySelector("#ApprovedOn-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Contains("Estado: Versión 1, publicada el 26 de noviembre de 2026.", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, revised.StatusCode);
        var draft = await planning.GetPageAsync(Url);
        Assert.Contains("Versión 2 (borrador)", draft.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("No hay diferencias de contenido entre las dos versiones.", draft.QuerySelector("#borrador-titulo")!.ParentElement!.QuerySelector("p")!.TextContent);
    }

    [Fact]
    public async Task AProcessLeader_SeesTheState_ButPublishingIsForbidden()
    {
        var (own, _, leader) = await RiskDeskData.ProcessesAsync(app);
        var before = await VersionsAsync();

        var page = await leader.GetPageAsync(Url);
        var response = await leader.PostFormAsync(Url + "&handler=Publish",
            new() { ["ApprovedBy"] = "Alguien", ["ApprovedOn"] = "2026-01-20" }, $"/mapa-riesgos/gestion/riesgo?proceso={own}&vigencia=2026");

        Assert.Contains("Solo la Oficina de Planeación publica el mapa", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await VersionsAsync());
    }

    private async Task<int> VersionsAsync()
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().RiskMapVersions.CountAsync();
    }
}

public sealed class SqlitePublicationTests(SqliteApp app) : PublicationTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresPublicationTests(PostgresApp app) : PublicationTests(app), IClassFixture<PostgresApp>;
