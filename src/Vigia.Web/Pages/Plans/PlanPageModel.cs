namespace Vigia.Web.Pages.Plans;

/// <summary>Resolves /planes/{year}/… and /planes/{entity}/{year}/… to a plan; every public plan page starts here.</summary>
public abstract class PlanPageModel(AppDbContext db, PlanLocator locator) : PageModel
{
    protected AppDbContext Db { get; } = db;

    /// <summary>The entity's slug when the request named it; links pass it on (<c>asp-route-entity</c>), so a visitor who
    /// came by /planes/{entidad}/2022 stays on addresses with the entity.</summary>
    [FromRoute(Name = "entity")]
    public string? EntitySlug { get; set; }

    [FromRoute(Name = "year")]
    public int Year { get; set; }

    public PlanHeader Plan { get; private set; } = null!;

    protected async Task<bool> LoadPlanAsync(CancellationToken ct)
    {
        var location = await locator.FindAsync(EntitySlug, Year, ct);
        if (!location.Found)
        {
            return false;
        }
        Plan = await PlanHeader.LoadAsync(Db, location.PlanId!.Value, ct);
        return true;
    }
}
