using Vigia.Core.Compliance;
using Vigia.Core.Plans;
using Vigia.Core.Progress;

namespace Vigia.Core.Tests.Compliance;

/// <summary>The one official figure (issue 9): completed ÷ programmed activities in the period, action counts beside it.</summary>
public class OfficialComplianceTests
{
    private static ActionInput Count(Dictionary<int, decimal> schedule, params ReportInput[] reports) =>
        new(schedule.Values.Sum(), TargetUnit.Count, null, schedule, reports);

    private static ReportInput Accepted(int month, decimal quantity) => new(month, quantity, ReportStatus.Accepted);

    private static NodeInput Activity(int id, string code, params ActionInput[] actions) =>
        new(NodeKind.Activity, id, code, code, actions.Select((a, i) => NodeInput.Leaf((id * 10) + i, $"{code}-{i + 1}", "", a)).ToList());

    [Fact]
    public void Activity_IsCompletedOnlyWhenEveryProgrammedActionIs()
    {
        var count = OfficialCompliance.Activity([new("1.1.1", true, true), new("1.1.1", true, false), new("1.1.1", false, false)]);

        Assert.Equal(new OfficialCount(1, 1, 0, 3, 2, 1), count);
        Assert.Equal(0m, count.Percent);
        Assert.Equal(50m, count.ActionPercent);
    }

    [Fact]
    public void Activity_WithNothingProgrammed_DoesNotCount()
    {
        var count = OfficialCompliance.Activity([new("1.1.1", false, false)]);

        Assert.Equal(new OfficialCount(1, 0, 0, 1, 0, 0), count);
        Assert.Null(count.Percent);
    }

    [Fact]
    public void Count_GroupsActionsByActivity_AndRoundsToOneDecimal()
    {
        var count = OfficialCompliance.Count(
        [
            new("1.1.1", true, true), new("1.1.1", true, true),
            new("1.1.2", true, true),
            new("1.2.1", true, false),
        ]);

        Assert.Equal(new OfficialCount(3, 3, 2, 4, 4, 3), count);
        Assert.Equal(66.7m, count.Percent);
    }

    [Fact]
    public void Evaluate_CountsActivitiesUpTheTree_WithTheWeightedMeanBesideIt()
    {
        // 1.1.1: both programmed actions reach what was planned; 1.1.2: one falls short (50 %); 1.1.3: nothing planned yet.
        var component = new NodeInput(NodeKind.Component, 1, "1", "Uno",
        [
            Activity(1, "1.1.1", Count(new() { [1] = 1 }, Accepted(1, 1)), Count(new() { [2] = 2 }, Accepted(2, 3))),
            Activity(2, "1.1.2", Count(new() { [1] = 2 }, Accepted(1, 1)), Count(new() { [1] = 1 }, Accepted(1, 1))),
            Activity(3, "1.1.3", Count(new() { [6] = 1 })),
        ]);
        var plan = new NodeInput(NodeKind.Plan, 1, "2022", "Plan", [component]);

        var result = ComplianceCalculator.Evaluate(plan, 4);

        Assert.Equal(new OfficialCount(3, 2, 1, 5, 4, 3), result.Official);
        Assert.Equal(50m, result.Official.Percent);
        Assert.Equal(87.5m, result.ToDate.Percent);
        Assert.Equal(result.Official, result.Children[0].Official);
        Assert.False(result.IsUnscheduled);
    }

    [Fact]
    public void Evaluate_WithoutAnyMonthlySchedule_IsUnscheduledRatherThanZero()
    {
        var plan = new NodeInput(NodeKind.Plan, 1, "2022", "Plan",
            [new NodeInput(NodeKind.Component, 1, "1", "Uno", [Activity(1, "1.1.1", Count([]), Count([]))])]);

        var result = ComplianceCalculator.Evaluate(plan, 4);

        Assert.True(result.IsUnscheduled);
        Assert.Null(result.Official.Percent);
        Assert.Equal(new OfficialCount(1, 0, 0, 2, 0, 0), result.Official);
    }

    [Fact]
    public void Verdict_IsTheRuleTheFollowUpUsesForAnUnassessedAction()
    {
        var shortfall = ComplianceCalculator.Action(Count(new() { [3] = 2 }, Accepted(3, 1)), 4);
        var reached = ComplianceCalculator.Action(Count(new() { [3] = 2 }, Accepted(3, 2), new ReportInput(4, 5, ReportStatus.Submitted)), 4);
        var later = ComplianceCalculator.Action(Count(new() { [6] = 2 }), 4);

        Assert.Equal(new ActionVerdict("x", true, false), ComplianceCalculator.Verdict("x", shortfall));
        Assert.Equal(new ActionVerdict("x", true, true), ComplianceCalculator.Verdict("x", reached));
        Assert.Equal(new ActionVerdict("x", false, false), ComplianceCalculator.Verdict("x", later));
    }
}
