using Vigia.Core.Organisation;
using Vigia.Core.Plans;

namespace Vigia.Core.Accounts;

/// <summary>What a person with the role Consulta departamental reads, decided on the data: the entities whose
/// department is one of theirs (<see cref="UserDepartment"/>), hosted ones included, since a hosted entity is always
/// of its host's department (<see cref="EntityPlacementService"/>), and those entities' plans. Nobody else reads
/// anything through it.</summary>
public sealed class DepartmentAccess(AppDbContext db)
{
    public async Task<IReadOnlyList<int>> DepartmentIdsAsync(Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsIn(Roles.DepartmentObserver) || actor.UserId is null)
        {
            return [];
        }
        return await db.UserDepartments.Where(d => d.UserId == actor.UserId).Select(d => d.DepartmentId).ToListAsync(ct);
    }

    public async Task<IQueryable<Entity>> EntitiesAsync(Actor actor, CancellationToken ct = default)
    {
        var ids = await DepartmentIdsAsync(actor, ct);
        return db.Entities.Where(e => e.DepartmentId != null && ids.Contains(e.DepartmentId.Value));
    }

    public async Task<IQueryable<Plan>> PlansAsync(Actor actor, CancellationToken ct = default)
    {
        var ids = await DepartmentIdsAsync(actor, ct);
        return db.Plans.Where(p => p.Entity!.DepartmentId != null && ids.Contains(p.Entity.DepartmentId.Value));
    }

    public async Task<bool> CanReadPlanAsync(Actor actor, int planId, CancellationToken ct = default) =>
        await (await PlansAsync(actor, ct)).AnyAsync(p => p.Id == planId, ct);
}
