using Vigia.Core.Audit;
using Vigia.Core.Plans;

namespace Vigia.Core.Tests.Audit;

/// <summary>After publication every change to a plan's data must say why; without a reason nothing is saved.</summary>
public abstract class AuditReasonTests(DatabaseProvider provider) : AuditDatabaseTests(provider)
{
    [Fact]
    public async Task PublishedPlan_ChangeWithoutReason_IsRefusedAndNothingIsSaved()
    {
        var plan = await CreatePlanAsync(PlanStatus.Published);
        var before = (await EntriesAsync()).Count;

        await using (var db = Audited())
        {
            var stored = await db.Plans.SingleAsync(p => p.Id == plan.Id);
            stored.Title = "Otro título";
            var error = await Assert.ThrowsAsync<AuditReasonRequiredException>(() => db.SaveChangesAsync());
            Assert.Contains("ya fue publicado", error.Message, StringComparison.Ordinal);
            Assert.Contains("motivo", error.Message, StringComparison.Ordinal);
        }

        await using var raw = Raw();
        Assert.Equal("Plan Anticorrupción 2024", (await raw.Plans.SingleAsync()).Title);
        Assert.Equal(before, (await EntriesAsync()).Count);
    }

    [Fact]
    public async Task PublishedPlan_ScheduleChangeWithoutReason_IsRefused()
    {
        await CreatePlanAsync(PlanStatus.Published);

        await using var db = Audited();
        var schedule = await db.ScheduleEntries.SingleAsync();
        schedule.PlannedQuantity = 2;

        await Assert.ThrowsAsync<AuditReasonRequiredException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task PublishedPlan_NewActivityUnderNewComponentWithoutReason_IsRefused()
    {
        var plan = await CreatePlanAsync(PlanStatus.Published);

        await using var db = Audited();
        var component = new Component { PlanId = plan.Id, Number = 2, Name = "Racionalización de trámites" };
        component.Activities.Add(new Activity { Code = "2.1", Name = "Inventariar trámites" });
        db.Components.Add(component);

        await Assert.ThrowsAsync<AuditReasonRequiredException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task PublishedPlan_ActionDeletedWithoutReason_IsRefused()
    {
        await CreatePlanAsync(PlanStatus.Published);

        await using var db = Audited();
        db.Actions.Remove(await db.Actions.SingleAsync());

        await Assert.ThrowsAsync<AuditReasonRequiredException>(() => db.SaveChangesAsync());
        await using var raw = Raw();
        Assert.Equal(1, await raw.Actions.CountAsync());
    }

    [Fact]
    public async Task PublishedPlan_ChangeWithReason_IsSavedWithTheReason()
    {
        await CreatePlanAsync(PlanStatus.Published);

        await using (var db = Audited())
        using (Audit.Begin(new AuditActor("u-1", "Jefe de Planeación"), "Ajuste aprobado en comité del 3 de mayo"))
        {
            var action = await db.Actions.SingleAsync();
            action.Goal = "Dos políticas actualizadas";
            await db.SaveChangesAsync();
        }

        var entry = (await EntriesAsync()).Last();
        Assert.Equal(("PlanAction", "Ajuste aprobado en comité del 3 de mayo"), (entry.EntityType, entry.Reason));
        Assert.Equal("Dos políticas actualizadas", Field(entry, "Goal").GetProperty("after").GetString());
    }

    [Fact]
    public async Task DraftPlan_ChangesAndPublication_NeedNoReason()
    {
        var plan = await CreatePlanAsync(PlanStatus.Draft);

        await using (var db = Audited())
        {
            var action = await db.Actions.SingleAsync();
            action.Goal = "Dos políticas actualizadas";
            await db.SaveChangesAsync();
            var stored = await db.Plans.SingleAsync(p => p.Id == plan.Id);
            stored.Status = PlanStatus.Published;
            await db.SaveChangesAsync();
        }

        var last = (await EntriesAsync()).Last();
        Assert.Equal("Published", Field(last, "Status").GetProperty("after").GetString());
        Assert.Null(last.Reason);
    }

    [Fact]
    public async Task PublishedPlan_ChangesOutsidePlanData_NeedNoReason()
    {
        var plan = await CreatePlanAsync(PlanStatus.Published);

        await using var db = Audited();
        var entity = await db.Entities.SingleAsync(e => e.Id == plan.EntityId);
        entity.Phone = "602 885 3000";
        await db.SaveChangesAsync();

        Assert.Equal("Entity", (await EntriesAsync()).Last().EntityType);
    }
}

public class SqliteAuditReasonTests() : AuditReasonTests(DatabaseProvider.Sqlite);

public class PostgresAuditReasonTests() : AuditReasonTests(DatabaseProvider.Postgres);
