using Vigia.Core.Progress;

namespace Vigia.Core.Compliance;

/// <summary>A responsible unit of an action, with its name as the pages show it («Organismo / Dependencia»).</summary>
internal sealed record UnitLink(int ActionId, int UnitId, string Name);

/// <summary>Where an action sits in its plan.</summary>
internal sealed record ActionPlace(int ComponentId, int ComponentNumber, int ActivityId);

/// <summary>A plan read in a few flat queries and assembled into the calculator's tree: the one loading code of
/// <see cref="ComplianceService"/> (one plan) and of the stored verdicts' refresh (<see cref="Stored.ComplianceStateStore"/>,
/// many plans in the same few queries).</summary>
internal sealed record PlanData(int PlanId, int Year, NodeInput Tree, IReadOnlyDictionary<int, int> ComponentOf, ILookup<int, UnitLink> UnitsOf,
    bool HasSimulatedData)
{
    public IReadOnlyDictionary<(int ActionId, int UnitId), string> PartNames { get; init; } = new Dictionary<(int, int), string>();

    /// <summary>Some month of the plan's schedule was made by the demo simulation (<see cref="Schedule.ScheduleEntry.IsSimulated"/>):
    /// what is programmed in the period, and so every official figure, rests on it.</summary>
    public bool HasSimulatedSchedule { get; init; }

    /// <summary>Each action's component and activity (by action id).</summary>
    public IReadOnlyDictionary<int, ActionPlace> Places { get; init; } = new Dictionary<int, ActionPlace>();

    public static async Task<PlanData?> LoadAsync(AppDbContext db, int planId, CancellationToken ct) =>
        (await LoadManyAsync(db, [planId], ct)).GetValueOrDefault(planId);

    /// <summary>The plans of <paramref name="planIds"/> that exist, by id, read in the same nine queries whatever their number.</summary>
    public static async Task<IReadOnlyDictionary<int, PlanData>> LoadManyAsync(AppDbContext db, IReadOnlyCollection<int> planIds, CancellationToken ct)
    {
        var plans = await db.Plans.AsNoTracking().Where(p => planIds.Contains(p.Id)).Select(p => new { p.Id, p.Year, p.Title }).ToListAsync(ct);
        if (plans.Count == 0)
        {
            return new Dictionary<int, PlanData>();
        }
        var components = await db.Components.AsNoTracking().Where(c => planIds.Contains(c.PlanId)).OrderBy(c => c.Number)
            .Select(c => new { c.Id, c.PlanId, c.Number, c.Name }).ToListAsync(ct);
        var subcomponents = await db.Subcomponents.AsNoTracking().Where(s => planIds.Contains(s.Component!.PlanId)).OrderBy(s => s.Order)
            .Select(s => new { s.Id, s.ComponentId, s.Code, s.Name }).ToListAsync(ct);
        var activities = await db.Activities.AsNoTracking().Where(a => planIds.Contains(a.Component!.PlanId)).OrderBy(a => a.Order)
            .Select(a => new { a.Id, a.ComponentId, a.SubcomponentId, a.Code, a.Name }).ToListAsync(ct);
        var actions = await db.Actions.AsNoTracking().Where(a => planIds.Contains(a.Activity!.Component!.PlanId)).OrderBy(a => a.Order)
            .Select(a => new { a.Id, a.ActivityId, a.Order, a.Goal, a.TargetQuantity, a.TargetUnit, a.Weight }).ToListAsync(ct);
        var schedule = (await db.ScheduleEntries.AsNoTracking().Where(s => planIds.Contains(s.Action!.Activity!.Component!.PlanId))
            .Select(s => new { s.ActionId, s.Month, s.PlannedQuantity, s.IsSimulated }).ToListAsync(ct)).ToLookup(s => s.ActionId);
        var reports = await db.ProgressReports.AsNoTracking()
            .Where(r => planIds.Contains(r.Action!.Activity!.Component!.PlanId) && r.Status != ReportStatus.Superseded)
            .Select(r => new { r.Id, r.ActionId, r.UnitId, r.Month, r.ExecutedQuantity, r.Status, r.IsLate, r.IsSimulated }).ToListAsync(ct);
        var parts = await ActionParts.ForPlansAsync(db, planIds, ct);
        var units = (await db.ActionUnits.AsNoTracking().Where(x => planIds.Contains(x.Action!.Activity!.Component!.PlanId))
            .Select(x => new { x.ActionId, x.UnitId, x.Unit!.Name, Parent = x.Unit.Parent == null ? null : x.Unit.Parent.Name })
            .ToListAsync(ct)).ToLookup(u => u.ActionId);

        var reportsOf = reports.ToLookup(r => r.ActionId);
        var actionsOf = actions.ToLookup(a => a.ActivityId);
        var componentsOf = components.ToLookup(c => c.PlanId);
        var subcomponentsOf = subcomponents.ToLookup(s => s.ComponentId);
        var directActivitiesOf = activities.Where(a => a.SubcomponentId is null).ToLookup(a => a.ComponentId);
        var activitiesOfSubcomponent = activities.Where(a => a.SubcomponentId is not null).ToLookup(a => a.SubcomponentId!.Value);
        var component = components.ToDictionary(c => c.Id);
        var places = activities.ToDictionary(a => a.Id, a => new ActionPlace(a.ComponentId, component[a.ComponentId].Number, a.Id));

        NodeInput Activity(int id, string code, string name) => new(NodeKind.Activity, id, code, name,
            actionsOf[id].Select(a => NodeInput.Leaf(a.Id, $"{code}-{a.Order}", a.Goal, new ActionInput(a.TargetQuantity, a.TargetUnit,
                a.Weight, schedule[a.Id].ToDictionary(s => s.Month, s => s.PlannedQuantity),
                reportsOf[a.Id].Select(r => new ReportInput(r.Month, r.ExecutedQuantity, r.Status, r.Id, r.IsLate, r.UnitId)).ToList(),
                parts[a.Id].Select(p => new PartInput(p.UnitId, p.SetTarget)).ToList()))).ToList());
        NodeInput Component(int id, int number, string name) => new(NodeKind.Component, id, number.ToString(CultureInfo.InvariantCulture), name,
            directActivitiesOf[id].Select(a => Activity(a.Id, a.Code, a.Name))
                .Concat(subcomponentsOf[id].Select(s => new NodeInput(NodeKind.Subcomponent, s.Id, s.Code, s.Name,
                    activitiesOfSubcomponent[s.Id].Select(a => Activity(a.Id, a.Code, a.Name)).ToList())))
                .ToList());

        var result = new Dictionary<int, PlanData>();
        foreach (var plan in plans)
        {
            var tree = new NodeInput(NodeKind.Plan, plan.Id, plan.Year.ToString(CultureInfo.InvariantCulture), plan.Title,
                componentsOf[plan.Id].Select(c => Component(c.Id, c.Number, c.Name)).ToList());
            var placeOf = new Dictionary<int, ActionPlace>();
            foreach (var activity in tree.Children.SelectMany(Activities))
            {
                foreach (var leaf in activity.Children)
                {
                    placeOf[leaf.Id] = places[activity.Id];
                }
            }
            result[plan.Id] = new PlanData(plan.Id, plan.Year, tree, placeOf.ToDictionary(p => p.Key, p => p.Value.ComponentNumber),
                placeOf.Keys.SelectMany(a => units[a]).Select(u => new UnitLink(u.ActionId, u.UnitId, u.Parent is null ? u.Name : $"{u.Parent} / {u.Name}"))
                    .ToLookup(u => u.ActionId),
                placeOf.Keys.Any(a => reportsOf[a].Any(r => r.IsSimulated)))
            {
                PartNames = placeOf.Keys.SelectMany(a => parts[a]).ToDictionary(p => (p.ActionId, p.UnitId), p => p.UnitName),
                Places = placeOf,
                HasSimulatedSchedule = placeOf.Keys.Any(a => schedule[a].Any(s => s.IsSimulated)),
            };
        }
        return result;
    }

    private static IEnumerable<NodeInput> Activities(NodeInput node) =>
        node.Kind == NodeKind.Activity ? [node] : node.Children.SelectMany(Activities);
}
