namespace Vigia.Web.Pages.DepartmentDesk;

/// <summary>The plan of a /departamento/planes/{planId}/… page, as a person with Consulta departamental reads it.</summary>
public sealed record DepartmentPlan(int Id, string EntityName, string? HostName, string Department, int Year, string Title, bool Simulated);

/// <summary>Resolves {planId} to a plan of one of the person's departments (<see cref="DepartmentAccess"/>); any other
/// plan answers 404, as if it did not exist. The folder's policy lets only GET and HEAD through, so these pages write
/// nothing.</summary>
public abstract class DepartmentPlanPageModel(AppDbContext db, DepartmentAccess access) : PageModel
{
    protected AppDbContext Db { get; } = db;

    [FromRoute]
    public int PlanId { get; set; }

    public DepartmentPlan Plan { get; private set; } = null!;

    protected async Task<bool> LoadPlanAsync(CancellationToken ct)
    {
        var plan = await (await access.PlansAsync(Actor.From(User), ct)).AsNoTracking().Where(p => p.Id == PlanId)
            .Select(p => new DepartmentPlan(p.Id, p.Entity!.Name, p.Entity.HostEntity!.Name, p.Entity.Department!.Name, p.Year, p.Title,
                p.Entity.IsSimulated))
            .FirstOrDefaultAsync(ct);
        if (plan is null)
        {
            return false;
        }
        Plan = plan;
        return true;
    }
}
