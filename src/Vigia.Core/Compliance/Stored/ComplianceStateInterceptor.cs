using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Vigia.Core.Organisation;
using Vigia.Core.Plans;
using Vigia.Core.Progress;
using Vigia.Core.Schedule;

namespace Vigia.Core.Compliance.Stored;

/// <summary>Marks stale, in the same save, every plan whose stored verdicts (<see cref="ActionComplianceState"/>) a save
/// may change: its progress reports, schedule, actions, activities and components (added, removed, moved, target, unit,
/// weight), and the parts of its collective actions (the action's units and groups, the groups' members, the parts'
/// set targets). Each changed row is mapped to its plan by at most four queries by id set, whatever the number of rows.</summary>
/// <remarks>Registered by <see cref="AppDbContext"/> itself, so every context has it. Writes that bypass
/// <c>SaveChanges</c> (<c>ExecuteUpdate</c>, raw SQL, bulk copies) are not seen; a plan without a
/// <see cref="PlanComplianceState"/> row counts as stale, so data loaded in bulk heals on the first read, and
/// <c>vigia compliance refresh</c> recomputes every plan.</remarks>
public sealed class ComplianceStateInterceptor : SaveChangesInterceptor
{
    public static ComplianceStateInterceptor Instance { get; } = new();

    private ComplianceStateInterceptor()
    {
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AppDbContext db && Collect(db) is { IsEmpty: false } touched)
        {
            var plans = await touched.PlanIdsAsync(db, cancellationToken).ConfigureAwait(false);
            Mark(await db.PlanComplianceStates.Where(s => plans.Contains(s.PlanId)).ToListAsync(cancellationToken).ConfigureAwait(false));
        }
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is AppDbContext db && Collect(db) is { IsEmpty: false } touched)
        {
            var plans = touched.PlanIds(db);
            Mark([.. db.PlanComplianceStates.Where(s => plans.Contains(s.PlanId))]);
        }
        return result;
    }

    private static void Mark(List<PlanComplianceState> states)
    {
        foreach (var state in states)
        {
            state.Stale = true;
            state.Token = Guid.NewGuid();
        }
    }

    private sealed class Touched
    {
        public HashSet<int> Plans { get; } = [];
        public HashSet<int> Components { get; } = [];
        public HashSet<int> Activities { get; } = [];
        public HashSet<int> Actions { get; } = [];
        public HashSet<int> Groups { get; } = [];
        public HashSet<int> DeletedPlans { get; } = [];

        public bool IsEmpty => Plans.Count + Components.Count + Activities.Count + Actions.Count + Groups.Count == 0;

        public async Task<HashSet<int>> PlanIdsAsync(AppDbContext db, CancellationToken ct)
        {
            var plans = new HashSet<int>(Plans);
            foreach (var query in Queries(db))
            {
                plans.UnionWith(await query.ToListAsync(ct).ConfigureAwait(false));
            }
            plans.ExceptWith(DeletedPlans);
            return plans;
        }

        public HashSet<int> PlanIds(AppDbContext db)
        {
            var plans = new HashSet<int>(Plans);
            foreach (var query in Queries(db))
            {
                plans.UnionWith([.. query]);
            }
            plans.ExceptWith(DeletedPlans);
            return plans;
        }

        /// <summary>Parts removed by a revision (ADR 033) are hidden by a query filter; their plan is still touched.</summary>
        private IEnumerable<IQueryable<int>> Queries(AppDbContext db)
        {
            if (Components.Count > 0)
            {
                yield return db.Components.IgnoreQueryFilters().Where(c => Components.Contains(c.Id)).Select(c => c.PlanId);
            }
            if (Activities.Count > 0)
            {
                yield return db.Activities.IgnoreQueryFilters().Where(a => Activities.Contains(a.Id)).Select(a => a.Component!.PlanId);
            }
            if (Actions.Count > 0)
            {
                yield return db.Actions.IgnoreQueryFilters().Where(a => Actions.Contains(a.Id)).Select(a => a.Activity!.Component!.PlanId);
            }
            if (Groups.Count > 0)
            {
                yield return db.ActionUnitGroups.IgnoreQueryFilters().Where(x => Groups.Contains(x.GroupId)).Select(x => x.Action!.Activity!.Component!.PlanId);
            }
        }
    }

    private static Touched? Collect(AppDbContext db)
    {
        Touched? touched = null;
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            if (entry.Entity is Plan && entry.State == EntityState.Deleted)
            {
                // Its state rows go with it (cascade); marking them would update rows being deleted.
                Pick(ref touched).DeletedPlans.Add(((Plan)entry.Entity).Id);
                continue;
            }
            var (set, key) = entry.Entity switch
            {
                Component => (Pick(ref touched).Plans, nameof(Component.PlanId)),
                Activity => (Pick(ref touched).Components, nameof(Activity.ComponentId)),
                PlanAction => (Pick(ref touched).Activities, nameof(PlanAction.ActivityId)),
                ProgressReport => (Pick(ref touched).Actions, nameof(ProgressReport.ActionId)),
                ScheduleEntry => (Pick(ref touched).Actions, nameof(ScheduleEntry.ActionId)),
                ActionUnit => (Pick(ref touched).Actions, nameof(ActionUnit.ActionId)),
                ActionUnitGroup => (Pick(ref touched).Actions, nameof(ActionUnitGroup.ActionId)),
                ActionPartTarget => (Pick(ref touched).Actions, nameof(ActionPartTarget.ActionId)),
                UnitGroupMember => (Pick(ref touched).Groups, nameof(UnitGroupMember.GroupId)),
                _ => ((HashSet<int>?)null, ""),
            };
            if (set is not null)
            {
                Add(set, entry.Property(key));
            }
        }
        return touched;
    }

    private static Touched Pick(ref Touched? touched) => touched ??= new Touched();

    // Both the value saved and the one it replaces: an action moved to another activity changes both plans' figures.
    // A temporary key (a parent added in the same save) is left out: the parent's own entry leads to the plan.
    private static void Add(HashSet<int> set, PropertyEntry property)
    {
        if (property.IsTemporary)
        {
            return;
        }
        if (property.CurrentValue is int current && current > 0)
        {
            set.Add(current);
        }
        if (property.EntityEntry.State != EntityState.Added && property.OriginalValue is int original && original > 0)
        {
            set.Add(original);
        }
    }
}
