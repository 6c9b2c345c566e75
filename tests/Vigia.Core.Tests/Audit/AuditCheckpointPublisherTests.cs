using Vigia.Core.Audit;
using Vigia.Core.Organisation;

namespace Vigia.Core.Tests.Audit;

/// <summary>Issue 14: a checkpoint of the audit trail is published every day, each the head of the chain when that
/// Colombian day ended; a run after days of downtime fills the gap, and a second run the same day adds nothing.</summary>
public abstract class AuditCheckpointPublisherTests(DatabaseProvider provider) : AuditDatabaseTests(provider)
{
    private static DateTimeOffset Bogota(int month, int day, int hour, int minute = 0) =>
        new DateTimeOffset(2026, month, day, hour, minute, 0, ColombianTime.Offset).ToUniversalTime();

    private readonly TestClock clock = new(Bogota(3, 2, 10));

    private async Task WriteAtAsync(DateTimeOffset at, string name)
    {
        clock.Now = at;
        await using var db = Audited(clock);
        db.Entities.Add(new Entity { Name = name, Slug = Guid.NewGuid().ToString("N") });
        await db.SaveChangesAsync();
    }

    private async Task<IReadOnlyList<PublishedCheckpoint>> PublishAtAsync(DateTimeOffset at)
    {
        clock.Now = at;
        await using var db = Raw();
        return await new AuditCheckpointPublisher(db, clock).PublishDueAsync();
    }

    [Fact]
    public async Task EachFinishedDay_GetsTheHeadAtItsEnd_AndTheGapIsFilled()
    {
        await WriteAtAsync(Bogota(3, 2, 10), "Uno");
        // 23:30 in Bogotá is already 3 March in UTC: the day is Colombian.
        await WriteAtAsync(Bogota(3, 2, 23, 30), "Dos");
        await WriteAtAsync(Bogota(3, 4, 8), "Tres");
        var entries = await EntriesAsync();

        var published = await PublishAtAsync(Bogota(3, 5, 0, 5));

        Assert.Equal(
            [(new DateOnly(2026, 3, 2), 2L), (new DateOnly(2026, 3, 3), 2L), (new DateOnly(2026, 3, 4), 3L)],
            published.Select(c => (c.Day, c.Sequence)));
        Assert.All(published, c => Assert.Equal(entries.Single(e => e.Sequence == c.Sequence).Hash, c.Hash));
        Assert.Empty(await PublishAtAsync(Bogota(3, 5, 18)));

        await WriteAtAsync(Bogota(3, 5, 19), "Cuatro");
        var next = Assert.Single(await PublishAtAsync(Bogota(3, 6, 0, 5)));
        Assert.Equal((new DateOnly(2026, 3, 5), 4L), (next.Day, next.Sequence));
        await using var read = Raw();
        Assert.Equal(4, await read.PublishedCheckpoints.CountAsync());
    }

    [Fact]
    public async Task TheDayInProgress_IsNotPublished_NorAnEmptyTrail()
    {
        Assert.Empty(await PublishAtAsync(Bogota(3, 2, 9)));

        await WriteAtAsync(Bogota(3, 2, 10), "Uno");

        Assert.Empty(await PublishAtAsync(Bogota(3, 2, 23, 59)));
    }

    [Fact]
    public async Task APublishedCheckpoint_IsHeldByTheTrail_UntilItIsTruncated()
    {
        await WriteAtAsync(Bogota(3, 2, 10), "Uno");
        await WriteAtAsync(Bogota(3, 2, 11), "Dos");
        var checkpoint = Assert.Single(await PublishAtAsync(Bogota(3, 3, 1))).Checkpoint;
        await using var db = Raw();
        Assert.True((await AuditVerifier.VerifyAsync(db, null, checkpoint)).Ok);

        await db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = 2");

        var truncated = await AuditVerifier.VerifyAsync(db, null, checkpoint);
        Assert.Equal(AuditBreakKind.CheckpointLost, truncated.FirstBreak!.Kind);
    }
}

public sealed class SqliteAuditCheckpointPublisherTests() : AuditCheckpointPublisherTests(DatabaseProvider.Sqlite);

public sealed class PostgresAuditCheckpointPublisherTests() : AuditCheckpointPublisherTests(DatabaseProvider.Postgres);
