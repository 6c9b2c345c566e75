using Deque.AxeCore.Playwright;

namespace Vigia.Browser.Tests;

[Collection("browser")]
public class AccessibilityTests(BrowserFixture fixture)
{
    public static TheoryData<string> PublicPages() =>
    [
        "/",
        "/planes",
        "/planes/2022",
        "/planes/2022?q=monitoreo",
        "/planes/2022/componente/1",
        "/planes/2022/componente/2",
        "/planes/2022/componente/3",
        "/planes/2022/componente/4",
        "/planes/2022/componente/5",
        "/planes/2022/componente/6",
        "/planes/2022/actividad/3.1.4",
        "/planes/2022/actividad/1.3.4",
        "/planes/2022/importacion",
        "/planes/1999",
        "/datos",
        "/transparencia",
        "/cuenta/ingresar",
        "/cuenta/olvide",
        "/cuenta/activar?token=no-es-valido",
    ];

    public static TheoryData<string> AdministrationPages() =>
    [
        "/gestion",
        "/admin",
        "/admin/usuarios",
        "/admin/usuarios/nueva",
        "/admin/unidades",
        "/admin/procesos",
        "/admin/auditoria",
        "/cuenta/contrasena",
    ];

    [Theory]
    [MemberData(nameof(AdministrationPages))]
    public async Task AdministrationPage_HasNoAxeViolations(string url)
    {
        var page = await fixture.SignedInPageAsync(Vigia.Core.Accounts.Roles.Administrator);
        await page.GotoAsync(fixture.BaseUrl + url);

        var result = await page.RunAxe();

        Assert.True(result.Violations.Length == 0, $"{url}: " + string.Join("; ", result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))}")));
    }

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task PublicPage_HasNoAxeViolations(string url)
    {
        foreach (var width in new[] { 1280, 375 })
        {
            var page = await fixture.NewPageAsync(width, 800);
            await page.GotoAsync(fixture.BaseUrl + url);

            var result = await page.RunAxe();

            Assert.True(result.Violations.Length == 0,
                $"{url} at {width}px: " + string.Join("; ", result.Violations.Select(v =>
                    $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))}")));
        }
    }
}
