using Vigia.Core.Plans;

namespace Vigia.Core.OpenData;

public sealed record ScheduledMonth(int Month, decimal Quantity);

/// <summary>One action of a plan flattened for open data: one row per action, with the Spanish column
/// names of the published data set.</summary>
public sealed record ActionRow(
    int ComponentNumber,
    string? SubcomponentCode,
    string Component,
    string? Subcomponent,
    string ActivityCode,
    string Activity,
    int ActionNumber,
    string Description,
    string Goal,
    string? Deliverable,
    string? IndicatorFormula,
    decimal? TargetQuantity,
    TargetUnit TargetUnit,
    IReadOnlyList<string> ResponsibleUnits,
    IReadOnlyList<ScheduledMonth> Schedule,
    bool ScheduleSimulated = false)
{
    /// <summary>The header, from the data dictionary (<see cref="OpenDatasets.Actions"/>).</summary>
    public static IReadOnlyList<string> Columns => OpenDatasets.Actions.ColumnNames;

    public static string UnitName(TargetUnit unit) => unit == TargetUnit.Percentage ? "porcentaje" : "cantidad";

    public static string FormatNumber(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    public IReadOnlyList<string> ToCells() =>
    [
        Component,
        Subcomponent ?? "",
        ActivityCode,
        Activity,
        ActionNumber.ToString(CultureInfo.InvariantCulture),
        Description,
        Goal,
        Deliverable ?? "",
        IndicatorFormula ?? "",
        TargetQuantity is { } q ? FormatNumber(q) : "",
        UnitName(TargetUnit),
        string.Join(" | ", ResponsibleUnits),
        string.Join(" | ", Schedule.Select(s => $"{s.Month}:{FormatNumber(s.Quantity)}")),
        ScheduleSimulated ? "si" : "no",
    ];

    public static async Task<List<ActionRow>> LoadAsync(AppDbContext db, int planId, CancellationToken ct = default)
    {
        var actions = await db.Actions.AsNoTracking()
            .Where(a => a.Activity!.Component!.PlanId == planId)
            .OrderBy(a => a.Activity!.Component!.Number).ThenBy(a => a.Activity!.Order).ThenBy(a => a.Order)
            .Select(a => new
            {
                a.Activity!.Component!.Number,
                SubcomponentCode = a.Activity.Subcomponent == null ? null : a.Activity.Subcomponent.Code,
                Component = a.Activity!.Component!.Number + ". " + a.Activity.Component.Name,
                Subcomponent = a.Activity.Subcomponent == null ? null : a.Activity.Subcomponent.Code + " " + a.Activity.Subcomponent.Name,
                a.Activity.Code,
                ActivityName = a.Activity.Name,
                a.Order,
                a.Description,
                a.Goal,
                a.Deliverable,
                a.IndicatorFormula,
                a.TargetQuantity,
                a.TargetUnit,
                Units = a.ResponsibleUnits.OrderBy(u => u.UnitId).Select(u => u.Unit!.Parent == null ? u.Unit.Name : u.Unit.Parent.Name + " / " + u.Unit.Name).ToList(),
                // A collective responsible is listed as the document wrote it, before the units (as the file published before groups existed).
                Groups = a.ResponsibleGroups.OrderBy(g => g.GroupId).Select(g => g.Spelling).ToList(),
                Schedule = a.Schedule.OrderBy(s => s.Month).Select(s => new ScheduledMonth(s.Month, s.PlannedQuantity)).ToList(),
                // The same flag as every «Programación simulada» (Schedule.SimulatedSchedule).
                ScheduleSimulated = a.Schedule.Any(s => s.IsSimulated),
            })
            .AsSplitQuery()
            .ToListAsync(ct);
        return actions.Select(a => new ActionRow(a.Number, a.SubcomponentCode, a.Component, a.Subcomponent, a.Code, a.ActivityName, a.Order, a.Description, a.Goal,
            a.Deliverable, a.IndicatorFormula, a.TargetQuantity, a.TargetUnit, [.. a.Groups, .. a.Units], a.Schedule,
            a.ScheduleSimulated)).ToList();
    }
}
