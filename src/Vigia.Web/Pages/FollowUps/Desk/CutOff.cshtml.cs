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
            $"Observaciones del componente {number} guardadas.", r => r.Errors.ToDictionary(e => e.Key == "Observations" ? $"nota-{number}" : e.Key, e => e.Value), ct);

    public async Task<IActionResult> OnPostUnscheduledAsync(CancellationToken ct)
    {
        var marked = 0;
        return await WriteAsync(async actor =>
        {
            var (result, count) = await followUps.MarkUnscheduledAsync(actor, PlanId, CutOff, ct);
            marked = count;
            return result;
        }, () => marked == 1 ? "1 acción quedó como no programada en el periodo."
            : $"{marked} acciones quedaron como no programadas en el periodo.", null, ct);
    }

    public Task<IActionResult> OnPostCloseAsync(CancellationToken ct) =>
        WriteAsync(actor => lifecycle.CloseAsync(actor, PlanId, CutOff, ct),
            "Seguimiento cerrado: quedó congelado con su huella SHA-256. Ya puede publicarlo.", null, ct);

    public Task<IActionResult> OnPostPublishAsync(CancellationToken ct) =>
        WriteAsync(actor => lifecycle.PublishAsync(actor, PlanId, CutOff, ct),
            "Seguimiento publicado en /seguimientos y en los datos abiertos.", null, ct);

    public Task<IActionResult> OnPostCorrectAsync(CancellationToken ct) =>
        WriteAsync(actor => lifecycle.CorrectAsync(actor, PlanId, CutOff, Reason, ct),
            "Nueva versión abierta para corregir el seguimiento; la versión anterior sigue visible.", null, ct);

    private Task<IActionResult> WriteAsync(Func<Actor, Task<FollowUpResult>> write, string notice,
        Func<FollowUpResult, Dictionary<string, string>>? errorKeys, CancellationToken ct) =>
        WriteAsync(write, () => notice, errorKeys, ct);

    private async Task<IActionResult> WriteAsync(Func<Actor, Task<FollowUpResult>> write, Func<string> notice,
        Func<FollowUpResult, Dictionary<string, string>>? errorKeys, CancellationToken ct)
    {
        if (!await LoadCutOffAsync(ct))
        {
            return NotFound();
        }
        var result = await write(Actor.From(User));
        if (result.Succeeded)
        {
            TempData["Aviso"] = notice();
            return Redirect(BasePath);
        }
        if (errorKeys is not null && !result.Forbidden && !result.NotFound)
        {
            result = result with { Errors = errorKeys(result) };
        }
        return await RefusedAsync(result, () => LoadAsync(ct));
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
