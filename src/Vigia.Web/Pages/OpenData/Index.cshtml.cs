using Vigia.Web.Pages.Plans;

namespace Vigia.Web.Pages.OpenData;

/// <summary>The open-data page: every plan's downloads, the registry's datasets and the dictionary of the actions.</summary>
public class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<PlanListItem> Plans { get; private set; } = [];

    /// <summary>The version each plan's data comes from, by entity and year: the last published one, or the draft
    /// before the first publication.</summary>
    public IReadOnlyDictionary<(string EntitySlug, int Year), string> ServedVersions { get; private set; } =
        new Dictionary<(string, int), string>();

    /// <summary>The plans with at least one published follow-up of Control Interno, whose follow-up data exist.</summary>
    public IReadOnlySet<(string EntitySlug, int Year)> WithFollowUps { get; private set; } = new HashSet<(string, int)>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Plans = await Pages.Plans.IndexModel.LoadAsync(db, ct);
        WithFollowUps = (await db.Set<Vigia.Core.FollowUps.FollowUp>().AsNoTracking()
                .Where(f => f.Status == Vigia.Core.FollowUps.FollowUpStatus.Published)
                .Select(f => new { f.Plan!.Entity!.Slug, f.Plan.Year }).Distinct().ToListAsync(ct))
            .Select(p => (p.Slug, p.Year)).ToHashSet();
        var versions = await db.PlanVersions.AsNoTracking()
            .Select(v => new { v.Plan!.Entity!.Slug, v.Plan.Year, v.Number, v.Status })
            .ToListAsync(ct);
        ServedVersions = versions.GroupBy(v => (v.Slug, v.Year)).ToDictionary(g => g.Key, g =>
        {
            var served = g.Where(v => v.Status == VersionStatus.Published).MaxBy(v => v.Number) ?? g.MinBy(v => v.Number)!;
            return $"Versión {served.Number} ({PlanHeader.VersionStatusName(served.Status)})";
        });
    }
}
