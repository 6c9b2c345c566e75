using Microsoft.Extensions.Configuration;
using Vigia.Cli;
using Vigia.Cli.Commands;
using Vigia.Core.Tests.Compliance;
using Xunit.Abstractions;

namespace Vigia.Core.Tests.Cli;

/// <summary><c>compliance refresh</c> on plans loaded behind the application's back (no state rows): every plan gets
/// its verdicts, none stays stale.</summary>
public abstract class ComplianceCommandTests(DatabaseProvider provider, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Plans = 40;
    private TestDatabase database = null!;
    private IConfiguration configuration = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        await using (var db = await database.CreateMigratedContextAsync())
        {
            for (var seed = 1; seed <= Plans; seed++)
            {
                await RandomPlan.AddAsync(db, 1000 + seed);
            }
        }
        configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Vigia"] = database.ConnectionString,
            ["Audit:KeyFile"] = Path.Combine(Path.GetTempPath(), "vigia-tests", Guid.NewGuid().ToString("N"), "audit-key"),
        }).Build();
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private async Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CliApp.RunAsync(args, new CliContext(stdout, stderr, CancellationToken.None), [new ComplianceCommand(configuration)]);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Refresh_ComputesEveryPlan()
    {
        var (exit, text, error) = await RunAsync("compliance", "refresh");
        output.WriteLine(text);

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.StartsWith($"Cumplimiento recalculado: {Plans} planes en ", text, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Equal(Plans, await db.PlanComplianceStates.CountAsync(s => !s.Stale));
        Assert.Equal(await db.Actions.CountAsync(), await db.ActionComplianceStates.CountAsync());
        Assert.Equal(Plans * 13, await db.PlanProgressStates.CountAsync());
        Assert.Equal(Plans * 13, await db.PlanOfficialStates.CountAsync());
    }

    [Fact]
    public async Task UnknownSubcommand_IsAUsageError()
    {
        var (exit, _, error) = await RunAsync("compliance", "recalcular");

        Assert.NotEqual(0, exit);
        Assert.Contains("recalcular", error, StringComparison.Ordinal);
    }
}

public class SqliteComplianceCommandTests(ITestOutputHelper output) : ComplianceCommandTests(DatabaseProvider.Sqlite, output);

public class PostgresComplianceCommandTests(ITestOutputHelper output) : ComplianceCommandTests(DatabaseProvider.Postgres, output);
