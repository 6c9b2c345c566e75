using static Vigia.Browser.Tests.BrowserApp;

namespace Vigia.Browser.Tests;

/// <summary>axe finds nothing on the administration pages, as an administrator sees them.</summary>
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
    ];

    [Theory]
    [MemberData(nameof(AdministrationPages))]
    public async Task AdministrationPage_HasNoAxeViolations(string url)
    {
        var page = await app.SignedInPageAsync(Roles.Administrator);
        await page.GotoAsync(app.BaseUrl + url);

        var result = await AxeAsync(page);

        Assert.True(result.Violations.Length == 0, $"{url}: " + PublicPagesAccessibilityTests.Describe(result));
    }
}
