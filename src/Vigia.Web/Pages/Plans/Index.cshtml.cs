namespace Vigia.Web.Pages.Plans;

public sealed record PlanListItem(string EntityName, string EntitySlug, int Year, string Title, PlanStatus Status, int Actions)
{
    /// <summary>The entity was made by <c>synthetic generate</c>: the list says «Datos simulados» beside its name.</summary>
    public bool EntityIsSimulated { get; init; }
}

public class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<PlanListItem> Plans { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Plans = await LoadAsync(db, ct);

    public static Task<List<PlanListItem>> LoadAsync(AppDbContext db, CancellationToken ct) =>
        db.Plans.AsNoTracking()
            .OrderBy(p => p.Entity!.Name).ThenByDescending(p => p.Year)
            .Select(p => new PlanListItem(p.Entity!.Name, p.Entity.Slug, p.Year, p.Title, p.Status,
                p.Components.SelectMany(c => c.Activities).SelectMany(a => a.Actions).Count())
            { EntityIsSimulated = p.Entity.IsSimulated })
            .ToListAsync(ct);
}
