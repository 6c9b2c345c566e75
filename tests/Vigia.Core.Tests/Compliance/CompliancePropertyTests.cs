using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Vigia.Core.Compliance;
using Vigia.Core.Plans;
using Vigia.Core.Progress;

namespace Vigia.Core.Tests.Compliance;

/// <summary>An action with a random target, unit, weight, schedule and reports.</summary>
public sealed record AnyAction(ActionInput Value)
{
    public override string ToString() =>
        $"{Value.Unit} target={Value.Target} weight={Value.Weight} schedule=[{string.Join(", ", Value.Schedule.Select(s => $"{s.Key}:{s.Value}"))}] "
        + $"reports=[{string.Join(", ", Value.Reports.Select(r => $"{r.Month}:{r.Quantity}:{r.Status}"))}]";
}

/// <summary>A month from 0 (before the plan year) to 12.</summary>
public readonly record struct MonthsCounted(int Value);

/// <summary>A small plan: components of activities of actions.</summary>
public sealed record AnyPlan(NodeInput Value)
{
    public override string ToString() => $"plan with {Value.Leaves().Count()} actions";
}

public static class ComplianceArbitraries
{
    private static readonly Gen<decimal> Quantity = Gen.Choose(0, 40).Select(n => (decimal)n);

    private static readonly Gen<ReportInput> Report =
        from month in Gen.Choose(1, 12)
        from quantity in Quantity
        from status in Gen.Elements(ReportStatus.Accepted, ReportStatus.Accepted, ReportStatus.Submitted, ReportStatus.Returned, ReportStatus.Superseded)
        from sequence in Gen.Choose(0, 1000)
        select new ReportInput(month, quantity, status, sequence);

    public static readonly Gen<ActionInput> Action =
        from unit in Gen.Elements(TargetUnit.Count, TargetUnit.Percentage)
        from target in Gen.OneOf(Gen.Constant((decimal?)null), Gen.Choose(1, 60).Select(n => (decimal?)n))
        from weight in Gen.OneOf(Gen.Constant((decimal?)null), Gen.Choose(1, 5).Select(n => (decimal?)n))
        from schedule in Gen.ListOf(Gen.Zip(Gen.Choose(1, 12), Gen.Choose(1, 20)))
        from reports in Gen.ListOf(Report)
        select new ActionInput(target, unit, weight,
            schedule.GroupBy(s => s.Item1).ToDictionary(g => g.Key, g => (decimal)g.First().Item2),
            reports.Select(r => unit == TargetUnit.Percentage ? r with { Quantity = Math.Min(100, r.Quantity * 3) } : r).ToList());

    private static Gen<NodeInput> Group(NodeKind kind, Gen<NodeInput> child) =>
        Gen.NonEmptyListOf(child).Select(children => new NodeInput(kind, 0, kind.ToString(), "", children.ToList()));

    public static Arbitrary<AnyAction> Actions() => Action.Select(a => new AnyAction(a)).ToArbitrary();

    public static Arbitrary<MonthsCounted> Months() => Gen.Choose(0, 12).Select(m => new MonthsCounted(m)).ToArbitrary();

    public static Arbitrary<AnyPlan> Plans()
    {
        var leaf = Action.Select(a => NodeInput.Leaf(0, "x", "", a));
        var activity = Group(NodeKind.Activity, leaf.Resize(4));
        var component = Group(NodeKind.Component, activity.Resize(3));
        return Group(NodeKind.Plan, component.Resize(4)).Select(p => new AnyPlan(p)).ToArbitrary();
    }
}

[Properties(Arbitrary = [typeof(ComplianceArbitraries)], MaxTest = 300)]
public class CompliancePropertyTests
{
    private const decimal Tolerance = 0.000_000_001m;

    private static bool InRange(Score score) => score.Percent is null || score.Percent is >= 0 and <= 100;

    [Property]
    public bool Percentages_AlwaysBetweenZeroAndOneHundred(AnyAction action, MonthsCounted months)
    {
        var result = ComplianceCalculator.Action(action.Value, months.Value);
        return InRange(result.ToDate) && InRange(result.Year);
    }

    [Property]
    public bool ExecutedNotAbovePlanned_PercentageNotAboveOneHundred(AnyAction action, MonthsCounted months)
    {
        var result = ComplianceCalculator.Action(action.Value, months.Value);
        return result.ExecutedToDate > result.PlannedToDate || result.ToDate.Percent is null
            || (result.ToDate.Percent <= 100 && result.ToDate.Percent == result.ExecutedToDate / result.PlannedToDate * 100);
    }

    [Property]
    public bool Rollup_EqualsTheWeightedMeanOfItsParts(AnyPlan plan, MonthsCounted months)
    {
        var result = ComplianceCalculator.Evaluate(plan.Value, months.Value);
        return Consistent(result, n => n.ToDate) && Consistent(result, n => n.Year);
    }

    [Property]
    public bool Rollup_OfThePlanEqualsTheWeightedMeanOfAllItsActions(AnyPlan plan, MonthsCounted months)
    {
        var result = ComplianceCalculator.Evaluate(plan.Value, months.Value);
        var direct = ComplianceCalculator.Rollup(result.Leaves().Select(l => l.ToDate));
        return Close(direct.Percent, result.ToDate.Percent) && direct.Weight == result.ToDate.Weight && InRange(result.ToDate) && InRange(result.Year);
    }

    [Property]
    public bool AddingAnAcceptedCountReport_NeverLowersCompliance(AnyPlan plan, MonthsCounted months, PositiveInt pick, NonNegativeInt quantity)
    {
        var leaves = plan.Value.Leaves().Where(l => l.Action!.Unit == TargetUnit.Count).ToList();
        if (leaves.Count == 0)
        {
            return true;
        }
        var target = leaves[pick.Get % leaves.Count];
        var month = Math.Max(1, months.Value);
        var report = new ReportInput(month, quantity.Get, ReportStatus.Accepted, long.MaxValue);
        return NeverLower(plan.Value, target, report, months.Value);
    }

    /// <summary>For percentage targets the latest accepted figure counts, so a report that states less than an
    /// earlier one lowers compliance by design (a fall in a percentage is meant to show); one that states no less
    /// than every accepted figure so far never lowers it.</summary>
    [Property]
    public bool AddingAnAcceptedPercentageReportNotBelowEarlierFigures_NeverLowersCompliance(AnyPlan plan, MonthsCounted months,
        MonthsCounted reportMonth, PositiveInt pick, NonNegativeInt extra)
    {
        var leaves = plan.Value.Leaves().Where(l => l.Action!.Unit == TargetUnit.Percentage).ToList();
        if (leaves.Count == 0)
        {
            return true;
        }
        var target = leaves[pick.Get % leaves.Count];
        var highest = target.Action!.Reports.Where(r => r.Status == ReportStatus.Accepted).Select(r => r.Quantity).DefaultIfEmpty(0).Max();
        var report = new ReportInput(Math.Max(1, reportMonth.Value), Math.Min(100, highest + (extra.Get % 20)), ReportStatus.Accepted, long.MaxValue);
        return NeverLower(plan.Value, target, report, months.Value);
    }

    private static bool NeverLower(NodeInput plan, NodeInput target, ReportInput report, int months)
    {
        var before = ComplianceCalculator.Evaluate(plan, months);
        var after = ComplianceCalculator.Evaluate(Replace(plan, target, target with
        {
            Action = target.Action! with { Reports = [.. target.Action.Reports, report] },
        }), months);
        return NotLower(before.ToDate, after.ToDate) && NotLower(before.Year, after.Year);
    }

    private static bool NotLower(Score before, Score after) =>
        before.Percent is not { } b || (after.Percent is { } a && a >= b - Tolerance);

    private static NodeInput Replace(NodeInput node, NodeInput target, NodeInput replacement) =>
        ReferenceEquals(node, target) ? replacement : node with { Children = node.Children.Select(c => Replace(c, target, replacement)).ToList() };

    private static bool Consistent(ComplianceNode node, Func<ComplianceNode, Score> measure)
    {
        if (node.Children.Count == 0)
        {
            return true;
        }
        var parts = node.Children.Select(measure).Where(s => s.Counts).ToList();
        var weight = parts.Sum(p => p.Weight);
        var expected = weight == 0 ? (decimal?)null : parts.Sum(p => p.Weight * p.Percent!.Value) / weight;
        return Close(expected, measure(node).Percent) && measure(node).Weight == weight && node.Children.All(c => Consistent(c, measure));
    }

    private static bool Close(decimal? a, decimal? b) => a is null ? b is null : b is not null && Math.Abs(a.Value - b.Value) <= Tolerance;
}
