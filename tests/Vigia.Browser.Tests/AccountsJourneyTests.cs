using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Vigia.Core.Accounts;

namespace Vigia.Browser.Tests;

[Collection("browser")]
public partial class AccountsJourneyTests(BrowserFixture fixture)
{
    private const string Unit = "Subdirección de Gestión Organizacional";

    [GeneratedRegex(@"/cuenta/activar\?token=[A-Za-z0-9_-]+")]
    private static partial Regex ActivationLink();

    [Fact]
    public async Task FirstAdministrator_CreatesResponsible_WhoSeesOnlyTheirUnitsActions()
    {
        string adminEmail, adminLink;
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            var link = await scope.ServiceProvider.GetRequiredService<FirstAdministrator>().EstablishAsync(null);
            Assert.NotNull(link);
            (adminEmail, adminLink) = (link.Email, $"/cuenta/activar?token={link.Token}");
        }
        var page = await fixture.NewPageAsync();

        await page.GotoAsync(fixture.BaseUrl + adminLink);
        await BrowserFixture.ScreenshotAsync(page, "10-activar-administrador");
        await SetPasswordAsync(page, "clave inicial de la oficina de sistemas");
        await SignInAsync(page, adminEmail, "clave inicial de la oficina de sistemas");
        await page.GotoAsync(fixture.BaseUrl + "/admin/usuarios/nueva");
        await page.GetByLabel("Correo electrónico").FillAsync("ana.gomez@cali.gov.co");
        await page.GetByLabel("Nombre completo").FillAsync("Ana Gómez");
        await page.GetByLabel("Responsable", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Unidades (para Responsables)").SelectOptionAsync(new SelectOptionValue { Label = $"Departamento Administrativo de Desarrollo e Innovación Institucional / {Unit}" });
        await BrowserFixture.ScreenshotAsync(page, "11-crear-responsable");
        await page.GetByRole(AriaRole.Button, new() { Name = "Crear cuenta" }).ClickAsync();
        await page.WaitForURLAsync("**/admin/usuarios/*");
        await BrowserFixture.ScreenshotAsync(page, "12-cuenta-creada");
        var responsibleLink = ActivationLink().Match(await page.Locator("body").InnerTextAsync()).Value;
        Assert.NotEmpty(responsibleLink);
        await page.GetByRole(AriaRole.Button, new() { Name = "Salir" }).ClickAsync();
        await page.WaitForURLAsync("**/cuenta/ingresar");
        Assert.Contains("Cerró su sesión", await page.Locator("body").InnerTextAsync(), StringComparison.Ordinal);

        await page.GotoAsync(fixture.BaseUrl + responsibleLink);
        await SetPasswordAsync(page, "la frase secreta de ana");
        await SignInAsync(page, "ana.gomez@cali.gov.co", "la frase secreta de ana");
        await page.GotoAsync(fixture.BaseUrl + "/gestion");
        await BrowserFixture.ScreenshotAsync(page, "13-mis-acciones-responsable");

        int expected;
        await using (var scope = fixture.Services.CreateAsyncScope())
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
        await page.WaitForURLAsync("**/cuenta/ingresar");
    }

    private static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GetByLabel("Correo electrónico").FillAsync(email);
        await page.GetByLabel("Contraseña").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ingresar", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/gestion");
    }
}
