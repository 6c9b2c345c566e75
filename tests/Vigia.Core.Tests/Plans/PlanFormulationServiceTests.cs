using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Vigia.Core.Accounts;
using Vigia.Core.Audit;
using Vigia.Core.Plans;

namespace Vigia.Core.Tests.Plans;

/// <summary>A year's plan formulated in Vigía: from the PAAC or PTEP template, or by copying the seed plan (Cali 2022,
/// published) into 2023; always a new draft version 1 of the same entity, audited, and never a second plan for a year.</summary>
public abstract class PlanFormulationServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly Actor Planner = new("planeacion-1", "Ana Planeación", new HashSet<string> { Roles.Planning });
    private static readonly Actor Responsible = new("responsable-1", "Rita Responsable", new HashSet<string> { Roles.Responsible });

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2022, 11, 10, 9, 0, 0, TestTime.ColombiaOffset).ToUniversalTime());
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

    private PlanFormulationService Service()
    {
        var scope = new AuditScope();
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, database.Provider, database.ConnectionString, new AuditInterceptor(scope, clock));
        var db = new AppDbContext(options.Options);
        contexts.Add(db);
        return new PlanFormulationService(db, scope, clock);
    }

    private async Task<(int EntityId, int PlanId)> SeedAsync()
    {
        await using var db = database.CreateContext();
        return await db.Plans.Select(p => new ValueTuple<int, int>(p.EntityId, p.Id)).SingleAsync();
    }

    [Fact]
    public void Templates_AreData_PaacWithTheSeedsSubcomponentsAndPtep()
    {
        Assert.Equal(["paac-v2", "ptep-2024"], PlanTemplates.All.Select(t => t.Code));
        var paac = PlanTemplates.Find("paac-v2")!;
        Assert.Equal(6, paac.Components.Count);
        Assert.Equal([5, 0, 3, 5, 4, 0], paac.Components.Select(c => c.Subcomponents.Count));
        Assert.Equal("Política de Administración de Riesgos", paac.Components[0].Subcomponents[0]);
        Assert.Equal(PlanKind.Ptep, PlanTemplates.Find("ptep-2024")!.Kind);
    }

    [Fact]
    public async Task CreateFromTemplate_Paac_MakesADraftWithSixComponentsNumberedSubcomponentsAndAnAuditReason()
    {
        var (entityId, _) = await SeedAsync();

        var result = await Service().CreateFromTemplateAsync(entityId, 2023, "paac-v2", Planner);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        await using var db = database.CreateContext();
        var plan = await db.Plans.Include(p => p.Versions).Include(p => p.Components).ThenInclude(c => c.Subcomponents)
            .SingleAsync(p => p.Id == result.Value);
        Assert.Equal((2023, PlanKind.Paac, PlanStatus.Draft, entityId), (plan.Year, plan.Kind, plan.Status, plan.EntityId));
        Assert.Equal("Plan Anticorrupción y de Atención al Ciudadano", plan.Title);
        var version = Assert.Single(plan.Versions);
        Assert.Equal((1, VersionStatus.Draft), (version.Number, version.Status));
        Assert.Equal([1, 2, 3, 4, 5, 6], plan.Components.OrderBy(c => c.Number).Select(c => c.Number));
        Assert.Equal(["1.1", "1.2", "1.3", "1.4", "1.5"], plan.Components.Single(c => c.Number == 1).Subcomponents.OrderBy(s => s.Order).Select(s => s.Code));
        Assert.Equal("Seguimiento", plan.Components.Single(c => c.Number == 1).Subcomponents.Single(s => s.Code == "1.5").Name);
        Assert.Empty(plan.Components.Single(c => c.Number == 6).Subcomponents);
        var entry = await db.AuditEntries.SingleAsync(e => e.EntityType == nameof(Plan) && e.EntityId == plan.Id.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("Ana Planeación", entry.ActorName);
        Assert.Contains("plantilla", entry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateFromTemplate_Ptep_IsAPtepBesideThePaacOfTheSameYear()
    {
        var (entityId, _) = await SeedAsync();

        Assert.True((await Service().CreateFromTemplateAsync(entityId, 2023, "paac-v2", Planner)).Succeeded);
        var ptep = await Service().CreateFromTemplateAsync(entityId, 2023, "ptep-2024", Planner);

        Assert.True(ptep.Succeeded, string.Join(" ", ptep.Errors.Values));
        await using var db = database.CreateContext();
        var plan = await db.Plans.Include(p => p.Components).SingleAsync(p => p.Id == ptep.Value);
        Assert.Equal(PlanKind.Ptep, plan.Kind);
        Assert.Equal("Programa de Transparencia y Ética Pública", plan.Title);
        Assert.Contains(plan.Components, c => c.Name == "MODELO DE ESTADO ABIERTO");
    }

    [Fact]
    public async Task CreateFromTemplate_YearTakenOrOutOfRangeOrNoTemplate_IsInvalidAndChangesNothing()
    {
        var (entityId, _) = await SeedAsync();

        var taken = await Service().CreateFromTemplateAsync(entityId, 2022, "paac-v2", Planner);
        var future = await Service().CreateFromTemplateAsync(entityId, 2031, "paac-v2", Planner);
        var noTemplate = await Service().CreateFromTemplateAsync(entityId, 2023, "inventada", Planner);

        Assert.Equal(ResultStatus.Invalid, taken.Status);
        Assert.Contains("ya tiene un plan para la vigencia 2022", taken.Errors[FormulationFields.Year], StringComparison.Ordinal);
        Assert.Equal("Indique una vigencia entre 2012 y 2023.", future.Errors[FormulationFields.Year]);
        Assert.Equal("Elija una plantilla.", noTemplate.Errors[FormulationFields.Template]);
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.Plans.CountAsync());
    }

    [Fact]
    public async Task CreateAndCopy_NotPlanning_AreForbidden()
    {
        var (entityId, planId) = await SeedAsync();

        Assert.Equal(ResultStatus.Forbidden, (await Service().CreateFromTemplateAsync(entityId, 2023, "paac-v2", Responsible)).Status);
        Assert.Equal(ResultStatus.Forbidden, (await Service().CopyAsync(planId, 2023, Responsible)).Status);
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.Plans.CountAsync());
    }

    [Fact]
    public async Task Copy_SeedInto2023_KeepsStructureTextsUnitsTargetsAndScheduleAsNewActionsWithoutReports()
    {
        var (_, sourceId) = await SeedAsync();

        var result = await Service().CopyAsync(sourceId, 2023, Planner);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        await using var db = database.CreateContext();
        var source = await PlanSnapshot.LoadAsync(db, sourceId, default);
        var copy = await PlanSnapshot.LoadAsync(db, result.Value, default);
        static object Shape(PlanSnapshot s) => s.Components.Select(c => new
        {
            c.Number,
            c.Name,
            Activities = c.Activities.Select(a => new
            {
                a.Code,
                a.Name,
                a.SubcomponentCode,
                a.SubcomponentName,
                Actions = a.Actions.Select(x => (x.Order, x.Description, x.Goal, x.Deliverable, x.IndicatorFormula, x.TargetQuantity,
                    x.TargetUnit, x.ResponsibleText, string.Join(";", x.Schedule.Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key}={kv.Value}"))))).ToList(),
            }).ToList(),
        }).ToList();
        Assert.Equivalent(Shape(source), Shape(copy), strict: true);
        Assert.Equal(86, copy.Actions.Count());
        Assert.Empty(copy.Actions.Select(a => a.Id).Intersect(source.Actions.Select(a => a.Id)));

        var plan = await db.Plans.Include(p => p.Versions).SingleAsync(p => p.Id == result.Value);
        Assert.Equal((2023, PlanStatus.Draft), (plan.Year, plan.Status));
        Assert.Equal("Versión inicial formulada a partir del plan 2022", Assert.Single(plan.Versions).Justification);
        var sourceUnits = await db.ActionUnits.Where(u => u.Action!.Activity!.Component!.PlanId == sourceId)
            .Select(u => new { u.Action!.Activity!.Code, u.Action.Order, u.UnitId }).OrderBy(u => u.Code).ThenBy(u => u.Order).ThenBy(u => u.UnitId).ToListAsync();
        var copiedUnits = await db.ActionUnits.Where(u => u.Action!.Activity!.Component!.PlanId == result.Value)
            .Select(u => new { u.Action!.Activity!.Code, u.Action.Order, u.UnitId }).OrderBy(u => u.Code).ThenBy(u => u.Order).ThenBy(u => u.UnitId).ToListAsync();
        Assert.NotEmpty(copiedUnits);
        Assert.Equal(sourceUnits, copiedUnits);
        Assert.False(await db.ProgressReports.AnyAsync(r => r.Action!.Activity!.Component!.PlanId == result.Value));

        var again = await Service().CopyAsync(sourceId, 2023, Planner);
        Assert.Equal(ResultStatus.Invalid, again.Status);
    }
}

public sealed class SqlitePlanFormulationServiceTests() : PlanFormulationServiceTests(DatabaseProvider.Sqlite);

public sealed class PostgresPlanFormulationServiceTests() : PlanFormulationServiceTests(DatabaseProvider.Postgres);
