using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Vigia.Core.Audit;
using Vigia.Core.Caching;

namespace Vigia.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Chooses the provider from configuration (<c>Database:Provider</c>, <c>ConnectionStrings:Vigia</c>)
/// and points EF Core at that provider's own migration set.</summary>
public static class DatabaseSetup
{
    public const string DefaultSqliteConnection = "Data Source=data/vigia.db";

    public static (DatabaseProvider Provider, string ConnectionString) Read(IConfiguration configuration)
    {
        var name = configuration["Database:Provider"] ?? "Sqlite";
        var provider = name.ToLowerInvariant() switch
        {
            "sqlite" => DatabaseProvider.Sqlite,
            "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
            _ => throw new InvalidOperationException(
                $"Database:Provider '{name}' is not supported; use 'Sqlite' or 'Postgres'."),
        };
        var connection = configuration.GetConnectionString("Vigia");
        if (string.IsNullOrWhiteSpace(connection))
        {
            connection = provider == DatabaseProvider.Sqlite
                ? DefaultSqliteConnection
                : throw new InvalidOperationException("ConnectionStrings:Vigia is required when Database:Provider is Postgres.");
        }
        return (provider, connection);
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                EnsureSqliteFolder(connectionString);
                options.UseSqlite(connectionString, o => o.MigrationsAssembly("Vigia.Migrations.Sqlite"));
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(connectionString, o => o.MigrationsAssembly("Vigia.Migrations.Postgres"));
                break;
        }
    }

    /// <summary>As <see cref="Configure(DbContextOptionsBuilder, DatabaseProvider, string)"/>, with the audit
    /// trail and the public-data stamp (<see cref="PublicDataVersionInterceptor"/>, after the audit so it saves in
    /// the audit's transaction): for contexts made without dependency injection (the command line, tests), whose
    /// changes the web instances' caches must see too.</summary>
    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString, AuditInterceptor audit,
        PublicDataVersionInterceptor? publicData = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Configure(options, provider, connectionString);
        ArgumentNullException.ThrowIfNull(audit);
        options.AddInterceptors(audit, publicData ?? new PublicDataVersionInterceptor(audit.Clock));
    }

    /// <summary>Registers <see cref="AppDbContext"/>, audited: every save writes its audit entries through the
    /// request's <see cref="AuditInterceptor"/> (see <see cref="AuditSetup.AddVigiaAudit"/>).</summary>
    /// <param name="baseDirectory">Folder against which a relative SQLite file name is resolved (the app's content root),
    /// so the database lands in the same place whatever the current directory.</param>
    public static IServiceCollection AddVigiaDatabase(this IServiceCollection services, IConfiguration configuration, string? baseDirectory = null)
    {
        var (provider, connection) = Read(configuration);
        if (provider == DatabaseProvider.Sqlite && baseDirectory is not null)
        {
            connection = ResolveSqlitePath(connection, baseDirectory);
        }
        services.AddVigiaAudit();
        services.TryAddSingleton<PublicDataSignal>();
        services.TryAddSingleton(sp => new PublicDataVersionInterceptor(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<PublicDataSignal>()));
        services.AddDbContext<AppDbContext>((sp, o) => Configure(o, provider, connection, sp.GetRequiredService<AuditInterceptor>(),
            sp.GetRequiredService<PublicDataVersionInterceptor>()));
        return services;
    }

    public static string ResolveSqlitePath(string connectionString, string baseDirectory)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(baseDirectory, builder.DataSource));
        }
        return builder.ToString();
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder) && builder.DataSource != ":memory:")
        {
            Directory.CreateDirectory(folder);
        }
    }
}
