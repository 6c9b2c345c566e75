using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Vigia.Core.Accounts;
using Vigia.Core.Audit;
using Vigia.Core.Organisation;
using Vigia.Core.RiskMap;

namespace Vigia.Core.Tests.RiskMap;

/// <summary>Re-assessing a risk with a newer method, and the «motivo» every write needs once the map is published, on
/// a real database: the answers carried over where the questions match, the rest asked again, the replaced assessment
/// kept as it was, the published version keeping the one it froze, and the audit trail keeping each reason.</summary>
public abstract class RiskReassessmentTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(TestTime.Written);
    private readonly List<AppDbContext> contexts = [];
    private TestDatabase database = null!;
    private int entityId;
    private int processId;
    private int unitId;

    private static readonly Actor Planning = new("planeacion", "Pedro Planeación", new HashSet<string> { Roles.Planning });
    private static readonly Actor Responsible = new("responsable", "Rita Responsable", new HashSet<string> { Roles.Responsible });
    private static readonly RiskMapApproval Approval = new("Comité Institucional de Coordinación de Control Interno", new DateOnly(2026, 1, 20), "Acta 01");
    private const string Why = "El comité pidió ajustar el mapa tras la auditoría.";

    private static readonly ControlDraft Preventive = new("El profesional verifica los requisitos habilitantes con la lista de chequeo y deja el acta.",
        "Profesional de contratación", "preventivo", "manual", "documentado", "continua", "con-registro");

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.CreateMigratedContextAsync();
        var entity = new Entity { Name = "Alcaldía de Prueba", Slug = "prueba" };
        var unit = new Unit { Entity = entity, Name = "Secretaría de Hacienda", NormalizedName = "secretaria de hacienda" };
        var process = new Process { Entity = entity, Name = "Gestión de la Contratación", Kind = ProcessKind.Support };
        db.AddRange(entity, unit, process);
        await db.SaveChangesAsync();
        await new RiskMethodCatalog(db, clock).EnsureLoadedAsync();
        (entityId, processId, unitId) = (entity.Id, process.Id, unit.Id);
    }

    public async Task DisposeAsync()
    {
        foreach (var db in contexts)
        {
            await db.DisposeAsync();
        }
        await database.DisposeAsync();
    }

    private (AppDbContext Db, RiskMapPublicationService Publication, RiskMapService Risks, RiskReassessmentService Reassessment) Open()
    {
        var scope = new AuditScope();
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, database.Provider, database.ConnectionString, new AuditInterceptor(scope, clock));
        var db = new AppDbContext(options.Options);
        contexts.Add(db);
        var access = new RiskMapAccess(db);
        return (db, new RiskMapPublicationService(db, scope, clock), new RiskMapService(db, access, new RiskMethodCatalog(db, clock), scope, clock),
            new RiskReassessmentService(db, access, scope, clock));
    }

    private RiskDraft Draft(string code) =>
        RiskMethodTests.Draft() with { ProcessId = processId, Year = 2026, Code = code, ActivityFrequency = 20, YesAnswers = [1, 2, 3] };

    /// <summary>Revision 2 of dafp-v6: Baja × Moderado becomes Alto, and question 19 is reworded, so it is asked again.</summary>
    private async Task<int> LoadRevision2Async(AppDbContext db)
    {
        var json = JsonNode.Parse(RiskMethodCatalog.Shipped().Single(j => j.Contains("\"dafp-v6\"", StringComparison.Ordinal)))!;
        json["revision"] = 2;
        json["heatMap"]!.AsArray().Single(c => (int)c!["probability"]! == 2 && (int)c["impact"]! == 3)!["zone"] = "alto";
        var questions = json["corruptionImpact"]!["questions"]!.AsArray();
        questions.Single(q => (int)q!["number"]! == 19)!["text"] = "¿Dar lugar a un proceso penal contra la entidad?";
        await new RiskMethodCatalog(db, clock).LoadAsync([json.ToJsonString()]);
        return await db.RiskMethods.Where(m => m.Code == "dafp-v6" && m.Revision == 2).Select(m => m.Id).SingleAsync();
    }

    private static Dictionary<int, bool> Answers(IReadOnlyList<ReassessmentQuestion> questions, bool? unmatched) =>
        questions.Where(q => q.Carried is not null || unmatched is not null).ToDictionary(q => q.Number, q => q.Carried ?? unmatched!.Value);

    [Fact]
    public async Task Reassess_WithANewerRevision_CarriesTheMatchingAnswers_KeepsTheReplacedAssessment_AndThePublishedVersionKeepsItsOwn()
    {
        var (db, publication, risks, reassessment) = Open();
        var risk = (await risks.SaveRiskAsync(Planning, null, Draft("RC-01"))).Value;
        var revision1 = risk.MethodId;
        Assert.True((await risks.SaveControlAsync(Planning, risk.Id, null, Preventive)).Succeeded);
        Assert.Null(await reassessment.OfferAsync(Planning, risk.Id));
        var revision2 = await LoadRevision2Async(db);
        await publication.PublishAsync(entityId, 2026, Approval, Planning);

        var offer = (await reassessment.OfferAsync(Planning, risk.Id))!;
        Assert.Equal((revision2, 20), (offer.Target.Id, offer.Frequency));
        Assert.Equal(19, offer.Questions.Count);
        Assert.Equal([19], offer.Questions.Where(q => q.Carried is null).Select(q => q.Number));
        Assert.Equal([1, 2, 3], offer.Questions.Where(q => q.Carried == true).Select(q => q.Number));
        var draft = new ReassessmentDraft(revision2, 20, Answers(offer.Questions, unmatched: false), "Revisión 2 del método: corrige la matriz de calor.");
        Assert.Equal(ResultStatus.Conflict, (await reassessment.ReassessAsync(Planning, risk.Id, draft)).Status);

        await publication.StartVersionAsync(entityId, 2026, "Se revaloran los riesgos con la revisión 2 del método.", Planning);
        var unanswered = await reassessment.ReassessAsync(Planning, risk.Id, draft with { Answers = Answers(offer.Questions, unmatched: null) });
        var noReason = await reassessment.ReassessAsync(Planning, risk.Id, draft with { Reason = "corto" });
        var notHis = await reassessment.ReassessAsync(Responsible, risk.Id, draft);
        var done = await reassessment.ReassessAsync(Planning, risk.Id, draft);
        var again = await reassessment.ReassessAsync(Planning, risk.Id, draft);

        Assert.Equal("Responda «sí» o «no» a cada pregunta del cuestionario; faltan: 19.", unanswered.Errors[ReassessmentFields.Answers]);
        Assert.Equal("Explique por qué se revalora el riesgo con el nuevo método (al menos 10 caracteres); queda con la valoración anterior.",
            noReason.Errors[ReassessmentFields.Reason]);
        Assert.Equal(ResultStatus.NotFound, notHis.Status);
        Assert.True(done.Succeeded, string.Join(" ", done.Errors.Values));
        Assert.Equal(ResultStatus.Conflict, again.Status);
        await using var read = database.CreateContext();
        var stored = await read.Risks.AsNoTracking().Include(r => r.Method).Include(r => r.Controls).SingleAsync();
        // Baja × Moderado is Alto in revision 2; the preventive control (40 %) brings 40 % down to 24 %, still Baja.
        Assert.Equal((2, "alto", "alto", "1,2,3"), (stored.Method!.Revision, stored.InherentZone, stored.ResidualZone, stored.ImpactAnswers));
        Assert.Equal(40m, Assert.Single(stored.Controls).Score);
        var past = await read.RiskAssessments.AsNoTracking().Include(a => a.Method).SingleAsync();
        Assert.Equal((1, 1, "moderado", "moderado", 1, "Revisión 2 del método: corrige la matriz de calor.", "Pedro Planeación"),
            (past.Number, past.Method!.Revision, past.InherentZone, past.ResidualZone, past.Controls, past.ReplacementReason, past.ReplacedByName));
        var frozen = Assert.Single((await RiskMapVersions.PublishedAsync(read, entityId, 2026, 1))!.Content.Risks);
        Assert.Equal((revision1, "moderado"), (frozen.MethodId, frozen.InherentZone));
        Assert.Contains(await read.AuditEntries.Where(e => e.EntityType == nameof(Risk)).Select(e => e.Reason).ToListAsync(),
            r => r == "Revisión 2 del método: corrige la matriz de calor.");
    }

    [Fact]
    public async Task ARiskAssessedWithV5_IsOfferedV6_WithEveryAnswerCarriedOver()
    {
        var (db, _, risks, _) = Open();
        var risk = (await risks.SaveRiskAsync(Planning, null, Draft("RC-01"))).Value;
        var v5 = await db.RiskMethods.Where(m => m.Code == "dafp-v5").Select(m => m.Id).SingleAsync();
        await db.Risks.Where(r => r.Id == risk.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.MethodId, v5));
        var (_, _, _, reassessment) = Open();

        var offer = (await reassessment.OfferAsync(Planning, risk.Id))!;
        var done = await reassessment.ReassessAsync(Planning, risk.Id,
            new ReassessmentDraft(offer.Target.Id, offer.Frequency, Answers(offer.Questions, unmatched: null), "La entidad adopta la versión 6 de la guía."));

        Assert.Equal(("dafp-v6", 1), (offer.Target.Code, offer.Target.Revision));
        Assert.DoesNotContain(offer.Questions, q => q.Carried is null);
        Assert.True(done.Succeeded, string.Join(" ", done.Errors.Values));
        await using var read = database.CreateContext();
        Assert.Equal("dafp-v5", (await read.RiskAssessments.Include(a => a.Method).SingleAsync()).Method!.Code);
        Assert.Equal("dafp-v6", (await read.Risks.Include(r => r.Method).SingleAsync()).Method!.Code);
    }

    [Fact]
    public async Task AfterPublication_EveryRiskControlAndTreatmentWrite_NeedsAMotivo_WhichTheAuditKeeps()
    {
        var (db, publication, risks, _) = Open();
        var risk = (await risks.SaveRiskAsync(Planning, null, Draft("RC-01"))).Value;
        Assert.True((await risks.SaveControlAsync(Planning, risk.Id, null, Preventive)).Succeeded);
        await publication.PublishAsync(entityId, 2026, Approval, Planning);
        await publication.StartVersionAsync(entityId, 2026, "Se ajusta el mapa tras la auditoría interna.", Planning);
        var control = await db.RiskControls.Where(c => c.RiskId == risk.Id).Select(c => c.Id).SingleAsync();
        var action = new TreatmentActionDraft("Rotar el comité evaluador", unitId, new DateOnly(2026, 2, 1), new DateOnly(2026, 6, 30), "Resolución", "Rotaciones hechas", null);

        var errors = new[]
        {
            (await risks.SaveRiskAsync(Planning, risk.Id, Draft("RC-01") with { Description = "Posibilidad de favorecer a un proponente" })).Errors,
            (await risks.SaveControlAsync(Planning, risk.Id, null, Preventive, "corto")).Errors,
            (await risks.RemoveControlAsync(Planning, risk.Id, control)).Errors,
            (await risks.AddActionAsync(Planning, risk.Id, action, " ")).Errors,
        };

        const string message = "El mapa de riesgos 2026 ya fue publicado: escriba el motivo del cambio (al menos 10 caracteres); queda en el historial.";
        Assert.All(errors, e => Assert.Equal(message, e[RiskFields.Reason]));
        Assert.True((await risks.AddActionAsync(Planning, risk.Id, action, Why)).Succeeded);
        Assert.True((await risks.RemoveControlAsync(Planning, risk.Id, control, Why)).Succeeded);
        await using var read = database.CreateContext();
        Assert.Equal(1, await read.RiskTreatmentActions.CountAsync());
        Assert.Equal(0, await read.RiskControls.CountAsync());
        var reasons = await read.AuditEntries.Where(e => e.EntityType == nameof(RiskTreatmentAction) || e.EntityType == nameof(RiskControl))
            .Where(e => e.Reason != null).Select(e => new { e.EntityType, e.Reason }).ToListAsync();
        Assert.Contains(reasons, r => r.EntityType == nameof(RiskTreatmentAction) && r.Reason == Why);
        Assert.Contains(reasons, r => r.EntityType == nameof(RiskControl) && r.Reason == Why);
    }
}

public sealed class SqliteRiskReassessmentTests() : RiskReassessmentTests(DatabaseProvider.Sqlite);

public sealed class PostgresRiskReassessmentTests() : RiskReassessmentTests(DatabaseProvider.Postgres);
