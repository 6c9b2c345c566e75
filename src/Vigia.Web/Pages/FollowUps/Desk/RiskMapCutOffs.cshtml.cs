using System.ComponentModel.DataAnnotations;
using Vigia.Core.FollowUps;

namespace Vigia.Web.Pages.FollowUps.Desk;

/// <summary>Control Interno sets the cut-offs at which it follows up the risk map of a plan's entity and year
/// (<see cref="RiskMapCutOffs"/>); without them the map is followed up at the plan's cut-offs.</summary>
public class RiskMapCutOffsModel(AppDbContext db, FollowUpCalendar calendar, RiskMapCutOffs cutOffs) : PageModel
{
    [FromRoute(Name = "planId")]
    public int PlanId { get; set; }

    [BindProperty]
    [Display(Name = "Cortes del mapa de riesgos")]
    public string? CutOffs { get; set; }

    public FollowUpPlan Plan { get; private set; } = null!;
    public IReadOnlyList<CutOffDeadline> PlanCutOffs { get; private set; } = [];
    public IReadOnlyList<CutOffDeadline> Current { get; private set; } = [];
    public bool Own { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        CutOffs = FollowUpCalendar.Format(new CutOffSchedule([.. Current.Select(c => c.Rule)]));
        return Page();
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SaveAsync(CutOffs, ct);

    public Task<IActionResult> OnPostDefaultAsync(CancellationToken ct) => SaveAsync(null, ct);

    private async Task<IActionResult> SaveAsync(string? text, CancellationToken ct)
    {
        var typed = CutOffs;
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (text is not null && string.IsNullOrWhiteSpace(text))
        {
            ModelState.AddModelError(nameof(CutOffs), "Escriba al menos un corte, o vuelva a los cortes del plan con el otro botón.");
            return this.InvalidPage();
        }
        var result = await cutOffs.SaveAsync(Actor.From(User), PlanId, text, ct);
        return await this.RespondAsync(result,
            saved => this.RedirectWithNotice(
                $"Cortes del mapa de riesgos {Plan.Year} guardados: {string.Join(", ", saved.Select(c => FollowUpText.Date(c.CutOffDate)))}.",
                "/FollowUps/Desk/RiskMapCutOffs", new { planId = PlanId }),
            async () =>
            {
                await LoadAsync(ct);
                CutOffs = typed;
            });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == PlanId)
            .Select(p => new FollowUpPlan(p.Id, p.Entity!.Name, p.Year, p.Title)).SingleOrDefaultAsync(ct);
        if (plan is null)
        {
            return false;
        }
        Plan = plan;
        PlanCutOffs = await calendar.CutOffsAsync(PlanId, ct);
        (Current, Own) = await calendar.RiskMapCutOffsAsync(PlanId, ct);
        return true;
    }
}
