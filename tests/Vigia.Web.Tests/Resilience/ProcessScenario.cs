using System.Globalization;
using Vigia.Core.Progress;
using static Vigia.Web.Tests.Pages.Progress.ReportingData;

namespace Vigia.Web.Tests.Resilience;

/// <summary>A database, an uploads folder and an audit key that outlive the hosts started on them: arranged through an
/// in-process <see cref="VigiaFactory"/> (the reporting plan of <c>ReportingData</c>, every month of component
/// 3's actions scheduled, a Responsable of the Oficina de Comunicaciones), then served by <see cref="VigiaProcess"/>es
/// that can be killed and restarted on the same data.</summary>
public sealed class ProcessScenario : IAsyncDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "vigia-tests", Guid.NewGuid().ToString("N"));

    private readonly TestDatabase? database;

    private ProcessScenario(DatabaseProvider provider, TestDatabase? database, string connectionString)
    {
        Provider = provider;
        this.database = database;
        ConnectionString = connectionString;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The scenario's database: a copy of the migrated template, or one on a server of the test's own.</summary>
    public string ConnectionString { get; }

    public string UploadRoot => Path.Combine(folder, "uploads");

    public string AuditKeyFile => Path.Combine(folder, "audit-key");

    public TestPlan Plan { get; private set; } = null!;

    public string ResponsibleEmail { get; private set; } = "";

    /// <summary>The configuration every process of this scenario gets.</summary>
    public Dictionary<string, string> Settings() => new()
    {
        ["Database:Provider"] = Provider.ToString(),
        ["ConnectionStrings:Vigia"] = ConnectionString,
        ["Uploads:Root"] = UploadRoot,
        ["Audit:KeyFile"] = AuditKeyFile,
        ["Uploads:MaxBytes"] = (1024 * 1024).ToString(CultureInfo.InvariantCulture),
        // Whatever a crash leaves is swept at the next start, not an hour later.
        ["Uploads:OrphanGracePeriod"] = "00:00:00",
    };

    /// <param name="connectionString">A database the first host migrates (e.g. on a PostgreSQL server of the test's
    /// own); by default a copy of the migrated template on the suite's server, dropped at the end.</param>
    public static async Task<ProcessScenario> CreateAsync(DatabaseProvider provider, string? connectionString = null)
    {
        var database = connectionString is null ? await TestDatabase.CreateFromTemplateAsync(provider, DatabaseTemplate.Migrated) : null;
        var scenario = new ProcessScenario(provider, database, connectionString ?? database!.ConnectionString);
        Directory.CreateDirectory(scenario.folder);
        if (provider == DatabaseProvider.Sqlite)
        {
            // Write-ahead logging, as a production SQLite under concurrent writers should run; it stays in the file.
            await using var db = scenario.CreateContext();
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
        await using var app = await VigiaFactory.StartAsync(provider, new(Now: TestTime.Monday4April2022, Settings: scenario.Settings()));
        scenario.Plan = await PlanAsync(app);
        foreach (var number in Enumerable.Range(1, 5))
        {
            await TestData.ScheduleAsync(app, scenario.Plan.Action("3.1.4", number), [.. Enumerable.Range(1, 12).Select(m => (m, 100m))]);
        }
        var person = await TestPeople.CreateAsync(app.Services, Roles.Responsible, unit: Communications, name: "Camila Comunicaciones");
        scenario.ResponsibleEmail = person.Email!;
        return scenario;
    }

    /// <summary>The keys of every file and interrupted part under the uploads folder, relative and with '/'.</summary>
    public IReadOnlyList<string> FilesOnDisk() => Directory.Exists(UploadRoot)
        ? [.. Directory.GetFiles(UploadRoot, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(UploadRoot, p).Replace(Path.DirectorySeparatorChar, '/'))]
        : [];

    /// <summary>Every stored report with its evidence, read directly from the database.</summary>
    public async Task<List<ProgressReport>> ReportsAsync()
    {
        await using var db = CreateContext();
        return await db.ProgressReports.AsNoTracking().Include(r => r.Evidence).OrderBy(r => r.Id).ToListAsync();
    }

    public AppDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        // Unpooled: the test's own reads must not reuse a connection that died with a server the test stopped.
        var connection = Provider == DatabaseProvider.Postgres
            ? new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ToString()
            : ConnectionString;
        DatabaseSetup.Configure(options, Provider, connection);
        return new AppDbContext(options.Options);
    }

    public async ValueTask DisposeAsync()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
