using Vigia.Core.Organisation;
using Vigia.Core.Plans;

namespace Vigia.Core.Progress;

/// <summary>The target Planeación set for one unit's part of a collective action (a count); without it the part takes
/// an even share of what the set targets leave (<see cref="Compliance.ComplianceCalculator.Parts"/>).</summary>
public class ActionPartTarget
{
    public int ActionId { get; set; }
    public PlanAction? Action { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public decimal Target { get; set; }
}

public sealed class ActionPartTargetConfiguration : IEntityTypeConfiguration<ActionPartTarget>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<ActionPartTarget> b)
    {
        b.HasKey(x => new { x.ActionId, x.UnitId });
        b.HasOne(x => x.Action).WithMany().HasForeignKey(x => x.ActionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>One unit's part of a collective action: the unit, its name as the pages show it, and the target Planeación
/// set for it (null: an even share).</summary>
public sealed record ActionPart(int ActionId, int UnitId, string UnitName, decimal? SetTarget);

/// <summary>Who reports what of a collective action. An action assigned to a group (<see cref="ActionUnitGroup"/>) is
/// reported by parts: one per unit among its own units and its groups' members. An action without a group has no
/// parts: its units report it together, as always.</summary>
public static class ActionParts
{
    public static async Task<ILookup<int, ActionPart>> ForPlanAsync(AppDbContext db, int planId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await LoadAsync(db, db.Actions.Where(a => a.Activity!.Component!.PlanId == planId).Select(a => a.Id), ct);
    }

    /// <summary>The parts of every collective action of the plans, for a refresh of many plans at once.</summary>
    public static async Task<ILookup<int, ActionPart>> ForPlansAsync(AppDbContext db, IReadOnlyCollection<int> planIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await LoadAsync(db, db.Actions.Where(a => planIds.Contains(a.Activity!.Component!.PlanId)).Select(a => a.Id), ct);
    }

    public static async Task<ILookup<int, ActionPart>> ForActionsAsync(AppDbContext db, IReadOnlyCollection<int> actionIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await LoadAsync(db, db.Actions.Where(a => actionIds.Contains(a.Id)).Select(a => a.Id), ct);
    }

    public static async Task<IReadOnlyList<ActionPart>> ForActionAsync(AppDbContext db, int actionId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return (await LoadAsync(db, db.Actions.Where(a => a.Id == actionId).Select(a => a.Id), ct))[actionId].ToList();
    }

    private static async Task<ILookup<int, ActionPart>> LoadAsync(AppDbContext db, IQueryable<int> actionIds, CancellationToken ct)
    {
        var links = await db.ActionUnitGroups.AsNoTracking().Where(x => actionIds.Contains(x.ActionId))
            .Select(x => new { x.ActionId, x.GroupId }).ToListAsync(ct);
        if (links.Count == 0)
        {
            return Array.Empty<ActionPart>().ToLookup(p => p.ActionId);
        }
        var grouped = links.Select(l => l.ActionId).Distinct().ToList();
        var groupIds = links.Select(l => l.GroupId).Distinct().ToList();
        var members = (await db.UnitGroupMembers.AsNoTracking().Where(m => groupIds.Contains(m.GroupId))
            .Select(m => new { m.GroupId, m.UnitId }).ToListAsync(ct)).ToLookup(m => m.GroupId, m => m.UnitId);
        var direct = (await db.ActionUnits.AsNoTracking().Where(x => grouped.Contains(x.ActionId))
            .Select(x => new { x.ActionId, x.UnitId }).ToListAsync(ct)).ToLookup(x => x.ActionId, x => x.UnitId);
        var targets = (await db.ActionPartTargets.AsNoTracking().Where(t => grouped.Contains(t.ActionId)).ToListAsync(ct))
            .ToDictionary(t => (t.ActionId, t.UnitId), t => t.Target);
        var unitIds = members.SelectMany(m => m).Concat(direct.SelectMany(d => d)).Distinct().ToList();
        var names = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id))
            .Select(u => new { u.Id, Name = u.Parent == null ? u.Name : u.Parent.Name + " / " + u.Name }).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var groupsOf = links.ToLookup(l => l.ActionId, l => l.GroupId);
        return grouped
            .SelectMany(actionId => direct[actionId].Concat(groupsOf[actionId].SelectMany(g => members[g])).Distinct()
                .Select(unitId => new ActionPart(actionId, unitId, names[unitId], targets.TryGetValue((actionId, unitId), out var t) ? t : null)))
            .OrderBy(p => p.UnitName, SpanishText.NameOrder)
            .ToLookup(p => p.ActionId);
    }
}
