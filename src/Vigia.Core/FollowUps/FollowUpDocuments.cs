using Vigia.Core.Compliance;

namespace Vigia.Core.FollowUps;

/// <summary>A follow-up report ready to render: the snapshot, and how it stands.</summary>
/// <param name="IsDraft">Not closed yet: built from current data, marked BORRADOR everywhere.</param>
/// <param name="IntegrityOk">For a closed version, the stored JSON still matches its SHA-256.</param>
public sealed record FollowUpDocument(FollowUpSnapshot Snapshot, bool IsDraft, int? FollowUpId, int Version, FollowUpStatus? Status,
    DateOnly? PublishedOn, bool PublishedLate, string? Sha256, bool IntegrityOk, string? CorrectionReason)
{
    public string FileStem => string.Create(CultureInfo.InvariantCulture,
        $"seguimiento-{Snapshot.Entity.Slug}-{Snapshot.Plan.Year}-corte-{Snapshot.CutOff.Date:yyyy-MM-dd}-{(IsDraft ? "borrador" : "v" + Version.ToString(CultureInfo.InvariantCulture))}");
}

/// <summary>Loads follow-up reports: a closed version from its frozen snapshot (never from live data), a cut-off
/// not closed yet as a draft built from current data.</summary>
public sealed class FollowUpDocuments(AppDbContext db, FollowUpCalendar calendar)
{
    /// <summary>The current version of a cut-off's follow-up; null when the plan has no such cut-off.</summary>
    public async Task<FollowUpDocument?> ForCutOffAsync(int planId, DateOnly cutOff, CancellationToken ct = default)
    {
        var deadline = await calendar.FindAsync(planId, cutOff, ct);
        if (deadline is null)
        {
            return null;
        }
        var current = await db.Set<FollowUp>().AsNoTracking().Where(f => f.PlanId == planId && f.CutOffDate == cutOff)
            .OrderByDescending(f => f.Version).FirstOrDefaultAsync(ct);
        if (current is { Status: not FollowUpStatus.Draft })
        {
            return FromStored(current);
        }
        var previous = current?.PreviousVersionId is { } pid
            ? await db.Set<FollowUp>().Where(f => f.Id == pid).Select(f => f.SnapshotSha256).SingleOrDefaultAsync(ct)
            : null;
        var snapshot = await new SnapshotBuilder(db).BuildAsync(planId, deadline, current, previous, await ComplianceBands.LoadAsync(db, ct), ct);
        return new FollowUpDocument(snapshot, true, current?.Id, current?.Version ?? 1, current?.Status, null, false, null, true, current?.CorrectionReason);
    }

    /// <summary>One closed version; with <paramref name="publishedOnly"/>, only if it was published.</summary>
    public async Task<FollowUpDocument?> ForVersionAsync(int followUpId, bool publishedOnly, CancellationToken ct = default)
    {
        var followUp = await db.Set<FollowUp>().AsNoTracking().SingleOrDefaultAsync(f => f.Id == followUpId, ct);
        if (followUp is null || followUp.SnapshotJson is null || (publishedOnly && followUp.Status != FollowUpStatus.Published))
        {
            return null;
        }
        return FromStored(followUp);
    }

    private static FollowUpDocument FromStored(FollowUp f)
    {
        var json = f.SnapshotJson ?? throw new InvalidOperationException($"The closed follow-up {f.Id} has no snapshot.");
        return new FollowUpDocument(SnapshotJson.Deserialize(json), false, f.Id, f.Version, f.Status, f.PublishedOn, f.PublishedLate,
            f.SnapshotSha256, SnapshotJson.Sha256(json) == f.SnapshotSha256, f.CorrectionReason);
    }
}
