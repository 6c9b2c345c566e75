using System.ComponentModel.DataAnnotations;
using Vigia.Core.FollowUps;

namespace Vigia.Web.Pages.FollowUps.Desk;

public sealed record VersionRow(int Id, int Version, FollowUpStatus Status, DateOnly? PublishedOn, bool PublishedLate, string? Sha256, string? Reason);

/// <summary>One cut-off's follow-up: the numbers as the report will print them, the actions to assess, the
/// component observations, and closing, publishing and correcting.</summary>
public class CutOffModel(AppDbContext db, FollowUpCalendar calendar, FollowUpDocuments documents, FollowUpService followUps,
    FollowUpLifecycle lifecycle)
    : FollowUpPageModel(db, calendar)
{
    public FollowUpDocument Document { get; private set; } = null!;
    public IReadOnlyList<VersionRow> Versions { get; private set; } = [];
    public int BusinessDaysLeft { get; private set; }
    public DateOnly Today { get; private set; }

    [BindProperty]
    [Display(Name = "Motivo de la corrección")]
    public string? Reason { get; set; }

    public bool IsOpen => Document.IsDraft;
    public int Unassessed => Document.Snapshot.Totals.Actions - Document.Snapshot.Totals.Assessed;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadCutOffAsync(ct) ? await ShowAsync(ct) : NotFound();

    public Task<IActionResult> OnPostNoteAsync(int number, string? note, CancellationToken ct) =>
        WriteAsync(actor => followUps.SaveComponentNoteAsync(actor, PlanId, CutOff, number, note, ct),
            _ => $"Observaciones del componente {number} guardadas.", ct, field => field == "Observations" ? $"nota-{number}" : field);

    public Task<IActionResult> OnPostRiskAsync(int riskId, bool? effective, string? observations, CancellationToken ct) =>
        WriteAsync(actor => followUps.AssessRiskAsync(actor, PlanId, CutOff, riskId, effective, observations, ct),
            _ => "Valoración del riesgo guardada.", ct,
            field => field switch
            {
                RiskAssessmentFields.Effective => $"riesgo-{riskId}-efectivo",
                RiskAssessmentFields.Observations => $"riesgo-{riskId}-observaciones",
                _ => field,
            });

    public Task<IActionResult> OnPostUnscheduledAsync(CancellationToken ct) =>
        WriteAsync(actor => followUps.MarkUnscheduledAsync(actor, PlanId, CutOff, ct),
            marked => marked == 1 ? "1 acción quedó como no programada en el periodo."
                : $"{marked} acciones quedaron como no programadas en el periodo.", ct);

    public Task<IActionResult> OnPostCloseAsync(CancellationToken ct) =>
        WriteAsync(actor => lifecycle.CloseAsync(actor, PlanId, CutOff, ct),
            _ => "Seguimiento cerrado: quedó congelado con su huella SHA-256. Ya puede publicarlo.", ct);

    public Task<IActionResult> OnPostPublishAsync(CancellationToken ct) =>
        WriteAsync(actor => lifecycle.PublishAsync(actor, PlanId, CutOff, ct),
            _ => "Seguimiento publicado en /seguimientos y en los datos abiertos.", ct);

    public Task<IActionResult> OnPostCorrectAsync(CancellationToken ct) =>
        WriteAsync(actor => lifecycle.CorrectAsync(actor, PlanId, CutOff, Reason, ct),
            _ => "Nueva versión abierta para corregir el seguimiento; la versión anterior sigue visible.", ct);

    /// <summary>Every write of this page: back to the cut-off with a notice, or the refusal.</summary>
    private async Task<IActionResult> WriteAsync<T>(Func<Actor, Task<Result<T>>> write, Func<T, string> notice, CancellationToken ct,
        Func<string, string>? fieldKey = null)
    {
        if (!await LoadCutOffAsync(ct))
        {
            return NotFound();
        }
        var result = await write(Actor.From(User));
        return await this.RespondAsync(result, value => this.RedirectWithNotice(notice(value), "/FollowUps/Desk/CutOff", CutOffRouteValues),
            () => LoadAsync(ct), fieldKey);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = Calendar.Today;
        Document = (await documents.ForCutOffAsync(PlanId, CutOff, ct))!;
        BusinessDaysLeft = FollowUpCalendar.Calendar.CountBusinessDays(Today, Deadline.PublicationDeadline);
        Versions = await Db.Set<FollowUp>().AsNoTracking().Where(f => f.PlanId == PlanId && f.CutOffDate == CutOff)
            .OrderByDescending(f => f.Version)
            .Select(f => new VersionRow(f.Id, f.Version, f.Status, f.PublishedOn, f.PublishedLate, f.SnapshotSha256, f.CorrectionReason))
            .ToListAsync(ct);
    }
}
