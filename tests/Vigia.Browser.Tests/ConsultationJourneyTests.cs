using System.Globalization;
using System.Text.RegularExpressions;
using Vigia.Core.Colombia;
using static Microsoft.Playwright.Assertions;
using static Vigia.Browser.Tests.BrowserApp;

namespace Vigia.Browser.Tests;

/// <summary>Issue 11 end to end: Planeación opens the citizen consultation on a 2028 draft, a signed-out citizen comments
/// (solving the question), Planeación answers and closes it, runs the quality review, fixes a finding from its link and
/// publishes, accepting the remaining error with a reason. axe-core finds nothing at 1280 and 375 px on the public
/// consultation page, the comment form, the answer page and the review page, and none of them scrolls sideways at 375 px.</summary>
public partial class ConsultationJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [GeneratedRegex(@"Cuánto es (\d) más (\d)")]
    private static partial Regex Question();

    /// <summary>axe at 1280 px and at 375 px (where the page must not scroll sideways), then back to 1280 px.</summary>
    private static async Task AssertAccessibleAsync(IPage page, string what)
    {
        foreach (var (width, height) in new[] { (1280, 900), (375, 800) })
        {
            await page.SetViewportSizeAsync(width, height);
            var result = await AxeAsync(page);
            Assert.True(result.Violations.Length == 0, $"{what} at {width}px: " + PublicPagesAccessibilityTests.Describe(result));
            if (width == 375)
            {
                var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
                Assert.True(overflow <= 0, $"{what} scrolls {overflow}px sideways at 375px");
                await ScreenshotAsync(page, $"consulta-{SpanishText.Slug(what)}-telefono");
            }
        }
        await page.SetViewportSizeAsync(1280, 900);
    }

    [Fact]
    public async Task Planeacion_OpensTheConsultation_CitizenComments_AnsweredClosedReviewedFixedAndPublished()
    {
        string entity;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            entity = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Entities.Select(e => e.Name).SingleAsync();
        }
        // A draft whose one action counts «una (01) publicación» against a 100 % target, and has no indicator formula.
        await TestData.CreatePlanAsync(app.Services, p => p.ForEntity(entity).ForYear(2028)
            .WithUnit(TestData.Communications)
            .WithComponent(1, "GESTIÓN DEL RIESGO DE CORRUPCIÓN")
            .WithActivity("1.3.4", "Divulgar el mapa de riesgos de corrupción")
            .WithAction(x => x.Describe("Publicar el mapa de riesgos en la página web").Goal("Realizar una (01) publicación del mapa de riesgos de corrupción")
                .Percentage(100).Responsible(TestData.Communications).Planned(6, 1)));
        var today = ColombianTime.Today(app.Factory.Clock);
        var iso = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var planner = await app.SignedInPageAsync(Roles.Planning, name: "Ana Planeación");

        // Planeación opens the consultation.
        await planner.GotoAsync(app.BaseUrl + "/gestion/planes/2028/consulta");
        await planner.GetByLabel("Fecha de apertura").FillAsync(iso);
        await planner.GetByLabel("Fecha de cierre (último día para comentar)").FillAsync(today.AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await planner.GetByRole(AriaRole.Button, new() { Name = "Abrir la consulta" }).ClickAsync();
        await Expect(planner.Locator(".notice")).ToContainTextAsync("Consulta ciudadana abierta");

        // A citizen, signed out, reads the draft and comments on the plan.
        var citizen = await app.NewPageAsync();
        await citizen.GotoAsync(app.BaseUrl + "/planes/2028/consulta");
        await ScreenshotAsync(citizen, "consulta-01-publica");
        await AssertAccessibleAsync(citizen, "página pública de la consulta");
        await citizen.GetByRole(AriaRole.Link, new() { Name = "Comentar el plan en general" }).ClickAsync();
        await Expect(citizen).ToHaveURLAsync(Address("/planes/2028/consulta/comentar"));
        await AssertAccessibleAsync(citizen, "formulario de comentario");
        await citizen.GetByLabel("Su comentario").FillAsync("La meta dice una publicación, pero el resultado esperado es 100 %.");
        var question = Question().Match(await citizen.Locator("label[for='QuestionAnswer']").InnerTextAsync());
        Assert.True(question.Success);
        var sum = int.Parse(question.Groups[1].Value, CultureInfo.InvariantCulture) + int.Parse(question.Groups[2].Value, CultureInfo.InvariantCulture);
        await citizen.Locator("#QuestionAnswer").FillAsync(sum.ToString(CultureInfo.InvariantCulture));
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Enviar el comentario" }).ClickAsync();
        await Expect(citizen.Locator(".notice")).ToContainTextAsync("Su comentario quedó publicado con el número 1");
        await Expect(citizen.Locator("#comentario-1")).ToContainTextAsync("Pendiente de respuesta");

        // Planeación answers it and closes the consultation.
        await planner.GotoAsync(app.BaseUrl + "/gestion/planes/2028/consulta");
        await planner.GetByRole(AriaRole.Link, new() { Name = "Comentario 1", Exact = true }).ClickAsync();
        await Expect(planner).ToHaveURLAsync(new Regex("/gestion/planes/2028/consulta/comentarios/1$"));
        await ScreenshotAsync(planner, "consulta-02-responder");
        await AssertAccessibleAsync(planner, "página de respuesta");
        await planner.GetByLabel("Respuesta (se publica en el informe de la consulta)").FillAsync("Se acoge: la meta se mide como una publicación.");
        await planner.GetByLabel("El comentario modifica el plan").CheckAsync();
        await planner.GetByRole(AriaRole.Button, new() { Name = "Guardar la respuesta" }).ClickAsync();
        await Expect(planner).ToHaveURLAsync(Address("/gestion/planes/2028/consulta"));
        await planner.GetByRole(AriaRole.Button, new() { NameRegex = new("^Cerrar la consulta y publicar el informe") }).ClickAsync();
        await Expect(planner.Locator(".notice")).ToContainTextAsync("Consulta cerrada");

        // The review finds the contradiction; its link leads to the action's form, where it is fixed.
        await planner.GotoAsync(app.BaseUrl + "/gestion/planes/2028/revision");
        await ScreenshotAsync(planner, "consulta-03-revision");
        await AssertAccessibleAsync(planner, "revisión de calidad");
        var contradiction = planner.Locator("li.review-errores", new() { HasText = "La meta cuenta" });
        await Expect(contradiction).ToHaveCountAsync(1);
        await contradiction.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(planner).ToHaveURLAsync(new Regex("/gestion/planes/2028/borrador/actividades/\\d+/acciones/\\d+#unidad-cantidad$"));
        await planner.GetByLabel("Cantidad", new() { Exact = true }).CheckAsync();
        await planner.GetByLabel("Resultado esperado").FillAsync("1");
        await planner.GetByRole(AriaRole.Button, new() { Name = "Guardar la acción" }).ClickAsync();
        await Expect(planner.Locator(".notice")).ToContainTextAsync("Acción guardada.");
        await planner.GotoAsync(app.BaseUrl + "/gestion/planes/2028/revision");
        await Expect(planner.Locator("li.review-errores", new() { HasText = "La meta cuenta" })).ToHaveCountAsync(0);
        await Expect(planner.Locator("li.review-errores", new() { HasText = "no tiene fórmula del indicador" })).ToHaveCountAsync(1);

        // Publishing with the remaining error needs it accepted, with a reason.
        await planner.GotoAsync(app.BaseUrl + "/gestion/planes/2028/versiones");
        await planner.GetByLabel("Aprobado por (nombre y cargo)").FillAsync("Alcaldesa");
        await planner.GetByLabel("Fecha de aprobación").FillAsync(iso);
        await planner.GetByRole(AriaRole.Button, new() { Name = "Publicar la versión 1" }).ClickAsync();
        await Expect(planner.Locator("#error-summary")).ToBeVisibleAsync();
        await planner.GetByLabel("Publico la versión con esos errores sin resolver").CheckAsync();
        await planner.GetByLabel("Motivo", new() { Exact = true }).FillAsync("La fórmula del indicador se define con la Oficina de Control Interno en el primer mes.");
        await planner.GetByRole(AriaRole.Button, new() { Name = "Publicar la versión 1" }).ClickAsync();
        await Expect(planner.Locator(".notice")).ToContainTextAsync("Versión 1 publicada");

        // The citizen finds the report with the answer.
        await citizen.GotoAsync(app.BaseUrl + "/planes/2028/consulta");
        await Expect(citizen.Locator("#comentario-1")).ToContainTextAsync("Se acoge: la meta se mide como una publicación.");
        await ScreenshotAsync(citizen, "consulta-04-informe");
        await AssertAccessibleAsync(citizen, "informe de la consulta");
    }
}
