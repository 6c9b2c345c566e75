using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Vigia.Core.Accounts;
using Vigia.Core.Demo;

namespace Vigia.Browser.Tests;

/// <summary>The compliance dashboard over a simulated year (the demo simulation, which is idempotent) and the
/// schedule grid, in Chromium: screenshots for people to look at, and axe with no violations.</summary>
[Collection("browser-simulated")]
public class ComplianceJourneyTests(BrowserFixture fixture)
{
    private const string PlannerEmail = "planeacion@navegador.vigia";
    private const string PlannerPassword = "clave-navegador-2026";

    private async Task SimulateYearAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoExecutionSimulator>().SimulateAsync();
    }

    private static async Task AssertNoAxeViolationsAsync(IPage page, string what)
    {
        AxeResult result = await page.RunAxe();
        Assert.True(result.Violations.Length == 0,
            $"{what}: " + string.Join("; ", result.Violations.Select(v =>
                $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))}")));
    }

    [Theory]
    [InlineData(1280, 900, "escritorio")]
    [InlineData(375, 800, "telefono")]
    public async Task Citizen_OpensTheDashboard_SeesSimulatedDataChartsAndTheirData(int width, int height, string device)
    {
        await SimulateYearAsync();
        var page = await fixture.NewPageAsync(width, height);

        await page.GotoAsync(fixture.BaseUrl + "/planes/2022");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ver el tablero de cumplimiento del plan" }).ClickAsync();
        await page.WaitForURLAsync("**/planes/2022/tablero");
        await page.GetByLabel("Fecha de corte").FillAsync("2022-08-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ver", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**fecha=2022-08-31");

        Assert.Contains("Datos simulados", await page.Locator(".simulated-data").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(3, await page.Locator("svg[role='img']").CountAsync());
        Assert.Contains("Resumen al 31 de agosto de 2022", await page.Locator("#resumen-titulo").InnerTextAsync(), StringComparison.Ordinal);
        var badge = await page.Locator(".figures .level").First.InnerTextAsync();
        Assert.Contains(badge.Trim(), new[] { "Alta", "Media", "Baja" });
        await BrowserFixture.ScreenshotAsync(page, $"10-tablero-{device}");
        await AssertNoAxeViolationsAsync(page, $"tablero ({device})");

        var curveData = page.Locator("#curva-titulo ~ .chart details");
        Assert.False(await curveData.Locator("table").IsVisibleAsync());
        await curveData.Locator("summary").ClickAsync();
        Assert.True(await curveData.Locator("table").IsVisibleAsync());
        Assert.Equal(12, await curveData.Locator("tbody tr").CountAsync());
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
        var page = await fixture.NewPageAsync();

        await page.GotoAsync(fixture.BaseUrl + url);

        await AssertNoAxeViolationsAsync(page, url);
    }

    [Fact]
    public async Task Planner_SchedulesAnActionWithTheKeyboardAndSaves()
    {
        await SimulateYearAsync();
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
            await accounts.CreateAsync(new NewUser(PlannerEmail, "Planeación (navegador)", [Roles.Planning], Password: PlannerPassword));
        }
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/cuenta/ingresar");
        await page.GetByLabel("Correo electrónico").FillAsync(PlannerEmail);
        await page.GetByLabel("Contraseña").FillAsync(PlannerPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ingresar", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/gestion");

        await page.GotoAsync(fixture.BaseUrl + "/gestion/planes/2022/cronograma/1");
        var may = page.GetByLabel("Meses de la acción 1.1.1-1: mayo");
        await may.FocusAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("1");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Meses de la acción 1.1.1-1: junio", await page.EvaluateAsync<string>("() => document.activeElement.labels[0].textContent.trim()"));
        await BrowserFixture.ScreenshotAsync(page, "11-cronograma-componente-1");
        await AssertNoAxeViolationsAsync(page, "cronograma");
        await page.GetByRole(AriaRole.Button, new() { Name = "Guardar programación" }).ClickAsync();

        Assert.Contains("Programación guardada", await page.Locator(".notice").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("1", await page.GetByLabel("Meses de la acción 1.1.1-1: mayo").InputValueAsync());
    }
}
