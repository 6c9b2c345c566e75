using Npgsql;

namespace Vigia.Testing;

/// <summary>A real database for one test class: a temporary SQLite file, or a new database on the throwaway
/// PostgreSQL server that <c>scripts/test.sh</c> starts (connection in VIGIA_TEST_POSTGRES).</summary>
/// <remarks>Migrating a database from nothing costs seconds per provider, and the suite needs hundreds of them, so a
/// migrated database is a copy of a template migrated once per test run (<see cref="DatabaseTemplate"/>): a file
/// copy for SQLite, <c>CREATE DATABASE … TEMPLATE …</c> for PostgreSQL. The migrations themselves still run, on the
/// template, in every run.</remarks>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "VIGIA_TEST_POSTGRES";

    private readonly string? sqliteFile;
    private readonly string? postgresName;
    private bool touched;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqliteFile, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.sqliteFile = sqliteFile;
        this.postgresName = postgresName;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    /// <summary>The server's maintenance connection, from VIGIA_TEST_POSTGRES.</summary>
    public static string PostgresAdminConnection
    {
        get
        {
            var admin = Environment.GetEnvironmentVariable(PostgresVariable);
            return string.IsNullOrWhiteSpace(admin)
                ? throw new InvalidOperationException(
                    $"PostgreSQL tests need {PostgresVariable}; run ./scripts/test.sh, which starts a throwaway server and sets it.")
                : admin;
        }
    }

    /// <summary>An empty database (no tables).</summary>
    public static Task<TestDatabase> CreateAsync(DatabaseProvider provider) => CreateAsync(provider, template: null);

    /// <summary>A database that starts as a copy of <paramref name="template"/> (built on first use in this run).</summary>
    public static async Task<TestDatabase> CreateFromTemplateAsync(DatabaseProvider provider, DatabaseTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var source = await template.SourceAsync(provider);
        var database = await CreateAsync(provider, source);
        database.touched = true;
        return database;
    }

    private static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, string? template)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"vigia-test-{Guid.NewGuid():N}.db");
            if (template is not null)
            {
                File.Copy(template, file);
            }
            return new TestDatabase(provider, SqliteConnectionString(file), file, null);
        }
        var name = $"vigia_test_{Guid.NewGuid():N}";
        await CreatePostgresDatabaseAsync(name, template);
        var builder = new NpgsqlConnectionStringBuilder(PostgresAdminConnection) { Database = name };
        return new TestDatabase(provider, builder.ToString(), null, name);
    }

    internal static string SqliteConnectionString(string file) => $"Data Source={file};Pooling=False";

    internal static async Task CreatePostgresDatabaseAsync(string name, string? template)
    {
        var sql = template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"";
        // A template may not be copied while someone is connected to it; PostgreSQL waits a few seconds for such a
        // session to end and then gives up (55006). Only a template being finished can be connected, so retry.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(PostgresAdminConnection);
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand(sql, connection);
                await command.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 5)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt));
            }
        }
    }

    internal static void DropPostgresDatabase(string name)
    {
        using var connection = new NpgsqlConnection(PostgresAdminConnection);
        connection.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        command.ExecuteNonQuery();
    }

    /// <summary>A context on this database, with the provider's migrations applied: a copy of the migrated template
    /// when nothing has used this database yet, the migrations run on it otherwise.</summary>
    public async Task<AppDbContext> CreateMigratedContextAsync()
    {
        if (!touched)
        {
            await ReplaceWithAsync(await DatabaseTemplate.Migrated.SourceAsync(Provider));
        }
        var db = CreateContext();
        await db.Database.MigrateAsync();
        return db;
    }

    private async Task ReplaceWithAsync(string template)
    {
        touched = true;
        if (sqliteFile is not null)
        {
            File.Copy(template, sqliteFile, overwrite: true);
            return;
        }
        await Task.Run(() => DropPostgresDatabase(postgresName!));
        await CreatePostgresDatabaseAsync(postgresName!, template);
    }

    /// <summary>Interceptors every <see cref="CreateContext"/> context gets; a web host's tests add the public-data
    /// stamp, so data arranged behind the host's back is seen fresh by its cache, as a change from another instance is.</summary>
    public IReadOnlyList<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor> ContextInterceptors { get; set; } = [];

    public AppDbContext CreateContext()
    {
        touched = true;
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, Provider, ConnectionString);
        options.AddInterceptors(ContextInterceptors);
        return new AppDbContext(options.Options);
    }

    public async ValueTask DisposeAsync()
    {
        if (sqliteFile is not null)
        {
            DeleteSqliteFiles(sqliteFile);
        }
        if (postgresName is not null)
        {
            NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString));
            await Task.Run(() => DropPostgresDatabase(postgresName));
        }
    }

    internal static void DeleteSqliteFiles(string file)
    {
        foreach (var f in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(f);
        }
    }
}
