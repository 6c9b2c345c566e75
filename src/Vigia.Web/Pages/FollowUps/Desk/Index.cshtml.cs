using Vigia.Core.FollowUps;

namespace Vigia.Web.Pages.FollowUps.Desk;

public sealed record CutOffRow(CutOffDeadline Deadline, FollowUpStatus? Status, int Version, int Assessed, DateOnly? PublishedOn, bool PublishedLate);

public sealed record PlanCutOffs(FollowUpPlan Plan, int Actions, IReadOnlyList<CutOffRow> CutOffs);

/// <summary>Control Interno's desk: every plan with its cut-offs, deadlines and the state of each follow-up.</summary>
public class IndexModel(AppDbContext db, FollowUpCalendar calendar) : PageModel
{
    public IReadOnlyList<PlanCutOffs> Plans { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = calendar.Today;
        var plans = await db.Plans.AsNoTracking().OrderByDescending(p => p.Year).ThenBy(p => p.Entity!.Name)
            .Select(p => new
            {
                Plan = new FollowUpPlan(p.Id, p.Entity!.Name, p.Year, p.Title),
                Actions = p.Components.SelectMany(c => c.Activities).SelectMany(a => a.Actions).Count(),
            })
            .ToListAsync(ct);
        var planIds = plans.Select(p => p.Plan.Id).ToList();
        var followUps = await db.Set<FollowUp>().AsNoTracking().Where(f => planIds.Contains(f.PlanId))
            .Select(f => new { f.PlanId, f.CutOffDate, f.Version, f.Status, f.PublishedOn, f.PublishedLate, Assessed = f.Assessments.Count })
            .ToListAsync(ct);
        var result = new List<PlanCutOffs>();
        foreach (var p in plans)
        {
            var rows = (await calendar.CutOffsAsync(p.Plan.Id, ct)).Select(d =>
            {
                var current = followUps.Where(f => f.PlanId == p.Plan.Id && f.CutOffDate == d.CutOffDate).MaxBy(f => f.Version);
                return new CutOffRow(d, current?.Status, current?.Version ?? 0, current?.Assessed ?? 0, current?.PublishedOn, current?.PublishedLate ?? false);
            }).ToList();
            result.Add(new PlanCutOffs(p.Plan, p.Actions, rows));
        }
        Plans = result;
    }
}
