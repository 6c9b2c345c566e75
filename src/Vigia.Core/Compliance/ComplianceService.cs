namespace Vigia.Core.Compliance;

/// <summary>A responsible unit's compliance over the actions it shares. Activities do not apply to a unit (an activity's
/// actions may belong to several), so its official share counts actions: <see cref="OfficialCount.ActionPercent"/>.</summary>
public sealed record UnitCompliance(int UnitId, string Name, int ActionCount, int PlannedActions, int CompletedActions, Score ToDate, Score Year)
{
    public OfficialCount Official => new(0, 0, 0, ActionCount, PlannedActions, CompletedActions);
}

/// <summary>An action whose report is missing for a month that ended with something planned, or that was reported late.</summary>
public sealed record ActionGap(int ActionId, string Code, string Goal, int ComponentNumber, IReadOnlyList<string> Units,
    IReadOnlyList<int> MissingMonths, int LateReports);

/// <summary>A plan's compliance at a date: the tree (plan → components → subcomponents → activities → actions),
/// the monthly curve, the actions with missing reports and the units ranked.</summary>
public sealed record PlanCompliance(int PlanId, int Year, DateOnly At, int MonthsCounted, ComplianceBands Bands, ComplianceNode Plan,
    IReadOnlyList<CurvePoint> Curve, IReadOnlyList<ActionGap> Gaps, IReadOnlyList<UnitCompliance> Units, bool HasSimulatedData)
{
    public IReadOnlyList<ComplianceNode> Components => Plan.Children;

    /// <summary>The band of a year-progress figure, only once the whole year counts: mid-year, 30 % of the year's
    /// target can be exactly on schedule, so a "baja" there would mislead.</summary>
    /// <summary>The parts of every collective action (by action id): each unit, its target and what it executed.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<PartFigure>> Parts { get; init; } = new Dictionary<int, IReadOnlyList<PartFigure>>();

    /// <summary>The monthly schedule the figures rest on was (at least in part) made by the demo simulation: every page
    /// and file showing them says «Programación simulada» (<see cref="Schedule.SimulatedSchedule"/>).</summary>
    public bool HasSimulatedSchedule { get; init; }

    public ComplianceLevel? YearLevel(Score year) => MonthsCounted == 12 ? Bands.Classify(year.Percent) : null;

    /// <summary>The share of the year's targets planned by the end of the last month counted (the curve's planned value).</summary>
    public decimal? PlannedShareToDate => MonthsCounted == 0 ? 0 : Curve[MonthsCounted - 1].Planned;
}

/// <summary>A plan's tree as the calculator reads it (<see cref="Tree"/>: schedules and reports, only reports not superseded)
/// and, for each month that has ended (January first), the tree evaluated with that many months counted.</summary>
public sealed record PlanMonths(int PlanId, int Year, NodeInput Tree, IReadOnlyList<ComplianceNode> Evaluated, bool HasSimulatedData);

/// <summary>One unit's part of a collective action at a date, as the public action page shows it.</summary>
public sealed record PartFigure(int UnitId, string Unit, decimal? Target, decimal Executed);

/// <summary>Reads a plan's structure, schedule and reports and applies <see cref="ComplianceCalculator"/>.</summary>
public sealed class ComplianceService(AppDbContext db)
{
    public async Task<PlanCompliance?> ComputeAsync(int planId, DateOnly at, CancellationToken ct = default)
    {
        var data = await PlanData.LoadAsync(db, planId, ct);
        if (data is null)
        {
            return null;
        }
        var months = ComplianceCalculator.MonthsCounted(data.Year, at);
        var evaluated = ComplianceCalculator.Evaluate(data.Tree, months);
        var leaves = evaluated.Leaves().ToDictionary(l => l.Id);
        var gaps = leaves.Values
            .Where(l => l.Action!.MissingMonths.Count > 0 || l.Action.LateReports > 0)
            .Select(l => new ActionGap(l.Id, l.Code, l.Name, data.ComponentOf[l.Id], data.UnitsOf[l.Id].Select(u => u.Name).ToList(),
                l.Action!.MissingMonths, l.Action.LateReports))
            .OrderByDescending(g => g.MissingMonths.Count).ThenBy(g => g.ComponentNumber).ThenBy(g => g.Code, StringComparer.Ordinal)
            .ToList();
        // A collective action ranks each unit on its own part; any other action ranks its units on the whole action.
        var collective = data.Tree.Leaves().Where(l => l.Action!.HasParts).ToDictionary(l => l.Id, l => l.Action!);
        var ranked = data.UnitsOf.SelectMany(g => g).Where(u => !collective.ContainsKey(u.ActionId))
            .Select(u => (u.UnitId, u.Name, Node: leaves[u.ActionId]))
            .Concat(collective.SelectMany(c => ComplianceCalculator.Parts(c.Value, months)
                .Select(p => (p.UnitId, Name: data.PartNames[(c.Key, p.UnitId)], Node: PartNode(leaves[c.Key], ComplianceCalculator.Part(c.Value, p, months))))));
        var units = ranked.GroupBy(u => (u.UnitId, u.Name))
            .Select(g => RankEntry(g.Key.UnitId, g.Key.Name, g.Select(u => u.Node).DistinctBy(l => l.Id).ToList()))
            .OrderByDescending(u => u.PlannedActions > 0).ThenByDescending(u => u.Official.ActionPercent).ThenByDescending(u => u.ToDate.Percent)
            .ThenByDescending(u => u.Year.Percent).ThenBy(u => u.Name, SpanishText.NameOrder)
            .ToList();
        var parts = data.Tree.Leaves().Where(l => l.Action!.HasParts).ToDictionary(l => l.Id,
            l => (IReadOnlyList<PartFigure>)ComplianceCalculator.Parts(l.Action!, months)
                .Select(p => new PartFigure(p.UnitId, data.PartNames[(l.Id, p.UnitId)], p.Target, p.Executed)).ToList());
        return new PlanCompliance(planId, data.Year, at, months, await ComplianceBands.LoadAsync(db, ct), evaluated,
            ComplianceCalculator.Curve(data.Tree.Leaves().Select(l => l.Action!), months), gaps, units, data.HasSimulatedData)
        { Parts = parts, HasSimulatedSchedule = data.HasSimulatedSchedule };
    }

    /// <summary>Every month of the plan's year that has ended at <paramref name="at"/>, each evaluated by the calculator with
    /// that many months counted: the very figures the dashboard shows at that month's last day, from one read of the plan
    /// (the monthly-progress open data, <see cref="OpenData.MonthlyProgressRows"/>).</summary>
    public async Task<PlanMonths?> MonthsAsync(int planId, DateOnly at, CancellationToken ct = default)
    {
        var data = await PlanData.LoadAsync(db, planId, ct);
        if (data is null)
        {
            return null;
        }
        var months = ComplianceCalculator.MonthsCounted(data.Year, at);
        return new PlanMonths(data.PlanId, data.Year, data.Tree,
            [.. Enumerable.Range(1, months).Select(m => ComplianceCalculator.Evaluate(data.Tree, m))], data.HasSimulatedData);
    }

    /// <summary>True when the plan holds reports made by the demo simulation; every page showing them says so.</summary>
    public Task<bool> HasSimulatedDataAsync(int planId, CancellationToken ct = default) =>
        db.ProgressReports.AnyAsync(r => r.IsSimulated && r.Action!.Activity!.Component!.PlanId == planId, ct);

    private static ComplianceNode PartNode(ComplianceNode action, ActionResult part)
    {
        var verdict = ComplianceCalculator.Verdict(action.Code, part);
        return action with
        {
            ToDate = part.ToDate,
            Year = part.Year,
            PlannedActions = verdict.Programmed ? 1 : 0,
            CompletedActions = verdict.Completed ? 1 : 0,
            Action = part,
        };
    }

    private static UnitCompliance RankEntry(int unitId, string name, List<ComplianceNode> actions) =>
        new(unitId, name, actions.Count, actions.Sum(l => l.PlannedActions), actions.Sum(l => l.CompletedActions),
            ComplianceCalculator.Rollup(actions.Select(l => l.ToDate)), ComplianceCalculator.Rollup(actions.Select(l => l.Year)));
}
