using static Vigia.Web.Tests.Pages.RiskMap.Desk.RiskDeskData;

namespace Vigia.Web.Tests.Pages.RiskMap.Desk;

/// <summary>A risk's controls page (/mapa-riesgos/gestion/riesgo/{id}/controles): two controls move the residual
/// risk, the path shows each step, and a treatment action is added.</summary>
public abstract class ControlsTests(VigiaFactory app)
{
    private static Dictionary<string, string> Control(string type) => new()
    {
        ["Control.Description"] = "El profesional de contratación verifica los requisitos habilitantes con la lista de chequeo y devuelve el proceso si falta uno.",
        ["Control.ResponsiblePost"] = "Profesional especializado",
        ["Control.Type"] = type,
        ["Control.Implementation"] = "manual",
        ["Control.Documentation"] = "documentado",
        ["Control.Frequency"] = "continua",
        ["Control.Evidence"] = "con-registro",
    };

    [Fact]
    public async Task PostTwoControls_MovesTheResidualZone_AndShowsThePath()
    {
        var (own, _, leader) = await ProcessesAsync(app);
        var form = $"/mapa-riesgos/gestion/riesgo?proceso={own}&vigencia=2026";
        await leader.PostFormAsync(form, RiskForm("RC-20", 1000, 1, 2, 3), form);
        var url = $"/mapa-riesgos/gestion/riesgo/{await RiskIdAsync(app, own, "RC-20")}/controles";

        var first = await leader.PostFormAsync(url + "?handler=Control", Control("preventivo"), url);
        var second = await leader.PostFormAsync(url + "?handler=Control", Control("detectivo"), url);

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (first.StatusCode, second.StatusCode));
        var page = await leader.GetPageAsync(url);
        var path = page.QuerySelector(".risk-path")!.TextContent;
        Assert.Contains("baja la probabilidad de 80 % a 48 %", path, StringComparison.Ordinal);
        Assert.Contains("baja la probabilidad de 48 % a 33,6 %", path, StringComparison.Ordinal);
        Assert.Equal(["Alto", "Moderado"], page.QuerySelectorAll(".risk-path .risk-zone").Select(z => z.TextContent));
    }

    [Fact]
    public async Task PostControl_WithoutAttributes_ReRendersWithAnErrorPerAttribute()
    {
        var (own, _, leader) = await ProcessesAsync(app);
        var form = $"/mapa-riesgos/gestion/riesgo?proceso={own}&vigencia=2026";
        await leader.PostFormAsync(form, RiskForm("RC-21", 20, 1), form);
        var url = $"/mapa-riesgos/gestion/riesgo/{await RiskIdAsync(app, own, "RC-21")}/controles";

        var response = await leader.PostFormAsync(url + "?handler=Control", new() { ["Control.Description"] = "Revisión" }, url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Contains("Elija tipo: Preventivo, Detectivo, Correctivo.", page.QuerySelector("#Control_Type")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#error-summary a[href='#Control_Evidence']"));
    }

    [Fact]
    public async Task PostAction_AddsItToTheTreatmentPlan()
    {
        var (own, _, leader) = await ProcessesAsync(app);
        var form = $"/mapa-riesgos/gestion/riesgo?proceso={own}&vigencia=2026";
        await leader.PostFormAsync(form, RiskForm("RC-22", 20, 1), form);
        var url = $"/mapa-riesgos/gestion/riesgo/{await RiskIdAsync(app, own, "RC-22")}/controles";
        int unit;
        await using (var scope = app.Scope())
        {
            unit = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Units.Where(u => u.Name == TestData.Communications).Select(u => u.Id).SingleAsync();
        }

        var response = await leader.PostFormAsync(url + "?handler=Action", new()
        {
            ["Action.Description"] = "Publicar los pliegos tipo",
            ["Action.ResponsibleUnitId"] = unit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Action.StartDate"] = "2026-02-01",
            ["Action.EndDate"] = "2026-06-30",
            ["Action.Deliverable"] = "Pliegos publicados",
            ["Action.Indicator"] = "Pliegos publicados / previstos",
        }, url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var table = (await leader.GetPageAsync(url)).QuerySelector("#acciones-caption")!.ParentElement!.TextContent;
        Assert.Contains("Publicar los pliegos tipo", table, StringComparison.Ordinal);
        Assert.Contains(TestData.Communications, table, StringComparison.Ordinal);
    }
}

public sealed class SqliteControlsTests(SqliteApp app) : ControlsTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresControlsTests(PostgresApp app) : ControlsTests(app), IClassFixture<PostgresApp>;
