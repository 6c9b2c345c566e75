using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigia.Core.Accounts;
using Vigia.Core.Domain;
using Vigia.Web.Pages.Plans;

namespace Vigia.Web.Pages.Management;

/// <summary>"Mis acciones": the actions this person may see, by plan; a Responsable sees only their units' actions.</summary>
public class IndexModel(ActionAccess access) : PageModel
{
    public IReadOnlyList<(int Year, string Entity, IReadOnlyList<ActionView> Actions)> Plans { get; private set; } = [];
    public IReadOnlyList<string> RoleNames { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = Actor.From(User);
        RoleNames = actor.Roles.Select(Roles.DisplayName).ToList();
        var visible = await access.VisibleAsync(actor, ct);
        var plans = await visible.Select(a => new { a.Id, a.Activity!.Component!.Plan!.Year, Entity = a.Activity.Component.Plan.Entity!.Name }).ToListAsync(ct);
        var views = await ActionView.LoadAsync(visible, ct);
        var planOf = plans.ToDictionary(p => p.Id);
        Plans = views.GroupBy(v => (planOf[v.Id].Year, planOf[v.Id].Entity))
            .OrderByDescending(g => g.Key.Year)
            .Select(g => (g.Key.Year, g.Key.Entity, (IReadOnlyList<ActionView>)g.ToList()))
            .ToList();
    }
}
