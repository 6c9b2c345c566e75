using static Vigia.Web.Tests.Pages.Progress.ReportingData;

namespace Vigia.Web.Tests.Pages.Monitoring;

/// <summary>The monthly monitoring records (/gestion/monitoreos) a component's leader closes.</summary>
public abstract class RecordsTests(VigiaFactory app)
{
    [Fact]
    public async Task Post_Close_ByTheLeader_MakesAPrintableRecordOfTheMonthsReports_OnceAMonth()
    {
        var responsible = await CommunicationsResponsibleAsync(app);
        var leader = await LeaderOfComponent3Async(app);
        var action = (await PlanAsync(app)).Action("3.1.4", 5);
        var report = IdFromLocation(await ReportAsync(responsible, action, 1, "2", "Dos publicaciones.", ("pub.pdf", Pdf)), "/gestion/reportes/");
        await leader.PostMultipartAsync($"/gestion/reportes/{report}?handler=Accept", $"/gestion/reportes/{report}", new() { ["Comment"] = "Conforme." });
        var components = await leader.GetPageAsync("/gestion/monitoreos");
        var component3 = components.QuerySelectorAll("select[name='ComponentId'] option").Single(o => o.TextContent.Contains("Componente 3", StringComparison.Ordinal)).GetAttribute("value")!;
        var fields = new Dictionary<string, string> { ["ComponentId"] = component3, ["Month"] = "1", ["Summary"] = "Enero: un reporte, aceptado." };

        var closed = await leader.PostMultipartAsync("/gestion/monitoreos", "/gestion/monitoreos", fields);
        var again = await leader.PostMultipartAsync("/gestion/monitoreos", "/gestion/monitoreos", fields);

        var id = IdFromLocation(closed, "/gestion/monitoreos/");
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("ya está cerrado", Errors(await TestClient.ParseAsync(again)), StringComparison.Ordinal);
        var record = await leader.GetPageAsync($"/gestion/monitoreos/{id}");
        Assert.Contains("Acta de monitoreo de enero de 2022", record.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Enero: un reporte, aceptado.", Text(record), StringComparison.Ordinal);
        var row = record.QuerySelector($"a[href='/gestion/reportes/{report}']")!.Closest("tr")!;
        Assert.Contains("Aceptado", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Conforme.", row.TextContent, StringComparison.Ordinal);
        var outsider = await OrganisationResponsibleAsync(app);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/gestion/monitoreos/{id}")).StatusCode);
    }
}

[Collection(SharedHosts.SqliteReporting)]
public sealed class SqliteRecordsTests(SqliteReportingApp app) : RecordsTests(app);

[Collection(SharedHosts.PostgresReporting)]
public sealed class PostgresRecordsTests(PostgresReportingApp app) : RecordsTests(app);
