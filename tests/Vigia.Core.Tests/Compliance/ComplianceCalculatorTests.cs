using Vigia.Core.Compliance;
using Vigia.Core.Plans;
using Vigia.Core.Progress;

namespace Vigia.Core.Tests.Compliance;

public class ComplianceCalculatorTests
{
    private static ActionInput Count(decimal? target, Dictionary<int, decimal> schedule, params ReportInput[] reports) =>
        new(target, TargetUnit.Count, null, schedule, reports);

    private static ReportInput Accepted(int month, decimal quantity, long sequence = 0) => new(month, quantity, ReportStatus.Accepted, sequence);

    private static Dictionary<int, decimal> Monthly(decimal each, params int[] months) => months.ToDictionary(m => m, _ => each);

    [Theory]
    [InlineData("2022-04-30", 4)]
    [InlineData("2022-04-29", 3)]
    [InlineData("2022-04-01", 3)]
    [InlineData("2022-01-15", 0)]
    [InlineData("2022-01-31", 1)]
    [InlineData("2022-02-28", 2)]
    [InlineData("2022-12-31", 12)]
    [InlineData("2021-12-31", 0)]
    [InlineData("2023-01-01", 12)]
    public void MonthsCounted_OnlyMonthsThatHaveEnded(string at, int expected) =>
        Assert.Equal(expected, ComplianceCalculator.MonthsCounted(2022, DateOnly.Parse(at, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Count_ExecutedAgainstPlannedToDate_AndAgainstTheYear()
    {
        var action = Count(11, Monthly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), Accepted(2, 1), Accepted(3, 1), Accepted(4, 1));

        var result = ComplianceCalculator.Action(action, 4);

        Assert.Equal(3, result.PlannedToDate);
        Assert.Equal(3, result.ExecutedToDate);
        Assert.Equal(100, result.ToDate.Percent);
        Assert.Equal(3m / 11 * 100, result.Year.Percent);
    }

    [Fact]
    public void OnlyAcceptedReportsCount()
    {
        var action = Count(4, Monthly(1, 3, 6, 9, 12),
            Accepted(3, 1),
            new ReportInput(6, 1, ReportStatus.Submitted),
            new ReportInput(6, 1, ReportStatus.Returned),
            new ReportInput(6, 1, ReportStatus.Superseded));

        var result = ComplianceCalculator.Action(action, 6);

        Assert.Equal(1, result.ExecutedToDate);
        Assert.Equal(50, result.ToDate.Percent);
    }

    [Fact]
    public void ReportsOfMonthsNotCountedYet_DoNotCount()
    {
        var action = Count(4, Monthly(1, 3, 6, 9, 12), Accepted(3, 1), Accepted(4, 1));

        Assert.Equal(1, ComplianceCalculator.Action(action, 3).ExecutedToDate);
    }

    [Fact]
    public void OverExecution_CappedAtOneHundred()
    {
        var action = Count(10, Monthly(5, 6, 12), Accepted(6, 9));

        var result = ComplianceCalculator.Action(action, 6);

        Assert.Equal(100, result.ToDate.Percent);
        Assert.Equal(90, result.Year.Percent);
    }

    [Fact]
    public void Percentage_ExecutedIsTheLatestAcceptedFigure_NotASum()
    {
        var action = new ActionInput(100, TargetUnit.Percentage, null, new Dictionary<int, decimal> { [6] = 50, [12] = 100 },
            [Accepted(3, 30), Accepted(6, 40, sequence: 1), Accepted(6, 45, sequence: 2), new ReportInput(7, 90, ReportStatus.Submitted)]);

        var result = ComplianceCalculator.Action(action, 7);

        Assert.Equal(50, result.PlannedToDate);
        Assert.Equal(45, result.ExecutedToDate);
        Assert.Equal(90, result.ToDate.Percent);
        Assert.Equal(45, result.Year.Percent);
    }

    [Fact]
    public void NothingPlannedYet_DoesNotCountToDate_ButCountsForTheYear()
    {
        var action = Count(1, Monthly(1, 12), Accepted(2, 1));

        var result = ComplianceCalculator.Action(action, 4);

        Assert.Null(result.ToDate.Percent);
        Assert.False(result.ToDate.Counts);
        Assert.Equal(100, result.Year.Percent);
    }

    [Fact]
    public void Unscheduled_NotCountedToDate_CountedAgainstTheYearsTarget()
    {
        var result = ComplianceCalculator.Action(Count(5, []), 12);

        Assert.False(result.ToDate.Counts);
        Assert.Equal(0, result.Year.Percent);
        Assert.True(result.Year.Counts);
    }

    [Fact]
    public void NoTarget_TheScheduleTotalIsTheYearsTarget()
    {
        var result = ComplianceCalculator.Action(Count(null, Monthly(2, 6, 12), Accepted(6, 2)), 12);

        Assert.Equal(4, result.YearTarget);
        Assert.Equal(50, result.Year.Percent);
    }

    [Fact]
    public void NoTargetNoSchedule_DoesNotCountAtAll()
    {
        var result = ComplianceCalculator.Action(Count(null, []), 12);

        Assert.False(result.ToDate.Counts);
        Assert.False(result.Year.Counts);
    }

    [Fact]
    public void MissingMonths_PlannedEndedMonthsWithoutAnAcceptedOrSubmittedReport()
    {
        var action = Count(4, Monthly(1, 1, 2, 3, 4),
            Accepted(1, 1), new ReportInput(2, 1, ReportStatus.Submitted, IsLate: true), new ReportInput(3, 1, ReportStatus.Returned));

        var result = ComplianceCalculator.Action(action, 4);

        Assert.Equal([3, 4], result.MissingMonths);
        Assert.Equal(1, result.LateReports);
    }

    [Fact]
    public void Weight_EqualUnlessSet()
    {
        Assert.Equal(1, ComplianceCalculator.Action(Count(1, Monthly(1, 1)), 1).ToDate.Weight);
        Assert.Equal(3, ComplianceCalculator.Action(Count(1, Monthly(1, 1)) with { Weight = 3 }, 1).ToDate.Weight);
    }

    [Fact]
    public void Rollup_WeightedMeanOfThePartsThatCount()
    {
        var score = ComplianceCalculator.Rollup([new Score(100, 1), new Score(40, 3), Score.None, new Score(0, 0)]);

        Assert.Equal(55, score.Percent);
        Assert.Equal(4, score.Weight);
    }

    [Fact]
    public void Evaluate_ComponentWeightIsItsActionsWeight_SoThePlanIsTheMeanOfAllActions()
    {
        NodeInput Leaf(int id, decimal executed) => NodeInput.Leaf(id, $"a{id}", "", Count(1, Monthly(1, 1), Accepted(1, executed)));
        var plan = new NodeInput(NodeKind.Plan, 1, "2022", "Plan",
        [
            new NodeInput(NodeKind.Component, 1, "1", "Uno", [Leaf(1, 1), Leaf(2, 1), Leaf(3, 1)]),
            new NodeInput(NodeKind.Component, 2, "2", "Dos", [Leaf(4, 0)]),
        ]);

        var result = ComplianceCalculator.Evaluate(plan, 1);

        Assert.Equal(75, result.ToDate.Percent);
        Assert.Equal(4, result.PlannedActions);
        Assert.Equal(3, result.CompletedActions);
        Assert.Equal([100m, 0m], result.Children.Select(c => c.ToDate.Percent!.Value));
    }

    [Fact]
    public void Curve_PlannedAndExecutedShareOfTheYearsTargetsByMonth()
    {
        var actions = new[]
        {
            Count(4, Monthly(1, 3, 6, 9, 12), Accepted(3, 1), Accepted(6, 1)),
            Count(1, Monthly(1, 12)),
        };

        var curve = ComplianceCalculator.Curve(actions, 6);

        Assert.Equal(12, curve.Count);
        Assert.Equal(0, curve[1].Planned);
        Assert.Equal(12.5m, curve[2].Planned);
        Assert.Equal(25m, curve[5].Planned);
        Assert.Equal(25m, curve[5].Executed);
        Assert.Null(curve[6].Executed);
        Assert.Equal(100m, curve[11].Planned);
    }
}
