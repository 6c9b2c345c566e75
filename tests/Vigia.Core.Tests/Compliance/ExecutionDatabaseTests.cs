using Microsoft.Extensions.Time.Testing;
using Vigia.Core.Accounts;
using Vigia.Core.Audit;
using Vigia.Core.Compliance;
using Vigia.Core.Demo;
using Vigia.Core.Plans;
using Vigia.Core.Plans.Importing;
using Vigia.Core.Progress;
using Vigia.Core.Schedule;
using Vigia.Core.Tests.Audit;

namespace Vigia.Core.Tests.Compliance;

/// <summary>Schedules, compliance and the demo simulation on the Cali 2022 plan, on a real database.</summary>
public abstract class ExecutionDatabaseTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly Actor Planner = new("planner-id", "Ana Planeación", new HashSet<string> { Roles.Planning });
    private static readonly Actor Administrator = new("admin-id", "Admin", new HashSet<string> { Roles.Administrator });
    private static readonly Actor Responsible = new("resp-id", "Rita Responsable", new HashSet<string> { Roles.Responsible });

    private TestDatabase database = null!;
    private readonly AuditScope scope = new();

    private int planId;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.CreateMigratedContextAsync();
        using var reader = File.OpenText(Path.Combine(AppContext.BaseDirectory, "data", "paac-cali-2022.txt"));
        var outcome = await new PlanImportService(db, new FakeTimeProvider(TestTime.Written)).ImportAsync(PlanDocumentReader.ReadText(reader), new PlanImportOptions(), "prueba");
        planId = outcome.Value.PlanId!.Value;
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private AppDbContext Audited(TimeProvider? clock = null)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, provider, database.ConnectionString, new AuditInterceptor(scope, clock));
        return new AppDbContext(options.Options);
    }

    private async Task<List<PlanAction>> ActionsOfAsync(string activityCode)
    {
        await using var db = database.CreateContext();
        return await db.Actions.Include(a => a.Schedule).Where(a => a.Activity!.Code == activityCode).OrderBy(a => a.Order).ToListAsync();
    }

    private async Task SetStatusAsync(PlanStatus status)
    {
        await using var db = database.CreateContext();
        await db.Plans.Where(p => p.Id == planId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, status));
    }

    private async Task<Result<ScheduleChange>> ScheduleAsync(Actor actor, string? justification, params ActionScheduleInput[] actions)
    {
        await using var db = Audited();
        return await new ScheduleService(db, scope).SaveAsync(new ScheduleUpdate(planId, actions, justification), actor);
    }

    private static ActionScheduleInput Months(int actionId, params (int Month, decimal Quantity)[] months) =>
        new(actionId, months.ToDictionary(m => m.Month, m => m.Quantity));

    [Fact]
    public async Task Schedule_Planning_SavesReplacesAndRemovesMonths()
    {
        var action = (await ActionsOfAsync("1.4.1")).Single();

        var first = await ScheduleAsync(Planner, null, Months(action.Id, (2, 1), (3, 1), (4, 1)));
        var second = await ScheduleAsync(Planner, null, Months(action.Id, (3, 2), (4, 0), (5, 1.5m)));

        Assert.Equal(ResultStatus.Saved, first.Status);
        Assert.Equal(ResultStatus.Saved, second.Status);
        var stored = (await ActionsOfAsync("1.4.1")).Single().Schedule.OrderBy(s => s.Month).Select(s => (s.Month, s.PlannedQuantity));
        Assert.Equal([(3, 2m), (5, 1.5m)], stored);
    }

    [Fact]
    public async Task Schedule_SameValuesAgain_Unchanged()
    {
        var action = (await ActionsOfAsync("1.4.1")).Single();
        await ScheduleAsync(Planner, null, Months(action.Id, (2, 1)));

        var again = await ScheduleAsync(Planner, null, Months(action.Id, (2, 1), (3, 0)));

        Assert.Equal(ResultStatus.Saved, again.Status);
        Assert.True(again.Value.Unchanged);
    }

    [Fact]
    public async Task Schedule_ResponsibleOrAdministrator_ForbiddenAndNothingSaved()
    {
        var action = (await ActionsOfAsync("1.4.1")).Single();

        Assert.Equal(ResultStatus.Forbidden, (await ScheduleAsync(Responsible, null, Months(action.Id, (2, 1)))).Status);
        Assert.Equal(ResultStatus.Forbidden, (await ScheduleAsync(Administrator, null, Months(action.Id, (2, 1)))).Status);
        Assert.Empty((await ActionsOfAsync("1.4.1")).Single().Schedule);
    }

    [Fact]
    public async Task Schedule_PercentageAboveOneHundredOrNegative_Invalid()
    {
        var percentage = (await ActionsOfAsync("1.3.4")).Single();
        var count = (await ActionsOfAsync("1.4.1")).Single();

        var result = await ScheduleAsync(Planner, null, Months(percentage.Id, (12, 120)), Months(count.Id, (2, -1)));

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Contains("no puede pasar de 100", result.Errors[ScheduleFields.Cell(percentage.Id, 12)], StringComparison.Ordinal);
        Assert.Contains("negativa", result.Errors[ScheduleFields.Cell(count.Id, 2)], StringComparison.Ordinal);
        Assert.Empty((await ActionsOfAsync("1.3.4")).Single().Schedule);
    }

    [Fact]
    public async Task Schedule_ActionOfAnotherPlan_Invalid()
    {
        var result = await ScheduleAsync(Planner, null, Months(999_999, (2, 1)));

        Assert.Equal(ResultStatus.Invalid, result.Status);
    }

    [Fact]
    public async Task Schedule_PublishedPlanWithoutJustification_InvalidAndNothingSaved()
    {
        await SetStatusAsync(PlanStatus.Published);
        var action = (await ActionsOfAsync("1.4.1")).Single();

        var result = await ScheduleAsync(Planner, "  ", Months(action.Id, (2, 1)));

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal(ScheduleFields.Justification, Assert.Single(result.Errors).Key);
        Assert.Empty((await ActionsOfAsync("1.4.1")).Single().Schedule);
    }

    [Fact]
    public async Task Schedule_PublishedPlanWithJustification_SavedWithTheReasonInTheAuditTrail()
    {
        await SetStatusAsync(PlanStatus.Published);
        var action = (await ActionsOfAsync("1.4.1")).Single();

        var result = await ScheduleAsync(Planner, "Ajuste aprobado en comité del 3 de marzo", Months(action.Id, (2, 1), (3, 1)));

        Assert.Equal(ResultStatus.Saved, result.Status);
        await using var db = database.CreateContext();
        var entries = await db.AuditEntries.Where(e => e.EntityType == nameof(ScheduleEntry)).ToListAsync();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal("Ajuste aprobado en comité del 3 de marzo", e.Reason));
        Assert.All(entries, e => Assert.Equal("Ana Planeación", e.ActorName));
    }

    [Fact]
    public async Task Schedule_ClosedPlan_Refused()
    {
        await SetStatusAsync(PlanStatus.Closed);
        var action = (await ActionsOfAsync("1.4.1")).Single();

        var result = await ScheduleAsync(Planner, "Un motivo suficientemente largo", Months(action.Id, (2, 1)));

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Contains("cerrado", result.Errors[""], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compliance_KnownSetup_ActionsComponentAndPlan()
    {
        var actions = await ActionsOfAsync("1.4.1");
        var monitorings = actions.Single();
        await ScheduleAsync(Planner, null, Months(monitorings.Id, Enumerable.Range(2, 11).Select(m => (m, 1m)).ToArray()));
        await using (var db = database.CreateContext())
        {
            foreach (var (month, status) in new[] { (2, ReportStatus.Accepted), (3, ReportStatus.Accepted), (4, ReportStatus.Returned) })
            {
                db.ProgressReports.Add(new ProgressReport
                {
                    ActionId = monitorings.Id,
                    Month = month,
                    ExecutedQuantity = 1,
                    Narrative = "Monitoreo",
                    Status = status,
                    SubmittedAt = TestTime.Written,
                });
            }
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var result = (await new ComplianceService(read).ComputeAsync(planId, new DateOnly(2022, 4, 30)))!;

        Assert.Equal(4, result.MonthsCounted);
        var component1 = result.Components.Single(c => c.Code == "1");
        Assert.Equal(1, component1.PlannedActions);
        Assert.Equal(0, component1.CompletedActions);
        Assert.Equal(200m / 3, component1.ToDate.Percent!.Value, 10);
        Assert.Equal(result.Plan.ToDate.Percent, component1.ToDate.Percent);
        Assert.All(result.Components.Where(c => c.Code != "1"), c => Assert.Null(c.ToDate.Percent));
        var gap = Assert.Single(result.Gaps);
        Assert.Equal("1.4.1-1", gap.Code);
        Assert.Equal([4], gap.MissingMonths);
        Assert.False(result.HasSimulatedData);
        Assert.Equal(ComplianceLevel.Medium, result.Bands.Classify(component1.ToDate.Percent!.Value));
    }

    [Fact]
    public async Task Compliance_BandsComeFromTheSettingsTable()
    {
        await using (var db = database.CreateContext())
        {
            db.Settings.Add(new AppSetting { Key = ComplianceBands.MediumFromKey, Value = "70" });
            db.Settings.Add(new AppSetting { Key = ComplianceBands.HighFromKey, Value = "90" });
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var result = (await new ComplianceService(read).ComputeAsync(planId, new DateOnly(2022, 12, 31)))!;

        Assert.Equal(new ComplianceBands(70, 90), result.Bands);
    }

    [Fact]
    public async Task Demo_PastYear_SchedulesEveryActionWithATargetAndSimulatesTwelveMonths()
    {
        var clock = new TestClock(new DateTimeOffset(2026, 11, 26, 15, 0, 0, TimeSpan.Zero));

        DemoSimulationSummary outcome;
        await using (var db = Audited(clock))
        {
            outcome = await new DemoExecutionSimulator(db, scope, clock).SimulateAsync();
        }

        Assert.Equal(1, outcome.PlansSimulated);
        await using var read = database.CreateContext();
        Assert.Equal(0, await read.Actions.CountAsync(a => a.TargetQuantity > 0 && !a.Schedule.Any()));
        var reports = await read.ProgressReports.ToListAsync();
        Assert.Equal(outcome.Reports, reports.Count);
        Assert.All(reports, r => Assert.True(r.IsSimulated));
        Assert.Contains(reports, r => r.Month == 12);
        Assert.Contains(reports, r => r.Status == ReportStatus.Returned);
        Assert.DoesNotContain(reports, r => r.Status == ReportStatus.Submitted);
        Assert.Contains(reports, r => r.IsLate);
        Assert.True(reports.Count(r => r.Status == ReportStatus.Accepted) > reports.Count * 0.7);
        Assert.All(reports.Where(r => r.CorrectsId is not null), r => Assert.Equal(ReportStatus.Accepted, r.Status));
        var compliance = (await new ComplianceService(read).ComputeAsync(planId, new DateOnly(2022, 12, 31)))!;
        Assert.True(compliance.HasSimulatedData);
        Assert.NotEmpty(compliance.Gaps);
        Assert.InRange(compliance.Plan.ToDate.Percent!.Value, 60, 99);
        var audit = await read.AuditEntries.Where(e => e.EntityType == nameof(ProgressReport)).Select(e => e.Reason).Distinct().ToListAsync();
        Assert.Equal([DemoExecutionSimulator.Reason], audit);
    }

    [Fact]
    public async Task Demo_ScheduleIsMarkedSimulated_UntilPlaneacionSetsTheMonthAgain()
    {
        var clock = new TestClock(new DateTimeOffset(2026, 11, 26, 15, 0, 0, TimeSpan.Zero));
        await using (var db = Audited(clock))
        {
            await new DemoExecutionSimulator(db, scope, clock).SimulateAsync();
        }
        await using (var read = database.CreateContext())
        {
            Assert.True(await read.ScheduleEntries.AnyAsync());
            Assert.True(await read.ScheduleEntries.AllAsync(s => s.IsSimulated));
        }
        var action = (await ActionsOfAsync("1.4.1")).Single();
        var kept = action.Schedule.OrderBy(s => s.Month).First();
        var months = action.Schedule.ToDictionary(s => s.Month, s => s.PlannedQuantity);
        months[kept.Month] = kept.PlannedQuantity + 1;

        var saved = await ScheduleAsync(Planner, DemoExecutionSimulator.Reason, new ActionScheduleInput(action.Id, months));

        Assert.Equal(ResultStatus.Saved, saved.Status);
        var after = (await ActionsOfAsync("1.4.1")).Single().Schedule;
        Assert.False(after.Single(s => s.Month == kept.Month).IsSimulated);
        Assert.All(after.Where(s => s.Month != kept.Month), s => Assert.True(s.IsSimulated));
    }

    [Fact]
    public async Task Demo_CurrentYear_OnlyMonthsThatEnded_AndASecondRunChangesNothing()
    {
        var clock = new TestClock(new DateTimeOffset(2022, 5, 20, 15, 0, 0, TimeSpan.Zero));

        await using (var db = Audited(clock))
        {
            await new DemoExecutionSimulator(db, scope, clock).SimulateAsync();
        }
        DemoSimulationSummary again;
        await using (var db = Audited(clock))
        {
            again = await new DemoExecutionSimulator(db, scope, clock).SimulateAsync();
        }

        await using var read = database.CreateContext();
        Assert.Equal(4, await read.ProgressReports.MaxAsync(r => r.Month));
        Assert.Contains(await read.ProgressReports.Where(r => r.Status == ReportStatus.Submitted).Select(r => r.Month).ToListAsync(), m => m == 4);
        Assert.All(await read.ProgressReports.Select(r => r.SubmittedAt).ToListAsync(), s => Assert.True(s <= clock.Now));
        Assert.Equal(0, again.PlansSimulated);
    }
}

public class SqliteExecutionDatabaseTests() : ExecutionDatabaseTests(DatabaseProvider.Sqlite);

public class PostgresExecutionDatabaseTests() : ExecutionDatabaseTests(DatabaseProvider.Postgres);
