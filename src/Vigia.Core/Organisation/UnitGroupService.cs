using Vigia.Core.Accounts;
using Vigia.Core.Audit;
using Vigia.Core.Plans;
using Vigia.Core.Progress;

namespace Vigia.Core.Organisation;

/// <summary>The fields group errors are keyed by; the mapping page uses the same names for its inputs.</summary>
public static class UnitGroupFields
{
    public const string Units = "UnitIds";
    public const string Target = "Target";
}

/// <summary>Planeación's work on groups of units: which units a group stands for, and, for an action assigned to a group,
/// the target of a unit's part when it is not an even share. Only Planeación of the group's entity writes: a Planeación
/// account bound to units of one entity (through its units) maps that entity's groups only; one bound to no unit works
/// for every entity, as Planeación does everywhere else in Vigía.</summary>
public sealed class UnitGroupService(AppDbContext db, AuditScope audit)
{
    public async Task<bool> CanMapAsync(Actor actor, int entityId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsIn(Roles.Planning) || actor.UserId is null)
        {
            return false;
        }
        var entities = await db.UserUnits.Where(u => u.UserId == actor.UserId).Select(u => u.Unit!.EntityId).Distinct().ToListAsync(ct);
        return entities.Count == 0 || entities.Contains(entityId);
    }

    /// <summary>Replaces the group's members with <paramref name="unitIds"/>: active units of the group's entity.</summary>
    public async Task<Result<UnitGroup>> SetMembersAsync(Actor actor, int groupId, IReadOnlyCollection<int> unitIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(unitIds);
        var group = await db.UnitGroups.Include(g => g.Members).Include(g => g.Entity).FirstOrDefaultAsync(g => g.Id == groupId, ct);
        if (group is null)
        {
            return Result.NotFound("El grupo no existe.");
        }
        if (!await CanMapAsync(actor, group.EntityId, ct))
        {
            return Result.Forbidden($"Solo Planeación de {group.Entity!.Name} indica las unidades de sus grupos.");
        }
        var wanted = unitIds.Distinct().ToList();
        var valid = await db.Units.Where(u => wanted.Contains(u.Id) && u.EntityId == group.EntityId && u.IsActive).Select(u => u.Id).ToListAsync(ct);
        if (valid.Count != wanted.Count)
        {
            return Result.Invalid(UnitGroupFields.Units, "Elija unidades activas de la entidad; alguna de las marcadas no existe o está inactiva.");
        }
        db.UnitGroupMembers.RemoveRange(group.Members.Where(m => !wanted.Contains(m.UnitId)));
        db.UnitGroupMembers.AddRange(wanted.Where(id => !group.Members.Any(m => m.UnitId == id)).Select(id => new UnitGroupMember { GroupId = group.Id, UnitId = id }));
        using var _ = audit.Begin(new AuditActor(actor.UserId, actor.Name));
        await db.SaveChangesAsync(ct);
        return Result.Saved(group);
    }

    /// <summary>Sets (or, with null, clears) the target of one unit's part of a collective action. Percentage actions
    /// have none: each unit reaches the action's percentage in its own work.</summary>
    public async Task<Result<int>> SetPartTargetAsync(Actor actor, int actionId, int unitId, decimal? target, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var action = await db.Actions.AsNoTracking().Where(a => a.Id == actionId)
            .Select(a => new { a.Id, a.TargetUnit, a.Activity!.Component!.Plan!.EntityId }).FirstOrDefaultAsync(ct);
        if (action is null)
        {
            return Result.NotFound("La acción no existe.");
        }
        if (!await CanMapAsync(actor, action.EntityId, ct))
        {
            return Result.Forbidden("Solo Planeación de la entidad fija la meta de cada unidad.");
        }
        if (!(await ActionParts.ForActionAsync(db, actionId, ct)).Any(p => p.UnitId == unitId))
        {
            return Result.NotFound("Esa unidad no tiene parte en esta acción.");
        }
        if (action.TargetUnit == TargetUnit.Percentage && target is not null)
        {
            return Result.Invalid(UnitGroupFields.Target, "En una acción con meta porcentual cada unidad debe alcanzar el mismo porcentaje; no se fija por unidad.");
        }
        if (target is < 0)
        {
            return Result.Invalid(UnitGroupFields.Target, "La meta de la unidad no puede ser negativa.");
        }
        var row = await db.ActionPartTargets.FirstOrDefaultAsync(t => t.ActionId == actionId && t.UnitId == unitId, ct);
        if (target is null)
        {
            if (row is not null)
            {
                db.ActionPartTargets.Remove(row);
            }
        }
        else if (row is null)
        {
            db.ActionPartTargets.Add(new ActionPartTarget { ActionId = actionId, UnitId = unitId, Target = target.Value });
        }
        else
        {
            row.Target = target.Value;
        }
        using var _ = audit.Begin(new AuditActor(actor.UserId, actor.Name));
        await db.SaveChangesAsync(ct);
        return Result.Saved(actionId);
    }
}
