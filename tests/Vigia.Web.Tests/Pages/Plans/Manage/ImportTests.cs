using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using Vigia.Core.Plans;

namespace Vigia.Web.Tests.Pages.Plans.Manage;

/// <summary>Planeación's web import of a plan document (/gestion/planes/importar): the report before anything is
/// stored, then «Confirmar» or «Descartar»; a refused document changes nothing and is not kept.</summary>
public abstract class ImportTests(VigiaFactory app)
{
    private const string Page = "/gestion/planes/importar";

    /// <summary>A small plan in the seed's text layout, for the entity and year given.</summary>
    private static byte[] Document(string entity, int year) => Encoding.UTF8.GetBytes(string.Join('\n',
        entity,
        string.Create(CultureInfo.InvariantCulture, $"VIGENCIA: {year}"),
        "PRODUCTO: Plan Anticorrupcion y de Atencion al Ciudadano",
        "",
        "No.\tActividad\tDescripción\tMeta\t1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11\t12\tProducto\tFórmula\tResultado\tResponsable",
        "1\tPrimer Componente: Riesgos",
        "1.1\tSubcomponente 1: Mapa",
        "1.1.1\tPublicar el mapa\tPublicación en la web\tUn (1) mapa\t\t1\t\t\t\t\t\t\t\t\t\t\tMapa publicado\tMapas publicados\t1\tOficina Jurídica",
        ""));

    private async Task<int> EntityIdAsync(string slug)
    {
        await using var db = app.Database.CreateContext();
        return await db.Entities.Where(e => e.Slug == slug).Select(e => e.Id).SingleAsync();
    }

    private async Task<int> PlansAsync(int year)
    {
        await using var db = app.Database.CreateContext();
        return await db.Plans.CountAsync(p => p.Year == year);
    }

    private static string Token(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelector("input[name='Token']")!.GetAttribute("value")!;

    private static string FormAction(AngleSharp.Html.Dom.IHtmlDocument page, string handler) =>
        page.QuerySelectorAll("form").Select(f => f.GetAttribute("action")!).Single(a => a.Contains("handler=" + handler, StringComparison.Ordinal));

    [Fact]
    public async Task BadFiles_AreRefusedWithTheReason_AndChangeNothing()
    {
        using var workbook = new XLWorkbook();
        workbook.AddWorksheet("Hoja1").Cell(1, 1).SetValue("Esto no es un plan");
        using var xlsx = new MemoryStream();
        workbook.SaveAs(xlsx);
        var planning = await app.SignInAsAsync(Roles.Planning);
        var before = app.StoredFileCount();

        var text = await planning.PostMultipartAsync(Page + "?handler=Upload", Page, [], ("notas.txt", "Lista de compras\nPan\tLeche\n"u8.ToArray()));
        var sheet = await planning.PostMultipartAsync(Page + "?handler=Upload", Page, [], ("libro.xlsx", xlsx.ToArray()));
        var pdf = await planning.PostMultipartAsync(Page + "?handler=Upload", Page, [], ("plan.pdf", "%PDF-1.4\n%%EOF\n"u8.ToArray()));

        foreach (var response in new[] { text, sheet })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var page = await TestClient.ParseAsync(response);
            Assert.Contains("No se guardó nada.", page.QuerySelector("p.alert-danger")!.TextContent, StringComparison.Ordinal);
            Assert.Contains(page.QuerySelectorAll("tbody tr"), r => r.QuerySelector("th")!.TextContent == "Error");
            Assert.Null(page.QuerySelector("input[name='Token']"));
        }
        Assert.Equal(HttpStatusCode.BadRequest, pdf.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace((await TestClient.ParseAsync(pdf)).QuerySelector("#Files-error")!.TextContent));
        Assert.Equal(before, app.StoredFileCount());
        await using var db = app.Database.CreateContext();
        Assert.False(await db.Plans.AnyAsync(p => p.Entity!.Slug == "personeria-municipal-de-tulua"));
    }

    [Fact]
    public async Task AGoodDocument_ShowsTheReportFirst_DiscardSavesNothing_ConfirmSaves_AndAReplayIsRefused()
    {
        var document = Document("PERSONERIA MUNICIPAL DE TULUA", 2025);
        // An entity not yet in Vigía: its first plan is imported by the installation-wide administrator with Planeación.
        var planning = await app.SignInAsInstallationPlannerAsync();
        var before = app.StoredFileCount();

        var preview = await planning.PostMultipartAsync(Page + "?handler=Upload", Page, [], ("plan-2025.txt", document));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var report = await TestClient.ParseAsync(preview);
        var summary = report.QuerySelector("#informe-resumen")!.TextContent;
        Assert.Contains("Personería Municipal de Tuluá", summary, StringComparison.Ordinal);
        Assert.Contains("2025", summary, StringComparison.Ordinal);
        Assert.Contains("1 componente, 1 actividad y 1 acción", summary, StringComparison.Ordinal);
        Assert.Equal(0, await PlansAsync(2025));
        Assert.Equal(before + 1, app.StoredFileCount());

        var discard = await planning.PostFormAsync(FormAction(report, "Discard"), new() { ["Token"] = Token(report) }, Page);
        Assert.Equal(HttpStatusCode.Redirect, discard.StatusCode);
        Assert.Equal(0, await PlansAsync(2025));
        Assert.Equal(before, app.StoredFileCount());

        var again = await TestClient.ParseAsync(await planning.PostMultipartAsync(Page + "?handler=Upload", Page, [], ("plan-2025.txt", document)));
        var confirm = await planning.PostFormAsync(FormAction(again, "Confirm"), new() { ["Token"] = Token(again) }, Page);
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.Equal(before, app.StoredFileCount());
        await using (var db = app.Database.CreateContext())
        {
            var plan = await db.Plans.Include(p => p.Versions).SingleAsync(p => p.Year == 2025);
            var version = Assert.Single(plan.Versions);
            Assert.Equal(VersionStatus.Draft, version.Status);
            Assert.Equal("plan-2025.txt", version.SourceFileName);
            Assert.Equal(1, await db.Actions.CountAsync(a => a.Activity!.Component!.PlanId == plan.Id));
        }

        var replay = await planning.PostFormAsync(FormAction(again, "Confirm"), new() { ["Token"] = Token(again) }, Page);
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Contains("expiró", (await TestClient.ParseAsync(replay)).QuerySelector("#Files-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await PlansAsync(2025));
    }

    [Fact]
    public async Task ADocumentForAYearThatHasAPlan_IsRefused_PointingToANewVersion()
    {
        var existing = await TestData.SmallPlanAsync(app);
        var planning = await app.SignInAsAsync(Roles.Planning, entity: await EntityIdAsync(existing.EntitySlug));
        var before = app.StoredFileCount();

        var response = await planning.PostMultipartAsync(Page + "?handler=Upload", Page, [], ("plan.txt", Document("ALCALDIA DE PRUEBA", existing.Year)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Contains(page.QuerySelectorAll("tbody td"), c => c.TextContent.Contains("nueva versión", StringComparison.Ordinal));
        Assert.NotNull(page.QuerySelector($"a[href$='/{existing.Year}/versiones']"));
        Assert.Equal(1, await PlansAsync(existing.Year));
        Assert.Equal(before, app.StoredFileCount());
    }

    /// <summary>A plan of Personería de Palmira for 2024 in the DAFP template's layout: one sheet per component,
    /// subcomponent merged down, dates in words and as a date cell.</summary>
    private static byte[] DafpWorkbook(string date = "Abril de 2024")
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Componente 1");
        sheet.Cell(1, 1).SetValue("PROGRAMA DE TRANSPARENCIA Y ÉTICA PÚBLICA 2024 – Personería Municipal de Palmira");
        sheet.Cell(2, 1).SetValue("Componente 1: Gestión del riesgo de corrupción");
        string[] header = ["Subcomponente", "N°", "Actividades", "Meta o producto", "Responsable", "Fecha programada"];
        for (var i = 0; i < header.Length; i++)
        {
            sheet.Cell(4, i + 1).SetValue(header[i]);
        }
        sheet.Cell(5, 1).SetValue("Subcomponente 1: Política de riesgos");
        sheet.Range(5, 1, 6, 1).Merge();
        sheet.Cell(5, 2).SetValue("1.1");
        sheet.Cell(5, 3).SetValue("Actualizar la política de riesgos");
        sheet.Cell(5, 4).SetValue("Política actualizada");
        sheet.Cell(5, 5).SetValue("Oficina Jurídica");
        sheet.Cell(5, 6).SetValue(date);
        sheet.Cell(6, 2).SetValue("1.2");
        sheet.Cell(6, 3).SetValue("Publicar el mapa de riesgos");
        sheet.Cell(6, 4).SetValue("Mapa publicado");
        sheet.Cell(6, 5).SetValue("Oficina Jurídica");
        sheet.Cell(6, 6).SetValue(new DateTime(2024, 1, 31, 0, 0, 0, DateTimeKind.Unspecified));
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    [Fact]
    public async Task ADafpTemplateWorkbook_SaidToBeAPtep_IsReportedBySheetAndRow_AndStoredAsAPtep()
    {
        var planning = await app.SignInAsInstallationPlannerAsync();

        var preview = await planning.PostMultipartAsync(Page + "?handler=Upload", Page, new() { ["tipo"] = "Ptep" }, ("ptep-palmira.xlsx", DafpWorkbook()));

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var report = await TestClient.ParseAsync(preview);
        var summary = report.QuerySelector("#informe-resumen")!.TextContent;
        Assert.Contains("Personería Municipal de Palmira", summary, StringComparison.Ordinal);
        Assert.Contains("Programa de Transparencia y Ética Pública (PTEP)", summary, StringComparison.Ordinal);
        Assert.Contains("1 componente, 2 actividades y 2 acciones", summary, StringComparison.Ordinal);
        Assert.Contains(report.QuerySelectorAll("tbody td"), c => c.TextContent == "Hoja «Componente 1», fila 4");

        var confirm = await planning.PostFormAsync(FormAction(report, "Confirm"), new() { ["Token"] = Token(report) }, Page);

        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        await using var db = app.Database.CreateContext();
        var plan = await db.Plans.Include(p => p.Entity).SingleAsync(p => p.Year == 2024 && p.Entity!.Slug == "personeria-municipal-de-palmira");
        Assert.Equal(PlanKind.Ptep, plan.Kind);
        var months = await db.ScheduleEntries.Where(e => e.Action!.Activity!.Component!.PlanId == plan.Id)
            .OrderBy(e => e.Month).Select(e => e.Month).ToListAsync();
        Assert.Equal([1, 4], months);
    }

    [Fact]
    public async Task ADafpTemplateWorkbookWithAnUnreadableDate_IsRefusedNamingSheetRowAndColumn_AndChangesNothing()
    {
        var planning = await app.SignInAsInstallationPlannerAsync();
        var before = app.StoredFileCount();
        var plansBefore = await PlansAsync(2024);

        var response = await planning.PostMultipartAsync(Page + "?handler=Upload", Page, [], ("ptep-palmira.xlsx", DafpWorkbook("Cuando se pueda")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Contains(page.QuerySelectorAll("tbody td"), c => c.TextContent.StartsWith(
            "Hoja «Componente 1», fila 5: la columna «Fecha programada» (F) dice «Cuando se pueda»", StringComparison.Ordinal));
        Assert.Equal(before, app.StoredFileCount());
        // The other test of this class may have stored Palmira's plan first: this one stores nothing more.
        Assert.Equal(plansBefore, await PlansAsync(2024));
    }

    [Fact]
    public async Task PlaneacionOfAnotherEntity_IsRefused_AndNothingIsStored()
    {
        await TestData.SmallPlanAsync(app);
        int other;
        await using (var db = app.Database.CreateContext())
        {
            var entity = new Vigia.Core.Organisation.Entity { Name = "Contraloría de Prueba", Slug = $"contraloria-{Guid.NewGuid():N}" };
            db.Entities.Add(entity);
            await db.SaveChangesAsync();
            other = entity.Id;
        }
        var stranger = await app.SignInAsAsync(Roles.Planning, entity: other);
        var before = app.StoredFileCount();
        // Another test of this class stores a plan of another entity for this year: count, don't assume none.
        var plansBefore = await PlansAsync(2025);

        var preview = await stranger.PostMultipartAsync(Page + "?handler=Upload", Page, [], ("plan.txt", Document("ALCALDIA DE PRUEBA", 2025)));

        Assert.Equal(HttpStatusCode.Forbidden, preview.StatusCode);
        Assert.Equal(plansBefore, await PlansAsync(2025));
        Assert.Equal(before, app.StoredFileCount());
    }

    [Theory]
    [InlineData(Roles.Responsible)]
    [InlineData(Roles.InternalControl)]
    public async Task SomeoneNotInPlaneacion_IsRefused(string role)
    {
        var client = await app.SignInAsAsync(role);
        var before = app.StoredFileCount();

        var response = await client.PostMultipartAsync(Page + "?handler=Upload", "/gestion", [], ("plan.txt", Document("PERSONERIA MUNICIPAL DE BUGA", 2026)));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await PlansAsync(2026));
        Assert.Equal(before, app.StoredFileCount());
    }
}

public sealed class SqliteImportTests(SqliteApp app) : ImportTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresImportTests(PostgresApp app) : ImportTests(app), IClassFixture<PostgresApp>;
