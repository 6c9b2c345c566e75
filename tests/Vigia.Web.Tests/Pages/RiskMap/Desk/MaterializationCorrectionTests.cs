using Vigia.Core.OpenData;
using Vigia.Core.RiskMap;
using Vigia.Web.Tests.OpenData;
using static Vigia.Web.Tests.Pages.RiskMap.Desk.RiskDeskData;

namespace Vigia.Web.Tests.Pages.RiskMap.Desk;

/// <summary>A materialization recorded by mistake, corrected and then withdrawn from its desk page with a reason: it is
/// never deleted, and the public risk page and the open data show it as withdrawn with that reason. A year of its own
/// (2025) with its map published, so no other test's map is locked.</summary>
public abstract class MaterializationCorrectionTests(VigiaFactory app)
{
    private static readonly Actor Planning = new(null, "Planeación", new HashSet<string> { Roles.Planning });
    private const string WithdrawalReason = "Se registró en el riesgo equivocado: el hecho era de otro proceso.";

    [Fact]
    public async Task CorrectThenWithdraw_WithAReason_ItStaysPublicAsWithdrawnWithThatReason()
    {
        var (own, _, leader) = await ProcessesAsync(app);
        var form = $"/mapa-riesgos/gestion/riesgo?proceso={own}&vigencia=2025";
        Assert.Equal(HttpStatusCode.Redirect, (await leader.PostFormAsync(form, RiskForm("RC-60", 1000, 1, 2, 3), form)).StatusCode);
        var risk = await RiskIdAsync(app, own, "RC-60");
        var url = $"/mapa-riesgos/gestion/riesgo/{risk}/materializaciones";
        Assert.Equal(HttpStatusCode.Redirect, (await leader.PostMultipartAsync(url, url, new()
        {
            ["OccurredOn"] = "2025-10-05",
            ["ReportedOn"] = "2025-10-07",
            ["Description"] = "Un funcionario pidió dinero a un proponente para favorecerlo.",
            ["InformedTo"] = "Procuraduria",
        }, ("denuncia.pdf", TestFiles.Pdf))).StatusCode);
        await using (var scope = app.Scope())
        {
            var entity = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Processes.Where(p => p.Id == own).Select(p => p.EntityId).SingleAsync();
            Assert.True((await scope.ServiceProvider.GetRequiredService<RiskMapPublicationService>()
                .PublishAsync(entity, 2025, new RiskMapApproval("Comité Institucional", new DateOnly(2025, 1, 20)), Planning)).Succeeded);
        }
        var id = (await leader.GetPageAsync(url)).QuerySelector("section.card input[name='materializationId']")!.GetAttribute("value")!;

        var noReason = await leader.PostFormAsync(url + "?handler=Correct", new()
        {
            ["materializationId"] = id,
            ["Correction.OccurredOn"] = "2025-10-04",
            ["Correction.ReportedOn"] = "2025-10-07",
            ["Correction.Description"] = "Un funcionario pidió dinero a un proponente el 4 de octubre.",
            ["Correction.InformedTo"] = "Fiscalia",
        }, url);
        var corrected = await leader.PostFormAsync(url + "?handler=Correct", new()
        {
            ["materializationId"] = id,
            ["Correction.OccurredOn"] = "2025-10-04",
            ["Correction.ReportedOn"] = "2025-10-07",
            ["Correction.Description"] = "Un funcionario pidió dinero a un proponente el 4 de octubre.",
            ["Correction.InformedTo"] = "Fiscalia",
            ["Correction.Reason"] = "La fecha del acta estaba mal escrita.",
        }, url);
        var stranger = await app.SignInAsAsync(Roles.ProcessLeader);
        var foreign = await stranger.PostFormAsync(url + "?handler=Withdraw", new() { ["materializationId"] = id, ["WithdrawalReason"] = WithdrawalReason }, "/mapa-riesgos/gestion");
        var withdrawn = await leader.PostFormAsync(url + "?handler=Withdraw", new() { ["materializationId"] = id, ["WithdrawalReason"] = WithdrawalReason }, url);

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("Explique el motivo (al menos 10 caracteres)", (await TestClient.ParseAsync(noReason)).QuerySelector("#error-summary")!.TextContent,
            StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        var desk = (await leader.GetPageAsync(url)).QuerySelector("section.card")!;
        Assert.Contains("Retirada por Lina Líder", desk.TextContent, StringComparison.Ordinal);
        Assert.Null(desk.QuerySelector("form[action*='handler=Withdraw']"));

        var page = await app.Anonymous().GetPageAsync("/mapa-riesgos/2025/riesgo/RC-60");
        Assert.EndsWith("versión 6 (revisión 1)", page.QuerySelector("#metodo")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Materialización del 4 de octubre de 2025 (retirada)", page.QuerySelector("#materializacion-1")!.TextContent);
        var article = page.QuerySelector("#materializacion-1")!.ParentElement!;
        Assert.Contains($"Motivo: {WithdrawalReason}", article.QuerySelector(".withdrawn")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Corregida el 26 de noviembre de 2026. Motivo: La fecha del acta estaba mal escrita.", article.TextContent, StringComparison.Ordinal);
        Assert.Contains("No aplica: la materialización fue retirada.", article.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Lina Líder", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var csv = Csv.Parse(await app.Anonymous().GetStringAsync("/datos/2025/riesgos-materializaciones.csv"));
        var columns = OpenDatasets.RiskMaterializations.ColumnNames.ToList();
        var row = Assert.Single(csv.Skip(1));
        Assert.Equal(("si", "2026-11-26", WithdrawalReason), (row[columns.IndexOf("retirada")], row[columns.IndexOf("fecha_retiro")], row[columns.IndexOf("motivo_retiro")]));
    }
}

public sealed class SqliteMaterializationCorrectionTests(SqliteApp app) : MaterializationCorrectionTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresMaterializationCorrectionTests(PostgresApp app) : MaterializationCorrectionTests(app), IClassFixture<PostgresApp>;
