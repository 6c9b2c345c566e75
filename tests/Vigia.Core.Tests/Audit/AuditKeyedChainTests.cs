using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Vigia.Cli;
using Vigia.Cli.Commands;
using Vigia.Core.Audit;

namespace Vigia.Core.Tests.Audit;

/// <summary>The chain keyed with HMAC-SHA-256 (key file outside the database) and anchored by published checkpoints
/// (issue 14): before, deleting the last rows, or altering a row and recomputing every later hash, passed
/// <c>audit verify</c>.</summary>
public abstract partial class AuditKeyedChainTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly string Seed = Path.Combine(AppContext.BaseDirectory, "data", "paac-cali-2022.txt");
    private readonly string folder = Path.Combine(Path.GetTempPath(), "vigia-tests", Guid.NewGuid().ToString("N"));
    private TestDatabase database = null!;
    private IConfiguration configuration = null!;

    private string KeyFile => Path.Combine(folder, "audit-key");

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Vigia"] = database.ConnectionString,
            ["Audit:KeyFile"] = KeyFile,
        }).Build();
    }

    public async Task DisposeAsync()
    {
        await database.DisposeAsync();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task<(int ExitCode, string Out)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        ICliCommand[] commands = [new ImportCommand(configuration), new AuditCommand(configuration)];
        var exit = await CliApp.RunAsync(args, new CliContext(output, error, CancellationToken.None), commands);
        return (exit, output.ToString() + error.ToString());
    }

    private async Task<List<AuditEntry>> EntriesAsync()
    {
        await using var db = database.CreateContext();
        return await db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
    }

    [GeneratedRegex("^[0-9]+:[0-9a-f]{64}$")]
    private static partial Regex CheckpointShape();

    [Fact]
    public async Task EveryEntry_IsSignedWithTheKeyFromTheFileOutsideTheDatabase()
    {
        Assert.Equal(0, (await RunAsync("import", Seed)).ExitCode);

        var ring = AuditKeyRing.Load(KeyFile);
        Assert.NotNull(ring);
        var entries = await EntriesAsync();
        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.Equal(ring.Current.Id, e.KeyId));
        Assert.All(entries, e => Assert.Equal(AuditHasher.ComputeHash(e, ring.Current), e.Hash));
        Assert.All(entries, e => Assert.NotEqual(AuditHasher.ComputeHash(e), e.Hash));
        Assert.Equal(0, (await RunAsync("audit", "verify")).ExitCode);
    }

    [Fact]
    public async Task Checkpoint_IsSeqColonHash_AndVerifyWithIt_FailsOnceTheLastRowsAreDeleted()
    {
        await RunAsync("import", Seed);

        var (exit, printed) = await RunAsync("audit", "checkpoint");

        Assert.Equal(0, exit);
        var checkpoint = printed.Trim();
        Assert.Matches(CheckpointShape(), checkpoint);
        var last = (await EntriesAsync())[^1];
        Assert.Equal($"{last.Sequence}:{last.Hash}", checkpoint);
        Assert.Equal(0, (await RunAsync("audit", "verify", "--checkpoint", checkpoint)).ExitCode);

        await using (var db = database.CreateContext())
        {
            await db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Sequence\" > {last.Sequence - 3}");
        }

        // The chain alone cannot see a truncation: what is left is a valid, shorter chain. The rows whose creation went
        // with the deleted entries are still there, so comparing the present with the trail shows it.
        var (plain, said) = await RunAsync("audit", "verify");
        Assert.Equal(1, plain);
        Assert.Contains("El registro de auditoría está íntegro", said, StringComparison.Ordinal);
        Assert.Contains("Los datos no coinciden con el registro de auditoría", said, StringComparison.Ordinal);
        var (truncated, message) = await RunAsync("audit", "verify", "--checkpoint", checkpoint);
        Assert.Equal(1, truncated);
        Assert.Contains($"ya no tiene la entrada {last.Sequence}", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AlteredRow_WithEveryLaterHashRecomputedWithPlainSha256_FailsVerify()
    {
        await RunAsync("import", Seed);
        var (_, checkpoint) = await RunAsync("audit", "checkpoint");

        await using (var db = database.CreateContext())
        {
            var entries = await db.AuditEntries.OrderBy(e => e.Sequence).ToListAsync();
            var previous = entries[40].Hash;
            entries[41].Changes = "{}";
            foreach (var entry in entries.Skip(41))
            {
                // What an attacker without the key can do: the public v1 algorithm, the key id dropped.
                entry.PreviousHash = previous;
                entry.KeyId = null;
                entry.Hash = previous = AuditHasher.ComputeHash(entry);
            }
            await db.SaveChangesAsync();
        }

        var (exit, output) = await RunAsync("audit", "verify");
        Assert.Equal(1, exit);
        Assert.Contains("Primera entrada con problemas: 42", output, StringComparison.Ordinal);
        Assert.Contains("no está firmada", output, StringComparison.Ordinal);
        Assert.Equal(1, (await RunAsync("audit", "verify", "--checkpoint", checkpoint.Trim())).ExitCode);
    }

    [Fact]
    public async Task AlteredRow_ReSignedWithAnotherKeyId_FailsVerify()
    {
        await RunAsync("import", Seed);
        var forged = AuditKeyRing.NewKey();
        await using (var db = database.CreateContext())
        {
            var entry = await db.AuditEntries.SingleAsync(e => e.Sequence == 42);
            entry.Changes = "{}";
            entry.KeyId = forged.Id;
            entry.Hash = AuditHasher.ComputeHash(entry, forged);
            await db.SaveChangesAsync();
        }

        var (exit, output) = await RunAsync("audit", "verify");

        Assert.Equal(1, exit);
        Assert.Contains("no está en el archivo de claves", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EntriesWrittenBeforeTheKey_StillVerify_AndARotatedKeyVerifiesAlongsideTheOld()
    {
        await (await database.CreateMigratedContextAsync()).DisposeAsync();
        // A trail of the old scheme: written without keys, as before issue 14.
        await using (var db = AuditedContext(new AuditKeys()))
        {
            db.Entities.Add(new Vigia.Core.Organisation.Entity { Name = "Antes de la firma", Slug = "antes" });
            await db.SaveChangesAsync();
        }
        var keys = new AuditKeys();
        await using (var db = database.CreateContext())
        {
            await keys.LoadAsync(KeyFile, db);
        }
        Assert.Equal(2, keys.Ring!.KeyedFrom);
        await using (var db = AuditedContext(keys))
        {
            db.Entities.Add(new Vigia.Core.Organisation.Entity { Name = "Con la primera clave", Slug = "primera" });
            await db.SaveChangesAsync();
        }
        var rotated = AuditKeyRing.NewKey();
        await File.AppendAllTextAsync(KeyFile, $"key {rotated.Id} {Convert.ToBase64String(rotated.Secret)}\n");
        var reloaded = new AuditKeys();
        await using (var db = database.CreateContext())
        {
            await reloaded.LoadAsync(KeyFile, db);
        }
        await using (var db = AuditedContext(reloaded))
        {
            db.Entities.Add(new Vigia.Core.Organisation.Entity { Name = "Con la clave nueva", Slug = "nueva" });
            await db.SaveChangesAsync();
        }

        var entries = await EntriesAsync();
        Assert.Equal([null, keys.Ring.Current.Id, rotated.Id], entries.Select(e => e.KeyId));
        await using var verify = database.CreateContext();
        var result = await AuditVerifier.VerifyAsync(verify, reloaded.Ring);
        Assert.True(result.Ok, result.FirstBreak?.Message);
        Assert.Equal(3, result.Count);
    }

    [Fact]
    public async Task MissingKeyFile_WithSignedEntries_StopsTheStartInsteadOfMakingANewKey()
    {
        await RunAsync("import", Seed);
        File.Delete(KeyFile);

        var (exit, output) = await RunAsync("audit", "verify");

        Assert.NotEqual(0, exit);
        Assert.Contains("Falta el archivo de claves", output, StringComparison.Ordinal);
        Assert.False(File.Exists(KeyFile));
    }

    private AppDbContext AuditedContext(AuditKeys keys)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, provider, database.ConnectionString,
            new AuditInterceptor(new AuditScope(), new FakeClock(), keys: keys));
        return new AppDbContext(options.Options);
    }

    private sealed class FakeClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => TestTime.Written;
    }
}

public sealed class SqliteAuditKeyedChainTests() : AuditKeyedChainTests(DatabaseProvider.Sqlite);

public sealed class PostgresAuditKeyedChainTests() : AuditKeyedChainTests(DatabaseProvider.Postgres);
