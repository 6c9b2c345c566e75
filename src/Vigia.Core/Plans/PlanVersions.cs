namespace Vigia.Core.Plans;

/// <summary>One version of a plan as the change log («control de cambios») lists it.</summary>
public sealed record VersionSummary(int Number, VersionStatus Status, string Justification, DateTimeOffset CreatedAt, string? CreatedBy,
    DateTimeOffset? PublishedAt, string? ApprovedBy, DateOnly? ApprovedOn, string? ApprovalNote)
{
    /// <summary>The quality-review errors Planeación published the version with, and why; null when none.</summary>
    public int? ReviewErrorsAccepted { get; init; }
    public string? ReviewAcceptanceReason { get; init; }

    public string StatusName => PlanHeader.VersionStatusName(Status);
}

/// <summary>Which versions of a plan are public and when a plan is due. Every published version stays public; a
/// revision being prepared is not. Before the first publication the only version is the draft the plan pages already
/// show as «Borrador», so it is listed.</summary>
public static class PlanVersions
{
    /// <summary>The versions in order; <paramref name="includeDrafts"/> adds the revision being prepared (Planeación).</summary>
    public static async Task<IReadOnlyList<VersionSummary>> ListAsync(AppDbContext db, int planId, bool includeDrafts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var all = await db.PlanVersions.AsNoTracking().Where(v => v.PlanId == planId).OrderBy(v => v.Number)
            .Select(v => new VersionSummary(v.Number, v.Status, v.Justification, v.CreatedAt, v.CreatedBy, v.PublishedAt, v.ApprovedBy,
                v.ApprovedOn, v.ApprovalNote)
            { ReviewErrorsAccepted = v.ReviewErrorsAccepted, ReviewAcceptanceReason = v.ReviewAcceptanceReason })
            .ToListAsync(ct);
        if (includeDrafts || all.Count == 0)
        {
            return all;
        }
        var published = all.Where(v => v.Status == VersionStatus.Published).ToList();
        // Before the first publication the public pages show the draft, so its entry is public too.
        return published.Count > 0 ? published : [all[0]];
    }

    /// <summary>Ley 1474 de 2011 art. 73 and Decreto 124 de 2016: the plan is published by 31 January of its year.</summary>
    public static DateOnly Deadline(int year) => new(year, 1, 31);

    /// <summary>A plan is late when its first publication happened, in Colombia, after the deadline. A publication
    /// without a recorded date (a document loaded as already published) is never called late.</summary>
    public static bool IsLate(int year, DateTimeOffset? firstPublishedAt) =>
        firstPublishedAt is { } at && ColombianTime.DateOf(at) > Deadline(year);
}
