using static Vigia.Web.Tests.Pages.Progress.ReportingData;

namespace Vigia.Web.Tests.Pages.Progress;

/// <summary>Downloading evidence (/gestion/evidencias/{id}) when its file was changed on disk behind the application's
/// back (issue 14: it was still served as the original).</summary>
public abstract class EvidenceTests(VigiaFactory app)
{
    [Fact]
    public async Task Download_OfAFileChangedOnDisk_IsRefusedInSpanish_AndServesNoneOfIt()
    {
        var client = await CommunicationsResponsibleAsync(app);
        var action = (await PlanAsync(app)).Action("3.1.5", 1);
        await TestData.ScheduleAsync(app, action, (3, 1));
        var id = IdFromLocation(await ReportAsync(client, action, 3, "1", "Boletín publicado.", ("boletín.pdf", Pdf)), "/gestion/reportes/");
        var link = (await client.GetPageAsync($"/gestion/reportes/{id}")).QuerySelector("a[href^='/gestion/evidencias/']")!.GetAttribute("href")!;
        Assert.Equal(Pdf, await (await client.GetAsync(link)).Content.ReadAsByteArrayAsync());
        string storageKey;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            storageKey = await db.Evidence.Where(e => e.Report!.Id == id).Select(e => e.StorageKey!).SingleAsync();
        }
        var path = Path.Combine(app.UploadRoot, storageKey);
        var altered = (byte[])Pdf.Clone();
        altered[^2] ^= 0x20;
        await File.WriteAllBytesAsync(path, altered);

        var download = await client.GetAsync(link);

        Assert.Equal(HttpStatusCode.Conflict, download.StatusCode);
        Assert.Equal("text/html", download.Content.Headers.ContentType!.MediaType);
        Assert.Null(download.Content.Headers.ContentDisposition);
        var page = await TestClient.ParseAsync(download);
        Assert.Contains("no coincide con la que se reportó", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("boletín.pdf", Text(page), StringComparison.Ordinal);
    }
}

public sealed class SqliteEvidenceTests(SqliteReportingApp app) : EvidenceTests(app), IClassFixture<SqliteReportingApp>;

public sealed class PostgresEvidenceTests(PostgresReportingApp app) : EvidenceTests(app), IClassFixture<PostgresReportingApp>;
