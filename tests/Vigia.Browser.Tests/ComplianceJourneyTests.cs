using Deque.AxeCore.Commons;
using Vigia.Core.Demo;
using static Microsoft.Playwright.Assertions;
using static Vigia.Browser.Tests.BrowserApp;

namespace Vigia.Browser.Tests;

/// <summary>The compliance dashboard over a simulated year (the demo simulation, which is idempotent, on a host of
/// its own so the plan is untouched) and the schedule grid, in Chromium: screenshots for people to look at, and axe
/// with no violations.</summary>
public class ComplianceJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private async Task SimulateYearAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoExecutionSimulator>().SimulateAsync();
    }

    private static async Task AssertNoAxeViolationsAsync(IPage page, string what)
    {
        AxeResult result = await AxeAsync(page);
        Assert.True(result.Violations.Length == 0, $"{what}: " + PublicPagesAccessibilityTests.Describe(result));
    }

    [Theory]
    [InlineData(1280, 900, "escritorio")]
    [InlineData(375, 800, "telefono")]
    public async Task Citizen_OpensTheDashboard_SeesSimulatedDataChartsAndTheirData(int width, int height, string device)
    {
        await SimulateYearAsync();
        var page = await app.NewPageAsync(width, height);

        await page.GotoAsync(app.BaseUrl + "/planes/2022");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ver el tablero de cumplimiento del plan" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Address("/planes/2022/tablero"));
        await page.GetByLabel("Fecha de corte").FillAsync("2022-08-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ver", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Address("fecha=2022-08-31"));

        await Expect(page.Locator(".simulated-data")).ToContainTextAsync("Datos simulados");
        await Expect(page.Locator("svg[role='img']")).ToHaveCountAsync(3);
        await Expect(page.Locator("#resumen-titulo")).ToContainTextAsync("Resumen al 31 de agosto de 2022");
        var badge = await page.Locator(".figures .level").First.InnerTextAsync();
        Assert.Contains(badge.Trim(), new[] { "Alta", "Media", "Baja" });
        await ScreenshotAsync(page, $"10-tablero-{device}");
        await AssertNoAxeViolationsAsync(page, $"tablero ({device})");

        var curveData = page.Locator("#curva-titulo ~ .chart details");
        await Expect(curveData.Locator("table")).ToBeHiddenAsync();
        await curveData.Locator("summary").ClickAsync();
        await Expect(curveData.Locator("table")).ToBeVisibleAsync();
        await Expect(curveData.Locator("tbody tr")).ToHaveCountAsync(12);
        await AssertNoAxeViolationsAsync(page, $"tablero con datos abiertos ({device})");
    }

    [Theory]
    [InlineData("/tablero")]
    [InlineData("/tablero/reglas")]
    [InlineData("/planes/2022/tablero?fecha=2022-01-15")]
    [InlineData("/planes/2022/tablero?fecha=no-es-fecha")]
    public async Task CompliancePages_HaveNoAxeViolations(string url)
    {
        await SimulateYearAsync();
        var page = await app.NewPageAsync();

        await page.GotoAsync(app.BaseUrl + url);

        await AssertNoAxeViolationsAsync(page, url);
    }

    [Fact]
    public async Task Planner_SchedulesAnActionWithTheKeyboardAndSaves()
    {
        await SimulateYearAsync();
        var page = await app.SignedInPageAsync(Roles.Planning, name: "Planeación (navegador)");

        await page.GotoAsync(app.BaseUrl + "/gestion/planes/2022/cronograma/1");
        var may = page.GetByLabel("Meses de la acción 1.1.1-1: mayo");
        await may.FocusAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("1");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Meses de la acción 1.1.1-1: junio", await page.EvaluateAsync<string>("() => document.activeElement.labels[0].textContent.trim()"));
        await ScreenshotAsync(page, "11-cronograma-componente-1");
        await AssertNoAxeViolationsAsync(page, "cronograma");
        // The bundled plan is published (issue 10): a change to its schedule carries its justification.
        await page.GetByLabel("Justificación del cambio").FillAsync("Ajuste de la programación acordado con el líder del componente.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Guardar programación" }).ClickAsync();

        await Expect(page.Locator(".notice")).ToContainTextAsync("Programación guardada");
        await Expect(page.GetByLabel("Meses de la acción 1.1.1-1: mayo")).ToHaveValueAsync("1");
    }
}
