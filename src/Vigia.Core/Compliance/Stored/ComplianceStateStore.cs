namespace Vigia.Core.Compliance.Stored;

/// <summary>Writes the stored verdicts (<see cref="ActionComplianceState"/>) by evaluating plans with
/// <see cref="ComplianceCalculator"/>, the one rule, for every number of months counted; and refreshes, before a read,
/// the plans that are stale or have never been evaluated. A batch of plans is read in the same few queries
/// (<see cref="PlanData.LoadManyAsync"/>) and written in one transaction.</summary>
public sealed class ComplianceStateStore(AppDbContext db, TimeProvider clock)
{
    /// <summary>Plans read and written together.</summary>
    public const int BatchSize = 100;

    /// <summary>Refreshes the plans of <paramref name="planIds"/> whose state is stale or missing.</summary>
    /// <returns>How many plans were refreshed.</returns>
    public async Task<int> EnsureFreshAsync(IQueryable<int> planIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(planIds);
        var stale = await planIds.Where(id => !db.PlanComplianceStates.Any(s => s.PlanId == id && !s.Stale)).ToListAsync(ct);
        if (stale.Count > 0)
        {
            await RefreshAsync(stale, ct);
        }
        return stale.Count;
    }

    /// <summary>Recomputes every plan (after a bulk load: <c>vigia compliance refresh</c>).</summary>
    /// <returns>How many plans were computed.</returns>
    public async Task<int> RefreshAllAsync(CancellationToken ct = default)
    {
        var ids = await db.Plans.AsNoTracking().OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
        await RefreshAsync(ids, ct);
        return ids.Count;
    }

    public async Task RefreshAsync(IReadOnlyCollection<int> planIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(planIds);
        foreach (var batch in planIds.Distinct().Chunk(BatchSize))
        {
            await RefreshBatchAsync(batch, ct);
        }
    }

    private async Task RefreshBatchAsync(int[] ids, CancellationToken ct)
    {
        // First a state row for every plan, so a change saved from now on gives it a new token; then the tokens, read
        // before the plans are loaded: the refresh clears the stale flag only where the token is still the same.
        await EnsureRowsAsync(ids, ct);
        var tokens = await db.PlanComplianceStates.AsNoTracking().Where(s => ids.Contains(s.PlanId))
            .ToDictionaryAsync(s => s.PlanId, s => s.Token, ct);
        var plans = await PlanData.LoadManyAsync(db, ids, ct);
        var actions = new List<ActionComplianceState>();
        var progress = new List<PlanProgressState>();
        var official = new List<PlanOfficialState>();
        var summaries = new Dictionary<int, (int Scheduled, bool Simulated)>();
        foreach (var plan in plans.Values)
        {
            var masks = plan.Places.ToDictionary(p => p.Key, p => new ActionComplianceState
            {
                ActionId = p.Key,
                PlanId = plan.PlanId,
                ComponentId = p.Value.ComponentId,
                ComponentNumber = p.Value.ComponentNumber,
                ActivityId = p.Value.ActivityId,
            });
            var scheduled = 0;
            for (var months = 0; months <= 12; months++)
            {
                var evaluated = ComplianceCalculator.Evaluate(plan.Tree, months);
                foreach (var leaf in evaluated.Leaves())
                {
                    if (leaf.Official.ProgrammedActions > 0)
                    {
                        masks[leaf.Id].Programmed |= 1 << months;
                    }
                    if (leaf.Official.CompletedActions > 0)
                    {
                        masks[leaf.Id].Completed |= 1 << months;
                    }
                }
                progress.Add(new PlanProgressState { PlanId = plan.PlanId, Months = months, ToDate = Stored(evaluated.ToDate.Percent), Year = Stored(evaluated.Year.Percent) });
                var count = evaluated.Official;
                official.Add(new PlanOfficialState
                {
                    PlanId = plan.PlanId,
                    Months = months,
                    Activities = count.Activities,
                    ProgrammedActivities = count.ProgrammedActivities,
                    CompletedActivities = count.CompletedActivities,
                    Actions = count.Actions,
                    ProgrammedActions = count.ProgrammedActions,
                    CompletedActions = count.CompletedActions,
                });
                scheduled = evaluated.ScheduledActions;
            }
            actions.AddRange(masks.Values);
            summaries[plan.PlanId] = (scheduled, plan.HasSimulatedData);
        }

        var now = clock.GetUtcNow();
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var written = summaries.Keys.ToList();
            await db.ActionComplianceStates.Where(s => written.Contains(s.PlanId)).ExecuteDeleteAsync(ct);
            await db.PlanProgressStates.Where(s => written.Contains(s.PlanId)).ExecuteDeleteAsync(ct);
            await db.PlanOfficialStates.Where(s => written.Contains(s.PlanId)).ExecuteDeleteAsync(ct);
            db.ActionComplianceStates.AddRange(actions);
            db.PlanProgressStates.AddRange(progress);
            db.PlanOfficialStates.AddRange(official);
            await db.SaveChangesAsync(ct);
            foreach (var (planId, (scheduled, simulated)) in summaries)
            {
                if (!tokens.TryGetValue(planId, out var token))
                {
                    continue; // no row could be added: the plan stays stale and the next read tries again
                }
                await db.PlanComplianceStates.Where(s => s.PlanId == planId && s.Token == token)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.Stale, false).SetProperty(x => x.ComputedAt, now)
                        .SetProperty(x => x.ScheduledActions, scheduled).SetProperty(x => x.HasSimulatedData, simulated), ct);
            }
            if (own is not null)
            {
                await own.CommitAsync(ct);
            }
        }
        finally
        {
            Detach(actions);
            Detach(progress);
            Detach(official);
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    /// <summary>Four decimals, the columns' precision, on both providers alike (SQLite would keep every digit).</summary>
    private static decimal? Stored(decimal? percent) => percent is { } p ? Math.Round(p, 4, MidpointRounding.AwayFromZero) : null;

    private async Task EnsureRowsAsync(int[] ids, CancellationToken ct)
    {
        var missing = await db.Plans.AsNoTracking().Where(p => ids.Contains(p.Id) && !db.PlanComplianceStates.Any(s => s.PlanId == p.Id))
            .Select(p => p.Id).ToListAsync(ct);
        if (missing.Count == 0)
        {
            return;
        }
        var rows = missing.Select(id => new PlanComplianceState { PlanId = id, Stale = true, Token = Guid.NewGuid() }).ToList();
        db.PlanComplianceStates.AddRange(rows);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another reader added them meanwhile: theirs serve as well.
        }
        finally
        {
            Detach(rows);
        }
    }

    private void Detach<T>(IEnumerable<T> rows)
        where T : class
    {
        foreach (var row in rows)
        {
            db.Entry(row).State = EntityState.Detached;
        }
    }
}
