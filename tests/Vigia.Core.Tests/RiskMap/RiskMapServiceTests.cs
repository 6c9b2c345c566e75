using System.Text.Json.Nodes;
using ClosedXML.Excel;
using Microsoft.Extensions.Time.Testing;
using Vigia.Core.Accounts;
using Vigia.Core.Audit;
using Vigia.Core.Organisation;
using Vigia.Core.RiskMap;

namespace Vigia.Core.Tests.RiskMap;

/// <summary>The risk map's writes on a real database: who may write a process's risks, the assessment stored with
/// the method revision it used, controls moving the residual risk, and a method change leaving the past alone.</summary>
public abstract class RiskMapServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(TestTime.Written);
    private TestDatabase database = null!;
    private int contracting;
    private int finance;
    private int unit;
    private Actor leader = null!;

    private static readonly Actor Planning = new("planeacion", "Pedro Planeación", new HashSet<string> { Roles.Planning });
    private static readonly Actor Responsible = new("responsable", "Rita Responsable", new HashSet<string> { Roles.Responsible });

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.CreateMigratedContextAsync();
        var entity = new Entity { Name = "Alcaldía de Prueba", Slug = "prueba" };
        var secretariat = new Unit { Entity = entity, Name = "Secretaría de Hacienda", NormalizedName = "secretaria de hacienda" };
        var user = new AppUser { UserName = "lider@prueba.gov.co", Email = "lider@prueba.gov.co", DisplayName = "Lina Líder" };
        var a = new Process { Entity = entity, Name = "Gestión de la Contratación", Kind = ProcessKind.Support };
        var b = new Process { Entity = entity, Name = "Gestión Financiera", Kind = ProcessKind.Support };
        db.AddRange(entity, secretariat, user, a, b);
        db.ProcessLeaders.Add(new ProcessLeader { UserId = user.Id, Process = a });
        await db.SaveChangesAsync();
        await new RiskMethodCatalog(db, clock).EnsureLoadedAsync();
        (contracting, finance, unit) = (a.Id, b.Id, secretariat.Id);
        leader = new Actor(user.Id, user.DisplayName, new HashSet<string> { Roles.ProcessLeader });
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private (AppDbContext Db, RiskMapService Service) Open()
    {
        var db = database.CreateContext();
        return (db, new RiskMapService(db, new RiskMapAccess(db), new RiskMethodCatalog(db, clock), new AuditScope(), clock));
    }

    private RiskDraft Draft(int? frequency = null, IReadOnlyCollection<int>? yes = null) =>
        RiskMethodTests.Draft() with { ProcessId = contracting, ActivityFrequency = frequency ?? 20, YesAnswers = yes ?? [1, 2, 3, 5, 6, 10, 12] };

    private static readonly ControlDraft PreventiveManual = new("El profesional de contratación verifica cada mes los requisitos habilitantes contra la lista de chequeo; si falta uno, devuelve el proceso; deja el acta.",
        "Profesional especializado de contratación", "preventivo", "manual", "documentado", "continua", "con-registro");

    private static readonly ControlDraft DetectiveManual = PreventiveManual with { Type = "detectivo", Description = "El comité revisa por muestreo los contratos firmados." };

    [Fact]
    public async Task SaveRisk_ByTheProcessLeader_StoresTheInherentRiskWithTheCurrentMethod()
    {
        var (db, service) = Open();
        await using var _ = db;

        var result = await service.SaveRiskAsync(leader, null, Draft());

        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        var risk = await db.Risks.AsNoTracking().Include(r => r.Method).SingleAsync();
        // 20 times a year → Baja; 7 «sí» → Mayor; Baja × Mayor → Alto; no controls yet, so residual = inherent.
        Assert.Equal((2, 4, "alto"), (risk.InherentProbability, risk.InherentImpact, risk.InherentZone));
        Assert.Equal((2, 4, "alto", 40m, 80m), (risk.ResidualProbability, risk.ResidualImpact, risk.ResidualZone, risk.ResidualProbabilityValue, risk.ResidualImpactValue));
        Assert.Equal(("dafp-v6", 1), (risk.Method!.Code, risk.Method.Revision));
        Assert.Equal("1,2,3,5,6,10,12", risk.ImpactAnswers);
        Assert.Equal(TestTime.Default, risk.UpdatedAt);
    }

    [Fact]
    public async Task SaveRisk_OnAnotherLeadersProcess_IsForbidden_AndAResponsableCannotWriteRisks()
    {
        var (db, service) = Open();
        await using var _ = db;

        var other = await service.SaveRiskAsync(leader, null, Draft() with { ProcessId = finance });
        var responsible = await service.SaveRiskAsync(Responsible, null, Draft());
        var planning = await service.SaveRiskAsync(Planning, null, Draft() with { ProcessId = finance });

        Assert.Equal([ResultStatus.Forbidden, ResultStatus.Forbidden, ResultStatus.Saved], [other.Status, responsible.Status, planning.Status]);
        Assert.Equal([finance], await db.Risks.Select(r => r.ProcessId).ToListAsync());
    }

    [Fact]
    public async Task SaveRisk_Accepted_OrMissingAnElement_IsRefusedAndNothingIsStored()
    {
        var (db, service) = Open();
        await using var _ = db;

        var accepted = await service.SaveRiskAsync(leader, null, Draft() with { Treatment = "aceptar" });
        var notCorruption = await service.SaveRiskAsync(leader, null, Draft() with { PrivateBenefit = false });

        Assert.Equal("Un riesgo de corrupción no se puede aceptar: elija reducir, compartir o evitar.", accepted.Errors[RiskFields.Treatment]);
        Assert.Contains("le falta beneficio privado", notCorruption.Errors[RiskFields.Elements], StringComparison.Ordinal);
        Assert.Equal(0, await db.Risks.CountAsync());
    }

    [Fact]
    public async Task SaveRisk_TheSameCodeTwiceInTheYear_IsRefused()
    {
        var (db, service) = Open();
        await using var _ = db;
        await service.SaveRiskAsync(leader, null, Draft());

        var again = await service.SaveRiskAsync(Planning, null, Draft() with { ProcessId = finance });

        Assert.Equal("Ya hay un riesgo con la referencia «RC-01» en el mapa de 2026.", again.Errors[RiskFields.Code]);
    }

    [Fact]
    public async Task Controls_MoveTheResidualRisk_OneAfterAnother_AndRemovingOneMovesItBack()
    {
        var (db, service) = Open();
        await using var _ = db;
        // 1.000 times a year → Alta (80 %); 3 «sí» → Moderado: Alta × Moderado → Alto.
        var risk = (await service.SaveRiskAsync(leader, null, Draft(frequency: 1000, yes: [1, 2, 3]))).Value;
        Assert.Equal("alto", risk.InherentZone);

        var first = await service.SaveControlAsync(leader, risk.Id, null, PreventiveManual);
        var second = await service.SaveControlAsync(leader, risk.Id, null, DetectiveManual);

        Assert.Equal((1, 40m), (first.Value.Number, first.Value.Score));
        Assert.Equal((2, 30m), (second.Value.Number, second.Value.Score));
        var stored = await db.Risks.AsNoTracking().SingleAsync();
        // 80 % → 48 % → 33,6 %: Baja; the impact of a corruption risk stays Moderado (60 %).
        Assert.Equal((33.6m, 60m, 2, 3, "moderado"), (stored.ResidualProbabilityValue, stored.ResidualImpactValue, stored.ResidualProbability,
            stored.ResidualImpact, stored.ResidualZone));
        Assert.Equal((4, 3, "alto"), (stored.InherentProbability, stored.InherentImpact, stored.InherentZone));

        var removed = await service.RemoveControlAsync(leader, risk.Id, first.Value.Id);

        Assert.True(removed.Succeeded);
        var after = await db.Risks.AsNoTracking().Include(r => r.Controls).SingleAsync();
        Assert.Equal((1, "detectivo"), (after.Controls.Single().Number, after.Controls.Single().Type));
        Assert.Equal((56m, 3, "moderado"), (after.ResidualProbabilityValue, after.ResidualProbability, after.ResidualZone));
    }

    [Fact]
    public async Task SaveControl_WithUnknownOptions_IsRefusedByAttribute_AndByAnotherLeader_NotFound()
    {
        var (db, service) = Open();
        await using var _ = db;
        var risk = (await service.SaveRiskAsync(Planning, null, Draft() with { ProcessId = finance })).Value;

        var invalid = await service.SaveControlAsync(Planning, risk.Id, null, PreventiveManual with { Type = "milagroso", Evidence = null });
        var stranger = await service.SaveControlAsync(leader, risk.Id, null, PreventiveManual);

        Assert.Equal("Elija tipo: Preventivo, Detectivo, Correctivo.", invalid.Errors[RiskFields.ControlAttribute("tipo")]);
        Assert.Equal("Elija evidencia.", invalid.Errors[RiskFields.ControlAttribute("evidencia")]);
        Assert.Equal(ResultStatus.NotFound, stranger.Status);
        Assert.Equal(0, await db.RiskControls.CountAsync());
    }

    [Fact]
    public async Task AddAction_NeedsAUnitOfTheEntityAndDatesInOrder()
    {
        var (db, service) = Open();
        await using var _ = db;
        var risk = (await service.SaveRiskAsync(leader, null, Draft())).Value;
        var draft = new TreatmentActionDraft("Publicar los pliegos tipo", unit, new DateOnly(2026, 3, 1), new DateOnly(2026, 2, 1), "Pliegos publicados",
            "Pliegos publicados / pliegos previstos", null);

        var backwards = await service.AddActionAsync(leader, risk.Id, draft);
        var saved = await service.AddActionAsync(leader, risk.Id, draft with { EndDate = new DateOnly(2026, 6, 30) });

        Assert.Equal("La fecha de fin no puede ser anterior a la de inicio.", backwards.Errors[RiskFields.ActionDates]);
        Assert.True(saved.Succeeded);
        Assert.Equal("Publicar los pliegos tipo", (await db.RiskTreatmentActions.SingleAsync()).Description);
    }

    [Fact]
    public async Task AMethodRevision_LeavesPastAssessmentsUntouched_AndNewRisksTakeIt()
    {
        var (db, service) = Open();
        await using var _ = db;
        var past = (await service.SaveRiskAsync(leader, null, Draft(frequency: 20, yes: [1, 2, 3]))).Value;
        Assert.Equal("moderado", past.InherentZone);
        // A correction of the v6 grid: Baja × Moderado becomes Alto in revision 2.
        var json = JsonNode.Parse(RiskMethodCatalog.Shipped().Single(j => j.Contains("\"dafp-v6\"", StringComparison.Ordinal)))!;
        json["revision"] = 2;
        json["heatMap"]!.AsArray().Single(c => (int)c!["probability"]! == 2 && (int)c["impact"]! == 3)!["zone"] = "alto";
        await new RiskMethodCatalog(db, clock).LoadAsync([json.ToJsonString()]);

        await service.SaveControlAsync(leader, past.Id, null, DetectiveManual with { Type = "correctivo" });
        var next = (await service.SaveRiskAsync(leader, null, Draft(frequency: 20, yes: [1, 2, 3]) with { Code = "RC-02" })).Value;

        var stored = await db.Risks.AsNoTracking().Include(r => r.Method).OrderBy(r => r.Code).ToListAsync();
        Assert.Equal([("RC-01", 1, "moderado", "moderado"), ("RC-02", 2, "alto", "alto")],
            stored.Select(r => (r.Code, r.Method!.Revision, r.InherentZone, r.ResidualZone)));
        Assert.Equal(4, await db.RiskMethods.CountAsync());
    }

    [Fact]
    public async Task Xlsx_HasTheV5MatrixColumns_OneRowPerControl_WithTheRisksCellsMergedOverThem()
    {
        var (db, service) = Open();
        await using var _ = db;
        var risk = (await service.SaveRiskAsync(leader, null, Draft(frequency: 1000, yes: [1, 2, 3]))).Value;
        await service.SaveControlAsync(leader, risk.Id, null, PreventiveManual);
        await service.SaveControlAsync(leader, risk.Id, null, DetectiveManual);
        await service.SaveRiskAsync(leader, null, Draft() with { Code = "RC-02" });
        var entityId = await db.Entities.Select(e => e.Id).SingleAsync();
        using var stream = new MemoryStream();

        await RiskMapXlsx.WriteAsync(db, new RiskMethodCatalog(db, clock), entityId, 2026, stream);

        using var workbook = new XLWorkbook(new MemoryStream(stream.ToArray()));
        var ws = workbook.Worksheet(RiskMapXlsx.Sheet);
        Assert.Equal(RiskMapXlsx.Columns.Select(c => c.Header), Enumerable.Range(1, RiskMapXlsx.Columns.Count).Select(c => ws.Cell(RiskMapXlsx.HeaderRow, c).GetString()));
        Assert.Equal(("RC-01", 5), (ws.Cell(4, 1).GetString(), ws.Cell(4, 1).MergedRange().RangeAddress.LastAddress.RowNumber));
        Assert.True(ws.Cell(5, 36).IsMerged());
        Assert.Equal(("Sí", "1, 2, 3", "Alta", "Alto"), (ws.Cell(4, 10).GetString(), ws.Cell(4, 17).GetString(), ws.Cell(4, 15).GetString(), ws.Cell(4, 20).GetString()));
        Assert.Equal((1, 2), (ws.Cell(4, 21).GetValue<int>(), ws.Cell(5, 21).GetValue<int>()));
        Assert.Equal(("Preventivo", "Detectivo", "Probabilidad"), (ws.Cell(4, 25).GetString(), ws.Cell(5, 25).GetString(), ws.Cell(4, 24).GetString()));
        Assert.Equal(0.48, ws.Cell(4, 31).GetDouble(), 6);
        Assert.Equal(0.336, ws.Cell(5, 31).GetDouble(), 6);
        Assert.Equal(("Baja", "Moderado", "Reducir (mitigar)"), (ws.Cell(4, 32).GetString(), ws.Cell(4, 36).GetString(), ws.Cell(4, 37).GetString()));
        Assert.Equal(("RC-02", false, ""), (ws.Cell(6, 1).GetString(), ws.Cell(6, 1).IsMerged(), ws.Cell(6, 21).GetString()));
    }

    [Fact]
    public async Task Catalog_LoadsEachRevisionOnce_AndRefusesARevisionWhoseContentChanged()
    {
        await using var db = database.CreateContext();
        var catalog = new RiskMethodCatalog(db, clock);
        await catalog.EnsureLoadedAsync();
        var json = JsonNode.Parse(RiskMethodCatalog.Shipped().Single(j => j.Contains("\"dafp-v5\"", StringComparison.Ordinal)))!;
        json["probabilityLevels"]![0]!["maxFrequency"] = 3;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => catalog.LoadAsync([json.ToJsonString()]));

        Assert.StartsWith("El método dafp-v5 revisión 1 cambió sin cambiar de revisión", error.Message, StringComparison.Ordinal);
        Assert.Equal(["dafp-2015", "dafp-v5", "dafp-v6"], await db.RiskMethods.OrderBy(m => m.Code).Select(m => m.Code).ToListAsync());
    }
}

public class SqliteRiskMapServiceTests() : RiskMapServiceTests(DatabaseProvider.Sqlite);

public class PostgresRiskMapServiceTests() : RiskMapServiceTests(DatabaseProvider.Postgres);
