using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Vigia.Core.Files;
using Vigia.Core.Progress;
using Vigia.Core.Tests.Files;

namespace Vigia.Core.Tests.Progress;

/// <summary>The sweep of evidence files that no report points to (issue 14: after a kill -9, files stayed on disk with
/// no row and nothing removed them).</summary>
public abstract class EvidenceSweepTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly TimeSpan Grace = TimeSpan.FromHours(1);
    private ProgressWorld world = null!;

    public async Task InitializeAsync() => world = await ProgressWorld.CreateAsync(provider);

    public async Task DisposeAsync() => await world.DisposeAsync();

    private EvidenceSweep Sweep() => new(world.Db(), world.FileStore(),
        Options.Create(new UploadOptions { Root = world.UploadRoot, OrphanGracePeriod = Grace }), world.Clock,
        NullLogger<EvidenceSweep>.Instance);

    /// <summary>A file kept by the store whose report never got saved: what a crash between the two leaves.</summary>
    private async Task<string> OrphanAsync(TimeSpan age)
    {
        var stored = await world.FileStore().SaveAsync(new MemoryStream(SampleFiles.Pdf()), "huérfano.pdf");
        Assert.True(stored.Succeeded, stored.ErrorMessage);
        var path = Path.Combine(world.UploadRoot, stored.File.StorageKey);
        File.SetLastWriteTimeUtc(path, (world.Clock.GetUtcNow() - age).UtcDateTime);
        return path;
    }

    [Fact]
    public async Task AFileWithNoRow_OlderThanTheGracePeriod_IsSwept()
    {
        var orphan = await OrphanAsync(Grace + TimeSpan.FromMinutes(1));

        Assert.Equal(1, await Sweep().RunAsync());

        Assert.False(File.Exists(orphan));
    }

    [Fact]
    public async Task AFileWithNoRow_YoungerThanTheGracePeriod_IsKept_AsAnUploadStillBeingSaved()
    {
        var inFlight = await OrphanAsync(Grace - TimeSpan.FromMinutes(1));

        Assert.Equal(0, await Sweep().RunAsync());

        Assert.True(File.Exists(inFlight));
    }

    [Fact]
    public async Task AReferencedFile_IsKeptHoweverOld_AndTheLeftoverOfAnInterruptedWriteGoes()
    {
        await world.SubmitAsync(draft: ProgressWorld.Draft(files: ProgressWorld.Pdf()));
        var kept = Assert.Single(world.StoredFiles());
        File.SetLastWriteTimeUtc(kept, (world.Clock.GetUtcNow() - TimeSpan.FromDays(400)).UtcDateTime);
        var part = Path.Combine(Path.GetDirectoryName(kept)!, "." + Guid.NewGuid().ToString("N") + ".part");
        await File.WriteAllBytesAsync(part, [1, 2, 3]);
        File.SetLastWriteTimeUtc(part, (world.Clock.GetUtcNow() - TimeSpan.FromDays(1)).UtcDateTime);
        var foreign = Path.Combine(world.UploadRoot, "LEAME.txt");
        await File.WriteAllTextAsync(foreign, "no es de Vigía");
        File.SetLastWriteTimeUtc(foreign, (world.Clock.GetUtcNow() - TimeSpan.FromDays(1)).UtcDateTime);

        Assert.Equal(1, await Sweep().RunAsync());

        Assert.True(File.Exists(kept));
        Assert.False(File.Exists(part));
        Assert.True(File.Exists(foreign), "The sweep removes only what the store writes.");
    }
}

public sealed class SqliteEvidenceSweepTests() : EvidenceSweepTests(DatabaseProvider.Sqlite);

public sealed class PostgresEvidenceSweepTests() : EvidenceSweepTests(DatabaseProvider.Postgres);
