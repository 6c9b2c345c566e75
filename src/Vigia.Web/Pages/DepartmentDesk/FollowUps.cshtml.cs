using Vigia.Core.FollowUps;
using Vigia.Web.Pages.FollowUps.Desk;

namespace Vigia.Web.Pages.DepartmentDesk;

public sealed record DepartmentAssessmentRow(string ActionLabel, string Description, AssessmentStatus Status, decimal? VerifiedPercent, string? Observations,
    string? AssessedBy);

public sealed record DepartmentFollowUp(CutOffRow CutOff, string? ClosedBy, IReadOnlyList<DepartmentAssessmentRow> Assessments);

/// <summary>/departamento/planes/{planId}/seguimientos: Control Interno's cut-offs of one entity's plan, each with the
/// state of its follow-up and the assessment of every action: the follow-up desk, read-only.</summary>
public class FollowUpsModel(AppDbContext db, DepartmentAccess access, FollowUpCalendar calendar) : DepartmentPlanPageModel(db, access)
{
    public IReadOnlyList<DepartmentFollowUp> FollowUps { get; private set; } = [];
    public int Actions { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadPlanAsync(ct))
        {
            return NotFound();
        }
        Today = calendar.Today;
        Actions = await Db.Actions.CountAsync(a => a.Activity!.Component!.PlanId == PlanId, ct);
        var followUps = await Db.Set<FollowUp>().AsNoTracking().Where(f => f.PlanId == PlanId)
            .Select(f => new { f.Id, f.CutOffDate, f.Version, f.Status, f.PublishedOn, f.PublishedLate, f.ClosedByName, Assessed = f.Assessments.Count })
            .ToListAsync(ct);
        var result = new List<DepartmentFollowUp>();
        foreach (var d in await calendar.FollowUpCutOffsAsync(PlanId, ct))
        {
            var current = followUps.Where(f => f.CutOffDate == d.CutOffDate).MaxBy(f => f.Version);
            var row = new CutOffRow(d, current?.Status, current?.Version ?? 0, current?.Assessed ?? 0, current?.PublishedOn, current?.PublishedLate ?? false);
            var assessments = current is null ? [] : await AssessmentsAsync(current.Id, ct);
            result.Add(new DepartmentFollowUp(row, current?.ClosedByName, assessments));
        }
        FollowUps = result;
        return Page();
    }

    private async Task<IReadOnlyList<DepartmentAssessmentRow>> AssessmentsAsync(int followUpId, CancellationToken ct)
    {
        var rows = await Db.Set<FollowUpAssessment>().AsNoTracking().Where(a => a.FollowUpId == followUpId)
            .Join(Db.Actions, a => a.ActionId, x => x.Id, (a, x) => new
            {
                x.Activity!.Component!.Number,
                ActivityOrder = x.Activity.Order,
                x.Activity.Code,
                x.Order,
                x.Description,
                a.Status,
                a.VerifiedPercent,
                a.Observations,
                a.AssessedByName,
            })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.Number).ThenBy(r => r.ActivityOrder).ThenBy(r => r.Order)
            .Select(r => new DepartmentAssessmentRow(Progress.ProgressDisplay.ActionLabel(r.Code, r.Order), r.Description, r.Status, r.VerifiedPercent,
                r.Observations, r.AssessedByName))
            .ToList();
    }
}
