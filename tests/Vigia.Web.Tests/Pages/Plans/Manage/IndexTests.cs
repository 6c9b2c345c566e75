using Vigia.Core.Plans;

namespace Vigia.Web.Tests.Pages.Plans.Manage;

/// <summary>Planeación's publication page (/gestion/planes/{year}/versiones) on the bundled plan, published version 1:
/// a justified revision, one action changed, published with its approval; the public then sees both versions, their
/// difference and the justification, and Control Interno sees the change on its desk.</summary>
public abstract class IndexTests(VigiaFactory app)
{
    private const string Page = "/gestion/planes/2022/versiones";

    private async Task<int> ActionIdAsync(string code, int order)
    {
        await using var db = app.Database.CreateContext();
        return await db.Actions.Where(a => a.Activity!.Code == code && a.Order == order).Select(a => a.Id).SingleAsync();
    }

    [Theory]
    [InlineData(Roles.Responsible)]
    [InlineData(Roles.InternalControl)]
    public async Task Get_NotPlanning_Returns403(string role)
    {
        var client = await app.SignInAsAsync(role);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Page)).StatusCode);
    }

    [Fact]
    public async Task Get_Anonymous_RedirectsToSignIn()
    {
        var response = await app.Anonymous().GetAsync(Page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Revise_Edit_Publish_ThenThePublicSeesBothVersionsAndTheirDifference()
    {
        var planner = await app.SignInAsAsync(Roles.Planning, name: "Ana Planeación");
        var actionId = await ActionIdAsync("3.2.1", 1);

        var tooShort = await planner.PostFormAsync(Page + "?handler=Revise", new() { ["Justification"] = "corto" });
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Contains("Explique por qué se modifica", (await TestClient.ParseAsync(tooShort)).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        await using (var db = app.Database.CreateContext())
        {
            Assert.Equal(1, await db.PlanVersions.CountAsync());
        }

        const string why = "Se agrega un segundo evento de rendición de cuentas por solicitud del Concejo";
        var opened = await planner.PostFormAsync(Page + "?handler=Revise", new() { ["Justification"] = why });
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);

        var edit = $"{Page}/borrador/acciones/{actionId}";
        var form = await planner.GetPageAsync(edit);
        Assert.Equal("Un (1) evento", form.QuerySelector("textarea[name='Goal']")!.TextContent.Trim());
        var saved = await planner.PostFormAsync(edit, new()
        {
            ["Description"] = form.QuerySelector("textarea[name='Description']")!.TextContent.Trim(),
            ["Goal"] = "Dos (2) eventos",
            ["TargetQuantity"] = "2",
            ["Deliverable"] = "Informe evento de rendición de cuentas alcalde",
            ["IndicatorFormula"] = "Número total de eventos de rendición de cuentas realizados",
            ["ResponsibleText"] = "Oficina de Comunicaciones.",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // Nothing public changes before the publication.
        Assert.Contains("Un (1) evento", (await app.Anonymous().GetPageAsync("/planes/2022/actividad/3.2.1")).Body!.TextContent, StringComparison.Ordinal);
        var preview = await planner.GetPageAsync(Page);
        Assert.Contains("Dos (2) eventos", preview.QuerySelector(".version-change")!.TextContent, StringComparison.Ordinal);

        var noApproval = await planner.PostFormAsync(Page + "?handler=Publish", new() { ["ApprovedBy"] = "", ["ApprovedOn"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noApproval.StatusCode);
        // The seed's quality review finds errors: publishing asks for an explicit decision with a reason (issue 11).
        var publishForm = await planner.GetPageAsync(Page);
        Assert.Contains("La revisión de calidad encuentra", publishForm.QuerySelector("fieldset#ReviewReason legend")!.TextContent, StringComparison.Ordinal);
        var unaccepted = await planner.PostFormAsync(Page + "?handler=Publish", new()
        {
            ["ApprovedBy"] = "JORGE IVÁN OSPINA GÓMEZ - ALCALDE MUNICIPAL",
            ["ApprovedOn"] = "2026-11-20",
            ["ApprovalNote"] = "Original firmado",
        });
        Assert.Equal(HttpStatusCode.BadRequest, unaccepted.StatusCode);
        Assert.Contains("sin resolver", (await TestClient.ParseAsync(unaccepted)).QuerySelector("#ReviewReason-error")!.TextContent, StringComparison.Ordinal);
        var published = await planner.PostFormAsync(Page + "?handler=Publish", new()
        {
            ["ApprovedBy"] = "JORGE IVÁN OSPINA GÓMEZ - ALCALDE MUNICIPAL",
            ["ApprovedOn"] = "2026-11-20",
            ["ApprovalNote"] = "Original firmado",
            ["AcceptReviewErrors"] = "true",
            ["ReviewReason"] = "Se publica como fue adoptado; la programación mensual se carga en la revisión siguiente.",
        });
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Contains("de la revisión de calidad sin resolver. Motivo: Se publica como fue adoptado",
            (await app.Anonymous().GetPageAsync("/planes/2022/versiones")).QuerySelector("tbody")!.TextContent, StringComparison.Ordinal);

        var citizen = app.Anonymous();
        Assert.Contains("2 (Publicado)", (await citizen.GetPageAsync("/planes/2022")).QuerySelector(".plan-meta")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, (await citizen.GetPageAsync("/planes/2022/versiones")).QuerySelectorAll("tbody tr").Length);
        Assert.Contains("Un (1) evento", (await citizen.GetPageAsync("/planes/2022/versiones/1")).Body!.TextContent, StringComparison.Ordinal);
        var diff = await citizen.GetPageAsync("/planes/2022/versiones/comparar?de=1&a=2");
        Assert.Contains(why, diff.Body!.TextContent, StringComparison.Ordinal);
        var change = Assert.Single(diff.QuerySelectorAll(".version-change"));
        Assert.Contains("Acción 3.2.1-1: Modificada", change.TextContent, StringComparison.Ordinal);
        var rows = change.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Contains(["Meta o producto", "Un (1) evento", "Dos (2) eventos"], rows);
        Assert.Contains(["Resultado esperado", "1", "2"], rows);

        // The change log as the plan document carries it: a tagged PDF linked from the public versions page.
        var versionsPage = await citizen.GetPageAsync("/planes/2022/versiones");
        var pdfLink = versionsPage.QuerySelectorAll("main a").Single(a => a.TextContent.Contains("control de cambios en PDF", StringComparison.Ordinal));
        Assert.Equal("/datos/alcaldia-de-santiago-de-cali/2022/control-de-cambios.pdf", pdfLink.GetAttribute("href"));
        var pdfResponse = await citizen.GetAsync(pdfLink.GetAttribute("href")!);
        Assert.Equal("application/pdf", pdfResponse.Content.Headers.ContentType!.MediaType);
        var bytes = await pdfResponse.Content.ReadAsByteArrayAsync();
        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(bytes))
        {
            Assert.Equal("Control de cambios — Plan Anticorrupción y de Atención al Ciudadano 2022 — Alcaldía de Santiago de Cali", pdf.Information.Title);
            var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            Assert.Contains("Versión 1", text, StringComparison.Ordinal);
            Assert.Contains("Primera versión publicada del plan.", text, StringComparison.Ordinal);
            Assert.Contains("Versión 2", text, StringComparison.Ordinal);
            Assert.Contains($"Justificación: {why}", text, StringComparison.Ordinal);
            Assert.Contains("1 cambio respecto de la versión 1:", text, StringComparison.Ordinal);
            Assert.Contains("Acción 3.2.1-1 · Modificada", text, StringComparison.Ordinal);
            Assert.Contains("Meta o producto. Antes: Un (1) evento · Ahora: Dos (2) eventos", text, StringComparison.Ordinal);
            Assert.Contains("Aprobada por JORGE IVÁN OSPINA GÓMEZ - ALCALDE MUNICIPAL · Original firmado · el 20 de noviembre de 2026.", text, StringComparison.Ordinal);
        }
        using (var tagged = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(bytes), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import))
        {
            Assert.Equal("es-CO", tagged.Internals.Catalog.Elements.GetString("/Lang"));
            Assert.NotNull(tagged.Internals.Catalog.Elements.GetDictionary("/StructTreeRoot"));
        }

        var control = await app.SignInAsAsync(Roles.InternalControl);
        var desk = await control.GetPageAsync("/seguimientos/gestion");
        Assert.Contains(why, desk.QuerySelector("#cambios-plan")!.ParentElement!.TextContent, StringComparison.Ordinal);

        await using (var db = app.Database.CreateContext())
        {
            Assert.Equal(actionId, await ActionIdAsync("3.2.1", 1));
            Assert.Equal("Dos (2) eventos", (await db.Actions.SingleAsync(a => a.Id == actionId)).Goal);
            Assert.Equal([VersionStatus.Published, VersionStatus.Published], await db.PlanVersions.OrderBy(v => v.Number).Select(v => v.Status).ToListAsync());
        }
    }
}

public sealed class SqliteIndexTests(SqliteBundledPlanApp app) : IndexTests(app), IClassFixture<SqliteBundledPlanApp>;

public sealed class PostgresIndexTests(PostgresBundledPlanApp app) : IndexTests(app), IClassFixture<PostgresBundledPlanApp>;
