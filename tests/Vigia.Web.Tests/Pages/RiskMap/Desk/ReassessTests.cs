using System.Text.Json.Nodes;
using Vigia.Core.RiskMap;
using static Vigia.Web.Tests.Pages.RiskMap.Desk.RiskDeskData;

namespace Vigia.Web.Tests.Pages.RiskMap.Desk;

/// <summary>Once the 2024 map is published and its version 2 opened, the risk's page asks for a «Motivo» on every
/// write and offers the re-assessment with a newer revision of the method
/// (/mapa-riesgos/gestion/riesgo/{id}/revalorar): the answers carried over, the reworded question asked again, and the
/// replaced assessment listed with its method. A host of its own: it loads a revision 2 of dafp-v6.</summary>
public abstract class ReassessTests(VigiaFactory app)
{
    private static readonly Actor Planning = new(null, "Planeación", new HashSet<string> { Roles.Planning });
    private const string Why = "El comité pidió ajustar el mapa tras la auditoría.";

    private static Dictionary<string, string> Control() => new()
    {
        ["Control.Description"] = "El profesional de contratación verifica los requisitos habilitantes con la lista de chequeo y devuelve el proceso si falta uno.",
        ["Control.ResponsiblePost"] = "Profesional especializado",
        ["Control.Type"] = "preventivo",
        ["Control.Implementation"] = "manual",
        ["Control.Documentation"] = "documentado",
        ["Control.Frequency"] = "continua",
        ["Control.Evidence"] = "con-registro",
    };

    [Fact]
    public async Task AfterPublication_WritesAskForAMotivo_AndTheRiskIsReassessedWithTheNewerRevision()
    {
        var (own, _, leader) = await ProcessesAsync(app);
        var form = $"/mapa-riesgos/gestion/riesgo?proceso={own}&vigencia=2024";
        Assert.Equal(HttpStatusCode.Redirect, (await leader.PostFormAsync(form, RiskForm("RC-70", 20, 1, 2, 3), form)).StatusCode);
        var risk = await RiskIdAsync(app, own, "RC-70");
        var url = $"/mapa-riesgos/gestion/riesgo/{risk}/controles";
        Assert.Null((await leader.GetPageAsync(url)).QuerySelector("textarea[name='Reason']"));
        await using (var scope = app.Scope())
        {
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<AppDbContext>();
            var entity = await db.Processes.Where(p => p.Id == own).Select(p => p.EntityId).SingleAsync();
            var publication = services.GetRequiredService<RiskMapPublicationService>();
            Assert.True((await publication.PublishAsync(entity, 2024, new RiskMapApproval("Comité Institucional", new DateOnly(2024, 1, 20)), Planning)).Succeeded);
            Assert.True((await publication.StartVersionAsync(entity, 2024, "Se revaloran los riesgos con la revisión 2 del método.", Planning)).Succeeded);
            var json = JsonNode.Parse(RiskMethodCatalog.Shipped().Single(j => j.Contains("\"dafp-v6\"", StringComparison.Ordinal)))!;
            json["revision"] = 2;
            json["corruptionImpact"]!["questions"]!.AsArray().Single(q => (int)q!["number"]! == 19)!["text"] = "¿Dar lugar a un proceso penal contra la entidad?";
            await services.GetRequiredService<RiskMethodCatalog>().LoadAsync([json.ToJsonString()]);
        }

        var noMotivo = await leader.PostFormAsync(url + "?handler=Control", Control(), url);
        var withMotivo = await leader.PostFormAsync(url + "?handler=Control", new(Control()) { ["Reason"] = Why }, url);

        Assert.Equal(HttpStatusCode.BadRequest, noMotivo.StatusCode);
        var refused = await TestClient.ParseAsync(noMotivo);
        Assert.Contains("El mapa de riesgos 2024 ya fue publicado: escriba el motivo del cambio", refused.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Motivo", refused.QuerySelector("label[for='Reason']")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, withMotivo.StatusCode);
        var page = await leader.GetPageAsync(url);
        var offer = page.QuerySelector("section[aria-labelledby='valoraciones'] a")!;
        Assert.StartsWith("Revalorar el riesgo con DAFP", offer.TextContent, StringComparison.Ordinal);
        Assert.EndsWith("(revisión 2)", offer.TextContent, StringComparison.Ordinal);

        var reassess = offer.GetAttribute("href")!;
        var formPage = await leader.GetPageAsync(reassess);
        Assert.Equal("20", formPage.QuerySelector("#ActivityFrequency")!.GetAttribute("value"));
        Assert.NotNull(formPage.QuerySelector("#pregunta-1-si[checked]"));
        Assert.NotNull(formPage.QuerySelector("#pregunta-4-no[checked]"));
        Assert.Null(formPage.QuerySelector("#pregunta-19-si[checked]"));
        Assert.Null(formPage.QuerySelector("#pregunta-19-no[checked]"));
        Assert.EndsWith("(nueva)", formPage.QuerySelector("#pregunta-19-si")!.Closest("fieldset")!.QuerySelector("legend")!.TextContent, StringComparison.Ordinal);
        var answers = Enumerable.Range(1, 18).ToDictionary(n => $"Answers[{n}]", n => n <= 3 ? "si" : "no");
        var incomplete = await leader.PostFormAsync(reassess, new(answers) { ["ActivityFrequency"] = "20", ["Reason"] = "La entidad adopta la revisión 2 del método." }, reassess);
        answers["Answers[19]"] = "no";
        var done = await leader.PostFormAsync(reassess, new(answers) { ["ActivityFrequency"] = "20", ["Reason"] = "La entidad adopta la revisión 2 del método." }, reassess);

        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        Assert.Contains("faltan: 19", (await TestClient.ParseAsync(incomplete)).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var after = await leader.GetPageAsync(url);
        Assert.EndsWith("revisión 2.", after.QuerySelector("#valoracion-vigente")!.TextContent, StringComparison.Ordinal);
        var past = after.QuerySelector("#valoraciones-caption")!.ParentElement!.QuerySelector("tbody tr")!.Children.Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal("1", past[0]);
        Assert.EndsWith("(revisión 1)", past[1], StringComparison.Ordinal);
        Assert.Equal("La entidad adopta la revisión 2 del método.", past[^1]);
        Assert.Null(after.QuerySelector("section[aria-labelledby='valoraciones'] a"));
    }
}

public sealed class SqliteReassessTests(SqliteApp app) : ReassessTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresReassessTests(PostgresApp app) : ReassessTests(app), IClassFixture<PostgresApp>;
