using static Microsoft.Playwright.Assertions;
using static Vigia.Browser.Tests.BrowserApp;

namespace Vigia.Browser.Tests;

/// <summary>The plan's life in a real browser (issue 10): Planeación copies the published 2022 plan into 2023, changes
/// two actions of the draft, publishes it (accepting the quality review's open errors with a reason), opens a justified
/// version 2, changes an action in it, removes one and adds one (ADR 033), and publishes it; a signed-out citizen sees both versions and their difference.
/// axe finds nothing on the versions and comparison pages at desktop and phone widths.</summary>
public class PlanLifeJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Why = "El Concejo pidió un segundo evento de rendición de cuentas en el segundo semestre";

    private static async Task AssertNoAxeViolationsAsync(IPage page, string what)
    {
        var result = await AxeAsync(page);
        Assert.True(result.Violations.Length == 0, $"{what}: " + PublicPagesAccessibilityTests.Describe(result));
    }

    /// <summary>Fills the publication form of the current «Publicación y versiones» page and publishes.</summary>
    private static async Task PublishAsync(IPage page, int number)
    {
        await page.GetByLabel("Aprobado por (nombre y cargo)").FillAsync("JORGE IVÁN OSPINA GÓMEZ - ALCALDE MUNICIPAL");
        await page.GetByLabel("Fecha de aprobación").FillAsync("2026-11-20");
        await page.GetByLabel("Constancia de la aprobación (opcional, p. ej. «Original firmado»)").FillAsync("Original firmado");
        // The copied plan carries the seed's review errors: publishing with them is an explicit decision with a reason.
        if (await page.Locator("fieldset#ReviewReason").CountAsync() > 0)
        {
            await page.GetByLabel("Publico la versión con esos errores sin resolver").CheckAsync();
            await page.GetByLabel("Motivo").FillAsync("Se publica como fue adoptado por el comité; los errores se corrigen en la siguiente versión.");
        }
        await page.GetByRole(AriaRole.Button, new() { Name = $"Publicar la versión {number}" }).ClickAsync();
        await Expect(page.Locator(".notice")).ToContainTextAsync($"Versión {number} publicada");
    }

    /// <summary>Changes the goal of one action of the first draft through its form.</summary>
    /// <param name="withEnter">Save by pressing Enter in the target's field, as people do, instead of the button.</param>
    private static async Task ChangeDraftGoalAsync(IPage page, string draftUrl, string label, string goal, bool withEnter = false)
    {
        await page.GotoAsync(draftUrl);
        await page.GetByRole(AriaRole.Link, new() { Name = $"Acción {label}", Exact = true }).ClickAsync();
        await Expect(page.Locator("h1")).ToBeVisibleAsync();
        await page.GetByLabel("Meta o producto").FillAsync(goal);
        if (withEnter)
        {
            await page.GetByLabel("Resultado esperado", new() { Exact = true }).PressAsync("Enter");
        }
        else
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Guardar la acción" }).ClickAsync();
        }
        await Expect(page.Locator(".notice")).ToContainTextAsync("Acción guardada.");
    }

    [Fact]
    public async Task Planeacion_CopiesPublishesAndRevises_ACitizenSeesBothVersionsAndTheirDifference()
    {
        var planner = await app.SignedInPageAsync(Roles.Planning, name: "Ana Planeación");

        await planner.GotoAsync(app.BaseUrl + "/gestion/planes/nuevo");
        await planner.GetByLabel("Vigencia del plan nuevo").FillAsync("2023");
        await planner.GetByRole(AriaRole.Button, new() { Name = "Crear el plan como copia" }).ClickAsync();
        await Expect(planner.Locator(".notice")).ToContainTextAsync("Plan 2023 creado como copia del plan elegido");
        var manage = planner.Url;
        Assert.EndsWith("/2023/versiones", manage, StringComparison.Ordinal);
        var draftUrl = manage[..^"/versiones".Length] + "/borrador";

        await ChangeDraftGoalAsync(planner, draftUrl, "3.2.1-1", "Un (1) evento de rendición de cuentas en el primer semestre");
        await ChangeDraftGoalAsync(planner, draftUrl, "1.1.1-1", "Política de administración del riesgo actualizada en 2023", withEnter: true);
        await ScreenshotAsync(planner, "plan-vida-01-borrador");
        // The draft with its «Cambiar el nombre» links, and the action form with its hidden default button.
        await planner.GotoAsync(draftUrl);
        await AssertNoAxeViolationsAsync(planner, "borrador");
        await planner.GetByRole(AriaRole.Link, new() { Name = "Acción 1.1.1-1", Exact = true }).ClickAsync();
        await Expect(planner.GetByLabel("Meta o producto")).ToHaveValueAsync("Política de administración del riesgo actualizada en 2023");
        await AssertNoAxeViolationsAsync(planner, "formulario de la acción");

        await planner.GotoAsync(manage);
        await PublishAsync(planner, 1);
        await ScreenshotAsync(planner, "plan-vida-02-publicado");

        await planner.GetByLabel("Justificación de la modificación").FillAsync(Why);
        await planner.GetByRole(AriaRole.Button, new() { Name = "Abrir la versión 2 en borrador" }).ClickAsync();
        await Expect(planner.Locator(".notice")).ToContainTextAsync("Versión 2 abierta en borrador");
        await planner.GetByRole(AriaRole.Link, new() { Name = "Modificar la acción 3.2.1-1" }).ClickAsync();
        await planner.GetByLabel("Meta o producto").FillAsync("Dos (2) eventos de rendición de cuentas");
        await planner.GetByLabel("Resultado esperado (cantidad)").FillAsync("2");
        await planner.GetByRole(AriaRole.Button, new() { Name = "Guardar en la versión 2" }).ClickAsync();
        await Expect(planner.Locator(".notice")).ToContainTextAsync("Acción 3.2.1-1 modificada en la versión 2");
        await Expect(planner.Locator(".version-change").First).ToContainTextAsync("Dos (2) eventos de rendición de cuentas");
        // Version 2 also changes the structure, with the first draft's forms (ADR 033): one action removed, one added.
        await planner.GotoAsync(draftUrl);
        await Expect(planner.Locator("h1")).ToHaveTextAsync("Cambiar la estructura de la versión 2");
        await planner.GetByRole(AriaRole.Button, new() { Name = "Quitar la acción 1.1.1-1", Exact = true }).ClickAsync();
        await Expect(planner.Locator(".notice")).ToContainTextAsync("Quitado; los números se ajustaron.");
        await planner.GetByRole(AriaRole.Link, new() { Name = "Agregar una acción a la actividad 3.2.1" }).ClickAsync();
        await planner.GetByLabel("Descripción", new() { Exact = true }).FillAsync("Publicar el informe de la audiencia pública");
        await planner.GetByLabel("Meta o producto").FillAsync("Un (1) informe publicado");
        await planner.GetByRole(AriaRole.Button, new() { Name = "Guardar la acción" }).ClickAsync();
        await Expect(planner.Locator(".notice")).ToContainTextAsync("Acción agregada a la actividad 3.2.1");
        await AssertNoAxeViolationsAsync(planner, "estructura de la versión 2");
        await planner.GotoAsync(manage);
        await PublishAsync(planner, 2);

        foreach (var (width, device) in new[] { (1280, "escritorio"), (375, "telefono") })
        {
            var citizen = await app.NewPageAsync(width, 800);
            await citizen.GotoAsync(app.BaseUrl + "/planes/2023/versiones");
            await Expect(citizen.Locator("tbody tr")).ToHaveCountAsync(2);
            await Expect(citizen.Locator("tbody")).ToContainTextAsync(Why);
            await Expect(citizen.GetByRole(AriaRole.Link, new() { Name = "Descargar el control de cambios en PDF" })).ToBeVisibleAsync();
            await ScreenshotAsync(citizen, $"plan-vida-03-versiones-{device}");
            await AssertNoAxeViolationsAsync(citizen, $"/planes/2023/versiones ({width} px)");

            await citizen.GetByRole(AriaRole.Button, new() { Name = "Ver las diferencias" }).ClickAsync();
            await Expect(citizen).ToHaveURLAsync(Address("/planes/2023/versiones/comparar?de=1&a=2"));
            await Expect(citizen.Locator("main")).ToContainTextAsync(Why);
            var change = citizen.Locator(".version-change");
            var modified = change.Filter(new() { HasText = "Acción 3.2.1-1: Modificada" });
            await Expect(modified).ToHaveCountAsync(1);
            await Expect(modified).ToContainTextAsync("Un (1) evento de rendición de cuentas en el primer semestre");
            await Expect(modified).ToContainTextAsync("Dos (2) eventos de rendición de cuentas");
            await Expect(change.Filter(new() { HasText = "Publicar el informe de la audiencia pública" })).ToContainTextAsync(": Agregada");
            await Expect(change.Filter(new() { HasText = ": Eliminada" }).Filter(new() { HasText = "Política de administración del riesgo actualizada en 2023" }))
                .ToHaveCountAsync(1);
            await ScreenshotAsync(citizen, $"plan-vida-04-diferencia-{device}");
            await AssertNoAxeViolationsAsync(citizen, $"/planes/2023/versiones/comparar ({width} px)");

            await citizen.GotoAsync(app.BaseUrl + "/planes/2023/versiones/1");
            await Expect(citizen.Locator("main")).ToContainTextAsync("Política de administración del riesgo actualizada en 2023");
            await AssertNoAxeViolationsAsync(citizen, $"/planes/2023/versiones/1 ({width} px)");
        }
    }
}
