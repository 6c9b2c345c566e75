using Vigia.Core.Compliance;
using Vigia.Core.Plans;
using Vigia.Core.Progress;

namespace Vigia.Core.Tests.Compliance;

/// <summary>A collective action rolls up from its parts: the target split evenly unless Planeación set a part's target,
/// the executed the sum of the parts.</summary>
public class ActionPartsCalculatorTests
{
    private static ReportInput Part(int unit, int month, decimal quantity, ReportStatus status = ReportStatus.Accepted) =>
        new(month, quantity, status, UnitId: unit);

    /// <summary>56 publications, two per organismo, planned 28 in June and 28 in December.</summary>
    private static ActionInput Publications(IReadOnlyList<PartInput> parts, params ReportInput[] reports) =>
        new(56, TargetUnit.Count, null, new Dictionary<int, decimal> { [6] = 28, [12] = 28 }, reports, parts);

    private static PartInput[] Organismos(int count) => Enumerable.Range(1, count).Select(u => new PartInput(u, null)).ToArray();

    [Fact]
    public void Target_SplitEvenly_AmongTheParts()
    {
        var parts = ComplianceCalculator.Parts(Publications(Organismos(28)), 12);

        Assert.Equal(28, parts.Count);
        Assert.All(parts, p => Assert.Equal(2m, p.Target));
    }

    [Fact]
    public void Target_SetForOnePart_TheOthersShareWhatIsLeft()
    {
        var parts = ComplianceCalculator.Parts(Publications([new PartInput(1, 20), new PartInput(2, null), new PartInput(3, null)]), 12);

        Assert.Equal([20m, 18m, 18m], parts.Select(p => p.Target));
    }

    [Fact]
    public void Target_SetAboveTheAction_LeavesTheOthersNothing()
    {
        var parts = ComplianceCalculator.Parts(Publications([new PartInput(1, 60), new PartInput(2, null)]), 12);

        Assert.Equal([60m, 0m], parts.Select(p => p.Target));
    }

    [Fact]
    public void Executed_IsTheSumOfTheParts_OnlyAcceptedAndOnlyMonthsCounted()
    {
        var action = Publications(Organismos(3),
            Part(1, 6, 10), Part(2, 6, 8), Part(3, 6, 10, ReportStatus.Submitted), Part(1, 7, 5));

        var result = ComplianceCalculator.Action(action, 6);
        var parts = ComplianceCalculator.Parts(action, 6);

        Assert.Equal(18, result.ExecutedToDate);
        Assert.Equal([10m, 8m, 0m], parts.Select(p => p.Executed));
        Assert.False(ComplianceCalculator.Verdict("3.1.1", result).Completed);
    }

    [Fact]
    public void Completed_WhenTheSumOfThePartsReachesWhatWasProgrammed()
    {
        var action = Publications(Organismos(2), Part(1, 6, 14), Part(2, 5, 4), Part(2, 6, 10));

        var verdict = ComplianceCalculator.Verdict("3.1.1", ComplianceCalculator.Action(action, 6));

        Assert.True(verdict.Programmed);
        Assert.True(verdict.Completed);
    }

    [Fact]
    public void ReportWithoutPart_CountsForTheWholeAction()
    {
        var action = Publications(Organismos(2), new ReportInput(6, 20, ReportStatus.Accepted), Part(1, 6, 8));

        Assert.Equal(28, ComplianceCalculator.ExecutedThrough(action, 6));
    }

    [Fact]
    public void Percentage_EveryPartOwesThePercentage_AndTheActionIsTheirMean()
    {
        var action = new ActionInput(100, TargetUnit.Percentage, null, new Dictionary<int, decimal> { [12] = 100 },
            [Part(1, 12, 100), Part(2, 11, 40), Part(2, 12, 60)], [new PartInput(1, null), new PartInput(2, null)]);

        var parts = ComplianceCalculator.Parts(action, 12);

        Assert.Equal([100m, 100m], parts.Select(p => p.Target));
        Assert.Equal([100m, 60m], parts.Select(p => p.Executed));
        Assert.Equal(80, ComplianceCalculator.ExecutedThrough(action, 12));
    }

    [Fact]
    public void GroupWithoutMembers_HasNoParts_AndCountsAsBefore()
    {
        var withoutParts = new ActionInput(56, TargetUnit.Count, null, new Dictionary<int, decimal> { [6] = 28 }, [new ReportInput(6, 28, ReportStatus.Accepted)]);
        var emptyParts = withoutParts with { Parts = [] };

        Assert.Empty(ComplianceCalculator.Parts(emptyParts, 6));
        var (before, after) = (ComplianceCalculator.Action(withoutParts, 6), ComplianceCalculator.Action(emptyParts, 6));
        Assert.Equal((before.PlannedToDate, before.ExecutedToDate, before.ToDate, before.Year), (after.PlannedToDate, after.ExecutedToDate, after.ToDate, after.Year));
    }
}
