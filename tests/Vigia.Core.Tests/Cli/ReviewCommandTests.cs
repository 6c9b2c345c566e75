using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using Vigia.Cli;
using Vigia.Cli.Commands;
using Vigia.Core.Plans;

namespace Vigia.Core.Tests.Cli;

/// <summary><c>review</c> on the seed, against a real database of each provider: one finding a line, exit code 1 on errors.</summary>
public abstract class ReviewCommandTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase database = null!;
    private IConfiguration configuration = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        await using (var db = await database.CreateMigratedContextAsync())
        {
            using var reader = File.OpenText(Path.Combine(AppContext.BaseDirectory, "data", "paac-cali-2022.txt"));
            var outcome = await new PlanImportService(db, new FakeTimeProvider(TestTime.Written)).ImportAsync(
                Vigia.Core.Plans.Importing.PlanDocumentReader.ReadText(reader), new PlanImportOptions(), "prueba");
            Assert.True(outcome.Succeeded);
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
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, new CliContext(output, error, CancellationToken.None), [new ReviewCommand(configuration)]);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Review_PrintsOneFindingALine_AndFailsOnErrors()
    {
        var (exit, output, error) = await RunAsync("review", "--year", "2022");

        Assert.True(exit == ExitCodes.Failure, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Contains("Error\t6.2-1\tResultado esperado\tLa meta dice «Quinientos (500)» y el resultado esperado es 3.", lines);
        Assert.Contains("Advertencia\t6.3-1\tProductos entregados\tEl producto menciona 2020, y el plan es de 2022: revise si el año es el correcto.", lines);
        Assert.StartsWith("Versión 1: ", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_OfAYearWithoutPlan_SaysSo()
    {
        var (exit, _, error) = await RunAsync("review", "--year", "2019");

        Assert.Equal(ExitCodes.Failure, exit);
        Assert.Contains("No hay un plan para la vigencia 2019.", error, StringComparison.Ordinal);
    }
}

public sealed class SqliteReviewCommandTests() : ReviewCommandTests(DatabaseProvider.Sqlite);

public sealed class PostgresReviewCommandTests() : ReviewCommandTests(DatabaseProvider.Postgres);
