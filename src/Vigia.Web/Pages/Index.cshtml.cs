using Vigia.Web.Pages.Plans;

namespace Vigia.Web.Pages;

public class IndexModel(AppDbContext db) : PageModel
{
    public PlanHeader? Featured { get; private set; }
    public IReadOnlyList<ComponentSummary> Components { get; private set; } = [];
    public IReadOnlyList<PlanListItem> OtherPlans { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var latest = await db.Plans.AsNoTracking().OrderByDescending(p => p.Year).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.Entity!.Slug, p.Year }).FirstOrDefaultAsync(ct);
        if (latest is null)
        {
            return;
        }
        Featured = await PlanHeader.LoadAsync(db, latest.Id, ct);
        Components = await PlanModel.LoadComponentsAsync(db, latest.Id, ct);
        OtherPlans = (await Plans.IndexModel.LoadAsync(db, ct)).Where(p => !(p.EntitySlug == latest.Slug && p.Year == latest.Year)).ToList();
    }
}
