using Microsoft.Extensions.Time.Testing;
using Vigia.Core.Audit;
using Vigia.Core.Compliance;
using Vigia.Core.Compliance.Stored;
using Vigia.Core.Consolidation;
using Vigia.Core.Monitoring;
using Vigia.Core.Schedule;
using Vigia.Core.Tests.Progress;

namespace Vigia.Core.Tests.Consolidation;

/// <summary>A change made through the real services marks its plan stale in the same save, and the next read of the
/// consolidated view reflects it, equal to the plan's own dashboard.</summary>
public abstract class StaleComplianceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly DateOnly EndOfMarch = new(2022, 3, 31);
    private ProgressWorld world = null!;
    private int planId;

    public async Task InitializeAsync()
    {
        world = await ProgressWorld.CreateAsync(provider);
        await using var db = world.Raw();
        planId = await db.Plans.Select(p => p.Id).SingleAsync();
    }

    public async Task DisposeAsync() => await world.DisposeAsync();

    private async Task<OfficialCount> ViewTotalAsync()
    {
        await using var db = world.Raw();
        var view = await new SqlConsolidatedCompliance(db, new ComplianceStateStore(db, world.Clock)).ViewAsync(new ConsolidatedQuery(2022, EndOfMarch));
        var own = (await new ComplianceService(db).ComputeAsync(planId, EndOfMarch))!.Plan.Official;
        Assert.Equal(own, view.Total);
        Assert.Equal(own, Assert.Single(view.Page).Official);
        return view.Total;
    }

    private async Task<bool> StaleAsync()
    {
        await using var db = world.Raw();
        return await db.PlanComplianceStates.Where(s => s.PlanId == planId).Select(s => s.Stale).SingleAsync();
    }

    [Fact]
    public async Task AcceptingAReport_MarksThePlanStale_AndTheNextReadCountsTheActivity()
    {
        var before = await ViewTotalAsync();
        Assert.False(await StaleAsync());

        var report = await world.SubmitAsync(world.ActionC, ProgressWorld.Draft(month: 3, quantity: 1), world.OtherResponsible);
        Assert.True(await StaleAsync());
        Assert.Equal(before, await ViewTotalAsync());
        Assert.False(await StaleAsync());
        var accepted = await world.Monitoring().ReviewAsync(world.OtherLeader, report, ReviewDecision.Accept, null);

        Assert.True(accepted.Succeeded);
        Assert.True(await StaleAsync());
        var after = await ViewTotalAsync();
        Assert.Equal(before.CompletedActivities + 1, after.CompletedActivities);
        Assert.Equal(before.CompletedActions + 1, after.CompletedActions);
    }

    [Fact]
    public async Task DeletingAnAction_IsReflected()
    {
        var before = await ViewTotalAsync();
        await using (var db = world.Raw())
        {
            db.Actions.Remove(await db.Actions.SingleAsync(a => a.Id == world.ActionB));
            await db.SaveChangesAsync();
        }

        Assert.True(await StaleAsync());
        var after = await ViewTotalAsync();
        Assert.Equal(before.Actions - 1, after.Actions);
        await using var read = world.Raw();
        Assert.False(await read.ActionComplianceStates.AnyAsync(s => s.ActionId == world.ActionB));
    }

    [Fact]
    public async Task ChangingTheSchedule_IsReflected()
    {
        var before = await ViewTotalAsync();
        Assert.Equal(2, before.ProgrammedActivities);

        // Activity 1.1.1's only action moves from March to May: nothing of it is programmed by the end of March.
        var scope = new AuditScope();
        await using (var db = world.Db(scope))
        {
            var saved = await new ScheduleService(db, scope).SaveAsync(new ScheduleUpdate(planId,
                [new ActionScheduleInput(world.ActionC, new Dictionary<int, decimal> { [5] = 1 })], "Se reprograma para mayo."), world.Planning);
            Assert.True(saved.Succeeded, string.Join(" ", saved.Errors.Values));
        }

        Assert.True(await StaleAsync());
        var after = await ViewTotalAsync();
        Assert.Equal(1, after.ProgrammedActivities);
    }

    [Fact]
    public async Task PlanWithoutState_IsComputedOnFirstRead_AndRefreshAllRecomputesIt()
    {
        await using (var db = world.Raw())
        {
            Assert.False(await db.PlanComplianceStates.AnyAsync());
        }
        var first = await ViewTotalAsync();

        await using var again = world.Raw();
        Assert.Equal(1, await new ComplianceStateStore(again, new FakeTimeProvider(TestTime.Written)).RefreshAllAsync());
        Assert.Equal(first, await ViewTotalAsync());
        Assert.Equal(3, await again.ActionComplianceStates.CountAsync());
    }
}

public class SqliteStaleComplianceTests() : StaleComplianceTests(DatabaseProvider.Sqlite);

public class PostgresStaleComplianceTests() : StaleComplianceTests(DatabaseProvider.Postgres);
