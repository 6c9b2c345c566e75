using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Vigia.Core.Accounts;
using Vigia.Core.Audit;
using Vigia.Core.Compliance;
using Vigia.Core.Plans;
using Vigia.Core.Progress;
using Vigia.Core.Schedule;

namespace Vigia.Core.Tests.Plans;

/// <summary>A revision of the published seed plan changes its structure (ADR 033): parts are added, moved, renamed and
/// removed in the revision's working copy with the first draft's rules; nothing public changes until publication, which
/// writes it onto the live rows by id, keeps a removed action with reports as a row marked removed, and leaves every
/// earlier version and the difference showing it.</summary>
public abstract class PlanRevisionStructureTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly Actor Planner = new("planeacion-1", "Ana Planeación", new HashSet<string> { Roles.Planning });
    private static readonly Actor Controller = new("oci-1", "Óscar Control", new HashSet<string> { Roles.InternalControl });
    private const string Why = "La Secretaría reorganiza las acciones por el recorte presupuestal de mayo";
    private const string Accepted = "El plan se adoptó así por decreto; los errores se corrigen en la próxima versión";

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

    private (AppDbContext Db, AuditScope Scope) Context()
    {
        var scope = new AuditScope();
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, database.Provider, database.ConnectionString, new AuditInterceptor(scope, clock));
        var db = new AppDbContext(options.Options);
        contexts.Add(db);
        return (db, scope);
    }

    private PlanLifecycleService Lifecycle()
    {
        var (db, scope) = Context();
        return new PlanLifecycleService(db, scope, clock);
    }

    private PlanDraftService Drafts()
    {
        var (db, scope) = Context();
        return new PlanDraftService(db, scope);
    }

    private async Task<int> PlanIdAsync()
    {
        await using var db = database.CreateContext();
        return await db.Plans.Select(p => p.Id).SingleAsync();
    }

    private async Task<PlanAction> ActionAsync(string activityCode, int order)
    {
        await using var db = database.CreateContext();
        return await db.Actions.AsNoTracking().SingleAsync(a => a.Activity!.Code == activityCode && a.Order == order);
    }

    private async Task<PlanSnapshot> WorkingCopyAsync(int planId)
    {
        await using var db = database.CreateContext();
        var json = await db.PlanVersions.Where(v => v.PlanId == planId).OrderByDescending(v => v.Number).Select(v => v.Snapshot).FirstAsync();
        return PlanSnapshot.FromJson(json!);
    }

    private async Task ReportAsync(int actionId)
    {
        await using var raw = database.CreateContext();
        raw.ProgressReports.Add(new ProgressReport
        {
            ActionId = actionId,
            Month = 3,
            ExecutedQuantity = 1,
            Narrative = "Reporte de marzo",
            Status = ReportStatus.Accepted,
            SubmittedAt = new DateTimeOffset(2022, 4, 3, 15, 0, 0, TimeSpan.Zero),
        });
        await raw.SaveChangesAsync();
    }

    private static ActionDraft NewAction(string description) =>
        new(description, "Informe publicado", 2m, TargetUnit.Count, "Informe", null, [], new Dictionary<int, decimal> { [6] = 1m, [12] = 1m });

    private Task<Result<int>> PublishAsync(int planId) =>
        Lifecycle().PublishAsync(planId, new PublicationApproval("JORGE IVÁN OSPINA GÓMEZ - ALCALDE MUNICIPAL", new DateOnly(2022, 5, 9),
            "Original firmado", true, Accepted), Planner);

    [Fact]
    public async Task Revision_AddsMovesRenamesAndRemoves_InItsWorkingCopyOnly_AndPublicationWritesItOnTheLiveRows()
    {
        var planId = await PlanIdAsync();
        var reported = await ActionAsync("3.1.4", 2);
        var plain = await ActionAsync("3.1.4", 1);
        await ReportAsync(reported.Id);
        int liveActions, liveComponents;
        await using (var db = database.CreateContext())
        {
            (liveActions, liveComponents) = (await db.Actions.CountAsync(), await db.Components.CountAsync());
        }
        Assert.True((await Lifecycle().StartRevisionAsync(planId, Why, Planner)).Succeeded);
        var activityId = (await WorkingCopyAsync(planId)).Components.SelectMany(c => c.Activities).Single(a => a.Code == "3.1.4").Id;
        Assert.Equal(reported.ActivityId, activityId);

        // The first draft's rules, on the working copy: a removal with history is allowed here (the row will be kept).
        var added = await Drafts().AddActionAsync(planId, activityId, NewAction("Publicar el informe de rendición de cuentas"), Planner);
        Assert.True(added.Succeeded, string.Join(" ", added.Errors.Values));
        Assert.True(added.Value < 0);
        Assert.True((await Drafts().RemoveAsync(planId, PlanPart.Action, reported.Id, Planner)).Succeeded);
        Assert.True((await Drafts().RemoveAsync(planId, PlanPart.Action, plain.Id, Planner)).Succeeded);
        var component = await Drafts().AddComponentAsync(planId, "Iniciativas adicionales", Planner);
        var activity = await Drafts().AddActivityAsync(planId, component.Value, null, "Laboratorio de integridad", Planner);
        var inNew = await Drafts().AddActionAsync(planId, activity.Value, NewAction("Realizar dos talleres de integridad"), Planner);
        Assert.True(inNew.Succeeded, string.Join(" ", inNew.Errors.Values));
        Assert.True((await Drafts().RenameAsync(planId, PlanPart.Activity, activityId, "Capacitación en integridad", Planner)).Succeeded);
        var moved = await ActionAsync("1.1.1", 1);
        Assert.True((await Drafts().MoveActionToAsync(planId, moved.Id, activity.Value, Planner)).Succeeded);
        var invalid = await Drafts().AddActionAsync(planId, activityId, NewAction(" "), Planner);
        Assert.Equal(ResultStatus.Invalid, invalid.Status);
        Assert.Equal("Escriba la descripción de la acción.", invalid.Errors[DraftFields.Description]);
        Assert.Equal(ResultStatus.Forbidden, (await Drafts().AddComponentAsync(planId, "Otro", Controller)).Status);

        // Nothing public moved.
        await using (var db = database.CreateContext())
        {
            Assert.Equal((liveActions, liveComponents), (await db.Actions.CountAsync(), await db.Components.CountAsync()));
            Assert.Equal("1.1.1", (await db.Actions.Include(a => a.Activity).SingleAsync(a => a.Id == moved.Id)).Activity!.Code);
        }
        var working = await WorkingCopyAsync(planId);
        var activityInWork = working.Components.SelectMany(c => c.Activities).Single(a => a.Id == activityId);
        Assert.Equal(["Publicar el informe de rendición de cuentas"], activityInWork.Actions.Where(a => a.Id < 0).Select(a => a.Description));
        Assert.DoesNotContain(working.Actions, a => a.Id == reported.Id || a.Id == plain.Id);
        Assert.Equal(7, working.Components[^1].Number);

        // The draft's difference: added, removed and moved, matched by identity.
        await using (var db = database.CreateContext())
        {
            var before = await PlanLifecycleService.ContentAsync(db, planId, 1, default);
            var changes = PlanVersionDiff.Compare(before!, working);
            Assert.Contains(changes, c => c is { Kind: ChangeKind.Added, Item: "Componente", Label: "7" });
            Assert.Contains(changes, c => c is { Kind: ChangeKind.Removed, Item: "Acción", Label: "3.1.4-2" });
            Assert.Contains(changes, c => c is { Kind: ChangeKind.Moved, Item: "Acción", Label: "7.1-2" });
            Assert.Contains(changes, c => c.Kind == ChangeKind.Changed && c.Item == "Actividad" && c.Label == "3.1.4"
                && c.Fields.Any(f => f.Field == "Actividad" && f.After == "Capacitación en integridad"));
        }

        var published = await PublishAsync(planId);

        Assert.True(published.Succeeded, string.Join(" ", published.Errors.Values));
        await using (var db = database.CreateContext())
        {
            // The removed action with a report stays, marked, with its report; the one without history is gone.
            var kept = await db.Actions.IgnoreQueryFilters().SingleAsync(a => a.Id == reported.Id);
            Assert.Equal(2, kept.RemovedInVersion);
            Assert.Equal(1, await db.ProgressReports.CountAsync(r => r.ActionId == reported.Id));
            Assert.False(await db.Actions.AnyAsync(a => a.Id == reported.Id));
            Assert.False(await db.Actions.IgnoreQueryFilters().AnyAsync(a => a.Id == plain.Id));
            // Moved (same id, new place), renamed, added.
            var movedLive = await db.Actions.Include(a => a.Activity).ThenInclude(a => a!.Component).SingleAsync(a => a.Id == moved.Id);
            Assert.Equal(("7.1", 7, 2), (movedLive.Activity!.Code, movedLive.Activity.Component!.Number, movedLive.Order));
            Assert.Equal("Capacitación en integridad", (await db.Activities.SingleAsync(a => a.Id == activityId)).Name);
            var created = await db.Actions.Include(a => a.Schedule).SingleAsync(a => a.Description == "Publicar el informe de rendición de cuentas");
            Assert.True(created.Id > 0);
            Assert.Equal([6, 12], created.Schedule.Select(s => s.Month).Order());
            Assert.Equal(liveActions - 2 + 2, await db.Actions.CountAsync());
            Assert.Equal(liveComponents + 1, await db.Components.CountAsync());

            // Version 1 (frozen) still has both removed actions; the difference shows them.
            var v1 = await PlanLifecycleService.ContentAsync(db, planId, 1, default);
            var v2 = await PlanLifecycleService.ContentAsync(db, planId, 2, default);
            Assert.Contains(v1!.Actions, a => a.Id == reported.Id);
            Assert.DoesNotContain(v2!.Actions, a => a.Id == reported.Id);
            var diff = PlanVersionDiff.Compare(v1, v2);
            Assert.Equal(2, diff.Count(c => c is { Kind: ChangeKind.Removed, Item: "Acción" }));
            Assert.Equal(2, diff.Count(c => c is { Kind: ChangeKind.Added, Item: "Acción" }));
            Assert.Contains(diff, c => c is { Kind: ChangeKind.Moved, Item: "Acción" } && c.Fields[0] == new FieldChange("Número", "1.1.1-1", "7.1-2"));
            var log = await PlanChangeLog.LoadAsync(db, planId, default);
            Assert.Equal(Why, log.Entries[^1].Version.Justification);
            Assert.Equal(diff.Count, log.Entries[^1].Changes.Count);

            // The official figure counts the current plan: the removed action is not among its actions (ADR 033).
            var compliance = await new ComplianceService(db).ComputeAsync(planId, new DateOnly(2022, 5, 31));
            Assert.DoesNotContain(compliance!.Plan.Leaves(), l => l.Id == reported.Id);
            Assert.Equal(liveActions, compliance.Plan.ActionCount);
        }
    }

    [Fact]
    public async Task RemovingAComponent_WithAReportedAction_KeepsItsRowsMarked_AndDeletesTheRest()
    {
        var planId = await PlanIdAsync();
        var reported = await ActionAsync("3.1.4", 2);
        await ReportAsync(reported.Id);
        int componentId;
        await using (var db = database.CreateContext())
        {
            componentId = await db.Components.Where(c => c.Number == 3).Select(c => c.Id).SingleAsync();
        }
        Assert.True((await Lifecycle().StartRevisionAsync(planId, Why, Planner)).Succeeded);

        Assert.True((await Drafts().RemoveAsync(planId, PlanPart.Component, componentId, Planner)).Succeeded);
        var published = await PublishAsync(planId);

        Assert.True(published.Succeeded, string.Join(" ", published.Errors.Values));
        await using var check = database.CreateContext();
        Assert.False(await check.Components.AnyAsync(c => c.Id == componentId));
        var kept = await check.Components.IgnoreQueryFilters().SingleAsync(c => c.Id == componentId);
        Assert.Equal(2, kept.RemovedInVersion);
        Assert.Equal([1, 2, 3, 4, 5], await check.Components.OrderBy(c => c.Number).Select(c => c.Number).ToListAsync());
        Assert.Equal(1, await check.Actions.IgnoreQueryFilters().CountAsync(a => a.Activity!.ComponentId == componentId));
        Assert.Equal(1, await check.ProgressReports.CountAsync(r => r.ActionId == reported.Id));
        var v1 = await PlanLifecycleService.ContentAsync(check, planId, 1, default);
        var v2 = await PlanLifecycleService.ContentAsync(check, planId, 2, default);
        var diff = PlanVersionDiff.Compare(v1!, v2!);
        Assert.Contains(diff, c => c is { Kind: ChangeKind.Removed, Item: "Componente" });
        Assert.Contains(diff, c => c is { Kind: ChangeKind.Moved, Item: "Componente", Label: "3" });

        // A second revision works on the plan with a part marked removed under it.
        Assert.True((await Lifecycle().StartRevisionAsync(planId, "Segunda modificación del plan tras la reorganización", Planner)).Succeeded);
        var again = await Lifecycle().PublishAsync(planId, new PublicationApproval("Alcalde", new DateOnly(2022, 5, 10), null, true, Accepted), Planner);
        Assert.True(again.Succeeded, string.Join(" ", again.Errors.Values));
    }

    [Fact]
    public async Task OldFormatSnapshot_WithoutIdentities_IsStillReadAndEdited()
    {
        var planId = await PlanIdAsync();
        Assert.True((await Lifecycle().StartRevisionAsync(planId, Why, Planner)).Succeeded);
        // The working copy as it was stored before parts had identities: no ids on components, subcomponents and
        // activities, no subcomponent list, no unit ids.
        await using (var db = database.CreateContext())
        {
            var version = await db.PlanVersions.SingleAsync(v => v.Number == 2);
            var json = JsonNode.Parse(version.Snapshot!)!;
            foreach (var c in json["components"]!.AsArray())
            {
                c!.AsObject().Remove("id");
                c.AsObject().Remove("subcomponents");
                foreach (var a in c["activities"]!.AsArray())
                {
                    a!.AsObject().Remove("id");
                    a.AsObject().Remove("subcomponentId");
                    foreach (var x in a["actions"]!.AsArray())
                    {
                        x!.AsObject().Remove("unitIds");
                    }
                }
            }
            version.Snapshot = json.ToJsonString();
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            var old = await PlanLifecycleService.ContentAsync(db, planId, 2, default);
            Assert.All(old!.Components, c => Assert.Equal(0, c.Id));
            Assert.Empty(PlanVersionDiff.Compare((await PlanLifecycleService.ContentAsync(db, planId, 1, default))!, old));
        }
        var activity = await ActionAsync("3.1.4", 1);
        var renamed = await Drafts().RenameAsync(planId, PlanPart.Activity, activity.ActivityId, "Capacitación en integridad", Planner);
        Assert.True(renamed.Succeeded, string.Join(" ", renamed.Errors.Values));
        Assert.True((await PublishAsync(planId)).Succeeded);
        await using var check = database.CreateContext();
        Assert.Equal("Capacitación en integridad", (await check.Activities.SingleAsync(a => a.Id == activity.ActivityId)).Name);
        Assert.Equal(await check.Actions.CountAsync(), (await PlanLifecycleService.ContentAsync(check, planId, 1, default))!.Actions.Count());
    }

    [Fact]
    public async Task ScheduleGrid_WhileARevisionIsOpen_RefusesWithAMessagePointingToIt()
    {
        var planId = await PlanIdAsync();
        var action = await ActionAsync("3.1.4", 1);
        Assert.True((await Lifecycle().StartRevisionAsync(planId, Why, Planner)).Succeeded);
        var (db, scope) = Context();

        var result = await new ScheduleService(db, scope).SaveAsync(new ScheduleUpdate(planId,
            [new ActionScheduleInput(action.Id, new Dictionary<int, decimal> { [7] = 3m })], "Cambio de programación de julio"), Planner);

        Assert.Equal(ResultStatus.Conflict, result.Status);
        Assert.StartsWith("La versión 2 del plan está en preparación", result.Errors.Values.Single(), StringComparison.Ordinal);
        await using var check = database.CreateContext();
        Assert.False(await check.ScheduleEntries.AnyAsync(s => s.ActionId == action.Id && s.Month == 7));
    }
}

public sealed class SqlitePlanRevisionStructureTests() : PlanRevisionStructureTests(DatabaseProvider.Sqlite);

public sealed class PostgresPlanRevisionStructureTests() : PlanRevisionStructureTests(DatabaseProvider.Postgres);
