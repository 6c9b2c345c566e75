using Vigia.Core.Compliance;
using Vigia.Core.Compliance.Stored;

namespace Vigia.Web.Pages.Compliance;

/// <param name="Official">The official figure (<see cref="OfficialCompliance"/>); <paramref name="ToDate"/> is the weighted progress.</param>
public sealed record PlanDashboardItem(string EntityName, string EntitySlug, int Year, string Title, OfficialCount Official, bool Unscheduled,
    Score ToDate, Score YearProgress, ComplianceBands Bands, bool Simulated);

/// <summary>/tablero: every plan with its compliance today and a link to its dashboard. The figures come from the stored
/// verdicts (<see cref="ComplianceStateStore"/>, refreshed first for the plans that changed) aggregated by the database,
/// and the weighted progress from what the calculator stored at the same refresh: no plan is evaluated per request.</summary>
public class IndexModel(AppDbContext db, ComplianceStateStore store, TimeProvider clock) : PageModel
{
    public IReadOnlyList<PlanDashboardItem> Plans { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = ColombianTime.Today(clock);
        var plans = await db.Plans.AsNoTracking().OrderByDescending(p => p.Year).ThenBy(p => p.Entity!.Name)
            .Select(p => new { p.Id, EntityName = p.Entity!.Name, p.Entity.Slug, p.Year, p.Title, p.Entity.IsSimulated }).ToListAsync(ct);
        await store.EnsureFreshAsync(db.Plans.Select(p => p.Id), ct);
        var bands = await ComplianceBands.LoadAsync(db, ct);
        var states = await db.PlanComplianceStates.AsNoTracking().ToDictionaryAsync(s => s.PlanId, ct);
        var items = new List<PlanDashboardItem>();
        foreach (var year in plans.GroupBy(p => p.Year))
        {
            var months = ComplianceCalculator.MonthsCounted(year.Key, Today);
            var ids = db.Plans.Where(p => p.Year == year.Key).Select(p => p.Id);
            var counts = await ComplianceFigures.PlansAsync(db, ids, months, ct);
            var progress = await db.PlanProgressStates.AsNoTracking().Where(s => ids.Contains(s.PlanId) && s.Months == months)
                .ToDictionaryAsync(s => s.PlanId, ct);
            foreach (var p in year)
            {
                var state = states.GetValueOrDefault(p.Id);
                var figures = progress.GetValueOrDefault(p.Id);
                items.Add(new PlanDashboardItem(p.EntityName, p.Slug, p.Year, p.Title, counts.GetValueOrDefault(p.Id) ?? OfficialCount.Zero,
                    (state?.ScheduledActions ?? 0) == 0, Percent(figures?.ToDate), Percent(figures?.Year), bands,
                    p.IsSimulated || state?.HasSimulatedData == true));
            }
        }
        Plans = items;
    }

    private static Score Percent(decimal? percent) => percent is null ? Score.None : new Score(percent, 1);
}
