using System.ComponentModel.DataAnnotations;
using Vigia.Core.Monitoring;
using Vigia.Core.Progress;

namespace Vigia.Web.Pages.Progress;

/// <summary>One report with its evidence and the history of its month (earlier reports it replaced), and, for its
/// reviewer, the form to accept it or return it with a comment. Anyone who cannot see the action gets 404.</summary>
public class DetailModel(AppDbContext db, ActionAccess access, MonitoringService monitoring) : PageModel
{
    public sealed record ReportView(int Id, int ActionId, string ActionLabel, string ActionDescription, TargetUnit TargetUnit, int Year,
        int Month, decimal Executed, decimal Planned, string Narrative, ReportStatus Status, bool IsLate, DateTimeOffset SubmittedAt,
        string? SubmittedBy, string? SubmittedById, int? CorrectsId, string? CorrectionReason, DateTimeOffset? ReviewedAt, string? ReviewedBy,
        string? ReviewComment);

    public sealed record HistoryRow(int Id, ReportStatus Status, DateTimeOffset SubmittedAt, string? SubmittedBy, string? ReviewComment);

    [FromRoute]
    public int Id { get; set; }

    [BindProperty]
    [Display(Name = "Comentario para el responsable")]
    public string? Comment { get; set; }

    public ReportView Report { get; private set; } = null!;
    public IReadOnlyList<EvidenceView> Evidence { get; private set; } = [];
    public IReadOnlyList<HistoryRow> History { get; private set; } = [];
    public bool CanReport { get; private set; }
    public bool CanReview { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostAcceptAsync(CancellationToken ct) => ReviewAsync(ReviewDecision.Accept, ct);

    public Task<IActionResult> OnPostReturnAsync(CancellationToken ct) => ReviewAsync(ReviewDecision.Return, ct);

    private async Task<IActionResult> ReviewAsync(ReviewDecision decision, CancellationToken ct)
    {
        var result = await monitoring.ReviewAsync(Actor.From(User), Id, decision, Comment, ct);
        return await this.RespondAsync(result, async _ =>
        {
            var month = await db.ProgressReports.Where(r => r.Id == Id)
                .Select(r => new { r.Month, r.Action!.Activity!.Code, r.Action.Order, r.Action.Activity.Component!.Plan!.Year }).SingleAsync(ct);
            return this.RedirectWithNotice(
                $"Reporte de {ProgressDisplay.Month(month.Year, month.Month)} de la acción {ProgressDisplay.ActionLabel(month.Code, month.Order)} "
                + (decision == ReviewDecision.Accept ? "aceptado." : "devuelto al responsable con su comentario."),
                "/Monitoring/Queue");
        }, reload: () => LoadAsync(ct));
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var actor = Actor.From(User);
        var report = await db.ProgressReports.AsNoTracking().Where(r => r.Id == Id)
            .Select(r => new
            {
                r.Id,
                r.ActionId,
                r.Action!.Activity!.Code,
                r.Action.Order,
                r.Action.Description,
                r.Action.TargetUnit,
                r.Action.Activity.ComponentId,
                r.Action.Activity.Component!.Plan!.Year,
                r.Month,
                r.ExecutedQuantity,
                Planned = r.Action.Schedule.Where(s => s.Month == r.Month).Select(s => s.PlannedQuantity).ToList(),
                r.Narrative,
                r.Status,
                r.IsLate,
                r.SubmittedAt,
                r.SubmittedByName,
                r.SubmittedById,
                r.CorrectsId,
                r.CorrectionReason,
                r.ReviewedAt,
                r.ReviewedByName,
                r.ReviewComment,
            })
            .FirstOrDefaultAsync(ct);
        if (report is null || !await access.CanSeeAsync(actor, report.ActionId, ct))
        {
            return false;
        }
        Report = new ReportView(report.Id, report.ActionId, ProgressDisplay.ActionLabel(report.Code, report.Order), report.Description, report.TargetUnit,
            report.Year, report.Month, report.ExecutedQuantity, report.Planned.Sum(), report.Narrative, report.Status, report.IsLate, report.SubmittedAt,
            report.SubmittedByName, report.SubmittedById, report.CorrectsId, report.CorrectionReason, report.ReviewedAt, report.ReviewedByName,
            report.ReviewComment);
        Evidence = await EvidenceView.Of(db.Evidence.Where(e => e.ReportId == Id)).ToListAsync(ct);
        History = await db.ProgressReports.AsNoTracking().Where(r => r.ActionId == report.ActionId && r.Month == report.Month)
            .OrderBy(r => r.Id)
            .Select(r => new HistoryRow(r.Id, r.Status, r.SubmittedAt, r.SubmittedByName, r.ReviewComment))
            .ToListAsync(ct);
        CanReport = await access.CanReportAsync(actor, report.ActionId, ct);
        CanReview = report.Status == ReportStatus.Submitted && report.SubmittedById != actor.UserId
            && MonitoringService.Monitors(actor) && await monitoring.ReviewsComponentAsync(actor, report.ComponentId, ct);
        return true;
    }
}
