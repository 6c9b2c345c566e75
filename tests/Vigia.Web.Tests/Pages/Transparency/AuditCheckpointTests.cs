using System.Globalization;
using System.Text.Json;
using Vigia.Core.Audit;

namespace Vigia.Web.Tests.Pages.Transparency;

/// <summary>Issue 14: the host publishes the audit trail's checkpoint every day (its daily job, on the injected clock), the
/// transparency page shows the latest one and /datos/auditoria/puntos-de-control.csv|json lists them all.</summary>
public abstract class AuditCheckpointTests(VigiaFactory app)
{
    private async Task<List<PublishedCheckpoint>> PublishedAsync()
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().PublishedCheckpoints.AsNoTracking().ToListAsync();
    }

    [Fact]
    public async Task TheDailyJob_PublishesYesterdaysHead_OnThePageAndAsOpenData()
    {
        var client = app.Anonymous();
        var before = await client.GetPageAsync("/transparencia");
        Assert.Contains("Todavía no se ha publicado ningún punto de control", before.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        await TestData.SmallPlanAsync(app);
        AuditCheckpoint head;
        await using (var scope = app.Scope())
        {
            head = (await AuditCheckpoint.CurrentAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>()))!.Value;
        }
        app.Clock.Advance(TimeSpan.FromDays(1));
        // The job runs on its own timer once the fake clock moves; wait for what it writes.
        var published = await PublishedAsync();
        for (var i = 0; i < 200 && published.Count == 0; i++)
        {
            await Task.Delay(50);
            published = await PublishedAsync();
        }

        var checkpoint = Assert.Single(published);
        Assert.Equal(head, checkpoint.Checkpoint);
        var page = await client.GetPageAsync("/transparencia");
        Assert.Contains(head.ToString(), page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var csv = await client.GetStringAsync("/datos/auditoria/puntos-de-control.csv");
        Assert.StartsWith("fecha,secuencia,huella,punto_de_control,publicado_utc", csv, StringComparison.Ordinal);
        Assert.Contains(head.ToString(), csv, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await client.GetStringAsync("/datos/auditoria/puntos-de-control.json"));
        Assert.Equal(head.ToString(), json.RootElement[0].GetProperty("punto_de_control").GetString());
        Assert.Equal(checkpoint.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), json.RootElement[0].GetProperty("fecha").GetString());
    }
}

public sealed class SqliteAuditCheckpointTests(SqliteApp app) : AuditCheckpointTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresAuditCheckpointTests(PostgresApp app) : AuditCheckpointTests(app), IClassFixture<PostgresApp>;
