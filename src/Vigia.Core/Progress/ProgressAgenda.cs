using Vigia.Core.Compliance;
using Vigia.Core.Plans;


namespace Vigia.Core.Progress;

/// <summary>A month in which an action has planned work and no report yet. Due while its deadline has not passed
/// (the current month, and the previous one until the deadline); late afterwards.</summary>
/// <paramref name="UnitId"/> is the part owed of a collective action (each part is owed on its own); null for an action
/// without parts.
/// <paramref name="PartPlanned"/> is what that part owes of <paramref name="Planned"/> (the action's planned quantity).
public sealed record MissingReport(int ActionId, int Year, int Month, decimal Planned, DateOnly Deadline, bool IsLate, int? UnitId = null,
    decimal? PartPlanned = null);

/// <summary>What is owed: the months with planned quantity, already begun, of plans not closed, that have no live
/// report (a report that has not been superseded — submitted, accepted or returned).</summary>
public sealed class ProgressAgenda(AppDbContext db, ProgressSettings settings, TimeProvider clock)
{
    public async Task<List<MissingReport>> MissingAsync(IQueryable<PlanAction> actions, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var today = ColombianTime.Today(clock);
        var nth = await settings.DeadlineBusinessDayAsync(ct);
        var actionIds = actions.Select(a => a.Id);
        var scheduled = await db.ScheduleEntries.AsNoTracking()
            .Where(s => actionIds.Contains(s.ActionId) && s.Action!.Activity!.Component!.Plan!.Status != PlanStatus.Closed)
            .Select(s => new { Id = s.ActionId, s.Action!.Activity!.Component!.Plan!.Year, s.Month, s.PlannedQuantity })
            .ToListAsync(ct);
        // Decimal comparisons stay in memory: SQLite keeps decimals as text.
        var planned = scheduled
            .Where(s => s.PlannedQuantity > 0 && s.Month is >= 1 and <= 12 && ProgressCalendar.HasBegun(s.Year, s.Month, today))
            .GroupBy(s => (s.Id, s.Year, s.Month))
            .Select(g => (g.Key.Id, g.Key.Year, g.Key.Month, Planned: g.Sum(s => s.PlannedQuantity)))
            .ToList();
        if (planned.Count == 0)
        {
            return [];
        }
        var ids = planned.Select(p => p.Id).Distinct().ToList();
        var live = await db.ProgressReports.AsNoTracking()
            .Where(r => ids.Contains(r.ActionId) && r.Status != ReportStatus.Superseded)
            .Select(r => new { r.ActionId, r.UnitId, r.Month })
            .ToListAsync(ct);
        var reported = live.Select(r => (r.ActionId, r.Month)).ToHashSet();
        // A report without a part (made before the group was mapped) answers for every part of its month.
        var whole = live.Where(r => r.UnitId is null).Select(r => (r.ActionId, r.Month)).ToHashSet();
        var partReported = live.Where(r => r.UnitId is not null).Select(r => (r.ActionId, r.UnitId!.Value, r.Month)).ToHashSet();
        var parts = await ActionParts.ForActionsAsync(db, ids, ct);
        var partTargets = await PartTargetsAsync(parts, scheduled.Select(s => (s.Id, s.Month, s.PlannedQuantity)), ct);
        var deadlines = new Dictionary<(int, int), DateOnly>();
        return planned
            .SelectMany(p => parts[p.Id].Any()
                ? parts[p.Id].Where(part => !whole.Contains((p.Id, p.Month)) && !partReported.Contains((p.Id, part.UnitId, p.Month)))
                    .Select(part => (Owed: p, UnitId: (int?)part.UnitId))
                : reported.Contains((p.Id, p.Month)) ? [] : [(Owed: p, UnitId: (int?)null)])
            .Select(x =>
            {
                var p = x.Owed;
                if (!deadlines.TryGetValue((p.Year, p.Month), out var deadline))
                {
                    deadline = deadlines[(p.Year, p.Month)] = ProgressCalendar.Deadline(p.Year, p.Month, nth);
                }
                return new MissingReport(p.Id, p.Year, p.Month, p.Planned, deadline, today > deadline, x.UnitId,
                    x.UnitId is { } unit && partTargets.TryGetValue(p.Id, out var share)
                        ? ComplianceCalculator.PartShare(p.Planned, share.YearTarget, share.Parts[unit], share.Unit) : null);
            })
            .OrderBy(m => m.Year).ThenBy(m => m.Month).ThenBy(m => m.ActionId).ThenBy(m => m.UnitId)
            .ToList();
    }

    private sealed record PartShares(decimal? YearTarget, TargetUnit Unit, IReadOnlyDictionary<int, decimal?> Parts);

    /// <summary>Each collective action's year target and its parts' targets, by the same rule as the compliance figures.</summary>
    private async Task<Dictionary<int, PartShares>> PartTargetsAsync(ILookup<int, ActionPart> parts,
        IEnumerable<(int ActionId, int Month, decimal Planned)> schedule, CancellationToken ct)
    {
        var collective = parts.Select(g => g.Key).ToList();
        if (collective.Count == 0)
        {
            return [];
        }
        var planned = schedule.Where(s => collective.Contains(s.ActionId)).ToLookup(s => s.ActionId);
        var actions = await db.Actions.AsNoTracking().Where(a => collective.Contains(a.Id))
            .Select(a => new { a.Id, a.TargetQuantity, a.TargetUnit }).ToListAsync(ct);
        return actions.ToDictionary(a => a.Id, a =>
        {
            var year = ComplianceCalculator.YearTarget(new ActionInput(a.TargetQuantity, a.TargetUnit, null,
                planned[a.Id].GroupBy(s => s.Month).ToDictionary(g => g.Key, g => g.Sum(s => s.Planned)), []));
            return new PartShares(year, a.TargetUnit,
                ComplianceCalculator.PartTargets(year, a.TargetUnit, parts[a.Id].Select(p => new PartInput(p.UnitId, p.SetTarget)).ToList()));
        });
    }
}
