using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Vigia.Core.Audit;

/// <summary>The head of the audit chain at the end of one Colombian calendar day, published on the transparency page
/// and as open data. Whoever keeps a copy can later prove with <c>audit verify --checkpoint SEQ:HASH</c> that the trail
/// was not truncated or rewritten up to that day.</summary>
/// <remarks>Not itself audited: it is derived from the trail, and writing an entry for it would move the head it records.</remarks>
public class PublishedCheckpoint
{
    public int Id { get; set; }
    /// <summary>The day whose end the checkpoint marks (Colombian time).</summary>
    public DateOnly Day { get; set; }
    public long Sequence { get; set; }
    public required string Hash { get; set; }
    public DateTimeOffset PublishedAt { get; set; }

    public AuditCheckpoint Checkpoint => new(Sequence, Hash);
}

public sealed class PublishedCheckpointConfiguration : IEntityTypeConfiguration<PublishedCheckpoint>
{
    public void Configure(EntityTypeBuilder<PublishedCheckpoint> b)
    {
        b.ToTable("PublishedCheckpoints");
        b.HasIndex(c => c.Day).IsUnique();
        b.Property(c => c.Hash).HasMaxLength(64);
        b.Ignore(c => c.Checkpoint);
    }
}

/// <summary>Publishes one checkpoint for every finished day since the last one published (or since the trail began),
/// each the last entry written before that day ended. Run daily; a run after days of downtime fills the gap, because
/// each day's head is read from the trail by its entries' times.</summary>
public sealed class AuditCheckpointPublisher(AppDbContext db, TimeProvider clock) : IDailyJob
{
    Task IDailyJob.RunAsync(CancellationToken ct) => PublishDueAsync(ct);

    /// <summary>How far back a first run (or one after a long stop) goes.</summary>
    public const int MaxDaysBack = 400;

    public async Task<IReadOnlyList<PublishedCheckpoint>> PublishDueAsync(CancellationToken ct = default)
    {
        var today = ColombianTime.Today(clock);
        var last = await db.PublishedCheckpoints.AsNoTracking().OrderByDescending(c => c.Day).Select(c => (DateOnly?)c.Day).FirstOrDefaultAsync(ct);
        DateOnly first;
        if (last is { } day)
        {
            first = day.AddDays(1);
        }
        else if (await db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).Select(e => (DateTimeOffset?)e.OccurredAt).FirstOrDefaultAsync(ct) is { } start)
        {
            first = ColombianTime.DateOf(start);
        }
        else
        {
            return [];
        }
        if (first < today.AddDays(-MaxDaysBack))
        {
            first = today.AddDays(-MaxDaysBack);
        }
        var published = new List<PublishedCheckpoint>();
        for (var d = first; d < today; d = d.AddDays(1))
        {
            if (await AuditCheckpoint.CurrentAsync(db, before: ColombianTime.StartOfDay(d.AddDays(1)), ct) is { } head)
            {
                published.Add(new PublishedCheckpoint { Day = d, Sequence = head.Sequence, Hash = head.Hash, PublishedAt = clock.GetUtcNow() });
            }
        }
        if (published.Count > 0)
        {
            db.PublishedCheckpoints.AddRange(published);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                if (!await db.PublishedCheckpoints.AnyAsync(c => c.Day == published[0].Day, ct))
                {
                    throw;
                }
                // Another instance published the same days first; its rows hold the same values.
                return [];
            }
        }
        return published;
    }

    /// <summary>The published checkpoints, newest first.</summary>
    public static IQueryable<PublishedCheckpoint> Newest(AppDbContext db) =>
        db.PublishedCheckpoints.AsNoTracking().OrderByDescending(c => c.Day);
}
