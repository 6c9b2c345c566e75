using static Vigia.Web.Tests.Pages.Progress.ReportingData;

namespace Vigia.Web.Tests.Pages.Progress;

/// <summary>A Responsable's actions (/gestion) on Monday 4 April 2022.</summary>
public abstract class IndexTests(VigiaFactory app)
{
    [Fact]
    public async Task Get_ShowsWhatIsDueThisMonthAndWhatIsLate()
    {
        var client = await CommunicationsResponsibleAsync(app);
        var action = (await PlanAsync(app)).Action("3.1.4", 4);
        await TestData.ScheduleAsync(app, action, (2, 100), (3, 200), (4, 300), (5, 400));

        var doc = await client.GetPageAsync("/gestion");

        static List<string> Months(IHtmlDocument doc, string section, int action) =>
            doc.QuerySelectorAll($"section[aria-labelledby='{section}'] tbody tr")
                .Where(tr => tr.QuerySelector($"a[href='/gestion/acciones/{action}']") is not null)
                .Select(tr => tr.QuerySelectorAll("td")[0].TextContent).ToList();
        Assert.Equal(["marzo de 2022", "abril de 2022"], Months(doc, "por-reportar", action));
        Assert.Equal(["febrero de 2022"], Months(doc, "vencidos", action));
        var due = doc.QuerySelectorAll("section[aria-labelledby='por-reportar'] tbody tr").First(tr => tr.TextContent.Contains("marzo de 2022", StringComparison.Ordinal)
            && tr.QuerySelector($"a[href='/gestion/acciones/{action}']") is not null);
        Assert.Contains("7 de abril de 2022", due.TextContent, StringComparison.Ordinal);
        Assert.NotNull(due.QuerySelector($"a[href='/gestion/acciones/{action}/reportar?mes=3']"));
    }
}

[Collection(SharedHosts.SqliteReporting)]
public sealed class SqliteIndexTests(SqliteReportingApp app) : IndexTests(app);

[Collection(SharedHosts.PostgresReporting)]
public sealed class PostgresIndexTests(PostgresReportingApp app) : IndexTests(app);
