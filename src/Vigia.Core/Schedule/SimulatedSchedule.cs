using Vigia.Core.Plans;

namespace Vigia.Core.Schedule;

/// <summary>The one test of a schedule made by the demo simulation (<see cref="ScheduleEntry.IsSimulated"/>): a page or a
/// file whose months or figures rest on such a month says «Programación simulada». <see cref="Compliance.PlanCompliance.HasSimulatedSchedule"/>
/// and the follow-up snapshot (<see cref="FollowUps.SnapshotMonth.IsSimulated"/>) read the same flag.</summary>
public static class SimulatedSchedule
{
    /// <summary>Some month of the plan's live schedule was made by the demo simulation.</summary>
    public static Task<bool> InPlanAsync(AppDbContext db, int planId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.ScheduleEntries.AnyAsync(s => s.IsSimulated && s.Action!.Activity!.Component!.PlanId == planId, ct);
    }

    /// <summary>Some month a version's content shows is the demo simulation's: the live month of the same action is simulated
    /// and holds the same quantity (a version frozen with another schedule is not marked).</summary>
    public static async Task<bool> InContentAsync(AppDbContext db, int planId, PlanSnapshot content, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(content);
        var simulated = await db.ScheduleEntries.AsNoTracking()
            .Where(s => s.IsSimulated && s.Action!.Activity!.Component!.PlanId == planId)
            .Select(s => new { s.ActionId, s.Month, s.PlannedQuantity }).ToListAsync(ct);
        var months = simulated.ToHashSet();
        return content.Actions.Any(a => a.Schedule.Any(m => months.Contains(new { ActionId = a.Id, Month = m.Key, PlannedQuantity = m.Value })));
    }
}
