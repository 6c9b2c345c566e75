using Vigia.Core.Plans;


namespace Vigia.Core.Progress;

/// <summary>A month in which an action has planned work and no report yet. Due while its deadline has not passed
/// (the current month, and the previous one until the deadline); late afterwards.</summary>
public sealed record MissingReport(int ActionId, int Year, int Month, decimal Planned, DateOnly Deadline, bool IsLate);

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
        var reported = (await db.ProgressReports.AsNoTracking()
                .Where(r => ids.Contains(r.ActionId) && r.Status != ReportStatus.Superseded)
                .Select(r => new { r.ActionId, r.Month })
                .ToListAsync(ct))
            .Select(r => (r.ActionId, r.Month))
            .ToHashSet();
        var deadlines = new Dictionary<(int, int), DateOnly>();
        return planned
            .Where(p => !reported.Contains((p.Id, p.Month)))
            .Select(p =>
            {
                if (!deadlines.TryGetValue((p.Year, p.Month), out var deadline))
                {
                    deadline = deadlines[(p.Year, p.Month)] = ProgressCalendar.Deadline(p.Year, p.Month, nth);
                }
                return new MissingReport(p.Id, p.Year, p.Month, p.Planned, deadline, today > deadline);
            })
            .OrderBy(m => m.Year).ThenBy(m => m.Month).ThenBy(m => m.ActionId)
            .ToList();
    }
}
