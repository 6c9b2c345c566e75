using Microsoft.Extensions.Time.Testing;
using Vigia.Core.Accounts;
using Vigia.Core.Audit;
using Vigia.Core.Organisation;
using Vigia.Core.Plans;
using Vigia.Core.Plans.Importing;

namespace Vigia.Core.Tests.Plans;

/// <summary>Planeación writes only its own entity's plans, the entity being the account's (<see cref="AppUser.EntityId"/>),
/// not inferred from its units: every plan write of another entity is refused and changes nothing.</summary>
public abstract class PlanEntityAccessTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly Actor PlannerA = new("planeacion-a", "Ana de la Alcaldía de Prueba", new HashSet<string> { Roles.Planning });
    private static readonly Actor PlannerCali = new("planeacion-cali", "Carlos de Cali", new HashSet<string> { Roles.Planning });
    private static readonly Actor PlannerNone = new("planeacion-sin", "Sara sin entidad", new HashSet<string> { Roles.Planning });
    private static readonly Actor Installation = new("instalacion", "Iván Administrador", new HashSet<string> { Roles.Administrator, Roles.Planning });

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2022, 11, 10, 9, 0, 0, TestTime.ColombiaOffset).ToUniversalTime());
    private TestDatabase database = null!;
    private readonly List<AppDbContext> contexts = [];
    private int cali;
    private int entityA;
    private int seedPlan;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.CreateMigratedContextAsync();
        using var reader = File.OpenText(Path.Combine(AppContext.BaseDirectory, "data", "paac-cali-2022.txt"));
        var outcome = await new PlanImportService(db, clock).ImportAsync(PlanDocumentReader.ReadText(reader),
            new PlanImportOptions(Published: new PublicationApproval(null, null, "Original firmado")), "prueba");
        Assert.True(outcome.Succeeded);
        seedPlan = outcome.Value.PlanId!.Value;
        cali = await db.Plans.Where(p => p.Id == seedPlan).Select(p => p.EntityId).SingleAsync();
        var other = new Entity { Name = "Alcaldía de Prueba", Slug = "alcaldia-de-prueba" };
        db.Entities.Add(other);
        await db.SaveChangesAsync();
        entityA = other.Id;
        await TestPlanners.AddAsync(db, PlannerA, entityA);
        await TestPlanners.AddAsync(db, PlannerCali, cali);
        // Ana belongs to a unit of Cali: under the old inference she would have written Cali's plans; her account says otherwise.
        db.UserUnits.Add(new UserUnit { UserId = PlannerA.UserId!, UnitId = await db.Units.Where(u => u.EntityId == cali).Select(u => u.Id).FirstAsync() });
        db.Users.Add(new AppUser { Id = PlannerNone.UserId!, UserName = "sin@prueba.gov.co", DisplayName = PlannerNone.Name, CreatedAt = TestTime.Written });
        db.Users.Add(new AppUser { Id = Installation.UserId!, UserName = "admin@prueba.gov.co", DisplayName = Installation.Name, CreatedAt = TestTime.Written });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var db in contexts)
        {
            await db.DisposeAsync();
        }
        await database.DisposeAsync();
    }

    private (AppDbContext Db, AuditScope Scope) Audited()
    {
        var scope = new AuditScope();
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, database.Provider, database.ConnectionString, new AuditInterceptor(scope, clock));
        var db = new AppDbContext(options.Options);
        contexts.Add(db);
        return (db, scope);
    }

    private PlanFormulationService Formulation()
    {
        var (db, scope) = Audited();
        return new PlanFormulationService(db, scope, clock);
    }

    private PlanDraftService Draft()
    {
        var (db, scope) = Audited();
        return new PlanDraftService(db, scope);
    }

    private PlanLifecycleService Lifecycle()
    {
        var (db, scope) = Audited();
        return new PlanLifecycleService(db, scope, clock);
    }

    private PlanImportService Import() => new(Audited().Db, clock);

    private static ImportResult SeedDocument()
    {
        using var reader = File.OpenText(Path.Combine(AppContext.BaseDirectory, "data", "paac-cali-2022.txt"));
        return PlanDocumentReader.ReadText(reader);
    }

    private async Task<string> StateAsync()
    {
        await using var db = database.CreateContext();
        var plans = await db.Plans.OrderBy(p => p.Id).Select(p => new { p.Id, p.Status, Versions = p.Versions.Count, Components = p.Components.Count }).ToListAsync();
        var audit = await db.AuditEntries.CountAsync();
        return string.Join(";", plans.Select(p => $"{p.Id}:{p.Status}:{p.Versions}:{p.Components}")) + $"|{audit}";
    }

    [Fact]
    public async Task EveryPlanWrite_ByPlaneacionOfAnotherEntity_IsForbidden_AndChangesNothing()
    {
        // Cali's own planner makes a 2023 draft and opens a revision of 2022: there is something of each kind to attack.
        var draft = await Formulation().CreateFromTemplateAsync(cali, 2023, "paac-v2", PlannerCali);
        Assert.Equal(ResultStatus.Saved, draft.Status);
        Assert.Equal(ResultStatus.Saved, (await Lifecycle().StartRevisionAsync(seedPlan, "Ajustar metas por el recorte presupuestal.", PlannerCali)).Status);
        var component = await database.CreateContext().Components.Where(c => c.PlanId == draft.Value).Select(c => c.Id).FirstAsync();
        var action = await database.CreateContext().Actions.Where(a => a.Activity!.Component!.PlanId == seedPlan).Select(a => a.Id).FirstAsync();
        var before = await StateAsync();

        var results = new Dictionary<string, ResultStatus>
        {
            ["formular"] = (await Formulation().CreateFromTemplateAsync(cali, 2024, "paac-v2", PlannerA)).Status,
            ["copiar"] = (await Formulation().CopyAsync(seedPlan, 2024, PlannerA)).Status,
            ["editar borrador: componente"] = (await Draft().AddComponentAsync(draft.Value, "Iniciativas adicionales", PlannerA)).Status,
            ["editar borrador: actividad"] = (await Draft().AddActivityAsync(draft.Value, component, null, "Otra actividad", PlannerA)).Status,
            ["proponer unidad"] = (await Draft().ProposeUnitAsync(draft.Value, "Oficina Nueva", PlannerA)).Status,
            ["publicar"] = (await Lifecycle().PublishAsync(draft.Value, new PublicationApproval("Alcalde", new DateOnly(2022, 11, 1)), PlannerA)).Status,
            ["nueva versión"] = (await Lifecycle().StartRevisionAsync(draft.Value, "Una justificación suficientemente larga.", PlannerA)).Status,
            ["editar la revisión"] = (await Lifecycle().EditDraftActionAsync(seedPlan,
                new ActionEdit(action, "Otra descripción", "Otra meta", null, null, 3, null), PlannerA)).Status,
            ["publicar la revisión"] = (await Lifecycle().PublishAsync(seedPlan, new PublicationApproval("Alcalde", new DateOnly(2022, 11, 1)), PlannerA)).Status,
            ["vista previa de importación"] = (await Import().PreviewAsync(SeedDocument(), new PlanImportOptions(Year: 2025), PlannerA)).Status,
            ["confirmar importación"] = (await Import().ImportAsync(SeedDocument(), new PlanImportOptions(Year: 2025), PlannerA)).Status,
        };

        Assert.All(results, r => Assert.True(r.Value == ResultStatus.Forbidden, $"{r.Key}: {r.Value}"));
        Assert.Equal(before, await StateAsync());
        var refusal = await Lifecycle().StartRevisionAsync(draft.Value, "Una justificación suficientemente larga.", PlannerA);
        Assert.Equal("Solo Planeación de Alcaldía de Santiago de Cali modifica su plan.", refusal.Errors[""]);
    }

    [Fact]
    public async Task ThePlannersOwnEntity_IsWrittenEvenIfItsUnitsAreAnothers()
    {
        var created = await Formulation().CreateFromTemplateAsync(entityA, 2023, "paac-v2", PlannerA);

        Assert.Equal(ResultStatus.Saved, created.Status);
        Assert.Equal(ResultStatus.Saved, (await Draft().AddComponentAsync(created.Value, "Iniciativas adicionales", PlannerA)).Status);
        Assert.NotEqual(ResultStatus.Forbidden, (await Lifecycle().PublishAsync(created.Value, new PublicationApproval("Alcaldesa", new DateOnly(2022, 11, 1),
            AcceptReviewErrors: true, ReviewReason: "Se publica la estructura y se completa en la siguiente versión."), PlannerA)).Status);
    }

    [Fact]
    public async Task WithoutEntity_PlaneacionWritesNoPlan_ButTheInstallationAdministratorWritesAny()
    {
        var revision = await Lifecycle().StartRevisionAsync(seedPlan, "Una justificación suficientemente larga.", PlannerNone);
        var formulated = await Formulation().CreateFromTemplateAsync(entityA, 2023, "paac-v2", PlannerNone);

        Assert.Equal(ResultStatus.Forbidden, revision.Status);
        Assert.Equal(PlanEditors.NoEntityMessage, revision.Errors[""]);
        Assert.Equal(ResultStatus.Forbidden, formulated.Status);
        Assert.Equal(ResultStatus.Saved, (await Formulation().CreateFromTemplateAsync(entityA, 2023, "paac-v2", Installation)).Status);
        Assert.Equal(ResultStatus.Saved, (await Lifecycle().StartRevisionAsync(seedPlan, "Una justificación suficientemente larga.", Installation)).Status);
    }

    [Fact]
    public async Task Groups_AreMappedOnlyByPlaneacionOfTheirEntity()
    {
        await using var db = database.CreateContext();
        var group = await db.UnitGroups.FirstAsync(g => g.EntityId == cali);
        var unit = await db.Units.Where(u => u.EntityId == cali).Select(u => u.Id).FirstAsync();

        var stranger = await new UnitGroupService(Audited().Db, new AuditScope()).SetMembersAsync(PlannerA, group.Id, [unit]);
        var own = await new UnitGroupService(Audited().Db, new AuditScope()).SetMembersAsync(PlannerCali, group.Id, [unit]);

        Assert.Equal(ResultStatus.Forbidden, stranger.Status);
        Assert.Equal(ResultStatus.Saved, own.Status);
    }
}

public sealed class SqlitePlanEntityAccessTests() : PlanEntityAccessTests(DatabaseProvider.Sqlite);

public sealed class PostgresPlanEntityAccessTests() : PlanEntityAccessTests(DatabaseProvider.Postgres);
