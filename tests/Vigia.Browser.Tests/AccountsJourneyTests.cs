using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;
using static Vigia.Browser.Tests.BrowserApp;

namespace Vigia.Browser.Tests;

/// <summary>On a host of its own: the first administrator's link works only while no administrator has a password.</summary>
public partial class AccountsJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Unit = "Subdirección de Gestión Organizacional";

    [GeneratedRegex(@"/cuenta/activar\?token=[A-Za-z0-9_-]+")]
    private static partial Regex ActivationLink();

    [Fact]
    public async Task FirstAdministrator_CreatesResponsible_WhoSeesOnlyTheirUnitsActions()
    {
        string adminEmail, adminLink;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var link = await scope.ServiceProvider.GetRequiredService<FirstAdministrator>().EstablishAsync(null);
            Assert.NotNull(link);
            (adminEmail, adminLink) = (link.Email, $"/cuenta/activar?token={link.Token}");
        }
        var page = await app.NewPageAsync();

        await page.GotoAsync(app.BaseUrl + adminLink);
        await ScreenshotAsync(page, "10-activar-administrador");
        await SetPasswordAsync(page, "clave inicial de la oficina de sistemas");
        await SubmitSignInAsync(page, adminEmail, "clave inicial de la oficina de sistemas");
        await page.GotoAsync(app.BaseUrl + "/admin/usuarios/nueva");
        await page.GetByLabel("Correo electrónico").FillAsync("ana.gomez@cali.gov.co");
        await page.GetByLabel("Nombre completo").FillAsync("Ana Gómez");
        await page.GetByLabel("Responsable", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Unidades (para Responsables)").SelectOptionAsync(new SelectOptionValue { Label = $"Departamento Administrativo de Desarrollo e Innovación Institucional / {Unit}" });
        await ScreenshotAsync(page, "11-crear-responsable");
        await page.GetByRole(AriaRole.Button, new() { Name = "Crear cuenta" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/admin/usuarios/[^/]+$"));
        await Expect(page.Locator("body")).ToContainTextAsync(ActivationLink());
        await ScreenshotAsync(page, "12-cuenta-creada");
        var responsibleLink = ActivationLink().Match(await page.Locator("body").InnerTextAsync()).Value;
        Assert.NotEmpty(responsibleLink);
        await page.GetByRole(AriaRole.Button, new() { Name = "Salir" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Address("/cuenta/ingresar"));
        await Expect(page.Locator("body")).ToContainTextAsync("Cerró su sesión");

        await page.GotoAsync(app.BaseUrl + responsibleLink);
        await SetPasswordAsync(page, "la frase secreta de ana");
        await SubmitSignInAsync(page, "ana.gomez@cali.gov.co", "la frase secreta de ana");
        await page.GotoAsync(app.BaseUrl + "/gestion");
        await ScreenshotAsync(page, "13-mis-acciones-responsable");

        int expected;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            expected = await db.Actions.CountAsync(a => a.ResponsibleUnits.Any(u => u.Unit!.Name == Unit || u.Unit.Parent!.Name == Unit));
        }
        var links = await page.Locator("main a[href^='/gestion/acciones/']").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))");
        var actions = links.Where(h => Regex.IsMatch(h, @"^/gestion/acciones/\d+$")).Distinct().ToList();
        Assert.Equal(expected, actions.Count);
        var listed = page.Locator("section[aria-labelledby^='plan-'] tbody tr td:last-child");
        Assert.All(await listed.AllInnerTextsAsync(), t => Assert.Contains(Unit, t, StringComparison.Ordinal));
    }

    private static async Task SetPasswordAsync(IPage page, string password)
    {
        await page.GetByLabel("Nueva contraseña").FillAsync(password);
        await page.GetByLabel("Confirme la contraseña").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Guardar contraseña" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Address("/cuenta/ingresar"));
    }
}
