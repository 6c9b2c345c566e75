namespace Vigia.Web.Pages.Plans;

/// <summary>Resolves /planes/{year}/… and /planes/{entity}/{year}/… to a plan; every public plan page starts here.</summary>
public abstract class PlanPageModel(AppDbContext db, PlanLocator locator) : PageModel
{
    protected AppDbContext Db { get; } = db;

    [FromRoute(Name = "entity")]
    public string? EntitySlug { get; set; }

    [FromRoute(Name = "year")]
    public int Year { get; set; }

    public PlanHeader Plan { get; private set; } = null!;

    /// <summary>The prefix of this plan's public addresses, with the entity only when the request named it.</summary>
    public string PlanPath => EntitySlug is null ? $"/planes/{Year}" : $"/planes/{EntitySlug}/{Year}";

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
