namespace Vigia.Core.Compliance.Stored;

/// <summary>One component's official counts in a plan.</summary>
public sealed record ComponentFigure(int PlanId, int ComponentId, int Number, OfficialCount Official);

/// <summary>The official counts (<see cref="OfficialCompliance"/>) read from the database: a plan's from the counts stored at
/// its refresh (<see cref="PlanOfficialState"/>), and components' (and, the long way, plans') aggregated from the stored verdicts,
/// grouped by activity and then by plan or component, at a number of months counted: an activity is programmed when any
/// of its actions has bit m of <see cref="ActionComplianceState.Programmed"/>, and completed when every programmed one
/// has bit m of <see cref="ActionComplianceState.Completed"/> (the completed bits are a subset of the programmed ones, so
/// «every programmed one completed» is «as many completed as programmed»). Activities are counted from the plan's
/// activities, so one without actions counts as the calculator counts it. The caller refreshes the plans first
/// (<see cref="ComplianceStateStore.EnsureFreshAsync"/>).</summary>
public static class ComplianceFigures
{
    // Member-initialised (not a constructor) so the database can group on its members.
    private sealed class ActivityRow
    {
        public int PlanId { get; init; }
        public int ComponentId { get; init; }
        public int ComponentNumber { get; init; }
        public int Actions { get; init; }
        public int Programmed { get; init; }
        public int Completed { get; init; }
    }

    private static IQueryable<ActivityRow> Activities(AppDbContext db, IQueryable<int> planIds, int months)
    {
        var bit = 1 << Math.Clamp(months, 0, 12);
        return db.ActionComplianceStates.AsNoTracking().Where(s => planIds.Contains(s.PlanId))
            .GroupBy(s => new { s.PlanId, s.ComponentId, s.ComponentNumber, s.ActivityId })
            .Select(g => new ActivityRow
            {
                PlanId = g.Key.PlanId,
                ComponentId = g.Key.ComponentId,
                ComponentNumber = g.Key.ComponentNumber,
                Actions = g.Count(),
                Programmed = g.Count(s => (s.Programmed & bit) != 0),
                Completed = g.Count(s => (s.Completed & bit) != 0),
            });
    }

    /// <summary>The query of the plans' counts, for inspection (<c>ToQueryString</c>) and the bench.</summary>
    public static IQueryable<PlanRow> PlanQuery(AppDbContext db, IQueryable<int> planIds, int months)
    {
        ArgumentNullException.ThrowIfNull(db);
        return Activities(db, planIds, months).GroupBy(a => a.PlanId)
            .Select(g => new PlanRow(g.Key, g.Count(a => a.Programmed > 0), g.Count(a => a.Programmed > 0 && a.Completed == a.Programmed),
                g.Sum(a => a.Actions), g.Sum(a => a.Programmed), g.Sum(a => a.Completed)));
    }

    /// <summary>One plan's aggregated counts, before the activities without actions are added.</summary>
    public sealed record PlanRow(int PlanId, int ProgrammedActivities, int CompletedActivities, int Actions, int ProgrammedActions, int CompletedActions);

    /// <summary>Each plan's official counts at <paramref name="months"/> months counted, by plan id, read from the counts
    /// the refresh stored beside the verdicts (<see cref="PlanOfficialState"/>): one row per plan, whatever its size.</summary>
    public static async Task<IReadOnlyDictionary<int, OfficialCount>> PlansAsync(AppDbContext db, IQueryable<int> planIds, int months,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var counted = Math.Clamp(months, 0, 12);
        var rows = await db.PlanOfficialStates.AsNoTracking().Where(s => s.Months == counted && planIds.Contains(s.PlanId)).ToListAsync(ct);
        return rows.ToDictionary(r => r.PlanId, r => r.ToCount());
    }

    /// <summary>Each plan's official counts at <paramref name="months"/> months counted, aggregated from the action
    /// verdicts (<see cref="PlanQuery"/>); a plan without activities has <see cref="OfficialCount.Zero"/>. The same figures
    /// as <see cref="PlansAsync"/>, computed the long way: the tests hold the two and the calculator equal.</summary>
    public static async Task<IReadOnlyDictionary<int, OfficialCount>> AggregatePlansAsync(AppDbContext db, IQueryable<int> planIds, int months,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await PlanQuery(db, planIds, months).ToListAsync(ct);
        var activities = await db.Activities.AsNoTracking().Where(a => planIds.Contains(a.Component!.PlanId))
            .GroupBy(a => a.Component!.PlanId).Select(g => new { PlanId = g.Key, Count = g.Count() }).ToDictionaryAsync(a => a.PlanId, a => a.Count, ct);
        var result = activities.ToDictionary(a => a.Key, a => OfficialCount.Zero with { Activities = a.Value });
        foreach (var r in rows)
        {
            result[r.PlanId] = new OfficialCount(activities.GetValueOrDefault(r.PlanId), r.ProgrammedActivities, r.CompletedActivities,
                r.Actions, r.ProgrammedActions, r.CompletedActions);
        }
        return result;
    }

    /// <summary>Each component's official counts at <paramref name="months"/> months counted, for the plans of
    /// <paramref name="planIds"/> (components without activities are left out: their counts are zero).</summary>
    public static async Task<IReadOnlyList<ComponentFigure>> ComponentsAsync(AppDbContext db, IQueryable<int> planIds, int months,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await Activities(db, planIds, months).GroupBy(a => new { a.PlanId, a.ComponentId, a.ComponentNumber })
            .Select(g => new
            {
                g.Key.PlanId,
                g.Key.ComponentId,
                g.Key.ComponentNumber,
                ProgrammedActivities = g.Count(a => a.Programmed > 0),
                CompletedActivities = g.Count(a => a.Programmed > 0 && a.Completed == a.Programmed),
                Actions = g.Sum(a => a.Actions),
                ProgrammedActions = g.Sum(a => a.Programmed),
                CompletedActions = g.Sum(a => a.Completed),
            })
            .ToListAsync(ct);
        var activities = await db.Activities.AsNoTracking().Where(a => planIds.Contains(a.Component!.PlanId))
            .GroupBy(a => new { a.Component!.PlanId, a.ComponentId, a.Component.Number })
            .Select(g => new { g.Key.PlanId, g.Key.ComponentId, g.Key.Number, Count = g.Count() }).ToListAsync(ct);
        var counted = rows.ToDictionary(r => r.ComponentId);
        return activities.Select(a => counted.TryGetValue(a.ComponentId, out var r)
                ? new ComponentFigure(a.PlanId, a.ComponentId, a.Number, new OfficialCount(a.Count, r.ProgrammedActivities, r.CompletedActivities,
                    r.Actions, r.ProgrammedActions, r.CompletedActions))
                : new ComponentFigure(a.PlanId, a.ComponentId, a.Number, OfficialCount.Zero with { Activities = a.Count }))
            .OrderBy(c => c.PlanId).ThenBy(c => c.Number)
            .ToList();
    }
}
