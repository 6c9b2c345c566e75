using Vigia.Core.Plans;
using Vigia.Core.Progress;

namespace Vigia.Core.Compliance;

/// <summary>A report as the compliance rules see it. <paramref name="Sequence"/> orders reports of the same month
/// (the later one is the more recent statement).</summary>
/// <paramref name="UnitId"/> is the part it reports, for a collective action; null reports the action as a whole.
public sealed record ReportInput(int Month, decimal Quantity, ReportStatus Status, long Sequence = 0, bool IsLate = false, int? UnitId = null);

/// <summary>One unit's part of a collective action: the unit and the target Planeación set for it (null: an even share).</summary>
public sealed record PartInput(int UnitId, decimal? Target);

/// <summary>What one part of a collective action owes and has executed by a date (accepted reports of the months counted).
/// For a percentage action each part owes the action's percentage and <paramref name="Executed"/> is its latest figure.</summary>
public sealed record PartResult(int UnitId, decimal? Target, decimal Executed);

/// <summary>An action as the compliance rules see it: its year target, weight, schedule (month → planned) and reports.</summary>
/// <paramref name="Parts"/> are the units that report a collective action each their own part; empty for an action without a
/// group, which is computed exactly as before parts existed.
public sealed record ActionInput(decimal? Target, TargetUnit Unit, decimal? Weight, IReadOnlyDictionary<int, decimal> Schedule,
    IReadOnlyList<ReportInput> Reports, IReadOnlyList<PartInput>? Parts = null)
{
    public bool HasParts => Parts is { Count: > 0 };

    /// <summary>Its weight in roll-ups: 1 unless set; a negative weight counts as zero.</summary>
    public decimal EffectiveWeight => Weight is { } w ? Math.Max(0, w) : 1m;
}

public enum NodeKind
{
    Plan = 1,
    Component = 2,
    Subcomponent = 3,
    Activity = 4,
    Action = 5,
}

/// <summary>One node of a plan's tree for the calculator: a group with children, or an action leaf.</summary>
/// <param name="Code">"3", "3.1", "3.1.4" or "3.1.4-1"; the plan's year for the plan.</param>
public sealed record NodeInput(NodeKind Kind, int Id, string Code, string Name, IReadOnlyList<NodeInput> Children, ActionInput? Action = null)
{
    public static NodeInput Leaf(int id, string code, string name, ActionInput action) => new(NodeKind.Action, id, code, name, [], action);

    public IEnumerable<NodeInput> Leaves() => Action is not null ? [this] : Children.SelectMany(c => c.Leaves());
}

/// <summary>A percentage in [0, 100] with the weight it carries in its parent's roll-up. A score without a
/// percentage ("no aplica") does not count: nothing was planned, or there is no target.</summary>
public readonly record struct Score(decimal? Percent, decimal Weight)
{
    public static Score None { get; } = new(null, 0);

    public bool Counts => Percent is not null && Weight > 0;
}

/// <summary>What the rules say about one action at a date.</summary>
/// <param name="PlannedToDate">Counts: the sum of the months counted; percentages: the last milestone among them.</param>
/// <param name="ExecutedToDate">Counts: the sum of accepted reports of the months counted; percentages: the latest accepted figure.</param>
/// <param name="YearTarget">The target, or the schedule's total when the action has no numeric target.</param>
/// <param name="MissingMonths">Months counted with something planned and no accepted or submitted report.</param>
/// <param name="LateReports">Reports of the months counted that were submitted after their deadline.</param>
public sealed record ActionResult(decimal PlannedToDate, decimal ExecutedToDate, decimal? YearTarget, Score ToDate, Score Year,
    IReadOnlyList<int> MissingMonths, int LateReports);

/// <summary>The compliance of a node of the plan at a date. <see cref="Official"/> is the headline figure;
/// <paramref name="ToDate"/> is the weighted progress («avance ponderado»), a second figure without a band.</summary>
/// <param name="ToDate">Executed to date against planned to date, rolled up as a weighted mean.</param>
/// <param name="Year">Executed to date against the year's target, rolled up.</param>
/// <param name="ActionCount">Actions under the node.</param>
/// <param name="PlannedActions">Actions with something planned in the months counted ("programadas a la fecha").</param>
/// <param name="CompletedActions">Of those, the ones at 100 % to date ("cumplidas a la fecha").</param>
public sealed record ComplianceNode(NodeKind Kind, int Id, string Code, string Name, Score ToDate, Score Year, int ActionCount,
    int PlannedActions, int CompletedActions, IReadOnlyList<ComplianceNode> Children, ActionResult? Action = null)
{
    public IEnumerable<ComplianceNode> Leaves() => Action is not null ? [this] : Children.SelectMany(c => c.Leaves());

    /// <summary>The official counts and percentage (<see cref="OfficialCompliance"/>).</summary>
    public OfficialCount Official { get; init; } = OfficialCount.Zero;

    /// <summary>Actions under the node with a monthly schedule; none means «sin programación», which Planeación must set.</summary>
    public int ScheduledActions { get; init; }

    public bool IsUnscheduled => ScheduledActions == 0;
}

/// <summary>One month of the planned-versus-executed curve, as a percentage of the year's targets reached by the
/// end of that month. Executed is null for months not counted yet.</summary>
public sealed record CurvePoint(int Month, decimal? Planned, decimal? Executed);
