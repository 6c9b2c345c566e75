using Vigia.Core.Plans;

namespace Vigia.Core.Accounts;

/// <summary>Which actions a person may see and report, decided on the data: a Responsable sees the actions of
/// their units (and of the units under them), a Líder de componente those of their components, and Planeación,
/// Control Interno and the administrator all of them.</summary>
public sealed class ActionAccess(AppDbContext db)
{
    public async Task<IQueryable<PlanAction>> VisibleAsync(Actor actor, CancellationToken ct = default)
    {
        if (actor.ReadsEverything)
        {
            return db.Actions;
        }
        if (actor.UserId is null)
        {
            return db.Actions.Where(_ => false);
        }
        var unitIds = actor.IsIn(Roles.Responsible) ? await UnitsWithDescendantsAsync(actor.UserId, ct) : [];
        var componentIds = actor.IsIn(Roles.ComponentLeader)
            ? await db.UserComponents.Where(c => c.UserId == actor.UserId).Select(c => c.ComponentId).ToListAsync(ct)
            : [];
        return db.Actions.Where(a => a.ResponsibleUnits.Any(u => unitIds.Contains(u.UnitId))
            || a.ResponsibleGroups.Any(g => g.Group!.Members.Any(m => unitIds.Contains(m.UnitId)))
            || componentIds.Contains(a.Activity!.ComponentId));
    }

    public async Task<bool> CanSeeAsync(Actor actor, int actionId, CancellationToken ct = default) =>
        await (await VisibleAsync(actor, ct)).AnyAsync(a => a.Id == actionId, ct);

    /// <summary>Reporting is first-line work: only a Responsable of one of the action's units reports it.</summary>
    public async Task<bool> CanReportAsync(Actor actor, int actionId, CancellationToken ct = default)
    {
        if (!actor.IsIn(Roles.Responsible) || actor.UserId is null)
        {
            return false;
        }
        var unitIds = await UnitsWithDescendantsAsync(actor.UserId, ct);
        return await db.Actions.AnyAsync(a => a.Id == actionId && (a.ResponsibleUnits.Any(u => unitIds.Contains(u.UnitId))
            || a.ResponsibleGroups.Any(g => g.Group!.Members.Any(m => unitIds.Contains(m.UnitId)))), ct);
    }

    /// <summary>The parts of a collective action this Responsable reports: those of their units (and the units under
    /// them). Empty for anyone else, and for an action without parts.</summary>
    public async Task<IReadOnlyList<Progress.ActionPart>> ReportablePartsAsync(Actor actor, int actionId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsIn(Roles.Responsible) || actor.UserId is null)
        {
            return [];
        }
        var unitIds = await UnitsWithDescendantsAsync(actor.UserId, ct);
        return (await Progress.ActionParts.ForActionAsync(db, actionId, ct)).Where(p => unitIds.Contains(p.UnitId)).ToList();
    }

    private async Task<List<int>> UnitsWithDescendantsAsync(string userId, CancellationToken ct)
    {
        var own = await db.UserUnits.Where(u => u.UserId == userId).Select(u => u.UnitId).ToListAsync(ct);
        if (own.Count == 0)
        {
            return own;
        }
        var all = await db.Units.Select(u => new { u.Id, u.ParentId }).ToListAsync(ct);
        var children = all.Where(u => u.ParentId is not null).ToLookup(u => u.ParentId!.Value, u => u.Id);
        var result = new HashSet<int>(own);
        var queue = new Queue<int>(own);
        while (queue.TryDequeue(out var id))
        {
            foreach (var child in children[id].Where(result.Add))
            {
                queue.Enqueue(child);
            }
        }
        return result.ToList();
    }
}
