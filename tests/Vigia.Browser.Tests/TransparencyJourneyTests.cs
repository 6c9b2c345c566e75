using static Vigia.Browser.Tests.BrowserApp;

namespace Vigia.Browser.Tests;

/// <summary>Issue 13 in Chromium: a citizen opens the transparency portal laid out by Anexo 2, follows the link to the ITA
/// checklist, and both pages have no axe violations and no sideways scroll at 1280 and 375 px, in the bundled GOV.CO
/// typefaces (Work Sans, Montserrat) loaded from the site itself.</summary>
public class TransparencyJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task FromTheTransparencyPortal_ToTheItaChecklist_NoAxeViolations_NoSidewaysScroll()
    {
        foreach (var width in new[] { 1280, 375 })
        {
            var page = await app.NewPageAsync(width, 900);
            await page.GotoAsync(app.BaseUrl + "/transparencia");
            await Assertions.Expect(page.Locator("#numeral-4-3")).ToContainTextAsync("4.3 Plan de acción");
            await Assertions.Expect(page.Locator("#numeral-4-8")).ToContainTextAsync("4.8 Informes de la Oficina de Control Interno");
            await CheckAsync(page, "/transparencia", width);
            // The typefaces are the bundled files, not a fallback: the browser loaded them for the text it shows.
            Assert.True(await page.EvaluateAsync<bool>("async () => { await document.fonts.ready; return document.fonts.check('16px \"Work Sans\"') && document.fonts.check('600 24px Montserrat') && [...document.fonts].some(f => f.family.replace(/\"/g, '') === 'Work Sans' && f.status === 'loaded'); }"),
                $"Work Sans and Montserrat were not loaded at {width}px");
            await ScreenshotAsync(page, $"transparencia-{width}");

            await page.GetByRole(AriaRole.Link, new() { Name = "Matriz ITA: cada ítem del Anexo 2 con su dirección en Vigía" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/transparencia/matriz-ita$"));
            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Matriz ITA");
            await Assertions.Expect(page.Locator("table.ita-checklist tbody tr").First).ToContainTextAsync("No lo publica Vigía");
            await CheckAsync(page, "/transparencia/matriz-ita", width);
            await ScreenshotAsync(page, $"matriz-ita-{width}");
        }
    }

    private static async Task CheckAsync(IPage page, string url, int width)
    {
        var result = await AxeAsync(page);
        Assert.True(result.Violations.Length == 0, $"{url} at {width}px: " + PublicPagesAccessibilityTests.Describe(result));
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{url} scrolls {overflow}px sideways at {width}px");
    }
}
