namespace Vigia.Web.Tests.Pages.Compliance;

/// <summary>A plan's compliance dashboard (/planes/{year}/tablero) over a known execution of the bundled plan's
/// activity 3.1.4 (<see cref="KnownExecution"/>).</summary>
public abstract class DashboardTests(VigiaFactory app)
{
    private readonly TestClient client = app.Anonymous();

    /// <summary>The body rows of the table whose caption has this id.</summary>
    private static List<AngleSharp.Dom.IElement> Rows(IHtmlDocument doc, string captionId) =>
        doc.GetElementById(captionId)!.Closest("table")!.QuerySelectorAll("tbody tr").ToList();

    private async Task<IHtmlDocument> DashboardAsync(string query = $"?fecha={KnownExecution.At}")
    {
        await KnownExecution.EnsureAsync(app);
        return await client.GetPageAsync("/planes/2022/tablero" + query);
    }

    [Fact]
    public async Task Get_ShowsThePlansFigureWithItsBandInWords()
    {
        var doc = await DashboardAsync();

        var first = doc.QuerySelector(".figures .figure")!;
        Assert.Equal("0 %", first.QuerySelector(".figure-value")!.TextContent.Trim());
        Assert.Equal("Baja", first.QuerySelector(".level.level-low")!.TextContent.Trim());
        Assert.Contains("0 de 1 actividades programadas a la fecha, cumplidas (acciones: 1 de 3)",
            SpaceNormalised(first.TextContent), StringComparison.Ordinal);
        var weighted = doc.QuerySelectorAll(".figures .figure")[1];
        Assert.Equal("54,2 %", weighted.QuerySelector(".figure-value")!.TextContent.Trim());
        Assert.Contains("Avance ponderado", weighted.TextContent, StringComparison.Ordinal);
        Assert.Null(weighted.QuerySelector(".level"));
        Assert.Contains(Vigia.Core.Compliance.OfficialCompliance.Explanation, doc.QuerySelector(".official-rule")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Resumen al 30 de abril de 2022", doc.QuerySelector("#resumen-titulo")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("de enero a abril de 2022", doc.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ComponentTableShowsBandsAndNotApplicable()
    {
        var doc = await DashboardAsync();

        var rows = Rows(doc, "tabla-componentes");
        Assert.Equal(6, rows.Count);
        var component3 = rows.Single(r => r.QuerySelector("th")!.TextContent.Contains("RENDICIÓN DE CUENTAS", StringComparison.Ordinal));
        Assert.Contains("0 %", component3.TextContent, StringComparison.Ordinal);
        Assert.Contains("54,2 %", component3.TextContent, StringComparison.Ordinal);
        Assert.NotNull(component3.QuerySelector("progress.progress-meter[max='100'][value='0']"));
        Assert.Single(component3.QuerySelectorAll(".level"));
        // No monthly schedule: the empty state says so and who sets it, never «0 % · Baja».
        var component1 = rows[0];
        Assert.Contains("Sin programación (la fija Planeación)", component1.QuerySelector(".unscheduled")!.TextContent, StringComparison.Ordinal);
        Assert.Null(component1.QuerySelector(".level"));
    }

    [Fact]
    public async Task Get_ChartsAreAccessibleSvgWithTheirDataBehindVerDatos()
    {
        var doc = await DashboardAsync();

        var charts = doc.QuerySelectorAll("svg.chart-svg");
        Assert.Equal(3, charts.Length);
        foreach (var svg in charts)
        {
            Assert.Equal("img", svg.GetAttribute("role"));
            var labelledBy = svg.GetAttribute("aria-labelledby")!.Split(' ');
            Assert.Equal("title", doc.GetElementById(labelledBy[0])!.LocalName);
            Assert.Equal("desc", doc.GetElementById(labelledBy[1])!.LocalName);
            Assert.False(string.IsNullOrWhiteSpace(doc.GetElementById(labelledBy[1])!.TextContent));
            Assert.NotEmpty(svg.QuerySelectorAll("text"));
            var details = svg.Closest(".chart")!.QuerySelector("details")!;
            Assert.Equal("Ver datos", details.QuerySelector("summary")!.TextContent.Trim());
            Assert.NotNull(details.QuerySelector("table caption"));
            Assert.NotEmpty(details.QuerySelectorAll("tbody tr"));
        }
        var componentDesc = doc.QuerySelector("#grafico-componentes-desc")!.TextContent;
        Assert.Contains("3. RENDICIÓN DE CUENTAS: 0 % (Baja)", componentDesc, StringComparison.Ordinal);
        Assert.Contains("0 % · Baja", doc.QuerySelector("#grafico-componentes-titulo")!.ParentElement!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_CurveTableHasTwelveMonthsAndExecutedOnlyForEndedMonths()
    {
        var doc = await DashboardAsync();

        var rows = Rows(doc, "grafico-curva-tabla");
        Assert.Equal(12, rows.Count);
        Assert.Equal("Abril", rows[3].QuerySelector("th")!.TextContent.Trim());
        Assert.NotEqual("—", rows[3].QuerySelectorAll("td")[1].TextContent.Trim());
        Assert.Equal("—", rows[4].QuerySelectorAll("td")[1].TextContent.Trim());
    }

    [Fact]
    public async Task Get_ListsTheActionWithAMissingReport()
    {
        var doc = await DashboardAsync();

        var rows = Rows(doc, "tabla-atrasos");
        var row = Assert.Single(rows);
        Assert.Equal("3.1.4-4", row.QuerySelector("th a")!.TextContent.Trim());
        Assert.Equal("/planes/2022/actividad/3.1.4#accion-4", row.QuerySelector("th a")!.GetAttribute("href"));
        Assert.Contains("abril", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_RanksUnitsAndLinksTheRules()
    {
        var doc = await DashboardAsync();

        var ranked = Rows(doc, "tabla-unidades");
        Assert.NotEmpty(ranked);
        Assert.Equal("1", ranked[0].QuerySelector("td")!.TextContent.Trim());
        Assert.NotNull(doc.QuerySelector("a[href='/tablero/reglas']"));
        Assert.Contains("aceptados", doc.QuerySelector(".rules-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Null(doc.QuerySelector(".simulated-data"));
    }

    [Fact]
    public async Task Get_DateSelectorIsAGetFormWithALabel()
    {
        var doc = await DashboardAsync();

        var form = doc.QuerySelector("form.tablero-fecha")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal(KnownExecution.At, form.QuerySelector("input#fecha")!.GetAttribute("value"));
        Assert.NotNull(doc.QuerySelector("label[for='fecha']"));
    }

    [Fact]
    public async Task Get_BadDate_Returns400WithTheErrorAndTodaysFigures()
    {
        await KnownExecution.EnsureAsync(app);

        var response = await client.GetAsync("/planes/2022/tablero?fecha=31-04-2022");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await TestClient.ParseAsync(response);
        Assert.Contains("AAAA-MM-DD", doc.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector("#error-summary a[href='#fecha']"));
    }

    [Fact]
    public async Task Get_ByTheEntitysAddress_ShowsTheSameFigures()
    {
        await KnownExecution.EnsureAsync(app);

        var doc = await client.GetPageAsync($"/planes/alcaldia-de-santiago-de-cali/2022/tablero?fecha={KnownExecution.At}");

        Assert.Equal("0 %", doc.QuerySelector(".figure-value")!.TextContent.Trim());
    }

    private static string SpaceNormalised(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public async Task Get_UnknownYear_Returns404()
    {
        var response = await client.GetAsync("/planes/1999/tablero");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

[Collection(SharedHosts.SqliteBundledPlan)]
public sealed class SqliteDashboardTests(SqliteBundledPlanApp app) : DashboardTests(app);

[Collection(SharedHosts.PostgresBundledPlan)]
public sealed class PostgresDashboardTests(PostgresBundledPlanApp app) : DashboardTests(app);
