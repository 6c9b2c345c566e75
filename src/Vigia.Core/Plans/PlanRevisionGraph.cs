using Vigia.Core.Schedule;

namespace Vigia.Core.Plans;

/// <summary>A revision's snapshot as a detached, untracked <see cref="Plan"/> graph and back, so the one set of editing
/// rules (<see cref="PlanDraftService"/>) edits a first draft's live rows and a revision's snapshot alike (ADR 033).
/// Ids travel both ways: live ids for parts that exist, negative temporary ids for parts added in the revision.</summary>
public static class PlanRevisionGraph
{
    public static Plan ToPlan(PlanSnapshot snapshot, int planId, int entityId)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var plan = new Plan { Id = planId, EntityId = entityId, Title = snapshot.Title };
        foreach (var c in snapshot.Components)
        {
            var component = new Component { Id = c.Id, PlanId = planId, Number = c.Number, Name = c.Name, Plan = plan };
            var order = 0;
            component.Subcomponents.AddRange((c.Subcomponents ?? []).Select(s =>
                new Subcomponent { Id = s.Id, Code = s.Code, Name = s.Name, Order = ++order, Component = component, ComponentId = c.Id }));
            order = 0;
            foreach (var a in c.Activities)
            {
                var sub = component.Subcomponents.FirstOrDefault(s => s.Id == a.SubcomponentId);
                var activity = new Activity
                {
                    Id = a.Id,
                    Code = a.Code,
                    Name = a.Name,
                    Order = ++order,
                    Component = component,
                    ComponentId = c.Id,
                    Subcomponent = sub,
                    SubcomponentId = sub?.Id,
                };
                activity.Actions.AddRange(a.Actions.Select(x => new PlanAction
                {
                    Id = x.Id,
                    ActivityId = a.Id,
                    Activity = activity,
                    Order = x.Order,
                    Description = x.Description,
                    Goal = x.Goal,
                    Deliverable = x.Deliverable,
                    IndicatorFormula = x.IndicatorFormula,
                    TargetQuantity = x.TargetQuantity,
                    TargetUnit = x.TargetUnit,
                    ResponsibleText = x.ResponsibleText,
                    ResponsibleUnits = (x.UnitIds ?? []).Select(u => new ActionUnit { ActionId = x.Id, UnitId = u }).ToList(),
                    Schedule = x.Schedule.Select(kv => new ScheduleEntry { ActionId = x.Id, Month = kv.Key, PlannedQuantity = kv.Value }).ToList(),
                }));
                component.Activities.Add(activity);
            }
            plan.Components.Add(component);
        }
        return plan;
    }

    /// <summary>The graph as a snapshot, in the document's order; a part added since it was read (id 0) gets the next
    /// free negative id, written on the part too so the caller can answer with it.</summary>
    public static PlanSnapshot FromPlan(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var next = Math.Min(0, plan.Components.Select(c => c.Id)
            .Concat(plan.Components.SelectMany(c => c.Subcomponents).Select(s => s.Id))
            .Concat(plan.Components.SelectMany(c => c.Activities).Select(a => a.Id))
            .Concat(plan.Components.SelectMany(c => c.Activities).SelectMany(a => a.Actions).Select(x => x.Id))
            .DefaultIfEmpty(0).Min()) - 1;
        int Identify(int id) => id != 0 ? id : next--;
        var components = new List<ComponentSnapshot>();
        foreach (var c in plan.Components.OrderBy(c => c.Number))
        {
            c.Id = Identify(c.Id);
            foreach (var s in c.Subcomponents.OrderBy(s => s.Order))
            {
                s.Id = Identify(s.Id);
            }
            var activities = new List<ActivitySnapshot>();
            foreach (var a in c.Activities.OrderBy(a => a.Order))
            {
                a.Id = Identify(a.Id);
                var actions = new List<ActionSnapshot>();
                foreach (var x in a.Actions.OrderBy(x => x.Order))
                {
                    x.Id = Identify(x.Id);
                    actions.Add(new ActionSnapshot(x.Id, x.Order, x.Description, x.Goal, x.Deliverable, x.IndicatorFormula, x.TargetQuantity,
                        x.TargetUnit, x.ResponsibleText,
                        x.Schedule.Where(s => s.PlannedQuantity != 0).OrderBy(s => s.Month).ToDictionary(s => s.Month, s => s.PlannedQuantity),
                        x.ResponsibleUnits.Select(u => u.UnitId).Order().ToList()));
                }
                activities.Add(new ActivitySnapshot(a.Code, a.Name, a.Subcomponent?.Code, a.Subcomponent?.Name, actions, a.Id, a.Subcomponent?.Id));
            }
            components.Add(new ComponentSnapshot(c.Number, c.Name, activities, c.Id,
                c.Subcomponents.OrderBy(s => s.Order).Select(s => new SubcomponentSnapshot(s.Id, s.Code, s.Name)).ToList()));
        }
        return new PlanSnapshot(plan.Title, components);
    }
}
