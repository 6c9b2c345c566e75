using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Vigia.Cli;
using Vigia.Cli.Commands;
using Vigia.Core.Data.Backup;

namespace Vigia.Core.Tests.Cli;

/// <summary><c>backup</c> and <c>restore</c> on a real database of each provider: the seed imported, one evidence file in
/// the uploads folder, a copy, and its restore into an empty database and folder.</summary>
public abstract class BackupCommandTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly string Seed = Path.Combine(AppContext.BaseDirectory, "data", "paac-cali-2022.txt");
    private readonly string folder = Path.Combine(Path.GetTempPath(), "vigia-tests", Guid.NewGuid().ToString("N"));
    private TestDatabase source = null!;
    private TestDatabase target = null!;

    private string Copy => Path.Combine(folder, "copia");

    private string KeyFile => Path.Combine(folder, "audit-key");

    public async Task InitializeAsync()
    {
        source = await TestDatabase.CreateAsync(provider);
        target = await TestDatabase.CreateAsync(provider);
        Directory.CreateDirectory(Path.Combine(folder, "uploads", "2022", "04"));
        await File.WriteAllBytesAsync(Path.Combine(folder, "uploads", "2022", "04", "evidencia.pdf"), "%PDF-1.7 evidencia"u8.ToArray());
    }

    public async Task DisposeAsync()
    {
        await source.DisposeAsync();
        await target.DisposeAsync();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private IConfiguration Settings(TestDatabase database, string uploads) => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Database:Provider"] = provider.ToString(),
        ["ConnectionStrings:Vigia"] = database.ConnectionString,
        ["Uploads:Root"] = uploads,
        ["Audit:KeyFile"] = KeyFile,
    }).Build();

    private async Task<(int ExitCode, string Out, string Error)> RunAsync(TestDatabase database, string uploads, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var settings = Settings(database, uploads);
        ICliCommand[] commands = [new ImportCommand(settings), new BackupCommand(settings, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestTime.Written)), new RestoreCommand(settings, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestTime.Written))];
        var exit = await CliApp.RunAsync(args, new CliContext(output, error, CancellationToken.None), commands);
        return (exit, output.ToString(), error.ToString());
    }

    private Task<(int ExitCode, string Out, string Error)> OnSourceAsync(params string[] args) => RunAsync(source, Path.Combine(folder, "uploads"), args);

    private Task<(int ExitCode, string Out, string Error)> OnTargetAsync(params string[] args) => RunAsync(target, Path.Combine(folder, "restaurada"), args);

    [Fact]
    public async Task Backup_ThenRestoreIntoAnEmptyDatabase_GivesTheSamePlanAndFilesAndAnIntactTrailHoldingTheCheckpoint()
    {
        Assert.Equal(ExitCodes.Success, (await OnSourceAsync("import", Seed, "--year", "2022")).ExitCode);

        var (backup, backupOut, backupError) = await OnSourceAsync("backup", "--out", Copy);
        var (restore, restoreOut, restoreError) = await OnTargetAsync("restore", "--from", Copy);

        Assert.True(backup == ExitCodes.Success, backupError);
        Assert.Contains("1 archivos de evidencia", backupOut, StringComparison.Ordinal);
        Assert.Contains("La clave del registro de auditoría no se copió", backupOut, StringComparison.Ordinal);
        var manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(Path.Combine(Copy, BackupService.ManifestName)),
            Json)!;
        Assert.Equal(provider.ToString(), manifest.Provider);
        Assert.Equal("uploads/2022/04/evidencia.pdf", Assert.Single(manifest.Files).Path);
        Assert.False(manifest.IncludesAuditKey);
        Assert.False(File.Exists(Path.Combine(Copy, BackupService.AuditKeyFileName)));
        Assert.True(restore == ExitCodes.Success, restoreError);
        Assert.Contains("restaurada: base de datos", restoreOut, StringComparison.Ordinal);
        Assert.Contains($"conserva el punto de control {manifest.AuditCheckpoint}", restoreOut, StringComparison.Ordinal);
        await using var db = target.CreateContext();
        Assert.Equal(86, await db.Actions.CountAsync());
        Assert.Equal("%PDF-1.7 evidencia", await File.ReadAllTextAsync(Path.Combine(folder, "restaurada", "2022", "04", "evidencia.pdf")));
    }

    [Fact]
    public async Task Restore_OfACopyWithAFileAltered_IsRefusedAndChangesNothing()
    {
        await OnSourceAsync("import", Seed, "--year", "2022");
        await OnSourceAsync("backup", "--out", Copy);
        await File.WriteAllTextAsync(Path.Combine(Copy, "uploads", "2022", "04", "evidencia.pdf"), "%PDF-1.7 otra cosa");

        var (exit, _, error) = await OnTargetAsync("restore", "--from", Copy);

        Assert.Equal(ExitCodes.Failure, exit);
        Assert.Contains("uploads/2022/04/evidencia.pdf", error, StringComparison.Ordinal);
        Assert.Contains("no coincide con su huella SHA-256", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder, "restaurada")));
        await using var db = target.CreateContext();
        Assert.Empty(await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task Restore_IntoADatabaseWithTables_IsRefusedWithoutForce()
    {
        await OnSourceAsync("import", Seed, "--year", "2022");
        await OnSourceAsync("backup", "--out", Copy);
        await using (var migrated = await target.CreateMigratedContextAsync())
        {
            Assert.Equal(0, await migrated.Plans.CountAsync());
        }

        var (exit, _, error) = await OnTargetAsync("restore", "--from", Copy);

        Assert.Equal(ExitCodes.Failure, exit);
        Assert.Contains("ya tiene tablas", error, StringComparison.Ordinal);
        await using var db = target.CreateContext();
        Assert.Equal(0, await db.Plans.CountAsync());
    }

    [Fact]
    public async Task Backup_IntoAFolderThatIsNotEmpty_IsRefused_AndAnUnfinishedCopyIsNeverRestored()
    {
        await OnSourceAsync("import", Seed, "--year", "2022");
        Directory.CreateDirectory(Copy);
        await File.WriteAllTextAsync(Path.Combine(Copy, "otra.txt"), "otra copia");

        var (backup, _, backupError) = await OnSourceAsync("backup", "--out", Copy);
        var (restore, _, restoreError) = await OnTargetAsync("restore", "--from", Copy);

        Assert.Equal(ExitCodes.Failure, backup);
        Assert.Contains("no está vacía", backupError, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Failure, restore);
        Assert.Contains($"le falta {BackupService.ManifestName}", restoreError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("backup")]
    [InlineData("restore")]
    public async Task WithoutItsFolder_IsAUsageError(string command)
    {
        var (exit, _, error) = await OnSourceAsync(command);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("Falta", error, StringComparison.Ordinal);
    }
}

public class SqliteBackupCommandTests() : BackupCommandTests(DatabaseProvider.Sqlite);

public class PostgresBackupCommandTests() : BackupCommandTests(DatabaseProvider.Postgres);
