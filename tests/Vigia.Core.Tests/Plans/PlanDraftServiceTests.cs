using Microsoft.Extensions.Time.Testing;
using Vigia.Core.Accounts;
using Vigia.Core.Audit;
using Vigia.Core.Organisation;
using Vigia.Core.Plans;
using Vigia.Core.Progress;

namespace Vigia.Core.Tests.Plans;

/// <summary>Planeación writes a first draft made from the PAAC template: adds activities and actions, writes an
/// action's units and schedule, moves parts up and down and removes them; the codes always follow the order, an action
/// with a report is never removed, and a published plan is not edited here.</summary>
public abstract class PlanDraftServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly Actor Planner = new("planeacion-1", "Ana Planeación", new HashSet<string> { Roles.Planning });

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2022, 11, 10, 9, 0, 0, TestTime.ColombiaOffset).ToUniversalTime());
    private TestDatabase database = null!;
    private readonly List<AppDbContext> contexts = [];
    private int planId;
    private int entityId;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.CreateMigratedContextAsync();
        var entity = new Entity { Name = "Alcaldía de Prueba", Slug = "alcaldia-de-prueba" };
        db.Entities.Add(entity);
        db.Units.AddRange(new Unit { Entity = entity, Name = "Oficina de Comunicaciones", NormalizedName = SpanishText.Fold("Oficina de Comunicaciones") },
            new Unit { Entity = entity, Name = "Secretaría de Gobierno", NormalizedName = SpanishText.Fold("Secretaría de Gobierno") });
        var other = new Entity { Name = "Otra Entidad", Slug = "otra-entidad" };
        db.Entities.Add(other);
        db.Units.Add(new Unit { Entity = other, Name = "Oficina Ajena", NormalizedName = SpanishText.Fold("Oficina Ajena") });
        await db.SaveChangesAsync();
        entityId = entity.Id;
        await TestPlanners.AddAsync(db, Planner, entity.Id);
        var scope = new AuditScope();
        planId = (await new PlanFormulationService(db, scope, clock).CreateFromTemplateAsync(entity.Id, 2023, "paac-v2", Planner)).Value;
    }

    public async Task DisposeAsync()
    {
        foreach (var db in contexts)
        {
            await db.DisposeAsync();
        }
        await database.DisposeAsync();
    }

    private PlanDraftService Service()
    {
        var scope = new AuditScope();
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, database.Provider, database.ConnectionString, new AuditInterceptor(scope, clock));
        var db = new AppDbContext(options.Options);
        contexts.Add(db);
        return new PlanDraftService(db, scope);
    }

    private async Task<(int ComponentId, int? SubcomponentId)> PartAsync(int component, string? subcomponentCode = null)
    {
        await using var db = database.CreateContext();
        var c = await db.Components.Include(x => x.Subcomponents).SingleAsync(x => x.PlanId == planId && x.Number == component);
        return (c.Id, subcomponentCode is null ? null : c.Subcomponents.Single(s => s.Code == subcomponentCode).Id);
    }

    private async Task<List<string>> CodesAsync()
    {
        await using var db = database.CreateContext();
        return (await db.Activities.Where(a => a.Component!.PlanId == planId)
            .Select(a => new { a.Component!.Number, a.Order, a.Code, a.Name }).ToListAsync())
            .OrderBy(a => a.Number).ThenBy(a => a.Order).Select(a => $"{a.Code} {a.Name}").ToList();
    }

    private static ActionDraft Draft(string description, params int[] units) =>
        new(description, "Una (1) meta", 1, TargetUnit.Count, null, null, units, new Dictionary<int, decimal> { [6] = 1 });

    private async Task<int> UnitAsync(string name)
    {
        await using var db = database.CreateContext();
        return await db.Units.Where(u => u.Name == name).Select(u => u.Id).SingleAsync();
    }

    [Fact]
    public async Task AddAndMoveActivities_CodesFollowTheOrder()
    {
        var (c1, s11) = await PartAsync(1, "1.1");
        var (c2, _) = await PartAsync(2);
        var first = (await Service().AddActivityAsync(planId, c1, s11, "Actualizar la política", Planner)).Value;
        var second = (await Service().AddActivityAsync(planId, c1, s11, "Socializar la política", Planner)).Value;
        Assert.True((await Service().AddActivityAsync(planId, c2, null, "Racionalizar un trámite", Planner)).Succeeded);
        Assert.Equal(["1.1.1 Actualizar la política", "1.1.2 Socializar la política", "2.1 Racionalizar un trámite"], await CodesAsync());

        Assert.True((await Service().MoveAsync(planId, PlanPart.Activity, second, down: false, Planner)).Succeeded);
        Assert.Equal(["1.1.1 Socializar la política", "1.1.2 Actualizar la política", "2.1 Racionalizar un trámite"], await CodesAsync());
        Assert.Equal(ResultStatus.NotFound, (await Service().MoveAsync(planId, PlanPart.Activity, first, down: true, Planner)).Status);

        Assert.True((await Service().MoveAsync(planId, PlanPart.Component, c1, down: true, Planner)).Succeeded);
        Assert.Equal(["1.1 Racionalizar un trámite", "2.1.1 Socializar la política", "2.1.2 Actualizar la política"], await CodesAsync());
        await using var db = database.CreateContext();
        Assert.Equal(["RACIONALIZACIÓN DE TRÁMITES", "GESTIÓN DEL RIESGO DE CORRUPCIÓN - MAPA DE RIESGOS DE CORRUPCIÓN"],
            await db.Components.Where(c => c.PlanId == planId && c.Number <= 2).OrderBy(c => c.Number).Select(c => c.Name).ToListAsync());
        Assert.Equal(["2.1", "2.2", "2.3", "2.4", "2.5"],
            await db.Subcomponents.Where(s => s.ComponentId == c1).OrderBy(s => s.Order).Select(s => s.Code).ToListAsync());
    }

    [Fact]
    public async Task AddUpdateAndMoveActions_WritesUnitsScheduleAndOrder()
    {
        var (c3, s31) = await PartAsync(3, "3.1");
        var activity = (await Service().AddActivityAsync(planId, c3, s31, "Publicar informes", Planner)).Value;
        var communications = await UnitAsync("Oficina de Comunicaciones");
        var government = await UnitAsync("Secretaría de Gobierno");
        var a = (await Service().AddActionAsync(planId, activity, Draft("Informe semestral", communications), Planner)).Value;
        var b = (await Service().AddActionAsync(planId, activity, Draft("Informe anual", government), Planner)).Value;

        var updated = await Service().UpdateActionAsync(planId, a, new ActionDraft("Informe semestral de gestión", "Dos (2) informes", 100,
            TargetUnit.Percentage, "Informes publicados", "Informes publicados / 2", [communications, government],
            new Dictionary<int, decimal> { [6] = 50, [12] = 50 }), Planner);
        Assert.True(updated.Succeeded, string.Join(" ", updated.Errors.Values));
        Assert.True((await Service().MoveAsync(planId, PlanPart.Action, b, down: false, Planner)).Succeeded);

        await using var db = database.CreateContext();
        var actions = await db.Actions.Include(x => x.ResponsibleUnits).Include(x => x.Schedule).Where(x => x.ActivityId == activity).ToListAsync();
        var edited = actions.Single(x => x.Id == a);
        Assert.Equal((2, "Dos (2) informes", 100m, TargetUnit.Percentage), (edited.Order, edited.Goal, edited.TargetQuantity, edited.TargetUnit));
        Assert.Equal([communications, government], edited.ResponsibleUnits.Select(u => u.UnitId).Order());
        Assert.Equal("Oficina de Comunicaciones; Secretaría de Gobierno", edited.ResponsibleText);
        Assert.Equal([(6, 50m), (12, 50m)], edited.Schedule.OrderBy(s => s.Month).Select(s => (s.Month, s.PlannedQuantity)));
        Assert.Equal(1, actions.Single(x => x.Id == b).Order);
    }

    [Fact]
    public async Task UpdateAction_WithoutGoalOrWithAnotherEntitysUnit_IsInvalidAndChangesNothing()
    {
        var (c3, s31) = await PartAsync(3, "3.1");
        var activity = (await Service().AddActivityAsync(planId, c3, s31, "Publicar informes", Planner)).Value;
        var action = (await Service().AddActionAsync(planId, activity, Draft("Informe semestral"), Planner)).Value;

        var result = await Service().UpdateActionAsync(planId, action,
            new ActionDraft("Otra", "", 1, TargetUnit.Count, null, null, [await UnitAsync("Oficina Ajena")], new Dictionary<int, decimal>()), Planner);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.True(result.Errors.ContainsKey(DraftFields.Goal));
        Assert.True(result.Errors.ContainsKey(DraftFields.Units));
        await using var db = database.CreateContext();
        Assert.Equal("Informe semestral", await db.Actions.Where(x => x.Id == action).Select(x => x.Description).SingleAsync());
    }

    [Fact]
    public async Task Remove_ActionWithAReportIsRefused_AnEmptyActivityIsRemovedAndTheRestRenumbered()
    {
        var (c1, s11) = await PartAsync(1, "1.1");
        var first = (await Service().AddActivityAsync(planId, c1, s11, "Primera", Planner)).Value;
        var second = (await Service().AddActivityAsync(planId, c1, s11, "Segunda", Planner)).Value;
        var reported = (await Service().AddActionAsync(planId, second, Draft("Con reporte"), Planner)).Value;
        await using (var db = database.CreateContext())
        {
            db.ProgressReports.Add(new ProgressReport { ActionId = reported, Month = 6, ExecutedQuantity = 1, Narrative = "Hecho", SubmittedAt = clock.GetUtcNow() });
            await db.SaveChangesAsync();
        }

        var refused = await Service().RemoveAsync(planId, PlanPart.Activity, second, Planner);
        Assert.Equal(ResultStatus.Conflict, refused.Status);
        Assert.Contains("reportes de avance", refused.Errors[""], StringComparison.Ordinal);
        Assert.Equal(ResultStatus.Conflict, (await Service().RemoveAsync(planId, PlanPart.Action, reported, Planner)).Status);

        Assert.True((await Service().RemoveAsync(planId, PlanPart.Activity, first, Planner)).Succeeded);
        Assert.Equal(["1.1.1 Segunda"], await CodesAsync());
        Assert.True((await Service().RemoveAsync(planId, PlanPart.Component, (await PartAsync(6)).ComponentId, Planner)).Succeeded);
        await using var check = database.CreateContext();
        Assert.Equal(5, await check.Components.CountAsync(c => c.PlanId == planId));
    }

    [Fact]
    public async Task AddComponentAndSubcomponent_TakeTheNextNumbers()
    {
        var component = (await Service().AddComponentAsync(planId, "INICIATIVAS DE INTEGRIDAD", Planner)).Value;
        Assert.True((await Service().AddSubcomponentAsync(planId, component, "Código de integridad", Planner)).Succeeded);

        await using var db = database.CreateContext();
        var stored = await db.Components.Include(c => c.Subcomponents).SingleAsync(c => c.Id == component);
        Assert.Equal(7, stored.Number);
        Assert.Equal("7.1", Assert.Single(stored.Subcomponents).Code);
    }

    [Fact]
    public async Task ProposeUnit_AddsItToTheEntitysCatalogueOnce()
    {
        var created = await Service().ProposeUnitAsync(planId, "Oficina de Control Interno Disciplinario", Planner);
        var again = await Service().ProposeUnitAsync(planId, "oficina de control interno disciplinario.", Planner);

        Assert.True(created.Succeeded);
        Assert.Equal(entityId, created.Value.EntityId);
        Assert.Equal(ResultStatus.Invalid, again.Status);
        Assert.Contains("ya está en el catálogo", again.Errors[DraftFields.NewUnit], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_PublishedPlanOrNotPlanning_IsRefused()
    {
        var (c1, _) = await PartAsync(1);
        var responsible = new Actor("r-1", "Rita", new HashSet<string> { Roles.Responsible });
        Assert.Equal(ResultStatus.Forbidden, (await Service().AddActivityAsync(planId, c1, null, "Algo", responsible)).Status);
        await using (var db = database.CreateContext())
        {
            var version = await db.PlanVersions.SingleAsync(v => v.PlanId == planId);
            version.Status = VersionStatus.Published;
            await db.SaveChangesAsync();
        }

        var result = await Service().AddActivityAsync(planId, c1, null, "Algo", Planner);

        Assert.Equal(ResultStatus.Conflict, result.Status);
        Assert.Contains("está publicada", result.Errors[""], StringComparison.Ordinal);
    }
}

public sealed class SqlitePlanDraftServiceTests() : PlanDraftServiceTests(DatabaseProvider.Sqlite);

public sealed class PostgresPlanDraftServiceTests() : PlanDraftServiceTests(DatabaseProvider.Postgres);
