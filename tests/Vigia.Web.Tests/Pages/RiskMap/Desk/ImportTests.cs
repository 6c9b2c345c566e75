using ClosedXML.Excel;
using Vigia.Core.Organisation;
using Vigia.Core.RiskMap;

namespace Vigia.Web.Tests.Pages.RiskMap.Desk;

/// <summary>Planeación's web import of the risk matrix (/mapa-riesgos/gestion/importar): the report before anything
/// is stored, then «Confirmar» or «Descartar»; a refused file changes nothing.</summary>
public abstract class ImportTests(VigiaFactory app)
{
    private static string Url(int year) => $"/mapa-riesgos/gestion/importar?vigencia={year}";
    private static readonly Actor Planning = new(null, "Planeación", new HashSet<string> { Roles.Planning });

    /// <summary>The export of a 2020 map with RC-01 and one preventive control: a matrix the importer reads.</summary>
    private Task<byte[]> MatrixAsync() => app.SharedAsync("risk-matrix", async a =>
    {
        await TestData.SmallPlanAsync(a);
        await using var scope = a.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var process = new Process { EntityId = await db.Entities.Select(e => e.Id).FirstAsync(), Name = "Gestión de la Contratación", Kind = ProcessKind.Support };
        db.Processes.Add(process);
        await db.SaveChangesAsync();
        var service = scope.ServiceProvider.GetRequiredService<RiskMapService>();
        var risk = await service.SaveRiskAsync(Planning, null, new RiskDraft(process.Id, 2020, "RC-01", "Posibilidad de favorecer a un proponente",
            "Fraude interno", true, true, true, true, "Presión de terceros", "Criterios ambiguos", "Pérdida de recursos", 1000, [1, 2, 3], "reducir"));
        await service.SaveControlAsync(Planning, risk.Value.Id, null, new ControlDraft("Verificación de requisitos con lista de chequeo",
            "Profesional de contratación", "preventivo", "manual", "documentado", "continua", "con-registro"));
        using var stream = new MemoryStream();
        await RiskMapXlsx.WriteAsync(db, scope.ServiceProvider.GetRequiredService<RiskMethodCatalog>(), process.EntityId, 2020, stream);
        return stream.ToArray();
    });

    private async Task<int> RisksAsync(int year)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Risks.CountAsync(r => r.Year == year);
    }

    private static string Token(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelector("input[name='Token']")!.GetAttribute("value")!;

    [Fact]
    public async Task ABadFile_IsRefusedWithItsReport_AndChangesNothing()
    {
        var good = await MatrixAsync();
        using var workbook = new XLWorkbook(new MemoryStream(good));
        var ws = workbook.Worksheet(RiskMapXlsx.Sheet);
        var treatment = RiskMapXlsx.Columns.ToList().FindIndex(c => c.Header == "Tratamiento") + 1;
        ws.Cell(RiskMapXlsx.HeaderRow + 1, treatment).SetValue("Aceptar");
        using var bad = new MemoryStream();
        workbook.SaveAs(bad);
        var planning = await app.SignInAsAsync(Roles.Planning);

        var refused = await planning.PostMultipartAsync(Url(2018) + "&handler=Upload", Url(2018), [], ("matriz.xlsx", bad.ToArray()));
        var notXlsx = await planning.PostMultipartAsync(Url(2018) + "&handler=Upload", Url(2018), [], ("matriz.pdf", "%PDF-1.4\n%%EOF\n"u8.ToArray()));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await TestClient.ParseAsync(refused);
        Assert.Contains("No se guardó nada.", page.QuerySelector("[role='alert']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("tbody tr"), r => r.QuerySelector("th")!.TextContent == "Error" && r.QuerySelectorAll("td")[1].TextContent == "Tratamiento");
        Assert.Null(page.QuerySelector("input[name='Token']"));
        Assert.Equal(HttpStatusCode.BadRequest, notXlsx.StatusCode);
        Assert.Equal(0, await RisksAsync(2018));
    }

    [Fact]
    public async Task AGoodFile_ShowsTheReportFirst_DiscardChangesNothing_AndConfirmSaves()
    {
        var good = await MatrixAsync();
        var planning = await app.SignInAsAsync(Roles.Planning);

        var preview = await planning.PostMultipartAsync(Url(2019) + "&handler=Upload", Url(2019), [], ("matriz.xlsx", good));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var report = await TestClient.ParseAsync(preview);
        Assert.Contains("1 riesgo y 1 control en el mapa de 2019", report.QuerySelector("#informe-titulo")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await RisksAsync(2019));

        var discard = await planning.PostFormAsync(Url(2019) + "&handler=Discard", new() { ["Token"] = Token(report) }, Url(2019));
        Assert.Equal(HttpStatusCode.Redirect, discard.StatusCode);
        Assert.Equal(0, await RisksAsync(2019));

        var again = await TestClient.ParseAsync(await planning.PostMultipartAsync(Url(2019) + "&handler=Upload", Url(2019), [], ("matriz.xlsx", good)));
        var confirm = await planning.PostFormAsync(Url(2019) + "&handler=Confirm", new() { ["Token"] = Token(again) }, Url(2019));
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.Equal(1, await RisksAsync(2019));

        var replay = await planning.PostFormAsync(Url(2019) + "&handler=Confirm", new() { ["Token"] = Token(again) }, Url(2019));
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Equal(1, await RisksAsync(2019));
    }

    [Fact]
    public async Task AProcessLeader_CannotUpload()
    {
        var good = await MatrixAsync();
        var (own, _, leader) = await RiskDeskData.ProcessesAsync(app);

        var response = await leader.PostMultipartAsync(Url(2017) + "&handler=Upload", $"/mapa-riesgos/gestion/riesgo?proceso={own}&vigencia=2026", [], ("matriz.xlsx", good));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await RisksAsync(2017));
    }
}

public sealed class SqliteImportTests(SqliteApp app) : ImportTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresImportTests(PostgresApp app) : ImportTests(app), IClassFixture<PostgresApp>;
