namespace Vigia.Web.Pages.Plans;

/// <summary>What the plan pages say about the latest consultation: whether it takes comments today, or has a report.</summary>
public sealed record ConsultationNotice(int VersionNumber, bool AcceptsComments, bool HasReport, DateOnly OpensOn, DateOnly ClosesOn);

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

    /// <summary>The plan's latest citizen consultation, for the notice and the «Comentar» links; null without one.</summary>
    public ConsultationNotice? Consultation { get; private set; }

    protected async Task<bool> LoadPlanAsync(CancellationToken ct)
    {
        var location = await locator.FindAsync(EntitySlug, Year, ct);
        if (!location.Found)
        {
            return false;
        }
        Plan = await PlanHeader.LoadAsync(Db, location.PlanId!.Value, ct);
        var today = ColombianTime.Today(HttpContext.RequestServices.GetRequiredService<TimeProvider>());
        Consultation = await Db.PlanConsultations.AsNoTracking().Where(c => c.PlanId == Plan.Id)
            .OrderByDescending(c => c.VersionNumber).ThenByDescending(c => c.Id)
            .Select(c => new ConsultationNotice(c.VersionNumber, c.Status == Vigia.Core.Consultation.ConsultationStatus.Open
                && c.OpensOn <= today && c.ClosesOn >= today, c.Status == Vigia.Core.Consultation.ConsultationStatus.Closed, c.OpensOn, c.ClosesOn))
            .FirstOrDefaultAsync(ct);
        return true;
    }
}
