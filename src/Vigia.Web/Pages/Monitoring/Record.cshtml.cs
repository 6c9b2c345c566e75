using Vigia.Core.Monitoring;
using Vigia.Core.Progress;
using Vigia.Web.Pages.Progress;

namespace Vigia.Web.Pages.Monitoring;

/// <summary>The monitoring record of a component's month as a printable document: the summary, every report of
/// the month with its review outcome (corrections and what they replaced included), and the planned actions that
/// were not reported. Readable by the component's leader, Planeación and Control Interno; 404 for anyone else.</summary>
public class RecordModel(AppDbContext db, MonitoringService monitoring) : PageModel
{
    public sealed record Header(string Entity, string PlanTitle, int Year, int ComponentNumber, string ComponentName, int Month, string Summary,
        string? ClosedBy, DateTimeOffset ClosedAt);

    public sealed record ReportRow(int Id, string ActionLabel, string Description, string Units, string Planned, string Executed, ReportStatus Status,
        bool IsLate, DateTimeOffset SubmittedAt, string? SubmittedBy, string? ReviewedBy, string? ReviewComment, bool AfterClosing);

    public sealed record MissingRow(string ActionLabel, string Description, string Units, string Planned);

    [FromRoute]
    public int Id { get; set; }

    public Header Record { get; private set; } = null!;
    public IReadOnlyList<ReportRow> Reports { get; private set; } = [];
    public IReadOnlyList<MissingRow> Unreported { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = Actor.From(User);
        var record = await db.MonitoringRecords.AsNoTracking().Where(m => m.Id == Id)
            .Select(m => new
            {
                m.ComponentId,
                Entity = m.Component!.Plan!.Entity!.Name,
                m.Component.Plan.Title,
                m.Component.Plan.Year,
                m.Component.Number,
                m.Component.Name,
                m.Month,
                m.Summary,
                m.ClosedByName,
                m.ClosedAt
            })
            .FirstOrDefaultAsync(ct);
        if (record is null || !MonitoringAccess.Reads(actor)
            || await MonitoringAccess.ComponentsAsync(actor, monitoring, ct) is { } read && !read.Contains(record.ComponentId))
        {
            return NotFound();
        }
        Record = new Header(record.Entity, record.Title, record.Year, record.Number, record.Name, record.Month, record.Summary, record.ClosedByName, record.ClosedAt);
        var actions = await db.Actions.AsNoTracking().Where(a => a.Activity!.ComponentId == record.ComponentId)
            .OrderBy(a => a.Activity!.Order).ThenBy(a => a.Order)
            .Select(a => new
            {
                a.Id,
                a.Activity!.Code,
                a.Order,
                a.Description,
                a.TargetUnit,
                Units = a.ResponsibleUnits.Select(u => u.Unit!.Name).ToList(),
                Planned = a.Schedule.Where(s => s.Month == record.Month).Select(s => s.PlannedQuantity).ToList(),
            })
            .ToListAsync(ct);
        var reports = await db.ProgressReports.AsNoTracking()
            .Where(r => r.Action!.Activity!.ComponentId == record.ComponentId && r.Month == record.Month)
            .OrderBy(r => r.Id)
            .ToListAsync(ct);
        var byAction = reports.ToLookup(r => r.ActionId);
        Reports = actions.SelectMany(a => byAction[a.Id].Select(r => new ReportRow(r.Id, ProgressDisplay.ActionLabel(a.Code, a.Order), a.Description,
            string.Join("; ", a.Units), ProgressDisplay.Quantity(a.Planned.Sum(), a.TargetUnit), ProgressDisplay.Quantity(r.ExecutedQuantity, a.TargetUnit),
            r.Status, r.IsLate, r.SubmittedAt, r.SubmittedByName, r.ReviewedByName, r.ReviewComment, r.SubmittedAt > record.ClosedAt))).ToList();
        Unreported = actions.Where(a => a.Planned.Sum() > 0 && !byAction[a.Id].Any())
            .Select(a => new MissingRow(ProgressDisplay.ActionLabel(a.Code, a.Order), a.Description, string.Join("; ", a.Units),
                ProgressDisplay.Quantity(a.Planned.Sum(), a.TargetUnit)))
            .ToList();
        return Page();
    }
}
