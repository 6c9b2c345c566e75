using Microsoft.Extensions.Time.Testing;
using Vigia.Core.Accounts;
using Vigia.Core.Audit;
using Vigia.Core.Organisation;
using Vigia.Core.RiskMap;

namespace Vigia.Core.Tests.RiskMap;

/// <summary>Publication and versions of a year's risk map on a real database: Planeación publishes with its approval,
/// the published content is frozen, the map then changes only in a justified draft version, and the difference
/// between two versions reads risk by risk and field by field.</summary>
public abstract class RiskMapPublicationTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(TestTime.Written);
    private readonly List<AppDbContext> contexts = [];
    private TestDatabase database = null!;
    private int entityId;
    private int processId;

    private static readonly Actor Planning = new("planeacion", "Pedro Planeación", new HashSet<string> { Roles.Planning });
    private static readonly Actor Leader = new("lider", "Lina Líder", new HashSet<string> { Roles.ProcessLeader });
    private static readonly RiskMapApproval Approval = new("Comité Institucional de Coordinación de Control Interno", new DateOnly(2026, 1, 20), "Acta 01");

    private static readonly ControlDraft Preventive = new("El profesional verifica los requisitos habilitantes con la lista de chequeo y deja el acta.",
        "Profesional de contratación", "preventivo", "manual", "documentado", "continua", "con-registro");

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.CreateMigratedContextAsync();
        var entity = new Entity { Name = "Alcaldía de Prueba", Slug = "prueba" };
        var process = new Process { Entity = entity, Name = "Gestión de la Contratación", Kind = ProcessKind.Support };
        db.AddRange(entity, process);
        await db.SaveChangesAsync();
        await new RiskMethodCatalog(db, clock).EnsureLoadedAsync();
        (entityId, processId) = (entity.Id, process.Id);
    }

    public async Task DisposeAsync()
    {
        foreach (var db in contexts)
        {
            await db.DisposeAsync();
        }
        await database.DisposeAsync();
    }

    private (AppDbContext Db, RiskMapPublicationService Publication, RiskMapService Risks) Open()
    {
        var scope = new AuditScope();
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, database.Provider, database.ConnectionString, new AuditInterceptor(scope, clock));
        var db = new AppDbContext(options.Options);
        contexts.Add(db);
        return (db, new RiskMapPublicationService(db, scope, clock), new RiskMapService(db, new RiskMapAccess(db), new RiskMethodCatalog(db, clock), scope, clock));
    }

    private RiskDraft Draft(string code, int frequency = 20, IReadOnlyCollection<int>? yes = null) =>
        RiskMethodTests.Draft() with { ProcessId = processId, Year = 2026, Code = code, ActivityFrequency = frequency, YesAnswers = yes ?? [1, 2, 3, 5, 6, 10, 12] };

    private async Task<int> RiskAsync(string code, int frequency = 20, IReadOnlyCollection<int>? yes = null)
    {
        var (_, _, risks) = Open();
        var result = await risks.SaveRiskAsync(Planning, null, Draft(code, frequency, yes));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        return result.Value.Id;
    }

    [Fact]
    public async Task Publish_FreezesTheMapWithItsApproval_AndNothingIsPublicBefore()
    {
        await RiskAsync("RC-01");
        var (db, publication, _) = Open();
        Assert.Null(await RiskMapVersions.PublishedAsync(db, entityId, 2026));

        var result = await publication.PublishAsync(entityId, 2026, Approval, Planning);

        Assert.Equal(1, result.Value);
        var shown = (await RiskMapVersions.PublishedAsync(db, entityId, 2026))!;
        Assert.Equal("RC-01", Assert.Single(shown.Content.Risks).Code);
        Assert.Equal("Versión 1, publicada el 26 de noviembre de 2026", shown.Version.Label);
        Assert.Equal("Aprobada por Comité Institucional de Coordinación de Control Interno el 20 de enero de 2026 (Acta 01)", shown.Version.Approval);
        var stored = await db.RiskMapVersions.AsNoTracking().SingleAsync();
        Assert.Equal(RiskMapSnapshot.Sha256(stored.Snapshot!), stored.SnapshotSha256);
        Assert.Contains(await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(RiskMapVersion)).Select(e => e.ActorName).ToListAsync(),
            n => n == "Pedro Planeación");
    }

    [Fact]
    public async Task Publish_IsRefused_ToAProcessLeader_WithoutApproval_AndForAnEmptyMap()
    {
        var (db, publication, _) = Open();

        Assert.Equal(ResultStatus.Forbidden, (await publication.PublishAsync(entityId, 2026, Approval, Leader)).Status);
        var empty = await publication.PublishAsync(entityId, 2026, new RiskMapApproval(" ", null), Planning);

        Assert.Equal(ResultStatus.Invalid, empty.Status);
        Assert.Equal("Indique quién aprobó el mapa de riesgos (nombre y cargo, o la instancia).", empty.Errors[RiskMapPublicationFields.ApprovedBy]);
        Assert.Equal("Indique la fecha de aprobación.", empty.Errors[RiskMapPublicationFields.ApprovedOn]);
        Assert.Equal("El mapa de riesgos 2026 no tiene riesgos: no hay nada que publicar.", empty.Errors[""]);
        var future = await publication.PublishAsync(entityId, 2026, Approval with { ApprovedOn = new DateOnly(2026, 12, 1) }, Planning);
        Assert.Equal("La fecha de aprobación no puede ser posterior a hoy.", future.Errors[RiskMapPublicationFields.ApprovedOn]);
        Assert.False(await db.RiskMapVersions.AnyAsync());
    }

    [Fact]
    public async Task AfterPublication_TheMapChangesOnlyInAJustifiedVersion_AndCitizensKeepTheFrozenOneUntilItIsPublished()
    {
        var id = await RiskAsync("RC-01");
        var (db, publication, risks) = Open();
        await publication.PublishAsync(entityId, 2026, Approval, Planning);

        var locked = await risks.SaveControlAsync(Planning, id, null, Preventive);
        Assert.Equal(ResultStatus.Conflict, locked.Status);
        Assert.Equal("El mapa de riesgos 2026 está publicado (versión 1): solo cambia en una nueva versión, que Planeación abre con su justificación.", locked.Errors[""]);
        Assert.Equal(ResultStatus.Conflict, (await risks.SaveRiskAsync(Planning, null, Draft("RC-02"))).Status);
        Assert.Equal(ResultStatus.Invalid, (await publication.StartVersionAsync(entityId, 2026, "corto", Planning)).Status);

        Assert.Equal(2, (await publication.StartVersionAsync(entityId, 2026, "Se agrega el control de verificación pedido por el comité.", Planning)).Value);
        Assert.True((await risks.SaveControlAsync(Planning, id, null, Preventive, "El comité pidió verificar los requisitos.")).Succeeded);
        Assert.True((await risks.SaveRiskAsync(Planning, null, Draft("RC-02", 1000), "Riesgo nuevo identificado por el comité.")).Succeeded);

        var stillV1 = (await RiskMapVersions.PublishedAsync(db, entityId, 2026))!;
        Assert.Equal((1, 1), (stillV1.Version.Number, stillV1.Content.Risks.Count));
        Assert.Empty(stillV1.Content.Risks[0].Controls);
        Assert.Equal(ResultStatus.Conflict, (await publication.StartVersionAsync(entityId, 2026, "Otra versión más, sin publicar la anterior.", Planning)).Status);

        Assert.Equal(2, (await publication.PublishAsync(entityId, 2026, Approval with { ApprovedOn = new DateOnly(2026, 11, 20) }, Planning)).Value);
        var v2 = (await RiskMapVersions.PublishedAsync(db, entityId, 2026))!;
        Assert.Equal((2, 2), (v2.Version.Number, v2.Content.Risks.Count));
        Assert.Single((await RiskMapVersions.PublishedAsync(db, entityId, 2026, 1))!.Content.Risks);
        var listed = await RiskMapVersions.ListAsync(db, entityId, 2026, includeDrafts: false);
        Assert.Equal([null, "Se agrega el control de verificación pedido por el comité."], listed.Select(v => v.Justification));
        Assert.Contains(await db.AuditEntries.AsNoTracking().Select(e => e.Reason).ToListAsync(), r => r == "Se agrega el control de verificación pedido por el comité.");
    }

    [Fact]
    public async Task Diff_ListsRisksAddedAndChanged_FieldByField_WithTheZonesInWords()
    {
        var id = await RiskAsync("RC-01", 1000, [1, 2, 3]);
        var (db, publication, risks) = Open();
        await publication.PublishAsync(entityId, 2026, Approval, Planning);
        await publication.StartVersionAsync(entityId, 2026, "Se agrega un control y un riesgo nuevo.", Planning);
        await risks.SaveControlAsync(Planning, id, null, Preventive, "El comité pidió verificar los requisitos.");
        await risks.SaveRiskAsync(Planning, null, Draft("RC-02", 1000), "Riesgo nuevo identificado por el comité.");
        await publication.PublishAsync(entityId, 2026, Approval, Planning);
        var methods = await new RiskMethodCatalog(db, clock).DefinitionsAsync();

        var changes = RiskMapVersionDiff.Compare((await RiskMapVersions.PublishedAsync(db, entityId, 2026, 1))!.Content,
            (await RiskMapVersions.PublishedAsync(db, entityId, 2026, 2))!.Content, methods);

        Assert.Equal([("RC-01", RiskChangeKind.Changed), ("RC-02", RiskChangeKind.Added)], changes.Select(c => (c.Code, c.Kind)));
        var changed = changes[0].Fields;
        Assert.Equal(["Zona residual", "Control 1"], changed.Select(f => f.Field));
        // Alta (80 %) × Moderado: alto; a preventive manual control (40 %) leaves 48 %: media × moderado, moderado.
        Assert.Equal("probabilidad alta, impacto moderado: zona alto", changed[0].Before);
        Assert.Equal("probabilidad media, impacto moderado: zona moderado", changed[0].After);
        Assert.Null(changed[1].Before);
        Assert.StartsWith("El profesional verifica los requisitos habilitantes", changed[1].After, StringComparison.Ordinal);
        Assert.Equal("Gestión de la Contratación", changes[1].Fields.Single(f => f.Field == "Proceso").After);
        Assert.Empty(RiskMapVersionDiff.Compare((await RiskMapVersions.PublishedAsync(db, entityId, 2026, 2))!.Content,
            (await RiskMapVersions.PublishedAsync(db, entityId, 2026, 2))!.Content, methods));
    }

    [Fact]
    public async Task Import_IntoAPublishedMap_IsRefused_AndChangesNothing()
    {
        await RiskAsync("RC-01");
        var (db, publication, _) = Open();
        await publication.PublishAsync(entityId, 2026, Approval, Planning);
        var file = RiskMatrix.Build(RiskMatrix.ShuffledHeaders, new MatrixRisk(RiskMatrix.Risk("RC-09", "Gestión de la Contratación", 20, "1, 2, 3"),
            [RiskMatrix.Control("Preventivo", "Manual")]));

        var result = await new RiskMapImportService(db, new RiskMethodCatalog(db, clock), clock).ImportAsync(new MemoryStream(file),
            new RiskMapImportOptions(2026));

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Contains(result.Value.Notes, n => n.Text.StartsWith("El mapa de riesgos 2026 está publicado (versión 1)", StringComparison.Ordinal));
        Assert.Equal(1, await db.Risks.CountAsync());
    }
}

public class SqliteRiskMapPublicationTests() : RiskMapPublicationTests(DatabaseProvider.Sqlite);

public class PostgresRiskMapPublicationTests() : RiskMapPublicationTests(DatabaseProvider.Postgres);
