using Vigia.Core.Accounts;

namespace Vigia.Core.Plans;

/// <summary>Who may formulate and edit an entity's plan, decided on the data: Planeación, and, when the person belongs
/// to units, only for the entity those units belong to (a planning office does not write another entity's plan).
/// A Planeación account without units (a single-entity installation) may write the plans of every entity.</summary>
public static class PlanEditors
{
    public static async Task<bool> MayEditAsync(AppDbContext db, Actor actor, int entityId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsIn(Roles.Planning))
        {
            return false;
        }
        if (actor.UserId is null)
        {
            return true;
        }
        var entities = await db.UserUnits.Where(u => u.UserId == actor.UserId).Select(u => u.Unit!.EntityId).Distinct().ToListAsync(ct);
        return entities.Count == 0 || entities.Contains(entityId);
    }
}
