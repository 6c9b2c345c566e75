using Vigia.Core.Monitoring;
using Vigia.Core.Progress;
using Vigia.Web.Pages.Progress;

namespace Vigia.Web.Pages.Monitoring;

/// <summary>The review queue: reports waiting for review, oldest first, in the components the person monitors
/// (all of them for Planeación and, read-only, for Control Interno). Other roles get 403.</summary>
public class QueueModel(AppDbContext db, MonitoringService monitoring) : PageModel
{
    public sealed record Row(int ReportId, int ComponentNumber, string ActionLabel, string Description, int Year, int Month, string Executed,
        string Planned, string? SubmittedBy, DateTimeOffset SubmittedAt, bool IsLate, bool IsCorrection);

    public IReadOnlyList<Row> Pending { get; private set; } = [];
    public bool ReadOnly { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = Actor.From(User);
        if (!MonitoringAccess.Reads(actor))
        {
            return this.Forbidden();
        }
        ReadOnly = !MonitoringService.Monitors(actor);
        var components = await MonitoringAccess.ComponentsAsync(actor, monitoring, ct);
        var rows = await db.ProgressReports.AsNoTracking()
            .Where(r => r.Status == ReportStatus.Submitted && (components == null || components.Contains(r.Action!.Activity!.ComponentId)))
            // By id, which follows submission: SQLite cannot sort DateTimeOffset values.
            .OrderBy(r => r.Id)
            .Select(r => new
            {
                r.Id,
                r.Action!.Activity!.Component!.Number,
                r.Action.Activity.Code,
                r.Action.Order,
                r.Action.Description,
                r.Action.TargetUnit,
                r.Action.Activity.Component.Plan!.Year,
                r.Month,
                r.ExecutedQuantity,
                Planned = r.Action.Schedule.Where(s => s.Month == r.Month).Select(s => s.PlannedQuantity).ToList(),
                r.SubmittedByName,
                r.SubmittedAt,
                r.IsLate,
                r.CorrectsId,
            })
            .ToListAsync(ct);
        Pending = rows.Select(r => new Row(r.Id, r.Number, ProgressDisplay.ActionLabel(r.Code, r.Order), r.Description, r.Year, r.Month,
            ProgressDisplay.Quantity(r.ExecutedQuantity, r.TargetUnit), ProgressDisplay.Quantity(r.Planned.Sum(), r.TargetUnit),
            r.SubmittedByName, r.SubmittedAt, r.IsLate, r.CorrectsId is not null)).ToList();
        return Page();
    }
}
