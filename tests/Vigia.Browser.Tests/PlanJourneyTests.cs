using static Microsoft.Playwright.Assertions;
using static Vigia.Browser.Tests.BrowserApp;

namespace Vigia.Browser.Tests;

public class PlanJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData(1280, 900, "escritorio")]
    [InlineData(375, 800, "telefono")]
    public async Task Citizen_FromHomeToActivity314_SeesFiveActionsAndTargets(int width, int height, string device)
    {
        var page = await app.NewPageAsync(width, height);

        await page.GotoAsync(app.BaseUrl + "/");
        await ScreenshotAsync(page, $"01-inicio-{device}");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new("Componente 3: RENDICIÓN DE CUENTAS") }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Address("/componente/3"));
        await ScreenshotAsync(page, $"02-componente-3-{device}");
        await page.GetByRole(AriaRole.Link, new() { Name = "3.1.4", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Address("/actividad/3.1.4"));
        await ScreenshotAsync(page, $"03-actividad-3-1-4-{device}");

        await Expect(page.Locator("article[id^='accion-']")).ToHaveCountAsync(5);
        var targets = await page.Locator(".target-value").AllInnerTextsAsync();
        Assert.Equal(["5.000", "2.200", "5.000", "700", "400"], targets.Select(t => t.Trim()));
    }

    [Fact]
    public async Task Citizen_SearchesThePlan_FindsMatchingActions()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync(app.BaseUrl + "/planes/2022");
        await page.GetByLabel("Palabras a buscar").FillAsync("monitoreos");
        await page.GetByRole(AriaRole.Button, new() { Name = "Buscar" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Address("q=monitoreos"));
        await ScreenshotAsync(page, "04-busqueda");

        await Expect(page.Locator("#resultados")).ToContainTextAsync("encontrada");
        Assert.True(await page.Locator("#resultados + ul li").CountAsync() >= 2);
    }
}
