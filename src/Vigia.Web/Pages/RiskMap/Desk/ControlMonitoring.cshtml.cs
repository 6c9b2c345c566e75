using System.ComponentModel.DataAnnotations;
using Vigia.Core.Progress;
using Vigia.Core.RiskMap;
using Vigia.Core.RiskMap.Tracking;
using Vigia.Web.Pages.Progress;

namespace Vigia.Web.Pages.RiskMap.Desk;

/// <summary>The process leader's monitoring of one control in one period: executed or not, a note and evidence.
/// A monitoring pending review or accepted is shown, not offered again; a returned one is answered here.</summary>
[RequestSizeLimit(ReportFormModel.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ReportFormModel.MaxRequestBytes)]
public class ControlMonitoringModel(AppDbContext db, RiskMapAccess access, MonitoringPeriods periods, ControlMonitoringService service,
    TimeProvider clock) : PageModel
{
    public sealed record ControlSummary(int RiskId, string RiskCode, string RiskDescription, string ProcessName, int Number, string Description,
        string ResponsiblePost, int Year);

    public sealed record LiveMonitoring(int Id, ReportStatus Status, bool Executed, string Note, string? SubmittedBy, DateTimeOffset SubmittedAt,
        string? ReviewComment, string? ReviewedBy, IReadOnlyList<RiskEvidenceView> Evidence);

    [FromRoute]
    public int Id { get; set; }

    [BindProperty(SupportsGet = true, Name = "mes")]
    public int? Month { get; set; }

    [BindProperty]
    public bool? Executed { get; set; }

    [BindProperty]
    [Display(Name = "Nota")]
    public string? Note { get; set; }

    [BindProperty]
    [Display(Name = "Enlaces a soportes publicados")]
    public string? Links { get; set; }

    [BindProperty]
    [Display(Name = "Archivos de soporte")]
    public List<IFormFile> Files { get; set; } = [];

    [BindProperty]
    public int? AnswersId { get; set; }

    [BindProperty]
    [Display(Name = "Motivo del cambio")]
    public string? Reason { get; set; }

    public ControlSummary Control { get; private set; } = null!;
    public IReadOnlyList<int> Periods { get; private set; } = [];
    public LiveMonitoring? Live { get; private set; }

    public bool CanSubmit => Month is not null && (Live is null || Live.Status == ReportStatus.Returned);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        var uploads = Files.Where(f => !string.IsNullOrEmpty(f.FileName)).Select(f => new EvidenceUpload(f.OpenReadStream(), f.FileName)).ToList();
        var links = (Links ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var draft = new ControlMonitoringDraft(Month ?? 0, Executed, Note, links, uploads, AnswersId);
        var result = await service.SubmitAsync(Actor.From(User), Id, draft, ct);
        var period = SpanishMonths.NameWithYear(Control.Year, Math.Clamp(Month ?? 1, 1, 12));
        return await this.RespondAsync(result,
            _ => this.RedirectWithNotice($"Monitoreo de {period} del control {Control.Number} registrado. Queda pendiente de revisión.",
                "/RiskMap/Desk/Monitoring", new { vigencia = Control.Year, mes = Month }),
            reload: async () => await LoadAsync(ct));
    }

    /// <summary>Shown while the monitoring waits for the second line; the service lets only the process's leader use it.</summary>
    public bool CanChange => Live is { Status: ReportStatus.Submitted } && User.IsInRole(Roles.ProcessLeader);

    public Task<IActionResult> OnPostEditAsync(CancellationToken ct) =>
        ChangeAsync(live => service.EditAsync(Actor.From(User), live, Executed, Note, Reason, ct), "corregido", ct);

    public Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct) =>
        ChangeAsync(live => service.WithdrawAsync(Actor.From(User), live, Reason, ct), "retirado", ct);

    private async Task<IActionResult> ChangeAsync(Func<int, Task<Result<int>>> change, string done, CancellationToken ct)
    {
        var (executed, note, reason) = (Executed, Note, Reason);
        if (!await LoadAsync(ct) || Live is null)
        {
            return NotFound();
        }
        var result = await change(Live.Id);
        var period = SpanishMonths.NameWithYear(Control.Year, Math.Clamp(Month ?? 1, 1, 12));
        return await this.RespondAsync(result,
            _ => this.RedirectWithNotice($"Monitoreo de {period} del control {Control.Number} {done}.", "/RiskMap/Desk/ControlMonitoring",
                new { id = Id, mes = Month }),
            reload: async () =>
            {
                await LoadAsync(ct);
                (Executed, Note, Reason) = (executed, note, reason);
            });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var row = await db.RiskControls.AsNoTracking().Where(c => c.Id == Id)
            .Select(c => new
            {
                c.RiskId,
                c.Risk!.Code,
                RiskDescription = c.Risk.Description,
                ProcessName = c.Risk.Process!.Name,
                c.Risk.ProcessId,
                c.Risk.Process.EntityId,
                c.Number,
                c.Description,
                c.ResponsiblePost,
                c.Risk.Year,
            })
            .FirstOrDefaultAsync(ct);
        if (row is null || !await access.CanMaintainAsync(Actor.From(User), row.ProcessId, ct))
        {
            return false;
        }
        Control = new ControlSummary(row.RiskId, row.Code, row.RiskDescription, row.ProcessName, row.Number, row.Description, row.ResponsiblePost, row.Year);
        var today = ColombianTime.Today(clock);
        Periods = (await periods.MonthsAsync(row.EntityId, row.Year, ct)).Where(m => ProgressCalendar.HasBegun(row.Year, m, today)).ToList();
        if (Month is { } month && !Periods.Contains(month))
        {
            ModelState.AddModelError(TrackingFields.Month, "Elija uno de los periodos de monitoreo que ya empezaron.");
            Month = null;
        }
        if (Month is null)
        {
            return true;
        }
        var live = await db.ControlMonitorings.AsNoTracking()
            .Where(m => m.ControlId == Id && m.Month == Month && m.Status != ReportStatus.Superseded)
            .Select(m => new { m.Id, m.Status, m.Executed, m.Note, m.SubmittedByName, m.SubmittedAt, m.ReviewComment, m.ReviewedByName })
            .FirstOrDefaultAsync(ct);
        if (live is not null)
        {
            Live = new LiveMonitoring(live.Id, live.Status, live.Executed, live.Note, live.SubmittedByName, live.SubmittedAt, live.ReviewComment,
                live.ReviewedByName, await RiskEvidenceView.Of(db.RiskEvidence.Where(e => e.MonitoringId == live.Id)).ToListAsync(ct));
            if (live.Status == ReportStatus.Returned)
            {
                AnswersId = live.Id;
            }
        }
        return true;
    }
}
