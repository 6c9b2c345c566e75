using Microsoft.Extensions.Configuration;
using Vigia.Cli;
using Vigia.Cli.Commands;

namespace Vigia.Core.Tests.Cli;

/// <summary>The commands that write to the database, run against a real database of each provider.</summary>
public abstract class DatabaseCommandsTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly string Seed = Path.Combine(AppContext.BaseDirectory, "data", "paac-cali-2022.txt");
    private TestDatabase database = null!;
    private IConfiguration configuration = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Vigia"] = database.ConnectionString,
            ["Vigia:PublicBaseUrl"] = "https://vigia.cali.gov.co",
            ["Audit:KeyFile"] = Path.Combine(Path.GetTempPath(), "vigia-tests", Guid.NewGuid().ToString("N"), "audit-key"),
        }).Build();
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private async Task<(int ExitCode, string Out, string Error)> RunAsync(string input, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        ICliCommand[] commands = [new ImportCommand(configuration), new UsersCommand(configuration, new StringReader(input)), new AuditCommand(configuration)];
        var exit = await CliApp.RunAsync(args, new CliContext(output, error, CancellationToken.None), commands);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Import_Seed_PrintsReportAndStoresPlan()
    {
        var (exit, output, _) = await RunAsync("", "import", Seed, "--year", "2022");

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("6 componentes, 17 subcomponentes, 62 actividades y 86 acciones", output, StringComparison.Ordinal);
        Assert.Contains("    110  [Línea omitida]", output, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Equal(86, await db.Actions.CountAsync());
    }

    [Fact]
    public async Task Import_UnreadableDocument_ExitsNonZeroNamingTheLineAndChangesNothing()
    {
        var bad = Path.Combine(Path.GetTempPath(), $"plan-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(bad, "N°\tACTIVIDADES\tDESCRIPCIÓN\tMETAS\n1.1.1\tActividad sin componente\tdesc\tmeta\n");
        try
        {
            var (exit, _, error) = await RunAsync("", "import", bad, "--year", "2022");

            Assert.Equal(ExitCodes.Failure, exit);
            Assert.Contains("[Error]", error, StringComparison.Ordinal);
            Assert.Contains("no cambió nada", error.Replace("la base de datos quedó como estaba", "no cambió nada", StringComparison.Ordinal), StringComparison.Ordinal);
            await using var db = database.CreateContext();
            Assert.Equal(0, await db.Plans.CountAsync());
        }
        finally
        {
            File.Delete(bad);
        }
    }

    [Fact]
    public async Task Import_DafpTemplateWorkbookAsPtep_RecognisesTheLayoutAndStoresAPtep()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ptep-{Guid.NewGuid():N}.xlsx");
        await using (var stream = Vigia.Core.Tests.Plans.Importing.DafpWorkbook.Build())
        {
            await File.WriteAllBytesAsync(path, stream.ToArray());
        }
        try
        {
            var (exit, output, error) = await RunAsync("", "import", path, "--kind", "ptep");

            Assert.True(exit == ExitCodes.Success, error);
            Assert.Contains("2 componentes, 3 subcomponentes, 5 actividades y 6 acciones", output, StringComparison.Ordinal);
            Assert.Contains("Hoja «Portada», fila 1  [Línea omitida]", output, StringComparison.Ordinal);
            await using var db = database.CreateContext();
            var plan = await db.Plans.SingleAsync();
            Assert.Equal((2023, Vigia.Core.Plans.PlanKind.Ptep), (plan.Year, plan.Kind));

            var (badExit, _, badError) = await RunAsync("", "import", path, "--kind", "otro");
            Assert.NotEqual(ExitCodes.Success, badExit);
            Assert.Contains("paac o ptep", badError, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task UsersAdd_WithPasswordFromStandardInput_CreatesResponsibleOfTheUnit()
    {
        await RunAsync("", "import", Seed);

        var (exit, output, error) = await RunAsync("una frase larga de prueba\n", "users", "add", "--email", "ana@cali.gov.co", "--name", "Ana Gómez",
            "--role", "responsable", "--unit", "Departamento Administrativo de Desarrollo e Innovación Institucional / Subdirección de Gestión Organizacional",
            "--password-stdin");

        Assert.True(exit == ExitCodes.Success, error);
        Assert.Contains("Cuenta creada: ana@cali.gov.co (Responsable)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("activar", output, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        var user = await db.Users.Include(u => u.Units).ThenInclude(u => u.Unit).SingleAsync(u => u.Email == "ana@cali.gov.co");
        Assert.NotNull(user.PasswordHash);
        Assert.Equal("Subdirección de Gestión Organizacional", Assert.Single(user.Units).Unit!.Name);
    }

    [Fact]
    public async Task UsersAdd_WithoutPassword_PrintsActivationLink()
    {
        var (exit, output, _) = await RunAsync("", "users", "add", "--email", "oci@cali.gov.co", "--name", "Jefe OCI", "--role", "Control Interno");

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Matches(@"https://vigia\.cali\.gov\.co/cuenta/activar\?token=[A-Za-z0-9_-]{40,}", output);
        await using var db = database.CreateContext();
        Assert.Null((await db.Users.SingleAsync(u => u.Email == "oci@cali.gov.co")).PasswordHash);
    }

    [Theory]
    [InlineData("--role", "Tesorero")]
    [InlineData("--unit", "Unidad que no existe")]
    public async Task UsersAdd_BadRoleOrUnit_FailsWithSpanishMessage(string option, string value)
    {
        var args = new List<string> { "users", "add", "--email", "x@cali.gov.co", "--name", "X" };
        if (option == "--unit")
        {
            args.AddRange(["--role", "Responsable"]);
        }
        args.AddRange([option, value]);

        var (exit, _, error) = await RunAsync("", [.. args]);

        Assert.NotEqual(ExitCodes.Success, exit);
        Assert.Contains(value, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsersAdd_InternalControlWithAnotherRole_IsRefused()
    {
        var (exit, _, error) = await RunAsync("", "users", "add", "--email", "y@cali.gov.co", "--name", "Y", "--role", "Control Interno", "--role", "Planeación");

        Assert.Equal(ExitCodes.Failure, exit);
        Assert.Contains("no puede combinarse", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsersAdd_DepartmentObserver_TakesTheDepartmentByNameOrCode()
    {
        var (exit, output, error) = await RunAsync("", "users", "add", "--email", "gob@valle.gov.co", "--name", "Control Interno del Valle",
            "--role", "Consulta departamental", "--department", "valle del cauca", "--department", "19");

        Assert.True(exit == ExitCodes.Success, error);
        Assert.Contains("Cuenta creada: gob@valle.gov.co (Consulta departamental)", output, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        var user = await db.Users.Include(u => u.Departments).SingleAsync(u => u.Email == "gob@valle.gov.co");
        Assert.Equal([19, 76], user.Departments.Select(d => d.DepartmentId).Order());
    }

    [Fact]
    public async Task UsersAdd_DepartmentObserverWithoutDepartment_OrUnknownOne_IsRefusedInSpanish()
    {
        var (none, _, noneError) = await RunAsync("", "users", "add", "--email", "a@valle.gov.co", "--name", "A", "--role", "consulta-departamental");
        var (unknown, _, unknownError) = await RunAsync("", "users", "add", "--email", "b@valle.gov.co", "--name", "B", "--role", "DepartmentObserver",
            "--department", "Atlántida");

        Assert.Equal(ExitCodes.Failure, none);
        Assert.Contains("Una cuenta de Consulta departamental debe tener al menos un departamento.", noneError, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Failure, unknown);
        Assert.Contains("No existe el departamento «Atlántida».", unknownError, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Users.CountAsync());
    }

    [Fact]
    public async Task AuditVerify_AfterImport_IsIntact_AndNamesAnEntryChangedBehindItsBack()
    {
        await RunAsync("", "import", Seed);
        var (intact, intactOut, _) = await RunAsync("", "audit", "verify");
        await using (var db = database.CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Changes\" = '[]' WHERE \"Sequence\" = 42");
        }

        var (broken, brokenOut, _) = await RunAsync("", "audit", "verify");

        Assert.Equal(0, intact);
        Assert.Contains("íntegro", intactOut, StringComparison.Ordinal);
        Assert.Equal(1, broken);
        Assert.Contains("Primera entrada con problemas: 42", brokenOut, StringComparison.Ordinal);
    }
}

public class SqliteDatabaseCommandsTests() : DatabaseCommandsTests(DatabaseProvider.Sqlite);

public class PostgresDatabaseCommandsTests() : DatabaseCommandsTests(DatabaseProvider.Postgres);
