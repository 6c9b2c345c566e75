using Vigia.Core.Compliance;

namespace Vigia.Web.Pages.Compliance;

/// <param name="Official">The official figure (<see cref="OfficialCompliance"/>); <paramref name="ToDate"/> is the weighted progress.</param>
public sealed record PlanDashboardItem(string EntityName, string EntitySlug, int Year, string Title, OfficialCount Official, bool Unscheduled,
    Score ToDate, Score YearProgress, ComplianceBands Bands, bool Simulated);

/// <summary>/tablero: every plan with its compliance today and a link to its dashboard.</summary>
public class IndexModel(AppDbContext db, ComplianceService compliance, TimeProvider clock) : PageModel
{
    public IReadOnlyList<PlanDashboardItem> Plans { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = ColombianTime.Today(clock);
        var plans = await db.Plans.AsNoTracking().OrderByDescending(p => p.Year).ThenBy(p => p.Entity!.Name)
            .Select(p => new { p.Id, EntityName = p.Entity!.Name, p.Entity.Slug, p.Year, p.Title }).ToListAsync(ct);
        var items = new List<PlanDashboardItem>();
        foreach (var p in plans)
        {
            var result = (await compliance.ComputeAsync(p.Id, Today, ct))!;
            items.Add(new PlanDashboardItem(p.EntityName, p.Slug, p.Year, p.Title, result.Plan.Official, result.Plan.IsUnscheduled,
                result.Plan.ToDate, result.Plan.Year, result.Bands, result.HasSimulatedData));
        }
        Plans = items;
    }
}
