using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;
using static Vigia.Browser.Tests.BrowserApp;

namespace Vigia.Browser.Tests;

/// <summary>First and second line in a real browser: a Responsable of the Oficina de Comunicaciones reports March
/// 2022 of action 3.1.5 with a PDF, the Líder of component 3 returns it with a comment, the Responsable reads the
/// comment and corrects the report, and the leader accepts the correction.</summary>
public class ReportingJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly Regex ReportPage = new(@"/gestion/reportes/\d+$");

    [Fact]
    public async Task Responsable_Reports_LeaderReturns_ResponsableCorrects_LeaderAccepts()
    {
        var action = await app.ActionIdAsync("3.1.5", 1);
        await TestData.ScheduleAsync(app.Factory, action, (2, 400), (3, 500));
        var responsibleEmail = (await TestPeople.CreateAsync(app.Services, Roles.Responsible, "Oficina de Comunicaciones", name: "Camila Comunicaciones")).Email!;
        var leaderEmail = (await TestPeople.CreateAsync(app.Services, Roles.ComponentLeader, component: 3, name: "Lina Líder")).Email!;
        var responsible = await app.SignInAsync(responsibleEmail);
        var leader = await app.SignInAsync(leaderEmail);

        var dashboard = app.BaseUrl + "/planes/2022/tablero?fecha=2022-03-31";
        var component3 = "table[aria-labelledby='tabla-componentes'] tbody tr:has(a[href$='/componente/3']), #tabla-componentes ~ tbody tr:has(a[href$='/componente/3'])";
        await responsible.GotoAsync(dashboard);
        var before = await responsible.Locator(component3).First.InnerTextAsync();
        await responsible.GotoAsync(app.BaseUrl + "/gestion");
        await ScreenshotAsync(responsible, "10-mis-acciones-responsable");
        await responsible.Locator($"section[aria-labelledby='vencidos'] a[href='/gestion/acciones/{action}/reportar?mes=3']").ClickAsync();
        await Expect(responsible).ToHaveURLAsync(Address($"/gestion/acciones/{action}/reportar?mes=3"));
        await responsible.GetByLabel("Cantidad ejecutada en el mes").FillAsync("4.500");
        await responsible.GetByLabel("Qué se hizo en el mes").FillAsync("Se socializó la rendición de cuentas con 4.500 personas en las 22 comunas.");
        await responsible.GetByLabel("Archivos de soporte").SetInputFilesAsync(new FilePayload { Name = "asistencia-marzo.pdf", MimeType = "application/pdf", Buffer = TestFiles.Pdf });
        await responsible.GetByLabel("Enlaces a soportes publicados").FillAsync("https://www.cali.gov.co/rendicion-de-cuentas");
        await ScreenshotAsync(responsible, "11-formulario-reporte");
        await responsible.GetByRole(AriaRole.Button, new() { Name = "Enviar reporte" }).ClickAsync();
        await Expect(responsible).ToHaveURLAsync(ReportPage);
        await Expect(responsible.Locator(".notice")).ToContainTextAsync("enviado");
        await Expect(responsible.Locator("dd .status-pending")).ToHaveTextAsync("Tardío");
        await ScreenshotAsync(responsible, "12-reporte-enviado");

        await leader.GotoAsync(app.BaseUrl + "/gestion/revision");
        await ScreenshotAsync(leader, "13-cola-de-revision");
        await leader.GetByRole(AriaRole.Link, new() { Name = "3.1.5 · acción 1" }).First.ClickAsync();
        await Expect(leader).ToHaveURLAsync(ReportPage);
        await leader.GetByRole(AriaRole.Button, new() { Name = "Devolver con comentario" }).ClickAsync();
        await Expect(leader.Locator("#error-summary")).ToContainTextAsync("escriba qué debe corregir");
        await ScreenshotAsync(leader, "14-devolver-sin-comentario");
        await leader.GetByLabel("Comentario para el responsable").FillAsync("Falta la lista de asistencia firmada de la comuna 18.");
        await leader.GetByRole(AriaRole.Button, new() { Name = "Devolver con comentario" }).ClickAsync();
        await Expect(leader).ToHaveURLAsync(Address("/gestion/revision"));
        await Expect(leader.Locator(".notice")).ToContainTextAsync("devuelto");

        await responsible.GotoAsync(app.BaseUrl + "/gestion");
        var returned = responsible.Locator("section[aria-labelledby='devueltos']");
        await Expect(returned).ToContainTextAsync("Falta la lista de asistencia firmada de la comuna 18.");
        await ScreenshotAsync(responsible, "15-devuelto-con-comentario");
        await returned.GetByRole(AriaRole.Link, new() { NameRegex = new("^Corregir") }).ClickAsync();
        await Expect(responsible).ToHaveURLAsync(new Regex(@"/gestion/acciones/\d+/reportar\?mes=3$"));
        await responsible.GetByLabel("Qué corrige y por qué").FillAsync("Se adjunta la lista de asistencia firmada de la comuna 18.");
        await responsible.GetByLabel("Archivos de soporte").SetInputFilesAsync(new FilePayload { Name = "asistencia-comuna-18.pdf", MimeType = "application/pdf", Buffer = TestFiles.Pdf });
        await ScreenshotAsync(responsible, "16-formulario-correccion");
        await responsible.GetByRole(AriaRole.Button, new() { Name = "Enviar corrección" }).ClickAsync();
        await Expect(responsible).ToHaveURLAsync(ReportPage);

        await leader.GotoAsync(app.BaseUrl + "/gestion/revision");
        await leader.GetByRole(AriaRole.Link, new() { Name = "3.1.5 · acción 1" }).First.ClickAsync();
        await Expect(leader).ToHaveURLAsync(ReportPage);
        await Expect(leader.Locator("main")).ToContainTextAsync("Se adjunta la lista de asistencia firmada");
        await ScreenshotAsync(leader, "17-revisar-correccion");
        await leader.GetByRole(AriaRole.Button, new() { Name = "Aceptar el reporte" }).ClickAsync();
        await Expect(leader).ToHaveURLAsync(Address("/gestion/revision"));

        await responsible.ReloadAsync();
        await Expect(responsible.Locator("dd .status").First).ToHaveTextAsync("Aceptado");
        Assert.Equal(["asistencia-marzo.pdf", "asistencia-comuna-18.pdf"], await responsible.Locator("a[href^='/gestion/evidencias/']").AllInnerTextsAsync());
        await ScreenshotAsync(responsible, "18-reporte-aceptado");
        await responsible.GotoAsync(app.BaseUrl + $"/gestion/acciones/{action}");
        await ScreenshotAsync(responsible, "19-accion-mes-a-mes");

        // The accepted report moves component 3 on the public dashboard.
        await responsible.GotoAsync(dashboard);
        await Expect(responsible.Locator(component3).First).Not.ToHaveTextAsync(before);
        var after = await responsible.Locator(component3).First.InnerTextAsync();
        await ScreenshotAsync(responsible, "19b-tablero-despues");
        Assert.NotEqual(before, after);
    }
}
