using Vigia.Core.Plans;
using Vigia.Core.Progress;

namespace Vigia.Core.Compliance;

/// <summary>The compliance rules, pure: no database, no clock. docs/compliance.md explains each one.</summary>
public static class ComplianceCalculator
{
    /// <summary>How many months of the plan year count at a date: only months that have ended, so a month's
    /// planned quantity is not due before its reports can exist. At 30 April: January–April (4); at 15 April:
    /// January–March (3). Before the plan year: 0; after it: 12.</summary>
    public static int MonthsCounted(int planYear, DateOnly at)
    {
        if (at.Year != planYear)
        {
            return at.Year < planYear ? 0 : 12;
        }
        return at.Day == DateTime.DaysInMonth(at.Year, at.Month) ? at.Month : at.Month - 1;
    }

    /// <summary>Caps at 100 (over-execution does not make up for other actions) and floors at 0.</summary>
    public static decimal Percent(decimal executed, decimal planned) =>
        planned <= 0 ? 0 : Math.Clamp(executed / planned * 100m, 0m, 100m);

    public static decimal PlannedThrough(ActionInput action, int months)
    {
        ArgumentNullException.ThrowIfNull(action);
        var counted = action.Schedule.Where(s => s.Key >= 1 && s.Key <= months && s.Value > 0);
        return action.Unit == TargetUnit.Percentage
            ? counted.OrderByDescending(s => s.Key).Select(s => s.Value).FirstOrDefault()
            : counted.Sum(s => s.Value);
    }

    /// <summary>The rule of collective actions in one sentence a citizen understands (docs/compliance.md).</summary>
    public const string PartsExplanation = "Cuando el responsable es un grupo de unidades, cada unidad reporta su parte: la meta se reparte por igual "
        + "entre ellas, salvo que Planeación fije la de alguna, y lo ejecutado por la acción es la suma de lo que cada unidad ejecutó (en una meta porcentual, el promedio de sus porcentajes).";

    /// <summary>What the accepted reports of the months counted say was executed. A collective action rolls up from its
    /// parts: a count is the sum of the parts, a percentage the mean of the parts' latest figures; a report without a
    /// part (made before the group was mapped, or by the demo simulation) stands for the whole action and is added to
    /// a count, or kept for a percentage when it is higher than the parts' mean.</summary>
    public static decimal ExecutedThrough(ActionInput action, int months)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (!action.HasParts)
        {
            return Executed(action.Unit, action.Reports, months);
        }
        var whole = Executed(action.Unit, action.Reports.Where(r => r.UnitId is null), months);
        var parts = Parts(action, months);
        return action.Unit == TargetUnit.Percentage
            ? Math.Max(whole, parts.Average(p => p.Executed))
            : whole + parts.Sum(p => p.Executed);
    }

    /// <summary>Each part's target and what it executed. A count's target is split evenly among the parts, except those
    /// Planeación set a target for: the others share what the set targets leave (never below zero). A percentage's
    /// target is the same for every part: each unit reaches the percentage in its own work.</summary>
    public static IReadOnlyList<PartResult> Parts(ActionInput action, int months)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (!action.HasParts)
        {
            return [];
        }
        var targets = PartTargets(YearTarget(action), action.Unit, action.Parts!);
        return action.Parts!.Select(p => new PartResult(p.UnitId, targets[p.UnitId],
                Executed(action.Unit, action.Reports.Where(r => r.UnitId == p.UnitId), months)))
            .ToList();
    }

    /// <summary>The target of each part (by unit id) of an action whose year target is <paramref name="yearTarget"/>:
    /// the one Planeación set, or an even share of what the set ones leave; for a percentage, the action's own.</summary>
    public static IReadOnlyDictionary<int, decimal?> PartTargets(decimal? yearTarget, TargetUnit unit, IReadOnlyList<PartInput> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var unset = parts.Count(p => p.Target is null);
        decimal? share = yearTarget is { } t && unset > 0 ? Math.Max(0, t - parts.Sum(p => p.Target ?? 0)) / unset : null;
        return parts.ToDictionary(p => p.UnitId, p => unit == TargetUnit.Percentage ? yearTarget : p.Target ?? share);
    }

    /// <summary>What one part owes of what the action plans for a month: the same proportion as its target to the
    /// action's (for a percentage, the same percentage).</summary>
    public static decimal PartShare(decimal planned, decimal? yearTarget, decimal? partTarget, TargetUnit unit) =>
        unit == TargetUnit.Percentage ? planned
            : yearTarget is { } total && total > 0 && partTarget is { } share ? planned * share / total : 0;

    /// <summary>One part of a collective action as if it were an action of its unit: what the part should have done by
    /// the months counted (the action's planned to date, in the proportion of the part's target to the action's; for a
    /// percentage, the same percentage) against what its accepted reports say. The unit ranking uses it, so a unit is
    /// ranked on its own part and not on what the other units of the group did.</summary>
    public static ActionResult Part(ActionInput action, PartResult part, int months)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(part);
        var weight = action.EffectiveWeight;
        var planned = PlannedThrough(action, months);
        var partPlanned = PartShare(planned, YearTarget(action), part.Target, action.Unit);
        var toDate = partPlanned > 0 ? new Score(Percent(part.Executed, partPlanned), weight) : Score.None;
        var year = part.Target is { } target && target > 0 ? new Score(Percent(part.Executed, target), weight) : Score.None;
        return new ActionResult(partPlanned, part.Executed, part.Target, toDate, year, [], 0);
    }

    private static decimal Executed(TargetUnit unit, IEnumerable<ReportInput> reports, int months)
    {
        var accepted = reports.Where(r => r.Status == ReportStatus.Accepted && r.Month >= 1 && r.Month <= months);
        var executed = unit == TargetUnit.Percentage
            ? accepted.OrderByDescending(r => r.Month).ThenByDescending(r => r.Sequence).Select(r => r.Quantity).FirstOrDefault()
            : accepted.Sum(r => r.Quantity);
        return Math.Max(0, executed);
    }

    /// <summary>The target, or, without one, what the whole schedule plans (its sum; for percentages its last milestone).</summary>
    public static decimal? YearTarget(ActionInput action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (action.Target is > 0)
        {
            return action.Target;
        }
        var planned = PlannedThrough(action, 12);
        return planned > 0 ? planned : null;
    }

    public static ActionResult Action(ActionInput action, int months)
    {
        ArgumentNullException.ThrowIfNull(action);
        var weight = action.EffectiveWeight;
        var planned = PlannedThrough(action, months);
        var executed = ExecutedThrough(action, months);
        var target = YearTarget(action);
        var toDate = planned > 0 ? new Score(Percent(executed, planned), weight) : Score.None;
        var year = target is { } t ? new Score(Percent(executed, t), weight) : Score.None;
        var missing = Enumerable.Range(1, Math.Clamp(months, 0, 12))
            .Where(m => action.Schedule.TryGetValue(m, out var q) && q > 0
                && !action.Reports.Any(r => r.Month == m && r.Status is ReportStatus.Accepted or ReportStatus.Submitted))
            .ToList();
        var late = action.Reports.Count(r => r.IsLate && r.Month <= months && r.Status != ReportStatus.Superseded);
        return new ActionResult(planned, executed, target, toDate, year, missing, late);
    }

    /// <summary>The weighted mean of the parts that count; its weight is the sum of theirs, so rolling up
    /// components gives the same figure as rolling up all their actions at once.</summary>
    public static Score Rollup(IEnumerable<Score> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        decimal weight = 0, sum = 0;
        foreach (var part in parts.Where(p => p.Counts))
        {
            weight += part.Weight;
            sum += part.Weight * part.Percent!.Value;
        }
        return weight > 0 ? new Score(Math.Clamp(sum / weight, 0m, 100m), weight) : Score.None;
    }

    public static ComplianceNode Evaluate(NodeInput node, int months)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.Action is { } action)
        {
            var result = Action(action, months);
            var verdict = Verdict(node.Code, result);
            return new ComplianceNode(node.Kind, node.Id, node.Code, node.Name, result.ToDate, result.Year, 1,
                verdict.Programmed ? 1 : 0, verdict.Completed ? 1 : 0, [], result)
            {
                Official = new OfficialCount(0, 0, 0, 1, verdict.Programmed ? 1 : 0, verdict.Completed ? 1 : 0),
                ScheduledActions = action.Schedule.Any(s => s.Value > 0) ? 1 : 0,
            };
        }
        var children = node.Children.Select(c => Evaluate(c, months)).ToList();
        var official = node.Kind == NodeKind.Activity
            ? OfficialCompliance.Activity(children.Select(c => Verdict(node.Code, c.Action!)).ToList())
            : children.Aggregate(OfficialCount.Zero, (sum, c) => sum + c.Official);
        return new ComplianceNode(node.Kind, node.Id, node.Code, node.Name,
            Rollup(children.Select(c => c.ToDate)), Rollup(children.Select(c => c.Year)),
            children.Sum(c => c.ActionCount), children.Sum(c => c.PlannedActions), children.Sum(c => c.CompletedActions), children)
        {
            Official = official,
            ScheduledActions = children.Sum(c => c.ScheduledActions),
        };
    }

    /// <summary>What the accepted reports say of an action: programmed when its schedule plans something in the months
    /// counted, completed when its accepted reports reach what was planned. The follow-up uses the same verdict for an
    /// action Control Interno has not assessed, and compares it with the assessment.</summary>
    public static ActionVerdict Verdict(string activityKey, ActionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var programmed = result.PlannedToDate > 0;
        return new ActionVerdict(activityKey, programmed, programmed && result.ExecutedToDate >= result.PlannedToDate);
    }

    /// <summary>For each month, the weighted share of the year's targets planned, and executed, by its end
    /// (each action capped at 100 %). Actions without a target or schedule are left out.</summary>
    public static IReadOnlyList<CurvePoint> Curve(IEnumerable<ActionInput> actions, int months)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var measured = actions.Select(a => (Action: a, Target: YearTarget(a))).Where(x => x.Target is not null).ToList();
        return Enumerable.Range(1, 12).Select(m => new CurvePoint(m,
            Rollup(measured.Select(x => new Score(Percent(PlannedThrough(x.Action, m), x.Target!.Value), x.Action.EffectiveWeight))).Percent,
            m > months ? null
                : Rollup(measured.Select(x => new Score(Percent(ExecutedThrough(x.Action, m), x.Target!.Value), x.Action.EffectiveWeight))).Percent))
            .ToList();
    }
}
