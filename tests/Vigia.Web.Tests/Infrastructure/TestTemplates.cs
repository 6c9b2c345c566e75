using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Vigia.Core.Plans;
using Vigia.Core.RiskMap;
using Vigia.Web.Startup;

namespace Vigia.Web.Tests.Infrastructure;

/// <summary>Database templates that need the web host's code.</summary>
public static class TestTemplates
{
    /// <summary>The migrated schema with the bundled Cali 2022 plan, loaded by the host's own
    /// <see cref="DatabaseInitializer"/> with the host's database services (so with its audit trail), once per run
    /// instead of once per test class.</summary>
    public static DatabaseTemplate BundledPlan { get; } = new("cali", LoadBundledPlanAsync);

    /// <summary>The audit key the bundled-plan template's entries are signed with; a host made from the template
    /// starts with a copy of it, as a restored installation starts with its key file.</summary>
    public static string AuditKeyFile { get; } = Path.Combine(Path.GetTempPath(), "vigia-tests", $"template-audit-key-{Guid.NewGuid():N}");

    private static async Task LoadBundledPlanAsync(DatabaseProvider provider, string connectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Vigia"] = connectionString,
            ["Audit:KeyFile"] = AuditKeyFile,
        }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(new FakeTimeProvider(TestTime.Default.ToUniversalTime()))
            .AddVigiaDatabase(configuration)
            .AddVigiaRiskMap()
            .AddScoped<PlanImportService>();
        await using (var provided = services.BuildServiceProvider())
        {
            await DatabaseInitializer.InitializeAsync(provided, configuration, NullLogger.Instance);
            await using var scope = provided.CreateAsyncScope();
            if (!await scope.ServiceProvider.GetRequiredService<AppDbContext>().Plans.AnyAsync(p => p.Year == 2022))
            {
                throw new InvalidOperationException($"The bundled plan did not load into the {provider} template.");
            }
        }
    }
}
