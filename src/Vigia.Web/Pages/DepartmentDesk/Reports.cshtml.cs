using Vigia.Core.Progress;
using Vigia.Web.Pages.Progress;

namespace Vigia.Web.Pages.DepartmentDesk;

public sealed record DepartmentReportRow(int Id, string ActionLabel, string Description, string? Unit, int Month, string Executed, string Planned,
    ReportStatus Status, bool IsLate, bool IsCorrection, string Narrative, string? SubmittedBy, DateTimeOffset SubmittedAt, string? ReviewedBy,
    string? ReviewComment, IReadOnlyList<EvidenceView> Evidence);

public sealed record DepartmentMonitoringRow(int ComponentNumber, string ComponentName, int Month, string? ClosedBy, DateTimeOffset ClosedAt, string Summary);

/// <summary>/departamento/planes/{planId}/reportes: what the Responsables of one entity's plan reported, month by
/// month, with status, review and evidence, and the second line's monthly monitoring records: the progress and
/// monitoring desks, read-only.</summary>
public class ReportsModel(AppDbContext db, DepartmentAccess access) : DepartmentPlanPageModel(db, access)
{
    [FromQuery(Name = "mes")]
    public int? Month { get; set; }

    public IReadOnlyList<DepartmentReportRow> Reports { get; private set; } = [];
    public IReadOnlyList<DepartmentMonitoringRow> Monitoring { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadPlanAsync(ct))
        {
            return NotFound();
        }
        if (Month is < 1 or > 12)
        {
            Month = null;
        }
        var rows = await Db.ProgressReports.AsNoTracking()
            .Where(r => r.Action!.Activity!.Component!.PlanId == PlanId && (Month == null || r.Month == Month))
            .Select(r => new
            {
                r.Id,
                r.Action!.Activity!.Code,
                r.Action.Order,
                r.Action.Description,
                r.Action.TargetUnit,
                Unit = r.Unit!.Name,
                r.Month,
                r.ExecutedQuantity,
                Planned = r.Action.Schedule.Where(s => s.Month == r.Month).Select(s => s.PlannedQuantity).ToList(),
                r.Status,
                r.IsLate,
                r.CorrectsId,
                r.Narrative,
                r.SubmittedByName,
                r.SubmittedAt,
                r.ReviewedByName,
                r.ReviewComment,
                ComponentNumber = r.Action.Activity.Component!.Number,
                ActivityOrder = r.Action.Activity.Order,
            })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var evidence = (await Db.Evidence.AsNoTracking().Where(e => ids.Contains(e.ReportId)).OrderBy(e => e.Id)
                .Select(e => new { e.ReportId, View = new EvidenceView(e.Id, e.Kind, e.FileName, e.SizeBytes, e.Sha256, e.Url) }).ToListAsync(ct))
            .ToLookup(e => e.ReportId, e => e.View);
        Reports = rows.OrderBy(r => r.ComponentNumber).ThenBy(r => r.ActivityOrder).ThenBy(r => r.Order).ThenBy(r => r.Month).ThenBy(r => r.Id)
            .Select(r => new DepartmentReportRow(r.Id, ProgressDisplay.ActionLabel(r.Code, r.Order), r.Description, r.Unit, r.Month,
                ProgressDisplay.Quantity(r.ExecutedQuantity, r.TargetUnit), ProgressDisplay.Quantity(r.Planned.Sum(), r.TargetUnit), r.Status, r.IsLate,
                r.CorrectsId is not null, r.Narrative, r.SubmittedByName, r.SubmittedAt, r.ReviewedByName, r.ReviewComment, evidence[r.Id].ToList()))
            .ToList();
        var records = await Db.MonitoringRecords.AsNoTracking()
            .Where(m => m.Component!.PlanId == PlanId && (Month == null || m.Month == Month))
            .Select(m => new { m.Component!.Number, m.Component.Name, m.Month, m.ClosedByName, m.ClosedAt, m.Summary })
            .ToListAsync(ct);
        Monitoring = records.OrderBy(m => m.Month).ThenBy(m => m.Number)
            .Select(m => new DepartmentMonitoringRow(m.Number, m.Name, m.Month, m.ClosedByName, m.ClosedAt, m.Summary)).ToList();
        return Page();
    }
}
