using Vigia.Core.Audit;
using Vigia.Core.Data.Backup;
using Vigia.Core.Files;
using static Vigia.Web.Tests.Pages.Progress.ReportingData;

namespace Vigia.Web.Tests.Resilience;

/// <summary>The restore drill (issue 14): a running Vigía with a report and its evidence is copied with
/// <see cref="BackupService"/>, the copy is restored into an empty database and folder, and a second Vigía started on the
/// restored copy serves the same report and file and passes the audit verification, chain and reconciliation.</summary>
public abstract class RestoreDrillTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "vigia-tests", Guid.NewGuid().ToString("N"));
    private TestDatabase empty = null!;

    public async Task InitializeAsync() => empty = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync()
    {
        await empty.DisposeAsync();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task ACopyOfARunningInstance_RestoredAndStarted_ServesTheSameReportAndEvidence_AndPassesAuditVerify()
    {
        await using var app = await VigiaFactory.StartAsync(provider, new(Now: TestTime.Monday4April2022));
        var action = (await PlanAsync(app)).Action("3.1.4", 1);
        await TestData.ScheduleAsync(app, action, (3, 500));
        var person = await TestPeople.CreateAsync(app.Services, Roles.Responsible, unit: Communications, name: "Camila Comunicaciones");
        var client = await app.SignInAsync(person.Email!);
        var report = IdFromLocation(await ReportAsync(client, action, 3, "450", "Se socializó con 450 personas.", ("lista.pdf", Pdf)),
            "/gestion/reportes/");
        var copy = Path.Combine(folder, "copia");
        var service = new BackupService(app.Clock);

        var manifest = await service.CreateAsync(new BackupTarget(provider, app.Database.ConnectionString, app.UploadRoot, app.AuditKeyFile), copy);
        // The key is kept apart from the copy; the restored instance gets it from where it was kept.
        var key = Path.Combine(folder, "clave", "audit-key");
        Directory.CreateDirectory(Path.GetDirectoryName(key)!);
        File.Copy(app.AuditKeyFile, key);
        var uploads = Path.Combine(folder, "archivos");
        var outcome = await service.RestoreAsync(new BackupTarget(provider, empty.ConnectionString, uploads, key), copy);

        Assert.Single(manifest.Files);
        Assert.True(outcome.Verification!.Ok, outcome.Verification.FirstBreak?.Message);
        await using var restored = await VigiaFactory.StartAsync(provider, new(Now: TestTime.Monday4April2022, Settings: new Dictionary<string, string>
        {
            ["ConnectionStrings:Vigia"] = empty.ConnectionString,
            ["Uploads:Root"] = uploads,
            ["Audit:KeyFile"] = key,
        }));
        var again = await restored.SignInAsync(person.Email!);
        var page = await again.GetPageAsync($"/gestion/reportes/{report}");
        var link = page.QuerySelector("a[href^='/gestion/evidencias/']")!;
        var download = await again.GetAsync(link.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, (await restored.Anonymous().GetAsync("/planes/2022")).StatusCode);
        await using var scope = restored.Scope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        var chain = await AuditVerifier.VerifyAsync(db, services.GetRequiredService<AuditKeys>().Ring,
            AuditCheckpoint.TryParse(manifest.AuditCheckpoint, out var held) ? held : null);
        var present = await AuditReconciler.ReconcileAsync(db, services.GetRequiredService<AuditOptions>(), services.GetRequiredService<IFileStore>(),
            services.GetServices<IStoredFileCatalog>());
        Assert.True(chain.Ok, chain.FirstBreak?.Message);
        Assert.True(present.Ok, present.First?.Message);
        Assert.True(present.FilesChecked >= 1);
    }
}

public sealed class SqliteRestoreDrillTests() : RestoreDrillTests(DatabaseProvider.Sqlite);

public sealed class PostgresRestoreDrillTests() : RestoreDrillTests(DatabaseProvider.Postgres);
