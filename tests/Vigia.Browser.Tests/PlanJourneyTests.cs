namespace Vigia.Browser.Tests;

[Collection("browser")]
public class PlanJourneyTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData(1280, 900, "escritorio")]
    [InlineData(375, 800, "telefono")]
    public async Task Citizen_FromHomeToActivity314_SeesFiveActionsAndTargets(int width, int height, string device)
    {
        var page = await fixture.NewPageAsync(width, height);

        await page.GotoAsync(fixture.BaseUrl + "/");
        await BrowserFixture.ScreenshotAsync(page, $"01-inicio-{device}");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new("Componente 3: RENDICIÓN DE CUENTAS") }).ClickAsync();
        await page.WaitForURLAsync("**/componente/3");
        await BrowserFixture.ScreenshotAsync(page, $"02-componente-3-{device}");
        await page.GetByRole(AriaRole.Link, new() { Name = "3.1.4", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/actividad/3.1.4");
        await BrowserFixture.ScreenshotAsync(page, $"03-actividad-3-1-4-{device}");

        Assert.Equal(5, await page.Locator("article[id^='accion-']").CountAsync());
        var targets = await page.Locator(".target-value").AllInnerTextsAsync();
        Assert.Equal(["5.000", "2.200", "5.000", "700", "400"], targets.Select(t => t.Trim()));
    }

    [Fact]
    public async Task Citizen_SearchesThePlan_FindsMatchingActions()
    {
        var page = await fixture.NewPageAsync();

        await page.GotoAsync(fixture.BaseUrl + "/planes/2022");
        await page.GetByLabel("Palabras a buscar").FillAsync("monitoreos");
        await page.GetByRole(AriaRole.Button, new() { Name = "Buscar" }).ClickAsync();
        await page.WaitForURLAsync("**q=monitoreos");
        await BrowserFixture.ScreenshotAsync(page, "04-busqueda");

        Assert.Contains("encontrada", await page.Locator("#resultados").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("#resultados + ul li").CountAsync() >= 2);
    }
}
