using Microsoft.Extensions.Configuration;
using Vigia.Cli;
using Vigia.Cli.Commands;
using Vigia.Core.Organisation;
using Vigia.Core.Tests.RiskMap;

namespace Vigia.Core.Tests.Cli;

/// <summary><c>riskmap import</c> against a real database of each provider: the report in Spanish and the exit code.</summary>
public abstract class RiskMapCommandTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase database = null!;
    private IConfiguration configuration = null!;
    private string file = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        await using (var db = await database.CreateMigratedContextAsync())
        {
            var entity = new Entity { Name = "Alcaldía de Prueba", Slug = "prueba" };
            db.AddRange(entity, new Entity { Name = "Otra Entidad", Slug = "otra" },
                new Process { Entity = entity, Name = "Gestión de la Contratación", Kind = ProcessKind.Support });
            await db.SaveChangesAsync();
        }
        configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Vigia"] = database.ConnectionString,
            ["Audit:KeyFile"] = Path.Combine(Path.GetTempPath(), "vigia-tests", Guid.NewGuid().ToString("N"), "audit-key"),
        }).Build();
        file = Path.Combine(Path.GetTempPath(), $"mapa-{Guid.NewGuid():N}.xlsx");
    }

    public async Task DisposeAsync()
    {
        File.Delete(file);
        await database.DisposeAsync();
    }

    private async Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, new CliContext(output, error, CancellationToken.None), [new RiskMapCommand(configuration)]);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Import_PrintsTheReportWithWarningsByRow_AndStoresTheMap()
    {
        await File.WriteAllBytesAsync(file, RiskMatrix.Build(RiskMatrix.ShuffledHeaders,
            new MatrixRisk(new(RiskMatrix.Risk("RC-01", "Gestión de la Contratación", 1000, "1, 2, 3"), StringComparer.Ordinal) { ["Zona de riesgo inherente"] = "Bajo" },
                [RiskMatrix.Control("Preventivo", "Manual"), RiskMatrix.Control("Detectivo", "Manual")])));

        var (exit, output, error) = await RunAsync("riskmap", "import", file, "--year", "2026", "--entity", "ALCALDIA DE PRUEBA");

        Assert.True(exit == ExitCodes.Success, error);
        Assert.Contains("[Aviso] Fila 3, columna «Zona de riesgo inherente»: El archivo dice «Bajo» y Vigía calcula «Alto»", output, StringComparison.Ordinal);
        Assert.Contains("Mapa de riesgos 2026 de Alcaldía de Prueba importado: 1 riesgos y 2 controles.", output, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        var risk = await db.Risks.SingleAsync();
        Assert.Equal(("RC-01", "moderado"), (risk.Code, risk.ResidualZone));
    }

    [Fact]
    public async Task Import_ARefusedFile_ExitsNonZeroNamingRowAndColumn_AndChangesNothing()
    {
        await File.WriteAllBytesAsync(file, RiskMatrix.Build(RiskMatrix.ShuffledHeaders,
            new MatrixRisk(new(RiskMatrix.Risk("RC-01", "Proceso Nuevo", 20, "1"), StringComparer.Ordinal) { ["Tratamiento"] = "Aceptar" }, [])));

        var (exit, _, error) = await RunAsync("riskmap", "import", file, "--year", "2026", "--entity", "Alcaldía de Prueba");

        Assert.Equal(ExitCodes.Failure, exit);
        Assert.Contains("[Error] Fila 3, columna «Tratamiento»: Un riesgo de corrupción no se puede aceptar", error, StringComparison.Ordinal);
        Assert.Contains("El mapa no se importó; la base de datos quedó como estaba.", error, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Equal((0, 1), (await db.Risks.CountAsync(), await db.Processes.CountAsync()));
    }

    [Fact]
    public async Task Import_WithoutYear_IsAUsageError()
    {
        var (exit, _, error) = await RunAsync("riskmap", "import", file);

        Assert.NotEqual(ExitCodes.Success, exit);
        Assert.Contains("--year", error, StringComparison.Ordinal);
    }
}

public sealed class SqliteRiskMapCommandTests() : RiskMapCommandTests(DatabaseProvider.Sqlite);

public sealed class PostgresRiskMapCommandTests() : RiskMapCommandTests(DatabaseProvider.Postgres);
