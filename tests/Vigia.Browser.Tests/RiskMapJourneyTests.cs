using System.Text.RegularExpressions;
using Vigia.Core.Organisation;
using Vigia.Core.RiskMap;
using Vigia.Core.RiskMap.Tracking;
using static Microsoft.Playwright.Assertions;
using static Vigia.Browser.Tests.BrowserApp;

namespace Vigia.Browser.Tests;

/// <summary>The corruption risk map through the browser: a Líder de proceso writes a risk in the DAFP form, answers
/// the impact questionnaire and adds two controls, and sees the residual zone leave the inherent one on the heat map;
/// citizens see the risk's accepted monitoring and its materialization on its public page; Control Interno then follows
/// the risk up at the first cut-off of the bundled 2022 plan.</summary>
public class RiskMapJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string LeaderEmail = "lina.lider@prueba.vigia";
    private const string ControlEmail = "control.riesgos@prueba.vigia";
    private const string ProcessName = "Gestión de la Contratación";

    /// <summary>What is not the point of the journey: the process of the 2022 plan's entity with its leader, and
    /// Control Interno's account.</summary>
    private async Task<(int EntityId, int PlanId, int ProcessId)> ArrangeAsync()
    {
        var leader = await TestPeople.CreateAsync(app.Services, Roles.ProcessLeader, email: LeaderEmail, name: "Lina Líder");
        await TestPeople.CreateAsync(app.Services, Roles.InternalControl, email: ControlEmail, name: "Jefe de Control Interno");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var plan = await db.Plans.Where(p => p.Year == 2022).Select(p => new { p.Id, p.EntityId }).SingleAsync();
        var process = new Process { EntityId = plan.EntityId, Name = ProcessName, Kind = ProcessKind.Support };
        process.Leaders.Add(new ProcessLeader { UserId = leader.Id, Process = process });
        db.Processes.Add(process);
        await db.SaveChangesAsync();
        return (plan.EntityId, plan.Id, process.Id);
    }

    private static async Task AssertNoAxeViolationsAsync(IPage page, string what)
    {
        var result = await AxeAsync(page);
        Assert.True(result.Violations.Length == 0, $"{what}: " + PublicPagesAccessibilityTests.Describe(result));
    }

    private static async Task AddControlAsync(IPage page, string description, string type)
    {
        await page.GetByLabel("Descripción del control").FillAsync(description);
        await page.GetByLabel("Cargo de quien ejecuta el control").FillAsync("Profesional especializado de contratación");
        await page.GetByRole(AriaRole.Radio, new() { NameRegex = new Regex("^" + type) }).CheckAsync();
        await page.GetByRole(AriaRole.Radio, new() { NameRegex = new Regex("^Manual") }).CheckAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "Documentado", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "Continua", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "Con registro", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Añadir el control" }).ClickAsync();
    }

    private static async Task TrackAsync(IServiceProvider services, int riskId)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var control = await db.RiskControls.Where(c => c.RiskId == riskId).OrderBy(c => c.Number).Select(c => c.Id).FirstAsync();
        var leader = new Actor("journey-leader", "Líder de prueba", new HashSet<string> { Roles.Planning });
        var reviewer = new Actor("journey-reviewer", "Revisor de prueba", new HashSet<string> { Roles.Planning });
        var monitoring = services.GetRequiredService<ControlMonitoringService>();
        var submitted = await monitoring.SubmitAsync(leader, control, new ControlMonitoringDraft(5, true,
            "Se aplicó la lista de chequeo a los procesos de mayo.", ["https://evidencias.example.org/mayo"], []));
        Assert.True(submitted.Succeeded, string.Join(" ", submitted.Errors.Values));
        Assert.True((await monitoring.ReviewAsync(reviewer, submitted.Value, Vigia.Core.Monitoring.ReviewDecision.Accept, null)).Succeeded);
        var materializations = services.GetRequiredService<MaterializationService>();
        var recorded = await materializations.RecordAsync(leader, riskId, new MaterializationDraft(new DateOnly(2022, 6, 1),
            "Se adjudicó un contrato sin los requisitos habilitantes.", Authorities.Procuraduria, new DateOnly(2022, 6, 3),
            ["https://evidencias.example.org/informe"], []));
        Assert.True(recorded.Succeeded, string.Join(" ", recorded.Errors.Values));
        var entityId = await db.Risks.Where(r => r.Id == riskId).Select(r => r.Process!.EntityId).SingleAsync();
        var unit = await db.Units.Where(u => u.EntityId == entityId && u.IsActive).OrderBy(u => u.Id).Select(u => u.Id).FirstAsync();
        Assert.True((await materializations.AddActionAsync(leader, recorded.Value, new ImprovementActionDraft(
            "Capacitar al equipo de contratación en la verificación de requisitos.", unit, new DateOnly(2022, 7, 1), new DateOnly(2022, 9, 30),
            "Listas de asistencia"))).Succeeded);
    }

    [Fact]
    public async Task ProcessLeader_WritesAndControlsARisk_ResidualZoneMoves_ControlInternoFollowsItUp()
    {
        var (entityId, planId, processId) = await ArrangeAsync();
        var leader = await app.SignInAsync(LeaderEmail);

        // The risk, in the DAFP form.
        await leader.GotoAsync(app.BaseUrl + "/mapa-riesgos/gestion?vigencia=2022");
        await leader.GetByRole(AriaRole.Link, new() { Name = $"Escribir un riesgo de {ProcessName}" }).ClickAsync();
        await Expect(leader.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Escribir un riesgo de corrupción");
        await AssertNoAxeViolationsAsync(leader, "formulario del riesgo");
        await leader.GetByLabel("Referencia").FillAsync("RC-01");
        await leader.GetByLabel("Descripción del riesgo").FillAsync(
            "Posibilidad de recibir dádivas para favorecer a un proponente en la evaluación de ofertas");
        await leader.GetByLabel("Clasificación del riesgo").FillAsync("Fraude interno");
        foreach (var element in new[] { "Acción u omisión", "Uso del poder", "Desviación de la gestión de lo público", "Beneficio privado" })
        {
            await leader.GetByRole(AriaRole.Checkbox, new() { Name = element, Exact = true }).CheckAsync();
        }
        await leader.GetByLabel("Causa inmediata").FillAsync("Presión de terceros sobre el comité evaluador");
        await leader.GetByLabel("Causa raíz").FillAsync("Criterios de evaluación ambiguos en los pliegos");
        await leader.GetByLabel("Consecuencias").FillAsync("Pérdida de recursos públicos y sanciones disciplinarias");
        // 1.000 evaluations a year: probabilidad alta (80 %).
        await leader.GetByLabel("Veces al año que se realiza la actividad").FillAsync("1000");
        // Three «sí» of the 19 questions: impacto moderado.
        var questions = leader.Locator("#YesAnswers").GetByRole(AriaRole.Checkbox);
        await Expect(questions).ToHaveCountAsync(19);
        foreach (var number in new[] { 1, 2, 3 })
        {
            await leader.GetByRole(AriaRole.Checkbox, new() { NameRegex = new Regex($"^{number}\\. ") }).CheckAsync();
        }
        await leader.GetByRole(AriaRole.Radio, new() { Name = "Reducir (mitigar)", Exact = true }).CheckAsync();
        await leader.GetByRole(AriaRole.Button, new() { Name = "Guardar y valorar el riesgo" }).ClickAsync();

        // Without controls the residual risk is the inherent one.
        await Expect(leader.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Riesgo RC-01: valoración y controles");
        await Expect(leader.Locator(".notice")).ToContainTextAsync("Riesgo «RC-01» guardado y valorado.");
        await Expect(leader.Locator(".risk-path .risk-zone")).ToHaveTextAsync(["Alto", "Alto"]);
        await ScreenshotAsync(leader, "riesgos-01-riesgo");
        await AssertNoAxeViolationsAsync(leader, "riesgo y controles");

        // Two controls, one after the other: 80 % → 48 % → 33,6 % (baja).
        await AddControlAsync(leader, "El profesional verifica los requisitos habilitantes con la lista de chequeo y devuelve el proceso si falta uno.", "Preventivo");
        await Expect(leader.Locator(".notice")).ToContainTextAsync("Control 1 añadido");
        await AddControlAsync(leader, "El comité revisa por muestreo las evaluaciones publicadas y reporta las desviaciones a la oficina jurídica.", "Detectivo");
        await Expect(leader.Locator(".notice")).ToContainTextAsync("Control 2 añadido");
        await Expect(leader.Locator("#controles-caption").Locator("..").Locator("tbody tr")).ToHaveCountAsync(2);
        await Expect(leader.Locator(".risk-path")).ToContainTextAsync("baja la probabilidad de 48 % a 33,6 %");
        await Expect(leader.Locator(".risk-path .risk-zone")).ToHaveTextAsync(["Alto", "Moderado"]);
        await ScreenshotAsync(leader, "riesgos-02-controles");
        await AssertNoAxeViolationsAsync(leader, "riesgo con dos controles");

        await leader.GetByRole(AriaRole.Link, new() { Name = "Volver al mapa" }).ClickAsync();
        var row = leader.GetByRole(AriaRole.Row).Filter(new() { HasText = "RC-01" });
        await Expect(row.Locator(".risk-zone")).ToHaveTextAsync(["Alto", "Moderado"]);

        // Planeación publishes the map (not the point of this journey); then the heat maps show the move.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var planning = new Actor(null, "Planeación", new HashSet<string> { Roles.Planning });
            var published = await scope.ServiceProvider.GetRequiredService<RiskMapPublicationService>().PublishAsync(entityId, 2022,
                new RiskMapApproval("Comité Institucional de Coordinación de Control Interno", new DateOnly(2022, 1, 28)), planning);
            Assert.True(published.Succeeded, string.Join(" ", published.Errors.Values));
        }
        await leader.GotoAsync(app.BaseUrl + "/mapa-riesgos/2022");
        await Expect(leader.Locator("#mapa-inherente-desc")).ToContainTextAsync("1 en probabilidad alta e impacto moderado (zona alto)");
        await Expect(leader.Locator("#mapa-residual-desc")).ToContainTextAsync("1 en probabilidad baja e impacto moderado (zona moderado)");
        var inherentTable = leader.Locator("#mapa-inherente-tabla").Locator("..");
        var residualTable = leader.Locator("#mapa-residual-tabla").Locator("..");
        await Expect(inherentTable.GetByRole(AriaRole.Row).Filter(new() { Has = leader.GetByRole(AriaRole.Rowheader, new() { Name = "Alta", Exact = true }) })
            .GetByRole(AriaRole.Link)).ToHaveTextAsync("1 riesgo en");
        await Expect(residualTable.GetByRole(AriaRole.Row).Filter(new() { Has = leader.GetByRole(AriaRole.Rowheader, new() { Name = "Alta", Exact = true }) })
            .GetByRole(AriaRole.Link)).ToHaveCountAsync(0);
        var residualCell = residualTable.GetByRole(AriaRole.Row).Filter(new() { Has = leader.GetByRole(AriaRole.Rowheader, new() { Name = "Baja", Exact = true }) })
            .Locator("td").Filter(new() { Has = leader.GetByRole(AriaRole.Link) });
        await Expect(residualCell).ToHaveTextAsync(new Regex(@"^\s*1 riesgo en\s+Moderado\s*$"));
        // A pointer on the residual image's cell (baja × moderado: row 4, column 3 of the overlay) lists its risk.
        await leader.Locator("[aria-labelledby=residual] .heat-map-links a").Nth(3 * 5 + 2).ClickAsync();
        await Expect(leader.Locator("#riesgos-caption")).ToHaveTextAsync("1 riesgo");
        await Expect(leader.Locator("#riesgos-caption").Locator("..").Locator("tbody th")).ToHaveTextAsync("RC-01");
        await leader.SetViewportSizeAsync(375, 800);
        await ScreenshotAsync(leader, "riesgos-03-mapa-de-calor-telefono");
        await AssertNoAxeViolationsAsync(leader, "mapa de calor en teléfono");

        // Control Interno at the first cut-off: the risk-map section carries RC-01, assessed «Efectivos».
        int riskId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            riskId = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Risks
                .Where(r => r.ProcessId == processId && r.Code == "RC-01").Select(r => r.Id).SingleAsync();
        }

        // Citizens see the year's accepted monitoring and the materialization on the risk's public page (both written
        // through the services: not the point here; after the first cut-off's period, so that follow-up is unchanged).
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await TrackAsync(scope.ServiceProvider, riskId);
        }
        await leader.GotoAsync(app.BaseUrl + "/mapa-riesgos/2022");
        await leader.GetByRole(AriaRole.Link, new() { Name = "RC-01", Exact = true }).ClickAsync();
        await Expect(leader.Locator("#monitoreo-caption")).ToHaveTextAsync("1 monitoreo aceptado");
        await Expect(leader.Locator("#materializacion-1")).ToHaveTextAsync("Materialización del 1 de junio de 2022");
        await ScreenshotAsync(leader, "riesgos-05-riesgo-publico-telefono");
        await AssertNoAxeViolationsAsync(leader, "riesgo público con monitoreo en teléfono");
        await leader.SetViewportSizeAsync(1280, 900);
        await AssertNoAxeViolationsAsync(leader, "riesgo público con monitoreo");
        var control = await app.SignInAsync(ControlEmail);
        await control.GotoAsync(app.BaseUrl + "/seguimientos/gestion");
        await control.GetByRole(AriaRole.Link, new() { Name = "Primer seguimiento: 30 de abril de 2022" }).ClickAsync();
        await Expect(control).ToHaveURLAsync(Address($"/seguimientos/gestion/{planId}/2022-04-30"));
        var riskRow = control.Locator($"#riesgo-{riskId}");
        await Expect(riskRow).ToContainTextAsync(ProcessName);
        await Expect(riskRow).ToContainTextAsync("Sin valorar");
        await control.GetByRole(AriaRole.Radio, new() { Name = "Efectivos", Exact = true }).CheckAsync();
        await control.GetByLabel("Observaciones de Control Interno sobre el riesgo RC-01").FillAsync(
            "Los dos controles se ejecutaron con registro en el periodo; la lista de chequeo se aplicó en todas las evaluaciones.");
        await control.GetByRole(AriaRole.Button, new() { Name = "Guardar la valoración del riesgo RC-01" }).ClickAsync();
        await Expect(control.Locator(".notice")).ToContainTextAsync("Valoración del riesgo guardada.");
        await Expect(riskRow).ToContainTextAsync("Controles efectivos");
        await Expect(riskRow).ToContainTextAsync("la lista de chequeo se aplicó en todas las evaluaciones");
        await Expect(control.GetByRole(AriaRole.Radio, new() { Name = "Efectivos", Exact = true })).ToBeCheckedAsync();
        await ScreenshotAsync(control, "riesgos-04-seguimiento");
        await AssertNoAxeViolationsAsync(control, "corte con el mapa de riesgos");
    }
}
