using static Vigia.Web.Tests.Pages.Progress.ReportingData;

namespace Vigia.Web.Tests.Pages.Progress;

/// <summary>Changing a report before its review (/gestion/reportes/{id}/editar).</summary>
public abstract class EditTests(VigiaFactory app)
{
    [Fact]
    public async Task Post_BeforeReview_ChangesTheReport()
    {
        var client = await CommunicationsResponsibleAsync(app);
        var action = (await PlanAsync(app)).Action("3.1.4", 1);
        var id = IdFromLocation(await ReportAsync(client, action, 4, "100", "Primera versión.", ("a.pdf", Pdf)), "/gestion/reportes/");

        var redirect = await client.GetAsync($"/gestion/acciones/{action}/reportar?mes=4");
        var edited = await client.PostMultipartAsync($"/gestion/reportes/{id}/editar", $"/gestion/reportes/{id}/editar",
            new() { ["Quantity"] = "120", ["Narrative"] = "Versión corregida antes de la revisión.", ["Links"] = "https://www.cali.gov.co/rendicion" });

        Assert.Equal($"/gestion/reportes/{id}/editar", redirect.Headers.Location!.OriginalString);
        Assert.Equal($"/gestion/reportes/{id}", edited.Headers.Location!.OriginalString);
        var report = (await TestData.ReportsAsync(app, action)).Single(r => r.Id == id);
        Assert.Equal((120m, "Versión corregida antes de la revisión."), (report.ExecutedQuantity, report.Narrative));
        Assert.Equal(2, report.Evidence.Count);
    }

    [Fact]
    public async Task InternalControl_CannotSubmitOrEditReports_ByRequest()
    {
        var responsible = await CommunicationsResponsibleAsync(app);
        var control = await InternalControlAsync(app);
        var action = (await PlanAsync(app)).Action("3.2.1", 1);
        var id = IdFromLocation(await ReportAsync(responsible, action, 2, "1", "Boletín de febrero.", ("boletin.pdf", Pdf)), "/gestion/reportes/");

        var submit = await control.PostMultipartAsync($"/gestion/acciones/{action}/reportar?mes=4", "/cuenta/contrasena",
            new() { ["Quantity"] = "1", ["Narrative"] = "Reporte de Control Interno" });
        var editPage = await control.GetAsync($"/gestion/reportes/{id}/editar");
        var edit = await control.PostMultipartAsync($"/gestion/reportes/{id}/editar", "/cuenta/contrasena",
            new() { ["Quantity"] = "9", ["Narrative"] = "Cambiado por Control Interno" });

        Assert.True(submit.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"submit: {(int)submit.StatusCode}");
        Assert.True(editPage.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"edit page: {(int)editPage.StatusCode}");
        Assert.True(edit.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"edit: {(int)edit.StatusCode}");
        var reports = await TestData.ReportsAsync(app, action);
        Assert.Equal("Boletín de febrero.", reports.Single().Narrative);
    }
}

[Collection(SharedHosts.SqliteReporting)]
public sealed class SqliteEditTests(SqliteReportingApp app) : EditTests(app);

[Collection(SharedHosts.PostgresReporting)]
public sealed class PostgresEditTests(PostgresReportingApp app) : EditTests(app);
