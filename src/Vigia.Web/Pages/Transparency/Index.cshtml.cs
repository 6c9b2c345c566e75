using Vigia.Web.Pages.Plans;

namespace Vigia.Web.Pages.Transparency;

/// <summary>What Vigía publishes for the entity's "Transparencia y acceso a la información pública" section.</summary>
public class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<PlanListItem> Plans { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Plans = await Pages.Plans.IndexModel.LoadAsync(db, ct);
}
