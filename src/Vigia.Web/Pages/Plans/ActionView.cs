using Vigia.Core.OpenData;

namespace Vigia.Web.Pages.Plans;

/// <summary>An action as the public pages show it.</summary>
public sealed record ActionView(int Id, int Number, string ActivityCode, string ActivityName, string Description, string Goal,
    string? Deliverable, string? IndicatorFormula, decimal? TargetQuantity, TargetUnit TargetUnit, IReadOnlyList<string> ResponsibleUnits,
    IReadOnlyDictionary<int, decimal> Schedule)
{
    public string TargetText => TargetQuantity is not { } q
        ? "Sin meta numérica"
        : TargetUnit == TargetUnit.Percentage
            ? SpanishFormat.Percent(q)
            : SpanishFormat.Number(q);

    public string TargetUnitName => TargetUnit == TargetUnit.Percentage ? "porcentaje" : "cantidad";

    /// <summary>Some month of the schedule was written by the demo simulation, not by the entity.</summary>
    public bool ScheduleSimulated { get; init; }

    public static async Task<List<ActionView>> LoadAsync(IQueryable<PlanAction> actions, CancellationToken ct)
    {
        var rows = await actions.AsNoTracking()
            .OrderBy(a => a.Activity!.Order).ThenBy(a => a.Order)
            .Select(a => new
            {
                a.Id,
                a.Order,
                a.Activity!.Code,
                a.Activity.Name,
                a.Description,
                a.Goal,
                a.Deliverable,
                a.IndicatorFormula,
                a.TargetQuantity,
                a.TargetUnit,
                Units = a.ResponsibleUnits.Select(u => u.Unit!.Parent == null ? u.Unit.Name : u.Unit.Parent.Name + " / " + u.Unit.Name).ToList(),
                Groups = a.ResponsibleGroups.OrderBy(g => g.GroupId).Select(g => g.Spelling).ToList(),
                Schedule = a.Schedule.Select(s => new ScheduledMonth(s.Month, s.PlannedQuantity)).ToList(),
                ScheduleSimulated = a.Schedule.Any(s => s.IsSimulated),
            })
            .AsSplitQuery()
            .ToListAsync(ct);
        return rows.Select(a => new ActionView(a.Id, a.Order, a.Code, a.Name, a.Description, a.Goal, a.Deliverable, a.IndicatorFormula,
            a.TargetQuantity, a.TargetUnit, [.. a.Groups, .. a.Units], a.Schedule.ToDictionary(s => s.Month, s => s.Quantity))
        {
            ScheduleSimulated = a.ScheduleSimulated,
        }).ToList();
    }

    public static IQueryable<PlanAction> OfPlan(AppDbContext db, int planId) => db.Actions.Where(a => a.Activity!.Component!.PlanId == planId);
}
