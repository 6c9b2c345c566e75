using Vigia.Core.FollowUps;

namespace Vigia.Web.Pages.FollowUps;

public sealed record PublishedFollowUp(int Id, string EntityName, int Year, string PlanTitle, DateOnly CutOff, int Number, int Version,
    DateOnly PublishedOn, DateOnly Deadline, bool Late, decimal? Compliance, decimal? Average, string? Band, string? Sha256, bool Superseded, string EntitySlug = "",
    FollowUpScope Scope = FollowUpScope.Plan);

/// <summary>Control Interno's published follow-ups, by year and cut-off, with their files and fingerprints.</summary>
public class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<PublishedFollowUp> FollowUps { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rows = await db.Set<FollowUp>().AsNoTracking().Where(f => f.Status == FollowUpStatus.Published)
            .OrderByDescending(f => f.Plan!.Year).ThenByDescending(f => f.CutOffDate).ThenByDescending(f => f.Version)
            .Select(f => new
            {
                f.Id,
                f.PlanId,
                EntityName = f.Plan!.Entity!.Name,
                EntitySlug = f.Plan.Entity.Slug,
                f.Plan.Year,
                f.Plan.Title,
                f.CutOffDate,
                f.CutOffNumber,
                f.Scope,
                f.Version,
                f.PublishedOn,
                f.PublicationDeadline,
                f.PublishedLate,
                f.CompliancePercent,
                f.AverageProgress,
                f.ComplianceBand,
                f.SnapshotSha256,
            })
            .ToListAsync(ct);
        var latest = rows.GroupBy(r => (r.PlanId, r.CutOffDate)).ToDictionary(g => g.Key, g => g.Max(r => r.Version));
        FollowUps = rows.Select(r => new PublishedFollowUp(r.Id, r.EntityName, r.Year, r.Title, r.CutOffDate, r.CutOffNumber, r.Version,
            r.PublishedOn!.Value, r.PublicationDeadline, r.PublishedLate, r.CompliancePercent, r.AverageProgress, r.ComplianceBand, r.SnapshotSha256,
            latest[(r.PlanId, r.CutOffDate)] != r.Version, r.EntitySlug, r.Scope)).ToList();
    }
}
