using Vigia.Core.Accounts;

namespace Vigia.Core.Plans;

/// <summary>Who may formulate and edit an entity's plan, decided on the data: Planeación of that entity, the entity
/// being the account's own (<see cref="AppUser.EntityId"/>, set by the administrator), never inferred from its units.
/// The installation-wide administrator (role Administrador, no entity) who also holds Planeación writes every entity's
/// plans, and is the one who imports the first plan of an entity not yet in Vigía; any other Planeación account without
/// an entity writes none until the administrator gives it one. The system (no person: the CLI, the start-up import)
/// writes every entity's.</summary>
public static class PlanEditors
{
    public const string NoEntityMessage = "Su cuenta no tiene una entidad asignada: pida al administrador que la indique en su cuenta.";

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
        var own = await EntityOfAsync(db, actor, ct);
        return own is { } id ? id == entityId : actor.IsIn(Roles.Administrator);
    }

    /// <summary>The actor's own entity, or null (the system, or an account without one).</summary>
    public static async Task<int?> EntityOfAsync(AppDbContext db, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        return actor.UserId is null ? null
            : await db.Users.AsNoTracking().Where(u => u.Id == actor.UserId).Select(u => u.EntityId).SingleOrDefaultAsync(ct);
    }
}
