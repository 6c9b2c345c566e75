using System.ComponentModel.DataAnnotations;
using Vigia.Core.FollowUps;

namespace Vigia.Web.Pages.FollowUps.Desk;

/// <summary>One action at a cut-off: its schedule, reports with their review, the component's monitoring and the
/// evidence with its hashes, then Control Interno's assessment.</summary>
public class AssessModel(AppDbContext db, FollowUpCalendar calendar, FollowUpDocuments documents, FollowUpService followUps)
    : FollowUpPageModel(db, calendar)
{
    [FromRoute(Name = "actionId")]
    public int ActionId { get; set; }

    public FollowUpDocument Document { get; private set; } = null!;
    public SnapshotComponent Component { get; private set; } = null!;
    public SnapshotAction Action { get; private set; } = null!;
    public SnapshotAction? NextUnassessed { get; private set; }

    [BindProperty]
    [Display(Name = "Estado de la acción en el periodo")]
    public AssessmentStatus? Status { get; set; }

    [BindProperty]
    [Display(Name = "Avance verificado (%)")]
    public decimal? VerifiedPercent { get; set; }

    [BindProperty]
    [Display(Name = "Cantidad verificada (opcional)")]
    public decimal? VerifiedQuantity { get; set; }

    [BindProperty]
    [Display(Name = "Observaciones")]
    public string? Observations { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (Action.Assessment is { } a)
        {
            (Status, VerifiedPercent, VerifiedQuantity, Observations) = (a.StatusValue, a.VerifiedPercent, a.VerifiedQuantity, a.Observations);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadCutOffAsync(ct))
        {
            return NotFound();
        }
        // Numbers the browser sent that are not numbers arrive as model-state errors; say it in Spanish.
        foreach (var key in new[] { nameof(VerifiedPercent), nameof(VerifiedQuantity) })
        {
            if (ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0)
            {
                entry.Errors.Clear();
                ModelState.AddModelError(key, "Escriba un número, por ejemplo 75 o 12,5.");
            }
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return this.InvalidPage();
        }
        var result = await followUps.AssessAsync(Actor.From(User), PlanId, CutOff, ActionId,
            new AssessmentInput(Status, VerifiedPercent, VerifiedQuantity, Observations), ct);
        return await this.RespondAsync(result, async _ =>
        {
            const string notice = "Valoración de la acción guardada.";
            await LoadAsync(ct);
            return NextUnassessed is { } next
                ? this.RedirectWithNotice(notice, "/FollowUps/Desk/Assess", new { planId = PlanId, cutoff = CutOffText, actionId = next.Id })
                : this.RedirectWithNotice(notice, "/FollowUps/Desk/CutOff", CutOffRouteValues, $"accion-{ActionId}");
        }, reload: () => LoadAsync(ct));
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await LoadCutOffAsync(ct))
        {
            return false;
        }
        Document = (await documents.ForCutOffAsync(PlanId, CutOff, ct))!;
        var found = Document.Snapshot.Components.SelectMany(c => c.Actions.Select(a => (c, a))).FirstOrDefault(x => x.a.Id == ActionId);
        if (found.a is null)
        {
            return false;
        }
        (Component, Action) = (found.c, found.a);
        NextUnassessed = Document.Snapshot.Actions.SkipWhile(a => a.Id != ActionId).Skip(1).FirstOrDefault(a => a.Assessment is null);
        return true;
    }
}
