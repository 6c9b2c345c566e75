using Vigia.Core.Accounts;

namespace Vigia.Browser.Tests;

/// <summary>First and second line in a real browser: a Responsable of the Oficina de Comunicaciones reports March
/// 2022 of action 3.1.5 with a PDF, the Líder of component 3 returns it with a comment, the Responsable reads the
/// comment and corrects the report, and the leader accepts the correction.</summary>
[Collection("browser")]
public class ReportingJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Responsable_Reports_LeaderReturns_ResponsableCorrects_LeaderAccepts()
    {
        // 3.1.5, not 3.1.4: the public pages' axe test checks activity 3.1.4, whose schedule this test must not change.
        var action = await ReportingPeople.ActionIdAsync(fixture, "3.1.5", 1);
        await ReportingPeople.ScheduleAsync(fixture, action, (2, 400), (3, 500));
        var (responsibleEmail, _) = await ReportingPeople.CreateAsync(fixture, "Camila Comunicaciones", Roles.Responsible, units: ["Oficina de Comunicaciones"]);
        var (leaderEmail, _) = await ReportingPeople.CreateAsync(fixture, "Lina Líder", Roles.ComponentLeader, components: [3]);
        var responsible = await ReportingPeople.SignInAsync(fixture, responsibleEmail);
        var leader = await ReportingPeople.SignInAsync(fixture, leaderEmail);

        var dashboard = fixture.BaseUrl + "/planes/2022/tablero?fecha=2022-03-31";
        var component3 = "table[aria-labelledby='tabla-componentes'] tbody tr:has(a[href$='/componente/3']), #tabla-componentes ~ tbody tr:has(a[href$='/componente/3'])";
        await responsible.GotoAsync(dashboard);
        var before = await responsible.Locator(component3).First.InnerTextAsync();
        await responsible.GotoAsync(fixture.BaseUrl + "/gestion");
        await BrowserFixture.ScreenshotAsync(responsible, "10-mis-acciones-responsable");
        await responsible.Locator($"section[aria-labelledby='vencidos'] a[href='/gestion/acciones/{action}/reportar?mes=3']").ClickAsync();
        await responsible.WaitForURLAsync($"**/gestion/acciones/{action}/reportar?mes=3");
        await responsible.GetByLabel("Cantidad ejecutada en el mes").FillAsync("4.500");
        await responsible.GetByLabel("Qué se hizo en el mes").FillAsync("Se socializó la rendición de cuentas con 4.500 personas en las 22 comunas.");
        await responsible.GetByLabel("Archivos de soporte").SetInputFilesAsync(new FilePayload { Name = "asistencia-marzo.pdf", MimeType = "application/pdf", Buffer = ReportingPeople.Pdf });
        await responsible.GetByLabel("Enlaces a soportes publicados").FillAsync("https://www.cali.gov.co/rendicion-de-cuentas");
        await BrowserFixture.ScreenshotAsync(responsible, "11-formulario-reporte");
        await responsible.GetByRole(AriaRole.Button, new() { Name = "Enviar reporte" }).ClickAsync();
        await responsible.WaitForURLAsync("**/gestion/reportes/*");
        Assert.Contains("enviado", await responsible.Locator(".notice").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Tardío", await responsible.Locator("dd .status-pending").InnerTextAsync());
        await BrowserFixture.ScreenshotAsync(responsible, "12-reporte-enviado");

        await leader.GotoAsync(fixture.BaseUrl + "/gestion/revision");
        await BrowserFixture.ScreenshotAsync(leader, "13-cola-de-revision");
        await leader.GetByRole(AriaRole.Link, new() { Name = "3.1.5 · acción 1" }).First.ClickAsync();
        await leader.GetByRole(AriaRole.Button, new() { Name = "Devolver con comentario" }).ClickAsync();
        Assert.Contains("escriba qué debe corregir", await leader.Locator("#error-summary").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(leader, "14-devolver-sin-comentario");
        await leader.GetByLabel("Comentario para el responsable").FillAsync("Falta la lista de asistencia firmada de la comuna 18.");
        await leader.GetByRole(AriaRole.Button, new() { Name = "Devolver con comentario" }).ClickAsync();
        await leader.WaitForURLAsync("**/gestion/revision");
        Assert.Contains("devuelto", await leader.Locator(".notice").InnerTextAsync(), StringComparison.Ordinal);

        await responsible.GotoAsync(fixture.BaseUrl + "/gestion");
        var returned = responsible.Locator("section[aria-labelledby='devueltos']");
        Assert.Contains("Falta la lista de asistencia firmada de la comuna 18.", await returned.InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(responsible, "15-devuelto-con-comentario");
        await returned.GetByRole(AriaRole.Link, new() { NameRegex = new("^Corregir") }).ClickAsync();
        await responsible.GetByLabel("Qué corrige y por qué").FillAsync("Se adjunta la lista de asistencia firmada de la comuna 18.");
        await responsible.GetByLabel("Archivos de soporte").SetInputFilesAsync(new FilePayload { Name = "asistencia-comuna-18.pdf", MimeType = "application/pdf", Buffer = ReportingPeople.Pdf });
        await BrowserFixture.ScreenshotAsync(responsible, "16-formulario-correccion");
        await responsible.GetByRole(AriaRole.Button, new() { Name = "Enviar corrección" }).ClickAsync();
        await responsible.WaitForURLAsync("**/gestion/reportes/*");

        await leader.GotoAsync(fixture.BaseUrl + "/gestion/revision");
        await leader.GetByRole(AriaRole.Link, new() { Name = "3.1.5 · acción 1" }).First.ClickAsync();
        Assert.Contains("Se adjunta la lista de asistencia firmada", await leader.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(leader, "17-revisar-correccion");
        await leader.GetByRole(AriaRole.Button, new() { Name = "Aceptar el reporte" }).ClickAsync();
        await leader.WaitForURLAsync("**/gestion/revision");

        await responsible.ReloadAsync();
        Assert.Equal("Aceptado", await responsible.Locator("dd .status").First.InnerTextAsync());
        Assert.Equal(["asistencia-marzo.pdf", "asistencia-comuna-18.pdf"], await responsible.Locator("a[href^='/gestion/evidencias/']").AllInnerTextsAsync());
        await BrowserFixture.ScreenshotAsync(responsible, "18-reporte-aceptado");
        await responsible.GotoAsync(fixture.BaseUrl + $"/gestion/acciones/{action}");
        await BrowserFixture.ScreenshotAsync(responsible, "19-accion-mes-a-mes");

        // The accepted report moves component 3 on the public dashboard.
        await responsible.GotoAsync(dashboard);
        var after = await responsible.Locator(component3).First.InnerTextAsync();
        await BrowserFixture.ScreenshotAsync(responsible, "19b-tablero-despues");
        Assert.NotEqual(before, after);
    }
}
