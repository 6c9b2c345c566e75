using Microsoft.EntityFrameworkCore.ChangeTracking;
using Vigia.Core.Plans;
using Vigia.Core.Schedule;

namespace Vigia.Core.Audit;

/// <summary>Once a plan is published (or closed), every change to its data needs a reason: the plan
/// itself, its components, subcomponents, activities, actions, their schedule and responsible units.
/// Publishing a draft does not.</summary>
public sealed class PublishedPlanAuditPolicy : IAuditPolicy
{
    public async Task<string?> ReasonRequiredAsync(DbContext context, IReadOnlyList<EntityEntry> changes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(changes);
        var owners = new Owners();
        foreach (var entry in changes)
        {
            owners.Collect(entry);
        }
        if (owners.IsEmpty)
        {
            return null;
        }
        var planIds = await owners.ResolvePlanIdsAsync(context, ct).ConfigureAwait(false);
        var published = await context.Set<Plan>().AsNoTracking()
            .Where(p => planIds.Contains(p.Id) && p.Status != PlanStatus.Draft)
            .OrderBy(p => p.Id)
            .Select(p => new { p.Title, p.Year })
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);
        return published is null
            ? null
            : $"El plan «{published.Title}» de {published.Year} ya fue publicado: todo cambio a sus datos debe indicar el motivo.";
    }

    /// <summary>The stored rows that own the changes, by level. A change under a row added in the same
    /// save is followed up through that row, whose key is not known yet.</summary>
    private sealed class Owners
    {
        private readonly HashSet<int> plans = [];
        private readonly HashSet<int> components = [];
        private readonly HashSet<int> activities = [];
        private readonly HashSet<int> actions = [];

        public bool IsEmpty => plans.Count + components.Count + activities.Count + actions.Count == 0;

        public void Collect(EntityEntry entry)
        {
            switch (entry.Entity)
            {
                case Plan:
                    if (entry.State != EntityState.Added)
                    {
                        plans.Add((int)entry.OriginalValues[nameof(Plan.Id)]!);
                    }
                    break;
                case Component:
                    Up(entry, nameof(Component.Plan), nameof(Component.PlanId), plans);
                    break;
                case Subcomponent:
                    Up(entry, nameof(Subcomponent.Component), nameof(Subcomponent.ComponentId), components);
                    break;
                case Activity:
                    Up(entry, nameof(Activity.Component), nameof(Activity.ComponentId), components);
                    break;
                case PlanAction:
                    Up(entry, nameof(PlanAction.Activity), nameof(PlanAction.ActivityId), activities);
                    break;
                case ScheduleEntry:
                    Up(entry, nameof(ScheduleEntry.Action), nameof(ScheduleEntry.ActionId), actions);
                    break;
                case ActionUnit:
                    Up(entry, nameof(ActionUnit.Action), nameof(ActionUnit.ActionId), actions);
                    break;
            }
        }

        private void Up(EntityEntry entry, string navigation, string foreignKey, HashSet<int> parents)
        {
            if (entry.Reference(navigation).TargetEntry is { State: EntityState.Added } parent)
            {
                Collect(parent);
                return;
            }
            // A row moved from one parent to another concerns both.
            if (entry.State != EntityState.Added && entry.OriginalValues[foreignKey] is int before)
            {
                parents.Add(before);
            }
            if (entry.State != EntityState.Deleted && entry.CurrentValues[foreignKey] is int after && after > 0)
            {
                parents.Add(after);
            }
        }

        public async Task<List<int>> ResolvePlanIdsAsync(DbContext db, CancellationToken ct)
        {
            if (actions.Count > 0)
            {
                var ids = actions.ToList();
                activities.UnionWith(await db.Set<PlanAction>().AsNoTracking().Where(a => ids.Contains(a.Id))
                    .Select(a => a.ActivityId).ToListAsync(ct).ConfigureAwait(false));
            }
            if (activities.Count > 0)
            {
                var ids = activities.ToList();
                components.UnionWith(await db.Set<Activity>().AsNoTracking().Where(a => ids.Contains(a.Id))
                    .Select(a => a.ComponentId).ToListAsync(ct).ConfigureAwait(false));
            }
            if (components.Count > 0)
            {
                var ids = components.ToList();
                plans.UnionWith(await db.Set<Component>().AsNoTracking().Where(c => ids.Contains(c.Id))
                    .Select(c => c.PlanId).ToListAsync(ct).ConfigureAwait(false));
            }
            return [.. plans];
        }
    }
}
