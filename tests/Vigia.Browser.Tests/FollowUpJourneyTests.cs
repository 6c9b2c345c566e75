using System.Text.RegularExpressions;
using Vigia.Core.FollowUps;
using static Microsoft.Playwright.Assertions;
using static Vigia.Browser.Tests.BrowserApp;

namespace Vigia.Browser.Tests;

public class FollowUpJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private async Task<(int PlanId, List<int> Actions)> SeedAsync(string email)
    {
        await TestPeople.CreateAsync(app.Services, Roles.InternalControl, email: email, name: "Jefe de Control Interno");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var planId = await db.Plans.Where(p => p.Year == 2022).Select(p => p.Id).SingleAsync();
        var actions = await db.Actions.Where(a => a.Activity!.Component!.PlanId == planId)
            .OrderBy(a => a.Activity!.Component!.Number).ThenBy(a => a.Activity!.Order).ThenBy(a => a.Order).Select(a => a.Id).ToListAsync();
        return (planId, actions);
    }

    private static async Task AssertNoAxeViolationsAsync(IPage page, string what)
    {
        var result = await AxeAsync(page);
        Assert.True(result.Violations.Length == 0, $"{what}: " + PublicPagesAccessibilityTests.Describe(result));
    }

    [Fact]
    public async Task ControlInterno_AssessesClosesAndPublishes_CitizenDownloadsTheReport()
    {
        const string email = "jefe.control@prueba.vigia";
        var (planId, actions) = await SeedAsync(email);
        var page = await app.SignInAsync(email);

        await page.GotoAsync(app.BaseUrl + "/seguimientos/gestion");
        await ScreenshotAsync(page, "seguimiento-01-escritorio");
        await AssertNoAxeViolationsAsync(page, "/seguimientos/gestion");
        await page.GetByRole(AriaRole.Link, new() { Name = "Primer seguimiento: 30 de abril de 2022" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Address($"/seguimientos/gestion/{planId}/2022-04-30"));
        await AssertNoAxeViolationsAsync(page, "corte en borrador");

        // The first three actions by hand, through the form.
        await page.GetByRole(AriaRole.Link, new() { Name = "1.1.1.1", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Address($"/acciones/{actions[0]}"));
        await ScreenshotAsync(page, "seguimiento-02-valorar-accion");
        await AssertNoAxeViolationsAsync(page, "valorar acción");
        await page.GetByLabel("Cumplida").CheckAsync();
        await page.GetByLabel("Avance verificado (%)").FillAsync("80");
        await page.GetByRole(AriaRole.Button, new() { Name = "Guardar valoración" }).ClickAsync();
        await Expect(page.Locator("#error-summary")).ToContainTextAsync("Una acción cumplida tiene un avance verificado de 100 %.");
        await ScreenshotAsync(page, "seguimiento-03-error");
        await AssertNoAxeViolationsAsync(page, "valoración con errores");
        await page.GetByLabel("Avance verificado (%)").FillAsync("100");
        await page.GetByRole(AriaRole.Button, new() { Name = "Guardar valoración" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Address($"/acciones/{actions[1]}"));
        await page.GetByLabel("En avance").CheckAsync();
        await page.GetByLabel("Avance verificado (%)").FillAsync("50");
        await page.GetByLabel("Observaciones").FillAsync("Se evaluó la política en el comité; falta la socialización.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Guardar valoración" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Address($"/acciones/{actions[2]}"));

        // The rest through the service, as 83 more forms would.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<FollowUpService>();
            var actor = new Actor("ci-browser", "Jefe de Control Interno", new HashSet<string> { Roles.InternalControl });
            foreach (var id in actions.Skip(2))
            {
                await service.AssessAsync(actor, planId, new DateOnly(2022, 4, 30), id, id % 3 == 0
                    ? new AssessmentInput(AssessmentStatus.NoProgress, 0, null, "Sin soportes de ejecución.")
                    : new AssessmentInput(AssessmentStatus.Completed, 100, null, null));
            }
        }
        await page.GotoAsync(app.BaseUrl + $"/seguimientos/gestion/{planId}/2022-04-30");
        await page.GetByLabel("Observaciones del componente 1").FillAsync("Componente con buen avance; revisar la socialización de la política.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Guardar observaciones del componente 1" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Cerrar el seguimiento" }).ClickAsync();
        await Expect(page.Locator(".notice")).ToContainTextAsync("Seguimiento cerrado");
        await ScreenshotAsync(page, "seguimiento-04-cerrado");
        await AssertNoAxeViolationsAsync(page, "corte cerrado");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publicar el seguimiento" }).ClickAsync();
        await Expect(page.Locator(".notice")).ToContainTextAsync("Seguimiento publicado");

        var citizen = await app.NewPageAsync();
        await citizen.GotoAsync(app.BaseUrl + "/seguimientos");
        await ScreenshotAsync(citizen, "seguimiento-05-publico");
        await AssertNoAxeViolationsAsync(citizen, "/seguimientos");
        await Expect(citizen.Locator("tbody")).ToContainTextAsync("Publicado fuera del plazo");
        var download = await citizen.RunAndWaitForDownloadAsync(() => citizen.GetByRole(AriaRole.Link, new() { NameRegex = new("^PDF del primer seguimiento 2022") }).ClickAsync());
        var pdfPath = Path.Combine(ScreenshotFolder, "seguimiento-2022-04-30.pdf");
        await download.SaveAsAsync(pdfPath);
        Assert.Equal("%PDF"u8.ToArray(), (await File.ReadAllBytesAsync(pdfPath)).Take(4));
        var xlsx = await citizen.RunAndWaitForDownloadAsync(() => citizen.GetByRole(AriaRole.Link, new() { NameRegex = new("^XLSX del primer seguimiento 2022") }).ClickAsync());
        var xlsxPath = Path.Combine(ScreenshotFolder, "seguimiento-2022-04-30.xlsx");
        await xlsx.SaveAsAsync(xlsxPath);
        Assert.Equal("PK"u8.ToArray(), (await File.ReadAllBytesAsync(xlsxPath)).Take(2));

        await citizen.GetByRole(AriaRole.Link, new() { Name = "Primer seguimiento: 30 de abril de 2022" }).ClickAsync();
        await Expect(citizen).ToHaveURLAsync(new Regex(@"/seguimientos/\d+$"));
        await ScreenshotAsync(citizen, "seguimiento-06-informe-publico");
        await AssertNoAxeViolationsAsync(citizen, "informe público");
        await Expect(citizen.Locator("#resumen-componentes").Locator("..")).ToContainTextAsync("Componente con buen avance");

        var phone = await app.NewPageAsync(375, 800);
        await phone.GotoAsync(citizen.Url);
        await phone.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, "seguimiento-07-informe-telefono.png") });
        await phone.Locator("#detalle-titulo").ScrollIntoViewIfNeededAsync();
        await phone.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, "seguimiento-08-detalle-telefono.png") });
        await AssertNoAxeViolationsAsync(phone, "informe público en teléfono");
    }
}
