using Microsoft.Extensions.Time.Testing;
using Vigia.Core.Accounts;
using Vigia.Core.Audit;
using Vigia.Core.Plans;
using Vigia.Core.Progress;
using Vigia.Core.Schedule;

namespace Vigia.Core.Tests.Plans;

/// <summary>The plan's life on the seed plan: loaded as published version 1, revised with a justification, edited,
/// published again, and compared; the live actions keep their ids and their reports throughout.</summary>
public abstract class PlanLifecycleServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly Actor Planner = new("planeacion-1", "Ana Planeación", new HashSet<string> { Roles.Planning });
    private static readonly Actor Controller = new("oci-1", "Óscar Control", new HashSet<string> { Roles.InternalControl });

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2022, 5, 10, 9, 0, 0, TestTime.ColombiaOffset).ToUniversalTime());
    private TestDatabase database = null!;
    private readonly List<AppDbContext> contexts = [];

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.CreateMigratedContextAsync();
        using var reader = File.OpenText(Path.Combine(AppContext.BaseDirectory, "data", "paac-cali-2022.txt"));
        var outcome = await new PlanImportService(db, clock).ImportAsync(Vigia.Core.Plans.Importing.PlanDocumentReader.ReadText(reader),
            new PlanImportOptions(Published: new PublicationApproval(null, null, "Original firmado")), "prueba");
        Assert.True(outcome.Succeeded);
        await TestPlanners.AddAsync(db, Planner);
    }

    public async Task DisposeAsync()
    {
        foreach (var db in contexts)
        {
            await db.DisposeAsync();
        }
        await database.DisposeAsync();
    }

    private PlanLifecycleService Service()
    {
        var scope = new AuditScope();
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, database.Provider, database.ConnectionString, new AuditInterceptor(scope, clock));
        var db = new AppDbContext(options.Options);
        contexts.Add(db);
        return new PlanLifecycleService(db, scope, clock);
    }

    private async Task<int> PlanIdAsync()
    {
        await using var db = database.CreateContext();
        return await db.Plans.Select(p => p.Id).SingleAsync();
    }

    private async Task<PlanAction> ActionAsync(string activityCode, int order = 1)
    {
        await using var db = database.CreateContext();
        return await db.Actions.AsNoTracking().SingleAsync(a => a.Activity!.Code == activityCode && a.Order == order);
    }

    [Fact]
    public async Task Seed_LoadsAsPublishedVersionOne_WithTheMayorsSignedApprovalAndNoInventedDate()
    {
        await using var db = database.CreateContext();
        var plan = await db.Plans.Include(p => p.Versions).SingleAsync();
        var version = Assert.Single(plan.Versions);
        Assert.Equal(PlanStatus.Published, plan.Status);
        Assert.Equal(VersionStatus.Published, version.Status);
        Assert.Equal("JORGE IVÁN OSPINA GÓMEZ - ALCALDE MUNICIPAL", version.ApprovedBy);
        Assert.Equal("Original firmado", version.ApprovalNote);
        Assert.Null(version.ApprovedOn);
        Assert.Null(version.PublishedAt);
        Assert.False(PlanVersions.IsLate(2022, version.PublishedAt));
        var header = await PlanHeader.LoadAsync(db, plan.Id, default);
        Assert.Equal((1, "Publicado", null), (header.Version, header.StatusName, header.DraftVersion));
    }

    [Fact]
    public async Task StartRevision_WithoutJustification_IsRefusedAndChangesNothing()
    {
        var planId = await PlanIdAsync();

        var result = await Service().StartRevisionAsync(planId, "corto", Planner);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Contains(LifecycleFields.Justification, result.Errors.Keys);
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.PlanVersions.CountAsync());
    }

    [Fact]
    public async Task Lifecycle_OnlyPlanningMayPublishOrRevise()
    {
        var planId = await PlanIdAsync();

        Assert.Equal(ResultStatus.Forbidden, (await Service().StartRevisionAsync(planId, "Ajuste de metas del segundo semestre", Controller)).Status);
        Assert.Equal(ResultStatus.Forbidden, (await Service().PublishAsync(planId, new PublicationApproval("Alcalde", new DateOnly(2022, 5, 1)), Controller)).Status);
    }

    [Fact]
    public async Task PublishedVersion_CannotBePublishedAgain()
    {
        var result = await Service().PublishAsync(await PlanIdAsync(), new PublicationApproval("Alcalde", new DateOnly(2022, 5, 1)), Planner);

        Assert.Equal(ResultStatus.Conflict, result.Status);
    }

    [Fact]
    public async Task Revision_ChangesNothingPublicUntilPublished_ThenKeepsTheActionAndItsReports_AndFreezesVersionOne()
    {
        var planId = await PlanIdAsync();
        var action = await ActionAsync("3.1.4", 2);
        await using (var raw = database.CreateContext())
        {
            raw.ScheduleEntries.Add(new ScheduleEntry { ActionId = action.Id, Month = 3, PlannedQuantity = 2200 });
            raw.ProgressReports.Add(new ProgressReport
            {
                ActionId = action.Id,
                Month = 3,
                ExecutedQuantity = 1000,
                Narrative = "Primer reporte",
                Status = ReportStatus.Accepted,
                SubmittedAt = new DateTimeOffset(2022, 4, 3, 15, 0, 0, TimeSpan.Zero),
            });
            await raw.SaveChangesAsync();
        }
        const string why = "La Secretaría ajusta la meta por el recorte presupuestal de mayo";

        var opened = await Service().StartRevisionAsync(planId, why, Planner);
        Assert.True(opened.Succeeded, string.Join(" ", opened.Errors.Values));
        Assert.Equal(2, opened.Value);
        var edited = await Service().EditDraftActionAsync(planId,
            new ActionEdit(action.Id, action.Description, "Capacitar a 1.800 servidores", action.Deliverable, action.IndicatorFormula, 1800m, action.ResponsibleText),
            Planner);
        Assert.True(edited.Succeeded, string.Join(" ", edited.Errors.Values));

        // Still the published text for the public.
        Assert.Equal(action.Goal, (await ActionAsync("3.1.4", 2)).Goal);

        // The seed's own quality review finds errors (no monthly schedule, targets contradicting their goals): this
        // publication accepts them with a reason, as Planeación must (issue 11).
        const string accepted = "El plan se adoptó así por decreto; los errores se corrigen en la próxima versión";
        var missing = await Service().PublishAsync(planId, new PublicationApproval(" ", null, null, true, accepted), Planner);
        Assert.Equal(ResultStatus.Invalid, missing.Status);
        Assert.Equal([LifecycleFields.ApprovedBy, LifecycleFields.ApprovedOn], missing.Errors.Keys.Order(StringComparer.Ordinal));
        var future = await Service().PublishAsync(planId, new PublicationApproval("Alcalde", new DateOnly(2022, 6, 1), null, true, accepted), Planner);
        Assert.Equal(ResultStatus.Invalid, future.Status);
        var unaccepted = await Service().PublishAsync(planId, new PublicationApproval("JORGE IVÁN OSPINA GÓMEZ - ALCALDE MUNICIPAL", new DateOnly(2022, 5, 9), "Original firmado"), Planner);
        Assert.Equal(ResultStatus.Invalid, unaccepted.Status);
        Assert.StartsWith("La revisión de calidad encuentra ", unaccepted.Errors[LifecycleFields.ReviewReason], StringComparison.Ordinal);
        var withoutReason = await Service().PublishAsync(planId, new PublicationApproval("JORGE IVÁN OSPINA GÓMEZ - ALCALDE MUNICIPAL", new DateOnly(2022, 5, 9), "Original firmado", true, " "), Planner);
        Assert.Equal(ResultStatus.Invalid, withoutReason.Status);
        Assert.True(withoutReason.Errors.ContainsKey(LifecycleFields.ReviewReason));
        int openErrors;
        await using (var before = database.CreateContext())
        {
            openErrors = await Vigia.Core.Plans.Review.PlanReviews.OpenErrorCountAsync(before, planId, default);
        }
        Assert.True(openErrors > 0);

        var published = await Service().PublishAsync(planId, new PublicationApproval("JORGE IVÁN OSPINA GÓMEZ - ALCALDE MUNICIPAL", new DateOnly(2022, 5, 9), "Original firmado", true, accepted), Planner);

        Assert.True(published.Succeeded, string.Join(" ", published.Errors.Values));
        var live = await ActionAsync("3.1.4", 2);
        Assert.Equal((action.Id, "Capacitar a 1.800 servidores", 1800m), (live.Id, live.Goal, live.TargetQuantity));
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.ProgressReports.CountAsync(r => r.ActionId == action.Id));
        Assert.Equal(2200m, (await db.ScheduleEntries.SingleAsync(s => s.ActionId == action.Id)).PlannedQuantity);
        var versions = await db.PlanVersions.OrderBy(v => v.Number).ToListAsync();
        Assert.All(versions, v => Assert.Equal(VersionStatus.Published, v.Status));
        Assert.NotNull(versions[0].Snapshot);
        Assert.Null(versions[1].Snapshot);
        Assert.Equal(new DateOnly(2022, 5, 9), versions[1].ApprovedOn);
        Assert.Equal((openErrors, accepted), (versions[1].ReviewErrorsAccepted!.Value, versions[1].ReviewAcceptanceReason));
        Assert.Null(versions[0].ReviewErrorsAccepted);

        var v1 = await PlanLifecycleService.ContentAsync(db, planId, 1, default);
        var v2 = await PlanLifecycleService.ContentAsync(db, planId, 2, default);
        Assert.Equal(action.Goal, v1!.Actions.Single(a => a.Id == action.Id).Goal);
        var change = Assert.Single(PlanVersionDiff.Compare(v1, v2!));
        Assert.Equal((ChangeKind.Changed, "Acción", "3.1.4-2"), (change.Kind, change.Item, change.Label));
        Assert.Equal(["Meta o producto", "Resultado esperado"], change.Fields.Select(f => f.Field));
        Assert.Equal(("2.200", "1.800"), (change.Fields[1].Before, change.Fields[1].After));

        var header = await PlanHeader.LoadAsync(db, planId, default);
        Assert.Equal((2, "Publicado"), (header.Version, header.StatusName));
        Assert.Equal([1, 2], (await PlanVersions.ListAsync(db, planId, includeDrafts: false, default)).Select(v => v.Number));
    }

    [Fact]
    public async Task DraftRevision_IsNotPublic_AndTheHeaderStillShowsTheLastPublishedVersion()
    {
        var planId = await PlanIdAsync();

        await Service().StartRevisionAsync(planId, "Se agrega una jornada de rendición de cuentas", Planner);

        await using var db = database.CreateContext();
        Assert.Equal([1], (await PlanVersions.ListAsync(db, planId, includeDrafts: false, default)).Select(v => v.Number));
        Assert.Equal([1, 2], (await PlanVersions.ListAsync(db, planId, includeDrafts: true, default)).Select(v => v.Number));
        var header = await PlanHeader.LoadAsync(db, planId, default);
        Assert.Equal((1, "Publicado", (int?)2), (header.Version, header.StatusName, header.DraftVersion));
    }

    [Fact]
    public async Task EditDraftAction_WithoutGoal_IsRefused()
    {
        var planId = await PlanIdAsync();
        var action = await ActionAsync("1.1.1");
        await Service().StartRevisionAsync(planId, "Corrección de la redacción de metas", Planner);

        var result = await Service().EditDraftActionAsync(planId, new ActionEdit(action.Id, "Algo", "  ", null, null, null, null), Planner);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Contains(LifecycleFields.Goal, result.Errors.Keys);
    }

    [Fact]
    public async Task EditDraftAction_WithoutAnOpenRevision_IsAConflict()
    {
        var action = await ActionAsync("1.1.1");

        var result = await Service().EditDraftActionAsync(await PlanIdAsync(), new ActionEdit(action.Id, "Algo", "Meta", null, null, null, null), Planner);

        Assert.Equal(ResultStatus.Conflict, result.Status);
    }
}

public sealed class SqlitePlanLifecycleServiceTests() : PlanLifecycleServiceTests(DatabaseProvider.Sqlite);

public sealed class PostgresPlanLifecycleServiceTests() : PlanLifecycleServiceTests(DatabaseProvider.Postgres);
