using System.Collections.Concurrent;
using Npgsql;

namespace Vigia.Testing;

/// <summary>A database state built once per test process and provider, then copied for every test class that
/// asks for it (<see cref="TestDatabase.CreateFromTemplateAsync"/>). <see cref="Migrated"/> is the schema alone;
/// a template with data is made from it by a fill step (for example, the bundled plan loaded the way the web host
/// loads it).</summary>
/// <param name="name">For the file or database name, so a leftover template says what it was.</param>
/// <param name="fill">Writes the template's data into a migrated database, given its provider and connection string.</param>
public sealed class DatabaseTemplate(string name, Func<DatabaseProvider, string, Task>? fill = null)
{
    /// <summary>Every table, no rows: the provider's migrations applied to an empty database.</summary>
    public static DatabaseTemplate Migrated { get; } = new("migrated");

    private static readonly ConcurrentBag<Action> Cleanups = RemovedAtExit();

    private readonly ConcurrentDictionary<DatabaseProvider, Lazy<Task<string>>> sources = new();

    // Best effort: the throwaway server and the temp folder go away anyway, but a developer's own server should not
    // collect templates.
    private static ConcurrentBag<Action> RemovedAtExit()
    {
        var cleanups = new ConcurrentBag<Action>();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var cleanup in cleanups)
            {
                try
                {
                    cleanup();
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or NpgsqlException)
                {
                    Console.Error.WriteLine($"Test template not removed: {e.Message}");
                }
            }
        };
        return cleanups;
    }

    public string Name { get; } = name;

    /// <summary>The template's SQLite file or PostgreSQL database name, built on first use.</summary>
    internal Task<string> SourceAsync(DatabaseProvider provider) =>
        sources.GetOrAdd(provider, p => new Lazy<Task<string>>(() => BuildAsync(p), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    private async Task<string> BuildAsync(DatabaseProvider provider)
    {
        var stamp = Guid.NewGuid().ToString("N")[..12];
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"vigia-template-{Name}-{stamp}.db");
            Cleanups.Add(() => TestDatabase.DeleteSqliteFiles(file));
            if (fill is null)
            {
                await MigrateAsync(provider, TestDatabase.SqliteConnectionString(file));
            }
            else
            {
                File.Copy(await Migrated.SourceAsync(provider), file);
                await fill(provider, TestDatabase.SqliteConnectionString(file));
            }
            await CheckpointAsync(file);
            return file;
        }

        var database = $"vigia_template_{Name}_{stamp}";
        Cleanups.Add(() => TestDatabase.DropPostgresDatabase(database));
        await TestDatabase.CreatePostgresDatabaseAsync(database, fill is null ? null : await Migrated.SourceAsync(provider));
        var connection = new NpgsqlConnectionStringBuilder(TestDatabase.PostgresAdminConnection) { Database = database }.ToString();
        if (fill is null)
        {
            await MigrateAsync(provider, connection);
        }
        else
        {
            await fill(provider, connection);
        }
        // Copies fail while anyone is connected to the template, the idle connections of this pool included.
        NpgsqlConnection.ClearPool(new NpgsqlConnection(connection));
        return database;
    }

    private static async Task MigrateAsync(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, provider, connectionString);
        await using var db = new AppDbContext(options.Options);
        await db.Database.MigrateAsync();
    }

    /// <summary>EF Core creates SQLite files in WAL mode: fold the log into the file so that copying the file alone
    /// copies everything.</summary>
    private static async Task CheckpointAsync(string file)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(TestDatabase.SqliteConnectionString(file));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await command.ExecuteNonQueryAsync();
    }
}
