using Vigia.Core.FollowUps;
using Vigia.Web.Pages.Plans;

namespace Vigia.Web.Pages.FollowUps;

/// <summary>Control Interno's cut-offs of a year side by side (/seguimientos/{año}/consolidado), from the published
/// follow-ups' frozen snapshots: the same figures each follow-up shows, «Pendiente» where none is published.</summary>
public class ConsolidatedModel(AppDbContext db, PlanLocator locator, FollowUpConsolidation consolidation) : PlanPageModel(db, locator)
{
    public ConsolidatedFollowUp Consolidated { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadPlanAsync(ct))
        {
            return NotFound();
        }
        Consolidated = await consolidation.LoadAsync(Plan.Id, ct);
        return Page();
    }
}
