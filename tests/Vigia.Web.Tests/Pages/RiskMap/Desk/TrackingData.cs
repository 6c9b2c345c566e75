using static Vigia.Web.Tests.Pages.RiskMap.Desk.RiskDeskData;

namespace Vigia.Web.Tests.Pages.RiskMap.Desk;

/// <summary>A risk of 2026 with two controls, written through the real forms by the process leader.</summary>
internal static class TrackingData
{
    public static Dictionary<string, string> Control(string type) => new()
    {
        ["Control.Description"] = "El profesional de contratación verifica los requisitos habilitantes con la lista de chequeo y devuelve el proceso si falta uno.",
        ["Control.ResponsiblePost"] = "Profesional especializado",
        ["Control.Type"] = type,
        ["Control.Implementation"] = "manual",
        ["Control.Documentation"] = "documentado",
        ["Control.Frequency"] = "continua",
        ["Control.Evidence"] = "con-registro",
    };

    /// <summary>Returns the risk's id and its two controls' ids, in order.</summary>
    public static async Task<(int Risk, int Control1, int Control2)> RiskWithControlsAsync(VigiaFactory app, TestClient leader, int processId, string code)
    {
        var form = $"/mapa-riesgos/gestion/riesgo?proceso={processId}&vigencia=2026";
        Assert.Equal(HttpStatusCode.Redirect, (await leader.PostFormAsync(form, RiskForm(code, 1000, 1, 2, 3), form)).StatusCode);
        var risk = await RiskIdAsync(app, processId, code);
        var url = $"/mapa-riesgos/gestion/riesgo/{risk}/controles";
        Assert.Equal(HttpStatusCode.Redirect, (await leader.PostFormAsync(url + "?handler=Control", Control("preventivo"), url)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await leader.PostFormAsync(url + "?handler=Control", Control("detectivo"), url)).StatusCode);
        await using var scope = app.Scope();
        var ids = await scope.ServiceProvider.GetRequiredService<AppDbContext>().RiskControls.Where(c => c.RiskId == risk).OrderBy(c => c.Number)
            .Select(c => c.Id).ToListAsync();
        return (risk, ids[0], ids[1]);
    }

    public static string Str(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
