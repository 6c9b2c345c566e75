using Vigia.Core.Accounts;
using Vigia.Core.Compliance;
using Vigia.Core.Organisation;
using Vigia.Core.Progress;

namespace Vigia.Core.Tests.Progress;

/// <summary>Action A of <see cref="ProgressWorld"/> (5000, planned 100 in March and 200 in April, unit: the Subdirección)
/// is also assigned to a group whose members are the Subdirección and Otra oficina: each reports its own part.</summary>
public abstract class CollectiveReportingTests(DatabaseProvider provider) : IAsyncLifetime
{
    private ProgressWorld world = null!;
    private int subdirection;
    private int other;
    private Actor outsider = null!;

    public async Task InitializeAsync()
    {
        world = await ProgressWorld.CreateAsync(provider);
        await using var db = world.Raw();
        var entity = await db.Entities.SingleAsync();
        subdirection = await db.Units.Where(u => u.Name == "Subdirección de Gestión Organizacional").Select(u => u.Id).SingleAsync();
        other = await db.Units.Where(u => u.Name == "Otra oficina").Select(u => u.Id).SingleAsync();
        var third = new Unit { EntityId = entity.Id, Name = "Tercera oficina", NormalizedName = "tercera oficina" };
        var group = new UnitGroup { EntityId = entity.Id, RuleKey = "todos-los-organismos", Name = "Todos los organismos de la Administración" };
        group.Members.AddRange([new UnitGroupMember { UnitId = subdirection }, new UnitGroupMember { UnitId = other }]);
        db.Units.Add(third);
        db.UnitGroups.Add(group);
        await db.SaveChangesAsync();
        db.ActionUnitGroups.Add(new ActionUnitGroup { ActionId = world.ActionA, GroupId = group.Id, Spelling = "Todos los organismos" });
        await db.SaveChangesAsync();
        outsider = await world.AddPersonAsync("tercera@cali.gov.co", "Tania Tercera", [Roles.Responsible], units: [third.Id]);
    }

    public async Task DisposeAsync() => await world.DisposeAsync();

    private UnitService Units()
    {
        var scope = new Vigia.Core.Audit.AuditScope();
        return new UnitService(world.Db(scope), scope);
    }

    private async Task AcceptAllAsync()
    {
        await using var db = world.Raw();
        await db.ProgressReports.ForEachAsync(r => r.Status = ReportStatus.Accepted);
        await db.SaveChangesAsync();
    }

    private async Task<ComplianceNode> ActionAAsync(DateOnly at) =>
        (await new ComplianceService(world.Db()).ComputeAsync(await PlanIdAsync(), at))!.Plan.Leaves().Single(l => l.Id == world.ActionA);

    private async Task<int> PlanIdAsync()
    {
        await using var db = world.Raw();
        return await db.Plans.Select(p => p.Id).SingleAsync();
    }

    [Fact]
    public async Task MemberOfTheGroup_SeesTheActionAndReportsItsOwnPart()
    {
        Assert.True(await new ActionAccess(world.Db()).CanSeeAsync(world.OtherResponsible, world.ActionA));

        var id = await world.SubmitAsync(world.ActionA, ProgressWorld.Draft(3, 40), world.OtherResponsible);
        var mine = await world.SubmitAsync(world.ActionA, ProgressWorld.Draft(3, 60), world.Responsible);

        Assert.Equal(other, (await world.ReportAsync(id)).UnitId);
        Assert.Equal(subdirection, (await world.ReportAsync(mine)).UnitId);
    }

    [Fact]
    public async Task UnitOutsideTheGroup_CannotReportAPart()
    {
        var result = await world.Reporting().SubmitAsync(outsider, world.ActionA, ProgressWorld.Draft(3, 40));
        var named = await world.Reporting().SubmitAsync(outsider, world.ActionA, ProgressWorld.Draft(3, 40) with { UnitId = other });
        var foreignPart = await world.Reporting().SubmitAsync(world.Responsible, world.ActionA, ProgressWorld.Draft(3, 40) with { UnitId = other });

        Assert.Equal(ResultStatus.NotFound, result.Status);
        Assert.Equal(ResultStatus.NotFound, named.Status);
        Assert.Equal(ResultStatus.NotFound, foreignPart.Status);
        Assert.Empty(await world.ReportsAsync());
    }

    [Fact]
    public async Task SecondReportOfTheSamePartAndMonth_IsAConflict()
    {
        await world.SubmitAsync(world.ActionA, ProgressWorld.Draft(3, 40), world.OtherResponsible);

        var again = await world.Reporting().SubmitAsync(world.OtherResponsible, world.ActionA, ProgressWorld.Draft(3, 10));

        Assert.Equal(ResultStatus.Conflict, again.Status);
    }

    [Fact]
    public async Task ActionRollsUpFromItsParts_EvenSplitOfTheTarget()
    {
        await world.SubmitAsync(world.ActionA, ProgressWorld.Draft(3, 60), world.Responsible);
        await world.SubmitAsync(world.ActionA, ProgressWorld.Draft(3, 40), world.OtherResponsible);
        await AcceptAllAsync();

        var march = await ActionAAsync(new DateOnly(2022, 3, 31));
        var compliance = await new ComplianceService(world.Db()).ComputeAsync(await PlanIdAsync(), new DateOnly(2022, 3, 31));

        Assert.Equal(100, march.Action!.ExecutedToDate);
        Assert.Equal(1, march.CompletedActions);
        var parts = compliance!.Parts[world.ActionA];
        Assert.Equal([("Departamento Administrativo / Subdirección de Gestión Organizacional", 2500m, 60m), ("Otra oficina", 2500m, 40m)],
            parts.OrderBy(p => p.Executed, Comparer<decimal>.Create((a, b) => b.CompareTo(a))).Select(p => (p.Unit, p.Target!.Value, p.Executed)));
    }

    [Fact]
    public async Task PerUnitTarget_SetByPlaneacion_TheOtherPartTakesTheRest()
    {
        var set = await new UnitGroupService(world.Db(), new Vigia.Core.Audit.AuditScope()).SetPartTargetAsync(world.Planning, world.ActionA, subdirection, 4000);
        Assert.True(set.Succeeded, string.Join(" ", set.Errors.Values));

        var compliance = await new ComplianceService(world.Db()).ComputeAsync(await PlanIdAsync(), new DateOnly(2022, 3, 31));

        var parts = compliance!.Parts[world.ActionA].ToDictionary(p => p.UnitId, p => p.Target);
        Assert.Equal(4000m, parts[subdirection]);
        Assert.Equal(1000m, parts[other]);
    }

    [Fact]
    public async Task PerUnitTarget_OnAPercentageAction_IsRefused()
    {
        await using (var db = world.Raw())
        {
            var group = await db.UnitGroups.Select(g => g.Id).SingleAsync();
            db.ActionUnitGroups.Add(new ActionUnitGroup { ActionId = world.ActionB, GroupId = group, Spelling = "Todos los organismos" });
            await db.SaveChangesAsync();
        }

        var set = await new UnitGroupService(world.Db(), new Vigia.Core.Audit.AuditScope()).SetPartTargetAsync(world.Planning, world.ActionB, other, 50);

        Assert.Equal(ResultStatus.Invalid, set.Status);
    }

    [Fact]
    public async Task Agenda_OwesEachPartOnItsOwn()
    {
        await world.SubmitAsync(world.ActionA, ProgressWorld.Draft(3, 60), world.Responsible);
        var db = world.Db();

        var missing = await new ProgressAgenda(db, new ProgressSettings(db), world.Clock).MissingAsync(db.Actions.Where(a => a.Id == world.ActionA));

        var march = Assert.Single(missing, m => m.Month == 3);
        Assert.Equal(other, march.UnitId);
        Assert.Equal((100m, 50m), (march.Planned, march.PartPlanned));
        Assert.Equal([other, subdirection], missing.Where(m => m.Month == 4).Select(m => m.UnitId!.Value).Order());
    }

    [Fact]
    public async Task UnitRanking_RanksEachMemberOnItsOwnPart()
    {
        await world.SubmitAsync(world.ActionA, ProgressWorld.Draft(3, 60), world.Responsible);
        await world.SubmitAsync(world.ActionA, ProgressWorld.Draft(3, 40), world.OtherResponsible);
        await AcceptAllAsync();

        var units = (await new ComplianceService(world.Db()).ComputeAsync(await PlanIdAsync(), new DateOnly(2022, 3, 31)))!.Units
            .ToDictionary(u => u.UnitId);

        // March plans 100 of 5000: each part (2500) owes 50; the Subdirección did 60, Otra oficina 40.
        Assert.Equal((1, 1), (units[subdirection].PlannedActions, units[subdirection].CompletedActions));
        Assert.Equal(100m, units[subdirection].ToDate.Percent);
        Assert.Equal(3, units[other].ActionCount);
        Assert.Equal((3, 0), (units[other].PlannedActions, units[other].CompletedActions));
    }

    [Fact]
    public async Task MergingAMemberIntoAnotherUnit_MovesItsMembershipPartTargetAndReports()
    {
        var id = await world.SubmitAsync(world.ActionA, ProgressWorld.Draft(3, 40), world.OtherResponsible);
        Assert.True((await new UnitGroupService(world.Db(), new Vigia.Core.Audit.AuditScope()).SetPartTargetAsync(world.Planning, world.ActionA, other, 1000)).Succeeded);
        int keep;
        await using (var db = world.Raw())
        {
            var unit = new Unit { EntityId = await db.Entities.Select(e => e.Id).SingleAsync(), Name = "Oficina que queda", NormalizedName = "oficina que queda" };
            db.Units.Add(unit);
            await db.SaveChangesAsync();
            keep = unit.Id;
        }

        var withoutReason = await Units().MergeAsync(keep, other);
        Assert.Equal(ResultStatus.Invalid, withoutReason.Status);
        Assert.True(withoutReason.Errors.ContainsKey(UnitFields.Reason));
        var merged = await Units().MergeAsync(keep, other, "Oficina duplicada en el catálogo");

        Assert.True(merged.Succeeded, string.Join(" ", merged.Errors.Values));
        await using var check = world.Raw();
        Assert.Contains(keep, await check.UnitGroupMembers.Select(m => m.UnitId).ToListAsync());
        Assert.DoesNotContain(other, await check.UnitGroupMembers.Select(m => m.UnitId).ToListAsync());
        Assert.Equal(1000m, await check.ActionPartTargets.Where(t => t.UnitId == keep).Select(t => t.Target).SingleAsync());
        Assert.Equal(keep, (await world.ReportAsync(id)).UnitId);
        await AcceptAllAsync();
        var parts = (await new ComplianceService(world.Db()).ComputeAsync(await PlanIdAsync(), new DateOnly(2022, 3, 31)))!.Parts[world.ActionA];
        Assert.Equal((1000m, 40m), parts.Where(p => p.UnitId == keep).Select(p => (p.Target!.Value, p.Executed)).Single());
    }

    [Fact]
    public async Task MergingTwoMembersThatBothReportedTheSameMonth_IsRefusedAndChangesNothing()
    {
        await world.SubmitAsync(world.ActionA, ProgressWorld.Draft(3, 40), world.OtherResponsible);
        await world.SubmitAsync(world.ActionA, ProgressWorld.Draft(3, 60), world.Responsible);

        var merged = await Units().MergeAsync(subdirection, other, "Duplicada");

        Assert.Equal(ResultStatus.Invalid, merged.Status);
        Assert.Contains("marzo", merged.Errors[UnitFields.Keep], StringComparison.Ordinal);
        await using var check = world.Raw();
        Assert.Equal([other, subdirection], (await check.UnitGroupMembers.Select(m => m.UnitId).ToListAsync()).Order());
        Assert.True(await check.Units.Where(u => u.Id == other).Select(u => u.IsActive).SingleAsync());
    }

    [Fact]
    public async Task ActionWithoutGroup_IsReportedAsAWholeAsBefore()
    {
        var id = await world.SubmitAsync(world.ActionC, ProgressWorld.Draft(3, 1), world.OtherResponsible);

        Assert.Null((await world.ReportAsync(id)).UnitId);
        await AcceptAllAsync();
        var c = (await new ComplianceService(world.Db()).ComputeAsync(await PlanIdAsync(), new DateOnly(2022, 3, 31)))!;
        Assert.False(c.Parts.ContainsKey(world.ActionC));
        Assert.Equal(1, c.Plan.Leaves().Single(l => l.Id == world.ActionC).CompletedActions);
    }
}

public sealed class SqliteCollectiveReportingTests() : CollectiveReportingTests(DatabaseProvider.Sqlite);

public sealed class PostgresCollectiveReportingTests() : CollectiveReportingTests(DatabaseProvider.Postgres);
