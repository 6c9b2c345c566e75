using Microsoft.Extensions.Time.Testing;
using Vigia.Core.Audit;
using Vigia.Core.Compliance;
using Vigia.Core.Compliance.Stored;
using Vigia.Core.Demo;
using Vigia.Core.Organisation;
using Vigia.Core.Plans;
using Vigia.Core.Plans.Importing;
using Vigia.Core.Progress;
using Vigia.Core.Schedule;
using Vigia.Core.Tests.Audit;

namespace Vigia.Core.Tests.Compliance;

/// <summary>The stored verdicts aggregated by the database give, for every month counted, exactly the counts of
/// <see cref="ComplianceService"/> (the calculator), on randomly generated plans and on the bundled seed plan.</summary>
public abstract class StoredComplianceTests(DatabaseProvider provider) : IAsyncLifetime
{
    /// <summary>Fixed seeds: the same plans on every run and machine.</summary>
    public static readonly int[] Seeds = [1, 7, 42, 2022, 31337, 65_521, 99_991, 123_457];

    private TestDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.CreateMigratedContextAsync();
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    /// <summary>A date at which <see cref="ComplianceCalculator.MonthsCounted"/> gives <paramref name="months"/>.</summary>
    public static DateOnly DateFor(int year, int months) =>
        months == 0 ? new DateOnly(year, 1, 15) : new DateOnly(year, months, DateTime.DaysInMonth(year, months));

    [Fact]
    public async Task RandomPlans_EveryMonth_SqlCountsEqualTheCalculator()
    {
        var plans = new List<int>();
        foreach (var seed in Seeds)
        {
            await using var db = database.CreateContext();
            plans.Add(await RandomPlan.AddAsync(db, seed));
        }

        await using (var db = database.CreateContext())
        {
            Assert.Equal(plans.Count, await new ComplianceStateStore(db, new FakeTimeProvider(TestTime.Written)).RefreshAllAsync());
        }
        await AssertSameAsCalculatorAsync(plans, 2022);
    }

    [Fact]
    public async Task SeedPlanWithSimulatedYear_EveryMonth_SqlCountsEqualTheCalculator()
    {
        int planId;
        var clock = new TestClock(TestTime.Written);
        var scope = new AuditScope();
        await using (var db = database.CreateContext())
        {
            using var reader = File.OpenText(Path.Combine(AppContext.BaseDirectory, "data", "paac-cali-2022.txt"));
            var outcome = await new PlanImportService(db, new FakeTimeProvider(TestTime.Written))
                .ImportAsync(PlanDocumentReader.ReadText(reader), new PlanImportOptions(), "prueba");
            planId = outcome.Value.PlanId!.Value;
        }
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, provider, database.ConnectionString, new AuditInterceptor(scope, clock));
        await using (var audited = new AppDbContext(options.Options))
        {
            Assert.Equal(1, (await new DemoExecutionSimulator(audited, scope, clock).SimulateAsync()).PlansSimulated);
        }

        // No explicit refresh: the plan has no state row yet, so the first read computes it.
        await AssertSameAsCalculatorAsync([planId], 2022);
        await using var read = database.CreateContext();
        Assert.True((await read.PlanComplianceStates.SingleAsync(s => s.PlanId == planId)).HasSimulatedData);
    }

    private async Task AssertSameAsCalculatorAsync(IReadOnlyList<int> plans, int year)
    {
        await using var db = database.CreateContext();
        var store = new ComplianceStateStore(db, new FakeTimeProvider(TestTime.Written));
        await store.EnsureFreshAsync(db.Plans.Where(p => plans.Contains(p.Id)).Select(p => p.Id));
        var ids = db.Plans.Where(p => plans.Contains(p.Id)).Select(p => p.Id);
        for (var months = 0; months <= 12; months++)
        {
            var at = DateFor(year, months);
            Assert.Equal(months, ComplianceCalculator.MonthsCounted(year, at));
            var sqlPlans = await ComplianceFigures.PlansAsync(db, ids, months);
            var aggregated = await ComplianceFigures.AggregatePlansAsync(db, ids, months);
            var sqlComponents = (await ComplianceFigures.ComponentsAsync(db, ids, months)).ToDictionary(c => c.ComponentId);
            var progress = await db.PlanProgressStates.Where(s => plans.Contains(s.PlanId) && s.Months == months).ToDictionaryAsync(s => s.PlanId);
            foreach (var planId in plans)
            {
                var expected = (await new ComplianceService(db).ComputeAsync(planId, at))!;
                Assert.True(expected.Plan.Official == (sqlPlans.GetValueOrDefault(planId) ?? OfficialCount.Zero),
                    $"plan {planId}, {months} months: calculator {expected.Plan.Official}, stored {sqlPlans.GetValueOrDefault(planId)}");
                Assert.True(expected.Plan.Official == (aggregated.GetValueOrDefault(planId) ?? OfficialCount.Zero),
                    $"plan {planId}, {months} months: calculator {expected.Plan.Official}, aggregate of the verdicts {aggregated.GetValueOrDefault(planId)}");
                foreach (var component in expected.Components)
                {
                    var sql = sqlComponents.TryGetValue(component.Id, out var c) ? c.Official : OfficialCount.Zero;
                    Assert.True(component.Official == sql, $"plan {planId}, component {component.Code}, {months} months: calculator {component.Official}, SQL {sql}");
                }
                // The weighted progress is stored to four decimals (the columns' precision); the pages show one at most.
                Assert.Equal((Round(expected.Plan.ToDate.Percent), Round(expected.Plan.Year.Percent)), (progress[planId].ToDate, progress[planId].Year));
            }
        }
    }

    private static decimal? Round(decimal? value) => value is { } v ? Math.Round(v, 4, MidpointRounding.AwayFromZero) : null;

    [Fact]
    public void PlanCounts_TranslateToOneGroupedQuery()
    {
        using var db = database.CreateContext();
        var sql = ComplianceFigures.PlanQuery(db, db.Plans.Select(p => p.Id), 4).ToQueryString();

        Assert.Contains("GROUP BY", sql, StringComparison.Ordinal);
        Assert.Contains("&", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("ActionInput", sql, StringComparison.Ordinal);
    }
}

public class SqliteStoredComplianceTests() : StoredComplianceTests(DatabaseProvider.Sqlite);

public class PostgresStoredComplianceTests() : StoredComplianceTests(DatabaseProvider.Postgres);

/// <summary>A random plan written to the database: components (some with subcomponents), activities (some without
/// actions), count and percentage actions with or without targets and weights, schedules, reports of every status in
/// any month, and collective actions assigned to a group, with part reports and some part targets set.</summary>
#pragma warning disable CA5394 // a seeded generator of test data, not security
public static class RandomPlan
{
    public static async Task<int> AddAsync(AppDbContext db, int seed)
    {
        var random = new Random(seed);
        var entity = new Entity { Name = $"Entidad {seed}", Slug = $"entidad-{seed}" };
        var units = Enumerable.Range(1, 4).Select(i => new Unit { Entity = entity, Name = $"Unidad {i}", NormalizedName = $"unidad {i}" }).ToList();
        var group = new UnitGroup { Entity = entity, RuleKey = "todos", Name = "Todos los organismos" };
        group.Members.AddRange(units.Take(3).Select(u => new UnitGroupMember { Unit = u }));
        db.AddRange(units);
        db.Add(group);
        var plan = new Plan { Entity = entity, Year = 2022, Title = $"Plan {seed}", Status = PlanStatus.Published, CreatedAt = TestTime.Written };
        var components = random.Next(1, 5);
        var targets = new List<ActionPartTarget>();
        var reports = new List<ProgressReport>();
        for (var number = 1; number <= components; number++)
        {
            var component = new Component { Number = number, Name = $"Componente {number}" };
            plan.Components.Add(component);
            var subcomponent = random.Next(2) == 0 ? null : new Subcomponent { Code = $"{number}.1", Name = "Sub", Order = 1 };
            if (subcomponent is not null)
            {
                component.Subcomponents.Add(subcomponent);
            }
            var activities = random.Next(0, 4);
            for (var a = 1; a <= activities; a++)
            {
                var activity = new Activity { Code = $"{number}.1.{a}", Name = $"Actividad {a}", Order = a, Subcomponent = random.Next(2) == 0 ? subcomponent : null };
                component.Activities.Add(activity);
                var actions = random.Next(0, 4);
                for (var order = 1; order <= actions; order++)
                {
                    activity.Actions.Add(Action(random, order, units, group, targets, reports));
                }
            }
        }
        db.Plans.Add(plan);
        db.ActionPartTargets.AddRange(targets);
        db.ProgressReports.AddRange(reports);
        await db.SaveChangesAsync();
        return plan.Id;
    }

    private static PlanAction Action(Random random, int order, List<Unit> units, UnitGroup group, List<ActionPartTarget> targets,
        List<ProgressReport> reports)
    {
        var unit = random.Next(3) == 0 ? TargetUnit.Percentage : TargetUnit.Count;
        var action = new PlanAction
        {
            Order = order,
            Description = $"Acción {order}",
            Goal = $"Meta {order}",
            TargetUnit = unit,
            TargetQuantity = random.Next(4) == 0 ? null : unit == TargetUnit.Percentage ? 100 : random.Next(1, 40),
            Weight = random.Next(3) == 0 ? random.Next(1, 5) : null,
        };
        var months = Enumerable.Range(1, 12).Where(_ => random.Next(3) == 0).ToList();
        var milestone = 0;
        foreach (var month in months)
        {
            milestone = Math.Min(100, milestone + random.Next(10, 50));
            action.Schedule.Add(new ScheduleEntry { Month = month, PlannedQuantity = unit == TargetUnit.Percentage ? milestone : random.Next(1, 8) });
        }
        var collective = random.Next(3) == 0;
        if (collective)
        {
            action.ResponsibleGroups.Add(new ActionUnitGroup { Group = group, Spelling = "Todos los organismos" });
            if (random.Next(2) == 0)
            {
                action.ResponsibleUnits.Add(new ActionUnit { Unit = units[3] });
            }
            foreach (var member in units.Take(3).Where(_ => random.Next(3) == 0))
            {
                targets.Add(new ActionPartTarget { Action = action, Unit = member, Target = random.Next(0, 10) });
            }
        }
        else
        {
            action.ResponsibleUnits.Add(new ActionUnit { Unit = units[random.Next(units.Count)] });
        }
        var count = random.Next(0, 7);
        var live = new HashSet<(int Month, Unit? Unit)>();
        for (var i = 0; i < count; i++)
        {
            var month = random.Next(1, 13);
            var part = collective && random.Next(4) != 0 ? units[random.Next(3)] : null;
            var status = (ReportStatus)random.Next(1, 5);
            // One live report per action, part and month (as the database requires); any other is superseded.
            if (status != ReportStatus.Superseded && !live.Add((month, part)))
            {
                status = ReportStatus.Superseded;
            }
            reports.Add(new ProgressReport
            {
                Action = action,
                Month = month,
                ExecutedQuantity = unit == TargetUnit.Percentage ? random.Next(0, 101) : random.Next(0, 9),
                Narrative = "Avance",
                Status = status,
                SubmittedAt = TestTime.Written,
                IsLate = random.Next(4) == 0,
                Unit = part,
            });
        }
        return action;
    }
}
#pragma warning restore CA5394
