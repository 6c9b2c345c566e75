using Microsoft.Extensions.Time.Testing;
using Vigia.Core.Compliance;
using Vigia.Core.Compliance.Stored;
using Vigia.Core.Consolidation;
using Vigia.Core.FollowUps;
using Vigia.Core.Organisation;
using Vigia.Core.Plans;
using Vigia.Core.Progress;
using Vigia.Core.Schedule;

namespace Vigia.Core.Tests.Consolidation;

/// <summary>Ranking, search, paging, totals, distribution, components furthest behind and follow-up punctuality on a
/// small hand-built nation: five published plans in four departments and one draft that no view shows.</summary>
public abstract class SqlConsolidatedComplianceTests(DatabaseProvider provider) : IAsyncLifetime
{
    /// <summary>Nine months counted; the PAAC cut-offs of 30 April and 31 August are due (deadlines in May and September).</summary>
    private static readonly DateOnly At = new(2022, 10, 1);

    private TestDatabase database = null!;
    private readonly Dictionary<string, int> plans = [];

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.CreateMigratedContextAsync();
        // Activities as (component, completed?): every action is programmed in February.
        plans["cali"] = await AddPlanAsync(db, "Alcaldía de Santiago de Cali", "cali", 76, [(1, true), (2, true)]);
        plans["palmira"] = await AddPlanAsync(db, "Alcaldía de Palmira", "palmira", 76, [(1, true), (1, false)]);
        plans["medellin"] = await AddPlanAsync(db, "Alcaldía de Medellín", "medellin", 5, [(1, true), (1, true), (2, false), (2, false)]);
        plans["bogota"] = await AddPlanAsync(db, "Alcaldía Mayor de Bogotá", "bogota", 11, [], unscheduled: true);
        plans["abrego"] = await AddPlanAsync(db, "Alcaldía de Ábrego", "abrego", 54, [(3, false), (3, false)], simulated: true);
        await AddPlanAsync(db, "Alcaldía de Envigado", "envigado", 5, [(1, true)], draft: true);
        // Cali: 30 April published on time, 31 August late; Palmira: 30 April on time, then a correction (version 2)
        // that does not change when it was first published; the others published nothing.
        db.AddRange(
            FollowUp(plans["cali"], new DateOnly(2022, 4, 30), 1, new DateOnly(2022, 5, 6)),
            FollowUp(plans["cali"], new DateOnly(2022, 8, 31), 2, new DateOnly(2022, 9, 30)),
            FollowUp(plans["palmira"], new DateOnly(2022, 4, 30), 1, new DateOnly(2022, 5, 2)),
            FollowUp(plans["palmira"], new DateOnly(2022, 4, 30), 1, new DateOnly(2022, 7, 1), version: 2),
            FollowUp(plans["medellin"], new DateOnly(2022, 8, 31), 2, new DateOnly(2022, 10, 5)));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private static FollowUp FollowUp(int planId, DateOnly cutOff, int number, DateOnly publishedOn, int version = 1) => new()
    {
        PlanId = planId,
        CutOffDate = cutOff,
        CutOffNumber = number,
        PublicationDeadline = cutOff.AddDays(14),
        Version = version,
        Status = FollowUpStatus.Published,
        CreatedAt = TestTime.Written,
        PublishedOn = publishedOn,
        PublishedAt = TestTime.Written,
    };

    private static async Task<int> AddPlanAsync(AppDbContext db, string name, string slug, int department, (int Component, bool Completed)[] activities,
        bool unscheduled = false, bool draft = false, bool simulated = false)
    {
        var entity = new Entity { Name = name, Slug = slug, DepartmentId = department, IsSimulated = simulated };
        var plan = new Plan { Entity = entity, Year = 2022, Title = $"PAAC 2022 {name}", Status = draft ? PlanStatus.Draft : PlanStatus.Published, CreatedAt = TestTime.Written };
        var reports = new List<ProgressReport>();
        var components = new[] { "Gestión del riesgo", "Racionalización de trámites", "Rendición de cuentas" };
        for (var number = 1; number <= 3; number++)
        {
            var component = new Component { Number = number, Name = components[number - 1] };
            plan.Components.Add(component);
            var i = 0;
            foreach (var (_, completed) in activities.Where(a => a.Component == number))
            {
                i++;
                var action = new PlanAction { Order = 1, Description = "Acción", Goal = "Meta", TargetQuantity = 1 };
                if (!unscheduled)
                {
                    action.Schedule.Add(new ScheduleEntry { Month = 2, PlannedQuantity = 1 });
                }
                component.Activities.Add(new Activity { Code = $"{number}.1.{i}", Name = $"Actividad {i}", Order = i, Actions = [action] });
                if (completed)
                {
                    reports.Add(new ProgressReport { Action = action, Month = 2, ExecutedQuantity = 1, Narrative = "Hecho", Status = ReportStatus.Accepted, SubmittedAt = TestTime.Written });
                }
            }
        }
        if (unscheduled)
        {
            plan.Components[0].Activities.Add(new Activity
            {
                Code = "1.1.1",
                Name = "Sin programar",
                Order = 1,
                Actions = [new PlanAction { Order = 1, Description = "Acción", Goal = "Meta", TargetQuantity = 1 }],
            });
        }
        db.Plans.Add(plan);
        db.ProgressReports.AddRange(reports);
        await db.SaveChangesAsync();
        return plan.Id;
    }

    private SqlConsolidatedCompliance Service(AppDbContext db) => new(db, new ComplianceStateStore(db, new FakeTimeProvider(TestTime.Written)));

    [Fact]
    public async Task Nation_RanksByOfficialPercentThenCompletedThenName_NothingProgrammedLast_DraftLeftOut()
    {
        await using var db = database.CreateContext();
        var view = await Service(db).ViewAsync(new ConsolidatedQuery(2022, At, PageSize: 50));

        Assert.Equal(["cali", "medellin", "palmira", "abrego", "bogota"], view.Page.Select(s => s.EntitySlug));
        Assert.Equal([1, 2, 3, 4, 5], view.Page.Select(s => s.Rank));
        Assert.Equal((5, 5), (view.Plans, view.Matching));
        Assert.Equal([100m, 50m, 50m, 0m, null], view.Page.Select(s => s.Official.Percent));
        Assert.Equal(new OfficialCount(11, 10, 5, 11, 10, 5), view.Total);
        Assert.Equal([new BandCount(ComplianceLevel.High, 1), new BandCount(ComplianceLevel.Medium, 0), new BandCount(ComplianceLevel.Low, 3), new BandCount(null, 1)],
            view.Distribution);
        Assert.True(view.HasSimulatedData);
        Assert.Equal(["abrego"], view.Page.Where(s => s.Simulated).Select(s => s.EntitySlug));
        Assert.Equal(("Valle del Cauca", "valle-del-cauca"), (view.Page[0].DepartmentName, view.Page[0].DepartmentSlug));
        foreach (var standing in view.Page)
        {
            Assert.Equal((await new ComplianceService(db).ComputeAsync(standing.PlanId, At))!.Plan.Official, standing.Official);
        }
    }

    [Fact]
    public async Task Page_ComponentsFurthestBehind_LowestFirst_OnlyProgrammed()
    {
        await using var db = database.CreateContext();
        var view = await Service(db).ViewAsync(new ConsolidatedQuery(2022, At));

        var medellin = view.Page.Single(s => s.EntitySlug == "medellin");
        Assert.Equal([(2, "Racionalización de trámites", (decimal?)0m), (1, "Gestión del riesgo", 100m)],
            medellin.FurthestBehind.Select(c => (c.Number, c.Name, c.Official.Percent)));
        Assert.Empty(view.Page.Single(s => s.EntitySlug == "bogota").FurthestBehind);
    }

    [Fact]
    public async Task FollowUps_OnTimeLateOrMissing_AtTheDate()
    {
        await using var db = database.CreateContext();
        var view = await Service(db).ViewAsync(new ConsolidatedQuery(2022, At));
        var of = view.Page.ToDictionary(s => s.EntitySlug, s => s.FollowUps);

        Assert.Equal(new FollowUpPunctuality(2, 1, 1, 0), of["cali"]);
        Assert.Equal(new FollowUpPunctuality(2, 1, 0, 1), of["palmira"]);
        // Published on 5 October: after the date of the view, so not yet published then.
        Assert.Equal(new FollowUpPunctuality(2, 0, 0, 2), of["medellin"]);
        var before = await Service(db).ViewAsync(new ConsolidatedQuery(2022, new DateOnly(2022, 5, 1)));
        Assert.Equal(FollowUpPunctuality.None, before.Page.Single(s => s.EntitySlug == "cali").FollowUps);
    }

    [Theory]
    [InlineData("MEDELLIN", "medellin")]
    [InlineData("ábrego", "abrego")]
    [InlineData("abrego", "abrego")]
    [InlineData("santiago de", "cali")]
    public async Task Search_IgnoresAccentsAndCase_KeepsTheRankInTheWholeScope(string search, string slug)
    {
        await using var db = database.CreateContext();
        var all = await Service(db).ViewAsync(new ConsolidatedQuery(2022, At));
        var view = await Service(db).ViewAsync(new ConsolidatedQuery(2022, At, Search: search));

        var found = Assert.Single(view.Page);
        Assert.Equal(slug, found.EntitySlug);
        Assert.Equal(all.Page.Single(s => s.EntitySlug == slug).Rank, found.Rank);
        Assert.Equal((5, 1), (view.Plans, view.Matching));
    }

    [Fact]
    public async Task Paging_CountsPagesOnTheMatches()
    {
        await using var db = database.CreateContext();
        var view = await Service(db).ViewAsync(new ConsolidatedQuery(2022, At, Page: 2, PageSize: 2));

        Assert.Equal(["palmira", "abrego"], view.Page.Select(s => s.EntitySlug));
        Assert.Equal(3, view.PageCount);
        // A page past the last shows the last one (ConsolidatedPlans.ClampPage), as the pages' pager expects.
        var beyond = await Service(db).ViewAsync(new ConsolidatedQuery(2022, At, Page: 9, PageSize: 2));
        Assert.Equal(3, beyond.Query.Page);
        Assert.Equal(["bogota"], beyond.Page.Select(s => s.EntitySlug));
    }

    [Fact]
    public async Task Department_OnlyItsPlans_RankedAmongThemselves()
    {
        await using var db = database.CreateContext();
        var view = await Service(db).ViewAsync(new ConsolidatedQuery(2022, At, DepartmentId: Departments.ValleDelCauca));

        Assert.Equal([("cali", 1), ("palmira", 2)], view.Page.Select(s => (s.EntitySlug, s.Rank)));
        Assert.Equal(new OfficialCount(4, 4, 3, 4, 4, 3), view.Total);
        Assert.False(view.HasSimulatedData);
    }

    [Fact]
    public async Task Departments_TotalsInDivipolaOrder()
    {
        await using var db = database.CreateContext();
        var departments = await Service(db).DepartmentsAsync(2022, At);

        Assert.Equal([("05", 1, 2), ("11", 1, 0), ("54", 1, 0), ("76", 2, 3)], departments.Select(d => (d.Code, d.Plans, d.Total.CompletedActivities)));
        Assert.True(departments.Single(d => d.Code == "54").HasSimulatedData);
    }

    [Fact]
    public async Task Stream_EveryPlanInRankOrder_IgnoringSearchAndPage()
    {
        await using var db = database.CreateContext();
        var service = Service(db);
        var view = await service.ViewAsync(new ConsolidatedQuery(2022, At));
        var streamed = new List<EntityStanding>();
        await foreach (var s in service.StreamAsync(new ConsolidatedQuery(2022, At, Search: "cali", Page: 3, PageSize: 1)))
        {
            streamed.Add(s);
        }

        Assert.Equal(view.Page.Select(s => (s.Rank, s.PlanId, s.Official, s.FollowUps)), streamed.Select(s => (s.Rank, s.PlanId, s.Official, s.FollowUps)));
    }
}

public class SqliteSqlConsolidatedComplianceTests() : SqlConsolidatedComplianceTests(DatabaseProvider.Sqlite);

public class PostgresSqlConsolidatedComplianceTests() : SqlConsolidatedComplianceTests(DatabaseProvider.Postgres);
