using static Vigia.Web.Tests.Pages.RiskMap.Desk.RiskDeskData;
using static Vigia.Web.Tests.Pages.RiskMap.Desk.TrackingData;

namespace Vigia.Web.Tests.Pages.RiskMap.Desk;

/// <summary>A risk's materializations (/mapa-riesgos/gestion/riesgo/{id}/materializaciones): recorded with the
/// authorities and the report's evidence, an improvement action, and the re-assessment it waits for.</summary>
public abstract class MaterializationsTests(VigiaFactory app)
{
    [Fact]
    public async Task Record_WithAuthoritiesAndEvidence_ThenAnActionAndTheReassessment()
    {
        var (own, _, leader) = await ProcessesAsync(app);
        var (risk, _, _) = await RiskWithControlsAsync(app, leader, own, "RC-50");
        var url = $"/mapa-riesgos/gestion/riesgo/{risk}/materializaciones";

        var recorded = await leader.PostMultipartAsync(url, url, new()
        {
            ["OccurredOn"] = "2026-10-05",
            ["ReportedOn"] = "2026-10-07",
            ["Description"] = "Un funcionario pidió dinero a un proponente para favorecerlo.",
            ["InformedTo"] = "Procuraduria",
        }, ("denuncia.pdf", TestFiles.Pdf));
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var page = await leader.GetPageAsync(url);
        var section = page.QuerySelector("section.card")!;
        Assert.Contains("Informada a: Procuraduría, el 7 de octubre de 2026", section.TextContent, StringComparison.Ordinal);
        Assert.Contains("denuncia.pdf", section.TextContent, StringComparison.Ordinal);
        Assert.Contains("Pendiente: hasta que se registre", section.TextContent, StringComparison.Ordinal);
        var id = section.QuerySelector("input[name='materializationId']")!.GetAttribute("value")!;
        int unit;
        await using (var scope = app.Scope())
        {
            unit = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Units.Where(u => u.Name == TestData.Communications).Select(u => u.Id).SingleAsync();
        }

        var action = await leader.PostFormAsync(url + "?handler=Action", new()
        {
            ["materializationId"] = id,
            ["Action.Description"] = "Rotar el comité evaluador",
            ["Action.ResponsibleUnitId"] = Str(unit),
            ["Action.StartDate"] = "2026-10-15",
            ["Action.EndDate"] = "2026-12-15",
            ["Action.Deliverable"] = "Resolución de rotación",
        }, url);
        var shortNote = await leader.PostFormAsync(url + "?handler=Reassess", new() { ["materializationId"] = id, ["ReassessmentNote"] = "Igual." }, url);
        var reassessed = await leader.PostFormAsync(url + "?handler=Reassess",
            new() { ["materializationId"] = id, ["ReassessmentNote"] = "Se añadió la rotación del comité como control; la zona residual no cambia." }, url);

        Assert.Equal(HttpStatusCode.Redirect, action.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, shortNote.StatusCode);
        Assert.Contains("Explique la revaloración en al menos 20 caracteres.", (await TestClient.ParseAsync(shortNote)).QuerySelector("#error-summary")!.TextContent,
            StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, reassessed.StatusCode);
        var after = (await leader.GetPageAsync(url)).QuerySelector("section.card")!.TextContent;
        Assert.Contains("Rotar el comité evaluador", after, StringComparison.Ordinal);
        Assert.Contains("Se añadió la rotación del comité como control", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Pendiente: hasta que se registre", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_WithoutAuthorityOrEvidence_IsRefused_AndAnotherLeaderGets404()
    {
        var (own, _, leader) = await ProcessesAsync(app);
        var (risk, _, _) = await RiskWithControlsAsync(app, leader, own, "RC-51");
        var url = $"/mapa-riesgos/gestion/riesgo/{risk}/materializaciones";

        var refused = await leader.PostMultipartAsync(url, url, new() { ["OccurredOn"] = "2026-10-05", ["ReportedOn"] = "2026-10-07", ["Description"] = "Algo pasó." });
        var stranger = await app.SignInAsAsync(Roles.ProcessLeader);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var summary = (await TestClient.ParseAsync(refused)).QuerySelector("#error-summary")!.TextContent;
        Assert.Contains("Elija al menos una autoridad informada: Procuraduría, Contraloría o Fiscalía.", summary, StringComparison.Ordinal);
        Assert.Contains("Adjunte el soporte del informe a la autoridad (archivo o enlace).", summary, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
    }
}

public sealed class SqliteMaterializationsTests(SqliteApp app) : MaterializationsTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresMaterializationsTests(PostgresApp app) : MaterializationsTests(app), IClassFixture<PostgresApp>;
