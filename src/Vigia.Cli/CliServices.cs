using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Vigia.Core.Accounts;
using Vigia.Core.Audit;
using Vigia.Core.Consolidation;
using Vigia.Core.Plans;
using Vigia.Core.RiskMap;

namespace Vigia.Cli;

/// <summary>The services the database commands need, configured like the web app: <c>appsettings.json</c> next to
/// the tool, then environment variables (<c>Database__Provider</c>, <c>ConnectionStrings__Vigia</c>).</summary>
public static class CliServices
{
    public static IConfiguration Configuration(IEnumerable<KeyValuePair<string, string?>>? overrides = null) =>
        new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides ?? [])
            .Build();

    /// <summary>Builds the provider and brings the database schema up to date.</summary>
    public static async Task<ServiceProvider> StartAsync(IConfiguration configuration, CancellationToken ct)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddConfiguration(configuration.GetSection("Logging")).SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddVigiaDatabase(configuration, Environment.CurrentDirectory);
        services.AddVigiaIdentityCore();
        services.AddScoped<PlanImportService>();
        services.AddVigiaRiskMap();
        services.AddVigiaConsolidation();
        var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync(ct);
        // The same key file as the web host (Audit:KeyFile): entries the command line writes are signed too.
        await provider.GetRequiredService<AuditKeys>().LoadAsync(AuditKeys.PathFrom(configuration, Environment.CurrentDirectory), db, ct);
        // Accounts still without an entity get the one the rule finds (Core/Accounts/EntityAssignment), as the web host does.
        await Vigia.Core.Accounts.EntityAssignment.AssignExistingAsync(db, scope.ServiceProvider.GetRequiredService<AuditScope>(), ct);
        return provider;
    }

    /// <summary>A scope whose changes the audit trail attributes to the command line.</summary>
    public static AsyncServiceScope CreateAuditedScope(ServiceProvider services, string what)
    {
        var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditScope>().SetActor(new AuditActor(null, $"línea de comandos ({what})"));
        return scope;
    }
}
