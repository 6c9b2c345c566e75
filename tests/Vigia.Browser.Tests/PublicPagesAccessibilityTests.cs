using Deque.AxeCore.Commons;
using static Vigia.Browser.Tests.BrowserApp;

namespace Vigia.Browser.Tests;

/// <summary>axe finds nothing on the public pages, at desktop and phone widths.</summary>
public class PublicPagesAccessibilityTests(BrowserApp app) : IClassFixture<BrowserApp>
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
        "/datos/catalogo",
        "/datos/conjuntos/acciones",
        "/datos/conjuntos/programacion",
        "/datos/conjuntos/avance-mensual",
        "/datos/conjuntos/seguimientos-consolidado",
        "/tablero/nacional?anio=2022&fecha=2022-04-30",
        "/tablero/nacional?anio=2022&buscar=ninguna",
        "/tablero/departamentos/valle-del-cauca?anio=2022&fecha=2022-08-31",
        "/transparencia",
        "/privacidad",
        "/terminos",
        "/cuenta/ingresar",
        "/cuenta/olvide",
        "/cuenta/activar?token=no-es-valido",
    ];

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task PublicPage_HasNoAxeViolations(string url)
    {
        // Both widths at once, each in its own context: the two cores are better used than one page after the other.
        var results = await Task.WhenAll(new[] { 1280, 375 }.Select(async width =>
        {
            var page = await app.NewPageAsync(width, 800);
            await page.GotoAsync(app.BaseUrl + url);
            return (Width: width, Result: await AxeAsync(page));
        }));

        foreach (var (width, result) in results)
        {
            Assert.True(result.Violations.Length == 0, $"{url} at {width}px: " + Describe(result));
        }
    }

    internal static string Describe(AxeResult result) => string.Join("; ", result.Violations.Select(v =>
        $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))}"));
}
