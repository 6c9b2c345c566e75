using static Vigia.Browser.Tests.BrowserApp;

namespace Vigia.Browser.Tests;

/// <summary>Issue 15 in Chromium: a citizen goes from the nation's consolidated view to a department and to the entity's
/// own dashboard, which shows the same figure; a department's observer signs in, lands on their read-only desk and reads an
/// entity's reports; axe finds nothing on any of those pages at 1280 and 375 px.</summary>
public class ConsolidationJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task FromTheNation_ToTheDepartment_ToTheEntitysDashboard_TheFigureIsTheSame()
    {
        var page = await app.NewPageAsync(1280, 900);
        await page.GotoAsync(app.BaseUrl + "/tablero/nacional?anio=2022&fecha=2022-08-31");
        await ScreenshotAsync(page, "consolidado-nacional-1280");
        var row = page.Locator("table tbody tr", new() { HasText = "Santiago de Cali" }).First;
        // «Cumplimiento a la fecha»: a percentage with its band, or «Sin programación» (the bundled plan has no schedule).
        var figure = (await row.Locator("td").Nth(2).InnerTextAsync()).Trim();
        Assert.Equal(0, await page.Locator(".is-invalid").CountAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "Valle del Cauca" }).First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/tablero/departamentos/valle-del-cauca"));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Valle del Cauca");
        await page.Locator("table tbody tr", new() { HasText = "Santiago de Cali" }).First.GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/planes/.+/2022/tablero"));

        Assert.False(string.IsNullOrEmpty(figure));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(figure.Split('\n')[0].Trim());
        var phone = await app.NewPageAsync(375, 800);
        await phone.GotoAsync(app.BaseUrl + "/tablero/nacional?anio=2022&fecha=2022-08-31");
        await ScreenshotAsync(phone, "consolidado-nacional-375");
    }

    [Fact]
    public async Task TheDepartmentsObserver_LandsOnTheReadOnlyDesk_WithNoAxeViolations()
    {
        var person = await TestPeople.CreateAsync(app.Services, Roles.DepartmentObserver, name: "Olga Observadora");
        var plan = await PlanIdAsync();
        foreach (var width in new[] { 1280, 375 })
        {
            var page = await app.NewPageAsync(width, 900);
            await page.GotoAsync(app.BaseUrl + "/cuenta/ingresar");
            await page.GetByLabel("Correo electrónico").FillAsync(person.Email!);
            await page.GetByLabel("Contraseña").FillAsync(TestPeople.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Ingresar", Exact = true }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(Address("/departamento"));
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Solo lectura");
            foreach (var url in new[] { "/departamento", $"/departamento/planes/{plan}/reportes", $"/departamento/planes/{plan}/seguimientos" })
            {
                await page.GotoAsync(app.BaseUrl + url);
                var result = await AxeAsync(page);
                Assert.True(result.Violations.Length == 0, $"{url} at {width}px: " + PublicPagesAccessibilityTests.Describe(result));
                Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= width, $"{url} scrolls sideways at {width} px");
            }
            await page.GotoAsync(app.BaseUrl + "/departamento");
            await ScreenshotAsync(page, $"departamento-{width}");
        }
    }

    private async Task<int> PlanIdAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Plans.Where(p => p.Year == 2022).Select(p => p.Id).SingleAsync();
    }
}
