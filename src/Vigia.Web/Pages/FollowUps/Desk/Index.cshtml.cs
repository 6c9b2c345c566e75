using Vigia.Core.FollowUps;

namespace Vigia.Web.Pages.FollowUps.Desk;

public sealed record CutOffRow(CutOffDeadline Deadline, FollowUpStatus? Status, int Version, int Assessed, DateOnly? PublishedOn, bool PublishedLate);

/// <summary>A published change to a plan (version 2 onwards), which Control Interno follows up against.</summary>
public sealed record PublishedPlanChange(string EntityName, string EntitySlug, int Year, string Title, int Version, string Justification,
    DateTimeOffset? PublishedAt);

public sealed record PlanCutOffs(FollowUpPlan Plan, int Actions, IReadOnlyList<CutOffRow> CutOffs);

/// <summary>Control Interno's desk: every plan with its cut-offs, deadlines and the state of each follow-up.</summary>
public class IndexModel(AppDbContext db, FollowUpCalendar calendar) : PageModel
{
    public IReadOnlyList<PlanCutOffs> Plans { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public IReadOnlyList<PublishedPlanChange> PlanChanges { get; private set; } = [];

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
            var rows = (await calendar.FollowUpCutOffsAsync(p.Plan.Id, ct)).Select(d =>
            {
                var current = followUps.Where(f => f.PlanId == p.Plan.Id && f.CutOffDate == d.CutOffDate).MaxBy(f => f.Version);
                return new CutOffRow(d, current?.Status, current?.Version ?? 0, current?.Assessed ?? 0, current?.PublishedOn, current?.PublishedLate ?? false);
            }).ToList();
            result.Add(new PlanCutOffs(p.Plan, p.Actions, rows));
        }
        Plans = result;
        PlanChanges = await db.PlanVersions.AsNoTracking()
            .Where(v => v.Number > 1 && v.Status == VersionStatus.Published)
            .OrderByDescending(v => v.Plan!.Year).ThenBy(v => v.Plan!.Entity!.Name).ThenByDescending(v => v.Number)
            .Select(v => new PublishedPlanChange(v.Plan!.Entity!.Name, v.Plan.Entity.Slug, v.Plan.Year, v.Plan.Title, v.Number, v.Justification, v.PublishedAt))
            .ToListAsync(ct);
    }
}
