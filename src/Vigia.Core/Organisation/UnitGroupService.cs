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
/// the target of a unit's part when it is not an even share. Only Planeación of the group's entity writes: the account's
/// own entity (<see cref="AppUser.EntityId"/>, as for the plans, <see cref="PlanEditors"/>).</summary>
public sealed class UnitGroupService(AppDbContext db, AuditScope audit)
{
    public async Task<bool> CanMapAsync(Actor actor, int entityId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsIn(Roles.Planning) || actor.UserId is null)
        {
            return false;
        }
        return await PlanEditors.MayEditAsync(db, actor, entityId, ct);
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

    /// <summary>Sets (or, with null, clears) the target of one unit's part of a collective action, keeping the others.</summary>
    public async Task<Result<int>> SetPartTargetAsync(Actor actor, int actionId, int unitId, decimal? target, CancellationToken ct = default)
    {
        var current = await db.ActionPartTargets.AsNoTracking().Where(t => t.ActionId == actionId)
            .ToDictionaryAsync(t => t.UnitId, t => (decimal?)t.Target, ct);
        current[unitId] = target;
        return await SetPartTargetsAsync(actor, actionId, current, ct);
    }

    /// <summary>Sets the targets of a collective action's parts at once (a unit left out or null takes an even share of
    /// what the set targets leave). Percentage actions have none: each unit reaches the action's percentage in its own
    /// work. The set targets may not add up to more than the action's target, and when every part has one they must add
    /// up to it exactly, or the parts would not be the action.</summary>
    public async Task<Result<int>> SetPartTargetsAsync(Actor actor, int actionId, IReadOnlyDictionary<int, decimal?> targets, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(targets);
        var action = await db.Actions.AsNoTracking().Where(a => a.Id == actionId)
            .Select(a => new { a.Id, a.TargetUnit, a.TargetQuantity, a.Activity!.Component!.Plan!.EntityId }).FirstOrDefaultAsync(ct);
        if (action is null)
        {
            return Result.NotFound("La acción no existe.");
        }
        if (!await CanMapAsync(actor, action.EntityId, ct))
        {
            return Result.Forbidden("Solo Planeación de la entidad fija la meta de cada unidad.");
        }
        var parts = await ActionParts.ForActionAsync(db, actionId, ct);
        if (targets.Keys.Any(unitId => parts.All(p => p.UnitId != unitId)))
        {
            return Result.NotFound("Esa unidad no tiene parte en esta acción.");
        }
        var set = targets.Where(t => t.Value is not null).ToDictionary(t => t.Key, t => t.Value!.Value);
        if (action.TargetUnit == TargetUnit.Percentage && set.Count > 0)
        {
            return Result.Invalid(UnitGroupFields.Target, "En una acción con meta porcentual cada unidad debe alcanzar el mismo porcentaje; no se fija por unidad.");
        }
        if (set.Values.Any(t => t < 0))
        {
            return Result.Invalid(UnitGroupFields.Target, "La meta de la unidad no puede ser negativa.");
        }
        var schedule = (await db.ScheduleEntries.Where(s => s.ActionId == actionId).Select(s => new { s.Month, s.PlannedQuantity }).ToListAsync(ct))
            .GroupBy(s => s.Month).ToDictionary(g => g.Key, g => g.Sum(s => s.PlannedQuantity));
        // The same year target the compliance figures split among the parts.
        var yearTarget = Compliance.ComplianceCalculator.YearTarget(new Compliance.ActionInput(action.TargetQuantity, action.TargetUnit, null, schedule, []));
        if (yearTarget is { } total && set.Count > 0)
        {
            var sum = set.Values.Sum();
            if (sum > total)
            {
                return Result.Invalid(UnitGroupFields.Target,
                    $"Las metas fijadas suman {SpanishFormat.Number(sum)}, más que la meta de la acción ({SpanishFormat.Number(total)}).");
            }
            if (set.Count == parts.Count && sum != total)
            {
                return Result.Invalid(UnitGroupFields.Target,
                    $"Todas las unidades tienen meta y suman {SpanishFormat.Number(sum)}; deben sumar la meta de la acción ({SpanishFormat.Number(total)}). Deje en blanco alguna para que tome lo que falta.");
            }
        }
        var rows = await db.ActionPartTargets.Where(t => t.ActionId == actionId).ToListAsync(ct);
        db.ActionPartTargets.RemoveRange(rows.Where(r => !set.ContainsKey(r.UnitId)));
        foreach (var (unitId, target) in set)
        {
            if (rows.FirstOrDefault(r => r.UnitId == unitId) is { } row)
            {
                row.Target = target;
            }
            else
            {
                db.ActionPartTargets.Add(new ActionPartTarget { ActionId = actionId, UnitId = unitId, Target = target });
            }
        }
        using var _ = audit.Begin(new AuditActor(actor.UserId, actor.Name));
        await db.SaveChangesAsync(ct);
        return Result.Saved(actionId);
    }
}
