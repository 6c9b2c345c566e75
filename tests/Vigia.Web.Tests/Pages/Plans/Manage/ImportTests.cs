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
        var planning = await app.SignInAsAsync(Roles.Planning);
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
        var planning = await app.SignInAsAsync(Roles.Planning);
        var before = app.StoredFileCount();

        var response = await planning.PostMultipartAsync(Page + "?handler=Upload", Page, [], ("plan.txt", Document("ALCALDIA DE PRUEBA", existing.Year)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Contains(page.QuerySelectorAll("tbody td"), c => c.TextContent.Contains("nueva versión", StringComparison.Ordinal));
        Assert.NotNull(page.QuerySelector($"a[href$='/{existing.Year}/versiones']"));
        Assert.Equal(1, await PlansAsync(existing.Year));
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
