using Vigia.Core.Organisation;
using Vigia.Core.RiskMap;

namespace Vigia.Web.Tests.Pages.RiskMap;

/// <summary>What citizens see of a risk map's versions: nothing before publication, the published version's frozen
/// content while a new version is a draft, every published version listed with its justification, and the
/// difference between two of them.</summary>
public abstract class VersionsTests(VigiaFactory app)
{
    private static readonly Actor Planning = new(null, "Pedro Planeación", new HashSet<string> { Roles.Planning });
    private static readonly RiskMapApproval Approval = new("Comité Institucional de Coordinación de Control Interno", new DateOnly(2026, 1, 20), "Acta 01");
    private const string Reason = "Se agrega el control de verificación que pidió el comité.";

    private sealed record Arranged(int EntityId, int ProcessId, int RiskId);

    private static RiskDraft Draft(int process, int year, string code, int frequency) => new(process, year, code, $"Posibilidad de favorecer a un tercero ({code})",
        "Fraude interno", true, true, true, true, "Presión de terceros", "Criterios ambiguos", "Pérdida de recursos", frequency, [1, 2, 3], "reducir");

    /// <summary>A map of <paramref name="year"/> with RC-01 (alta × moderado), published or not.</summary>
    private async Task<Arranged> MapAsync(int year, bool publish)
    {
        await TestData.SmallPlanAsync(app);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var process = new Process { EntityId = await db.Entities.Select(e => e.Id).FirstAsync(), Name = $"Gestión de la Contratación {year}", Kind = ProcessKind.Support };
        db.Processes.Add(process);
        await db.SaveChangesAsync();
        var risk = await scope.ServiceProvider.GetRequiredService<RiskMapService>().SaveRiskAsync(Planning, null, Draft(process.Id, year, "RC-01", 1000));
        Assert.True(risk.Succeeded, string.Join(" ", risk.Errors.Values));
        if (publish)
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<RiskMapPublicationService>().PublishAsync(process.EntityId, year, Approval, Planning)).Succeeded);
        }
        return new Arranged(process.EntityId, process.Id, risk.Value.Id);
    }

    /// <summary>Version 2 opened, RC-01 given a control and RC-02 added; published when <paramref name="publish"/>.</summary>
    private async Task SecondVersionAsync(Arranged map, int year, bool publish)
    {
        await using var scope = app.Scope();
        var publication = scope.ServiceProvider.GetRequiredService<RiskMapPublicationService>();
        var risks = scope.ServiceProvider.GetRequiredService<RiskMapService>();
        Assert.True((await publication.StartVersionAsync(map.EntityId, year, Reason, Planning)).Succeeded);
        Assert.True((await risks.SaveControlAsync(Planning, map.RiskId, null, new ControlDraft("Verificación de requisitos con lista de chequeo",
            "Profesional de contratación", "preventivo", "manual", "documentado", "continua", "con-registro"), Reason)).Succeeded);
        Assert.True((await risks.SaveRiskAsync(Planning, null, Draft(map.ProcessId, year, "RC-02", 20), Reason)).Succeeded);
        if (publish)
        {
            Assert.True((await publication.PublishAsync(map.EntityId, year, Approval, Planning)).Succeeded);
        }
    }

    [Fact]
    public async Task BeforePublication_ThePageSaysSo_AndOpenDataAnswers404InSpanish()
    {
        await MapAsync(2021, publish: false);

        var page = await app.Anonymous().GetPageAsync("/mapa-riesgos/2021");
        var data = await app.Anonymous().GetAsync("/datos/2021/riesgos.json");

        Assert.Contains("El mapa de riesgos de corrupción de la vigencia 2021 todavía no se ha publicado.", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Lo publica la Oficina de Planeación", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#mapa-inherente-titulo"));
        Assert.Equal(HttpStatusCode.NotFound, data.StatusCode);
        Assert.Contains("No hay un mapa de riesgos de corrupción publicado para la vigencia 2021", await data.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhileANewVersionIsADraft_CitizensSeeThePublishedOne_AndOpenDataSaysWhichVersion()
    {
        var map = await MapAsync(2023, publish: true);
        await SecondVersionAsync(map, 2023, publish: false);

        var page = await app.Anonymous().GetPageAsync("/mapa-riesgos/2023");
        var csv = await app.Anonymous().GetAsync("/datos/2023/riesgos.csv");

        Assert.Equal("1 riesgo", page.QuerySelector("#riesgos-caption")!.TextContent);
        Assert.Equal("Sin controles", page.QuerySelector("#riesgos-caption")!.ParentElement!.QuerySelectorAll("tbody td")[3].TextContent);
        Assert.StartsWith("Versión 1, publicada el 26 de noviembre de 2026.", page.QuerySelector(".risk-map-version")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("1", csv.Headers.GetValues("X-Risk-Map-Version").Single());
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.EndsWith(",1", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryPublishedVersionIsListed_WithItsJustification_AndTwoCompareFieldByField()
    {
        var map = await MapAsync(2024, publish: true);
        await SecondVersionAsync(map, 2024, publish: true);

        var list = await app.Anonymous().GetPageAsync("/mapa-riesgos/2024/versiones");
        var rows = list.QuerySelectorAll("table tbody tr").Select(r => r.QuerySelectorAll("td")[0].TextContent).ToList();
        Assert.Equal(["Versión inicial", Reason], rows);
        Assert.NotNull(list.QuerySelector("form[method='get'] select[name='de']"));
        var diff = await app.Anonymous().GetPageAsync("/mapa-riesgos/2024/versiones?de=1&a=2");
        var changes = diff.QuerySelectorAll(".version-change");
        Assert.Equal(["Riesgo RC-01 modificado", "Riesgo RC-02 agregado"], changes.Select(c => c.QuerySelector("h3")!.TextContent));
        var zone = changes[0].QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "Zona residual").QuerySelectorAll("td");
        Assert.Equal(("probabilidad alta, impacto moderado: zona alto", "probabilidad media, impacto moderado: zona moderado"), (zone[0].TextContent, zone[1].TextContent));

        var now = await app.Anonymous().GetAsync("/datos/2024/riesgos.json");
        var first = await app.Anonymous().GetPageAsync("/mapa-riesgos/2024?version=1");
        Assert.Equal("2", now.Headers.GetValues("X-Risk-Map-Version").Single());
        Assert.Contains("\"version_mapa\": 2", await now.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("1 riesgo", first.QuerySelector("#riesgos-caption")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync("/mapa-riesgos/2024?version=3")).StatusCode);
    }
}

public sealed class SqliteVersionsTests(SqliteApp app) : VersionsTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresVersionsTests(PostgresApp app) : VersionsTests(app), IClassFixture<PostgresApp>;
