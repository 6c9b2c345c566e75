using static Vigia.Browser.Tests.BrowserApp;

namespace Vigia.Browser.Tests;

/// <summary>axe finds nothing on the administration pages, as an administrator sees them, at desktop and phone widths.</summary>
public class AdministrationPagesAccessibilityTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    public static TheoryData<string> AdministrationPages() =>
    [
        "/gestion",
        "/admin",
        "/admin/usuarios",
        "/admin/usuarios/nueva",
        "/admin/unidades",
        "/admin/procesos",
        "/admin/auditoria",
        "/admin/entidades",
        "/cuenta/contrasena",
        "/cuenta/tokens",
        "/admin/usuarios/tokens",
        "/admin/contacto",
    ];

    [Theory]
    [MemberData(nameof(AdministrationPages))]
    public async Task AdministrationPage_HasNoAxeViolations(string url)
    {
        foreach (var width in new[] { 1280, 375 })
        {
            var page = await app.SignedInPageAsync(Roles.Administrator, width: width);
            await page.GotoAsync(app.BaseUrl + url);

            var result = await AxeAsync(page);

            Assert.True(result.Violations.Length == 0, $"{url} at {width}px: " + PublicPagesAccessibilityTests.Describe(result));
        }
    }
}
