using Vigia.Core.Progress;
using Vigia.Web.Pages.Plans;

namespace Vigia.Web.Pages.Progress;

/// <summary>One action as the people who work on it see it, with its twelve months: planned quantity, the live
/// report and its status. Someone who may not see it gets 404, the same as an action that does not exist, so
/// addresses reveal nothing.</summary>
public class ActionModel(AppDbContext db, ActionAccess access, ProgressSettings settings, TimeProvider clock) : PageModel
{
    public sealed record MonthRow(int Month, decimal Planned, int? ReportId, ReportStatus? Status, decimal? Executed, bool IsLate,
        DateOnly Deadline, bool HasBegun, bool IsOverdue);

    [FromRoute]
    public int Id { get; set; }

    /// <summary>For a collective action, the part (unit) whose months are shown.</summary>
    [FromQuery(Name = "unidad")]
    public int? UnitId { get; set; }

    /// <summary>Every part of a collective action, and the one shown: the one asked for, else the person's own.</summary>
    public IReadOnlyList<ActionPart> Parts { get; private set; } = [];
    public ActionPart? Part { get; private set; }

    public ActionView Action { get; private set; } = null!;
    public int Year { get; private set; }
    public bool CanReport { get; private set; }
    public IReadOnlyList<MonthRow> Months { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = Actor.From(User);
        if (!await access.CanSeeAsync(actor, Id, ct))
        {
            return NotFound();
        }
        Action = (await ActionView.LoadAsync(db.Actions.Where(a => a.Id == Id), ct)).Single();
        Year = await db.Actions.Where(a => a.Id == Id).Select(a => a.Activity!.Component!.Plan!.Year).SingleAsync(ct);
        CanReport = await access.CanReportAsync(actor, Id, ct);
        Parts = await ActionParts.ForActionAsync(db, Id, ct);
        if (Parts.Count > 0)
        {
            var mine = await access.ReportablePartsAsync(actor, Id, ct);
            Part = Parts.FirstOrDefault(p => p.UnitId == UnitId) ?? (mine.Count > 0 ? mine[0] : Parts[0]);
            CanReport = mine.Any(p => p.UnitId == Part.UnitId);
        }
        var part = Part?.UnitId;
        var live = await db.ProgressReports.AsNoTracking()
            .Where(r => r.ActionId == Id && r.UnitId == part && r.Status != ReportStatus.Superseded)
            .Select(r => new { r.Id, r.Month, r.Status, r.ExecutedQuantity, r.IsLate })
            .ToDictionaryAsync(r => r.Month, ct);
        var today = ColombianTime.Today(clock);
        var nth = await settings.DeadlineBusinessDayAsync(ct);
        Months = Enumerable.Range(1, 12).Select(m =>
        {
            var planned = Action.Schedule.GetValueOrDefault(m);
            var deadline = ProgressCalendar.Deadline(Year, m, nth);
            var report = live.GetValueOrDefault(m);
            return new MonthRow(m, planned, report?.Id, report?.Status, report?.ExecutedQuantity, report?.IsLate == true, deadline,
                ProgressCalendar.HasBegun(Year, m, today), report is null && planned > 0 && today > deadline);
        }).ToList();
        return Page();
    }
}
