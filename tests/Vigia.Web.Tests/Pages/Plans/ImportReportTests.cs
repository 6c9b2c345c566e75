namespace Vigia.Web.Tests.Pages.Plans;

/// <summary>The import report of a plan (/planes/{year}/importacion): what the bundled document's import noted.</summary>
public abstract class ImportReportTests(VigiaFactory app)
{
    [Fact]
    public async Task Get_ListsInferencesWithTheirLineNumbers()
    {
        var doc = await app.Anonymous().GetPageAsync("/planes/2022/importacion");

        var rows = doc.QuerySelectorAll("tbody tr");
        Assert.True(rows.Length > 10);
        Assert.Contains(rows, r => r.TextContent.Contains("Línea omitida", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.TextContent.Contains("Sin programación mensual", StringComparison.Ordinal));
    }
}

[Collection(SharedHosts.SqliteBundledPlan)]
public sealed class SqliteImportReportTests(SqliteBundledPlanApp app) : ImportReportTests(app);

[Collection(SharedHosts.PostgresBundledPlan)]
public sealed class PostgresImportReportTests(PostgresBundledPlanApp app) : ImportReportTests(app);
