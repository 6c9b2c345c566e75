using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Vigia.Core.Accounts;
using Vigia.Core.Audit;
using Vigia.Core.Files;
using Vigia.Core.Monitoring;
using Vigia.Core.Organisation;
using Vigia.Core.Progress;
using Vigia.Core.RiskMap;
using Vigia.Core.RiskMap.Tracking;
using Vigia.Core.Tests.Files;
using Vigia.Core.Tests.Progress;

namespace Vigia.Core.Tests.RiskMap;

/// <summary>The map through the year on a real database: the process leader's monitoring of each control with
/// evidence, the second line's review, the year's monitoring periods as data, and materializations whose risk must
/// be re-assessed before the next follow-up closes. The world is <see cref="ProgressWorld"/>'s (Monday 4 April
/// 2022): process «Gestión de la Contratación» led by Lina, with risk RC-01 and two controls.</summary>
public abstract class RiskTrackingTests(DatabaseProvider provider) : IAsyncLifetime
{
    private ProgressWorld world = null!;
    private Actor leader = null!;
    private Actor otherProcessLeader = null!;
    private int entity;
    private int unit;
    private int riskId;
    private int control1;
    private int control2;

    public async Task InitializeAsync()
    {
        world = await ProgressWorld.CreateAsync(provider);
        leader = await world.AddPersonAsync("lina@cali.gov.co", "Lina Líder", [Roles.ProcessLeader]);
        otherProcessLeader = await world.AddPersonAsync("fabio@cali.gov.co", "Fabio Finanzas", [Roles.ProcessLeader]);
        await using (var db = world.Raw())
        {
            entity = await db.Entities.Select(e => e.Id).SingleAsync();
            unit = await db.Units.Where(u => u.Name == "Otra oficina").Select(u => u.Id).SingleAsync();
            var contracting = new Process { EntityId = entity, Name = "Gestión de la Contratación", Kind = ProcessKind.Support };
            var finance = new Process { EntityId = entity, Name = "Gestión Financiera", Kind = ProcessKind.Support };
            db.AddRange(contracting, finance);
            db.ProcessLeaders.AddRange(new ProcessLeader { UserId = leader.UserId!, Process = contracting },
                new ProcessLeader { UserId = otherProcessLeader.UserId!, Process = finance });
            await db.SaveChangesAsync();
            await new RiskMethodCatalog(db, world.Clock).EnsureLoadedAsync();
            var maps = new RiskMapService(db, new RiskMapAccess(db), new RiskMethodCatalog(db, world.Clock), new AuditScope(), world.Clock);
            var risk = await maps.SaveRiskAsync(leader, null, RiskMethodTests.Draft() with { ProcessId = contracting.Id, Year = 2022 });
            Assert.True(risk.Succeeded, string.Join(" ", risk.Errors.Values));
            riskId = risk.Value.Id;
            var control = new ControlDraft("El profesional verifica los requisitos habilitantes con la lista de chequeo.", "Profesional especializado",
                "preventivo", "manual", "documentado", "continua", "con-registro");
            control1 = (await maps.SaveControlAsync(leader, riskId, null, control)).Value.Id;
            control2 = (await maps.SaveControlAsync(leader, riskId, null, control with { Type = "detectivo" })).Value.Id;
        }
    }

    public async Task DisposeAsync() => await world.DisposeAsync();

    private ControlMonitoringService Monitoring(IFileStore? files = null)
    {
        var db = world.Db();
        return new ControlMonitoringService(db, new RiskMapAccess(db), new MonitoringPeriods(db, new AuditScope()), files ?? world.FileStore(),
            new AuditScope(), world.Clock);
    }

    private MaterializationService Materializations()
    {
        var db = world.Db();
        return new MaterializationService(db, new RiskMapAccess(db), world.FileStore(), new AuditScope(), world.Clock);
    }

    private static ControlMonitoringDraft Executed(int month = 3, params EvidenceUpload[] files) =>
        new(month, true, "Se aplicó la lista de chequeo a los 12 procesos del mes.", [], files.Length == 0 ? [ProgressWorld.Pdf("lista.pdf")] : files);

    private async Task<int> SubmitAsync(int? control = null, ControlMonitoringDraft? draft = null)
    {
        var result = await Monitoring().SubmitAsync(leader, control ?? control1, draft ?? Executed());
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        return result.Value;
    }

    [Fact]
    public async Task Submit_ByTheProcessLeader_KeepsTheEvidenceHashed_AndWaitsForReview()
    {
        var id = await SubmitAsync();
        var notExecuted = await SubmitAsync(control2, new ControlMonitoringDraft(3, false, "No hubo procesos de contratación en marzo.", [], []));

        await using var db = world.Raw();
        var stored = await db.ControlMonitorings.Include(m => m.Evidence).SingleAsync(m => m.Id == id);
        Assert.Equal((true, ReportStatus.Submitted, "Lina Líder", 3), (stored.Executed, stored.Status, stored.SubmittedByName, stored.Month));
        var evidence = Assert.Single(stored.Evidence);
        Assert.Equal(("lista.pdf", 64), (evidence.FileName, evidence.Sha256!.Length));
        Assert.Single(world.StoredFiles());
        Assert.False((await db.ControlMonitorings.SingleAsync(m => m.Id == notExecuted)).Executed);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(ControlMonitoring)));
    }

    [Fact]
    public async Task Submit_ByAnyoneButTheLeaderOfThatProcess_IsNotFound_AndStoresNothing()
    {
        var other = await Monitoring().SubmitAsync(otherProcessLeader, control1, Executed());
        var responsible = await Monitoring().SubmitAsync(world.Responsible, control1, Executed());
        var internalControl = await Monitoring().SubmitAsync(world.InternalControl, control1, Executed());

        Assert.Equal([ResultStatus.NotFound, ResultStatus.NotFound, ResultStatus.NotFound], [other.Status, responsible.Status, internalControl.Status]);
        await using var db = world.Raw();
        Assert.Empty(await db.ControlMonitorings.ToListAsync());
        Assert.Empty(world.StoredFiles());
    }

    [Fact]
    public async Task Submit_OutsideTheYearsPeriods_OrBeforeThePeriodBegins_IsRefusedInSpanish()
    {
        var january = await Monitoring().SubmitAsync(leader, control1, Executed(month: 1));
        var may = await Monitoring().SubmitAsync(leader, control1, Executed(month: 5));
        Assert.Equal("enero de 2022 no es un periodo de monitoreo del mapa: elija uno de febrero, marzo, abril, mayo, junio, julio, agosto, septiembre, octubre, noviembre y diciembre.",
            january.Errors[TrackingFields.Month]);
        Assert.Equal("Aún no puede monitorear mayo de 2022: el periodo no ha empezado.", may.Errors[TrackingFields.Month]);

        var saved = await new MonitoringPeriods(world.Db(), new AuditScope()).SaveAsync(world.Planning, entity, 2022, "3; 1");
        var refusedByLeader = await new MonitoringPeriods(world.Db(), new AuditScope()).SaveAsync(leader, entity, 2022, "6");
        Assert.Equal([1, 3], saved.Value);
        Assert.Equal(ResultStatus.Forbidden, refusedByLeader.Status);
        Assert.True((await Monitoring().SubmitAsync(leader, control1, Executed(month: 1))).Succeeded);
        Assert.Contains("elija uno de enero y marzo", (await Monitoring().SubmitAsync(leader, control1, Executed(month: 2))).Errors[TrackingFields.Month],
            StringComparison.Ordinal);
        Assert.False(MonitoringPeriods.TryParse("3,13", out _, out var error));
        Assert.Equal("«13» no es un mes: escriba números del 1 al 12 separados por comas, por ejemplo 3,6,9,12.", error);
    }

    [Fact]
    public async Task Submit_ExecutedWithoutEvidence_OrWithARefusedFile_IsInvalid_AndLeavesNoFile()
    {
        var bare = await Monitoring().SubmitAsync(leader, control1, Executed() with { Files = [] });
        var blankNote = await Monitoring().SubmitAsync(leader, control1, new ControlMonitoringDraft(3, false, " ", [], []));
        var exe = await Monitoring().SubmitAsync(leader, control1,
            Executed(3, ProgressWorld.Pdf("bien.pdf"), new EvidenceUpload(new MemoryStream(SampleFiles.WindowsExecutable()), "acta.pdf")));

        Assert.Equal("Adjunte al menos un soporte (archivo o enlace) de la ejecución del control.", bare.Errors[TrackingFields.Files]);
        Assert.Equal("Explique por qué el control no se ejecutó en el periodo.", blankNote.Errors[TrackingFields.Note]);
        Assert.StartsWith("«acta.pdf»: ", exe.Errors[TrackingFields.Files], StringComparison.Ordinal);
        Assert.Empty(world.StoredFiles());
        await using var db = world.Raw();
        Assert.Empty(await db.ControlMonitorings.ToListAsync());
    }

    [Fact]
    public async Task Review_ByComponentOnesLeaderOrPlaneacion_AcceptsOrReturns_AndTheLeaderAnswersAReturn()
    {
        var first = await SubmitAsync();
        var second = await SubmitAsync(control2);

        var byComponent3Leader = await Monitoring().ReviewAsync(world.Leader, first, ReviewDecision.Accept, null);
        var accepted = await Monitoring().ReviewAsync(world.OtherLeader, first, ReviewDecision.Accept, null);
        var again = await Monitoring().ReviewAsync(world.Planning, first, ReviewDecision.Accept, null);
        var bareReturn = await Monitoring().ReviewAsync(world.Planning, second, ReviewDecision.Return, "");
        var returned = await Monitoring().ReviewAsync(world.Planning, second, ReviewDecision.Return, "El acta no está firmada.");
        var secondMonitoring = await Monitoring().SubmitAsync(leader, control2, Executed());
        var answer = await Monitoring().SubmitAsync(leader, control2, Executed() with { AnswersId = second, Note = "Se adjunta el acta firmada." });

        Assert.Equal(ResultStatus.NotFound, byComponent3Leader.Status);
        Assert.True(accepted.Succeeded);
        Assert.Equal("Este monitoreo ya fue revisado por Luis Líder.", again.Errors[""]);
        Assert.Equal("Para devolver el monitoreo, escriba qué debe corregir el líder del proceso.", bareReturn.Errors[TrackingFields.Comment]);
        Assert.True(returned.Succeeded);
        Assert.Equal(ResultStatus.Conflict, secondMonitoring.Status);
        Assert.True(answer.Succeeded, string.Join(" ", answer.Errors.Values));
        await using var db = world.Raw();
        var rows = await db.ControlMonitorings.OrderBy(m => m.Id).Select(m => new { m.Status, m.CorrectsId, m.ReviewComment }).ToListAsync();
        Assert.Equal([ReportStatus.Accepted, ReportStatus.Superseded, ReportStatus.Submitted], rows.Select(r => r.Status));
        Assert.Equal(("El acta no está firmada.", (int?)second), (rows[1].ReviewComment, rows[2].CorrectsId));
    }

    [Fact]
    public async Task Review_OfOnesOwnMonitoring_IsForbidden_AndTheProcessLeaderCannotReview()
    {
        var byPlanning = await Monitoring().SubmitAsync(world.Planning, control1, Executed());
        var mine = await SubmitAsync(control2);

        var self = await Monitoring().ReviewAsync(world.Planning, byPlanning.Value, ReviewDecision.Accept, null);
        var leaderReview = await Monitoring().ReviewAsync(leader, mine, ReviewDecision.Accept, null);

        Assert.Equal("No puede revisar un monitoreo que usted mismo registró.", self.Errors[""]);
        Assert.Equal(ResultStatus.Forbidden, leaderReview.Status);
    }

    private ControlMonitoringService AuditedMonitoring(AuditScope audit)
    {
        var db = world.Db(audit);
        return new ControlMonitoringService(db, new RiskMapAccess(db), new MonitoringPeriods(db, audit), world.FileStore(), audit, world.Clock);
    }

    [Fact]
    public async Task EditAndWithdraw_BeforeReview_OnlyByTheLeaderOfThatProcess_WithAnAuditedReason_AndRefusedAfterReview()
    {
        var first = await SubmitAsync();
        var notExecuted = await SubmitAsync(control2, new ControlMonitoringDraft(3, false, "No hubo procesos de contratación en marzo.", [], []));
        const string Note = "No se aplicó la lista: no hubo comité en marzo.";

        var noReason = await Monitoring().EditAsync(leader, first, false, Note, "corto");
        var byOtherLeader = await Monitoring().EditAsync(otherProcessLeader, first, false, Note, "La nota decía lo contrario.");
        var byPlanning = await Monitoring().WithdrawAsync(world.Planning, first, "La nota decía lo contrario.");
        var executedWithoutEvidence = await Monitoring().EditAsync(leader, notExecuted, true, "Se aplicó la lista.", "Sí hubo un proceso en marzo.");
        var audit = new AuditScope();
        var edited = await AuditedMonitoring(audit).EditAsync(leader, first, false, Note, "La nota decía lo contrario de lo ocurrido.");

        Assert.Equal("Explique el motivo del cambio (al menos 10 caracteres).", noReason.Errors[TrackingFields.Reason]);
        Assert.Equal(ResultStatus.NotFound, byOtherLeader.Status);
        Assert.Equal(("Solo el líder del proceso puede retirar el monitoreo de sus controles.", ResultStatus.Forbidden), (byPlanning.Errors[""], byPlanning.Status));
        Assert.StartsWith("Este monitoreo no tiene soportes", executedWithoutEvidence.Errors[TrackingFields.Executed], StringComparison.Ordinal);
        Assert.True(edited.Succeeded, string.Join(" ", edited.Errors.Values));
        await using (var db = world.Raw())
        {
            var row = await db.ControlMonitorings.Include(m => m.Evidence).SingleAsync(m => m.Id == first);
            Assert.Equal((false, Note, ReportStatus.Submitted, 1), (row.Executed, row.Note, row.Status, row.Evidence.Count));
            Assert.Contains(await db.AuditEntries.Where(e => e.EntityType == nameof(ControlMonitoring)).Select(e => e.Reason).ToListAsync(),
                r => r == "La nota decía lo contrario de lo ocurrido.");
        }

        // A withdrawn answer to a returned monitoring leaves the returned one live again, to be answered anew.
        Assert.True((await Monitoring().ReviewAsync(world.Planning, notExecuted, ReviewDecision.Return, "Falta el acta del comité.")).Succeeded);
        var answer = await Monitoring().SubmitAsync(leader, control2, Executed() with { AnswersId = notExecuted });
        var withdrawn = await AuditedMonitoring(audit).WithdrawAsync(leader, answer.Value, "Se adjuntó el acta de otro mes por error.");
        Assert.True(withdrawn.Succeeded, string.Join(" ", withdrawn.Errors.Values));
        await using (var db = world.Raw())
        {
            Assert.False(await db.ControlMonitorings.AnyAsync(m => m.Id == answer.Value));
            Assert.False(await db.RiskEvidence.AnyAsync(e => e.MonitoringId == answer.Value));
            Assert.Equal(ReportStatus.Returned, await db.ControlMonitorings.Where(m => m.Id == notExecuted).Select(m => m.Status).SingleAsync());
            Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(ControlMonitoring) && e.Action == AuditAction.Deleted
                && e.Reason == "Se adjuntó el acta de otro mes por error."));
        }
        Assert.True((await Monitoring().SubmitAsync(leader, control2, Executed() with { AnswersId = notExecuted })).Succeeded);

        Assert.True((await Monitoring().ReviewAsync(world.Planning, first, ReviewDecision.Accept, null)).Succeeded);
        var editReviewed = await Monitoring().EditAsync(leader, first, true, "Otra nota cualquiera.", "Cambio después de la revisión.");
        var withdrawReviewed = await Monitoring().WithdrawAsync(leader, first, "Cambio después de la revisión.");
        Assert.Equal(ResultStatus.Conflict, editReviewed.Status);
        Assert.Equal("No puede retirar este monitoreo: Pilar Planeación ya lo revisó. Si hay que cambiarlo, pida que se lo devuelvan y responda con uno nuevo.",
            withdrawReviewed.Errors[""]);
    }

    [Fact]
    public async Task Sweep_KeepsTheFilesOfMonitorings()
    {
        await SubmitAsync();
        var kept = Assert.Single(world.StoredFiles());
        File.SetLastWriteTimeUtc(kept, (world.Clock.GetUtcNow() - TimeSpan.FromDays(400)).UtcDateTime);

        var swept = await new EvidenceSweep(world.Db(), world.FileStore(), Options.Create(new UploadOptions { Root = world.UploadRoot }), world.Clock,
            NullLogger<EvidenceSweep>.Instance).RunAsync();

        Assert.Equal(0, swept);
        Assert.True(File.Exists(kept));
    }

    private static MaterializationDraft Materialized(DateOnly? on = null) => new(on ?? new DateOnly(2022, 3, 10),
        "Un funcionario pidió dinero a un proponente para favorecerlo en la evaluación.", Authorities.Procuraduria | Authorities.Fiscalia,
        new DateOnly(2022, 3, 15), ["https://www.procuraduria.gov.co/radicado/123"], [ProgressWorld.Pdf("denuncia.pdf")]);

    [Fact]
    public async Task Materialization_NeedsDateAuthorityAndEvidence_AndOnlyTheProcessLeaderRecordsIt()
    {
        var empty = await Materializations().RecordAsync(leader, riskId, new MaterializationDraft(null, "", Authorities.None, null, [], []));
        var future = await Materializations().RecordAsync(leader, riskId, Materialized(new DateOnly(2022, 4, 5)));
        var other = await Materializations().RecordAsync(otherProcessLeader, riskId, Materialized());

        Assert.Equal(["Description", "Files", "InformedTo", "OccurredOn", "ReportedOn"], empty.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Elija al menos una autoridad informada: Procuraduría, Contraloría o Fiscalía.", empty.Errors[MaterializationFields.InformedTo]);
        Assert.Equal("La fecha de la materialización no puede ser posterior a hoy.", future.Errors[MaterializationFields.OccurredOn]);
        Assert.Equal(ResultStatus.NotFound, other.Status);
        Assert.Empty(world.StoredFiles());

        var saved = await Materializations().RecordAsync(leader, riskId, Materialized());
        var action = await Materializations().AddActionAsync(leader, saved.Value,
            new ImprovementActionDraft("Rotar el comité evaluador", unit, new DateOnly(2022, 4, 1), new DateOnly(2022, 6, 30), "Resolución de rotación"));
        var backwards = await Materializations().AddActionAsync(leader, saved.Value,
            new ImprovementActionDraft("Capacitar", unit, new DateOnly(2022, 6, 1), new DateOnly(2022, 4, 30), "Listas"));

        Assert.True(action.Succeeded);
        Assert.Equal("La fecha de fin no puede ser anterior a la de inicio.", backwards.Errors[MaterializationFields.ActionDates]);
        await using var db = world.Raw();
        var stored = await db.RiskMaterializations.Include(m => m.Evidence).Include(m => m.Actions).SingleAsync();
        Assert.Equal((Authorities.Procuraduria | Authorities.Fiscalia, 2, 1), (stored.InformedTo, stored.Evidence.Count, stored.Actions.Count));
    }

    [Fact]
    public async Task Materialization_BlocksTheNextCutOff_UntilTheRiskIsReassessed()
    {
        var id = (await Materializations().RecordAsync(leader, riskId, Materialized())).Value;
        await using (var db = world.Raw())
        {
            Assert.Empty(await MaterializationService.PendingReassessmentsAsync(db, entity, 2022, new DateOnly(2022, 3, 9)));
            var pending = await MaterializationService.PendingReassessmentsAsync(db, entity, 2022, new DateOnly(2022, 4, 30));
            Assert.Equal("No puede cerrar el seguimiento: el riesgo RC-01 del proceso Gestión de la Contratación, materializado el 10 de marzo de 2022, "
                + "no ha sido revalorado después de la materialización. El líder del proceso debe revalorar el riesgo y sus controles.",
                MaterializationService.PendingMessage(pending));
        }

        var tooShort = await Materializations().ReassessAsync(leader, id, "Igual.");
        var done = await Materializations().ReassessAsync(leader, id, "Se añadió la rotación del comité como control preventivo; la zona residual queda moderada.");
        var twice = await Materializations().ReassessAsync(leader, id, "Se añadió la rotación del comité como control preventivo.");

        Assert.Equal("Explique la revaloración en al menos 20 caracteres.", tooShort.Errors[MaterializationFields.ReassessmentNote]);
        Assert.True(done.Succeeded);
        Assert.Equal(ResultStatus.Conflict, twice.Status);
        await using var after = world.Raw();
        Assert.Empty(await MaterializationService.PendingReassessmentsAsync(after, entity, 2022, new DateOnly(2022, 4, 30)));
        var stored = await after.RiskMaterializations.SingleAsync();
        Assert.Equal((2, "Lina Líder"), (stored.ReassessedControls, stored.ReassessedByName));
    }

    private (MaterializationService Service, AppDbContext Db) AuditedMaterializations()
    {
        var scope = new AuditScope();
        var db = world.Db(scope);
        return (new MaterializationService(db, new RiskMapAccess(db), world.FileStore(), scope, world.Clock), db);
    }

    [Fact]
    public async Task Correct_ChangesTheFacts_WithAReasonTheAuditKeeps_AndOnlyWhoMayRecordItCorrectsIt()
    {
        var id = (await Materializations().RecordAsync(leader, riskId, Materialized())).Value;
        var fix = new MaterializationCorrection(new DateOnly(2022, 3, 8), "Un funcionario pidió dinero a un proponente; la fecha era el 8 de marzo.",
            Authorities.Procuraduria, new DateOnly(2022, 3, 15));

        var noReason = await Materializations().CorrectAsync(leader, id, fix, "  ");
        var badDate = await Materializations().CorrectAsync(leader, id, fix with { ReportedOn = new DateOnly(2022, 3, 1) }, "La fecha estaba mal escrita.");
        var other = await Materializations().CorrectAsync(otherProcessLeader, id, fix, "La fecha estaba mal escrita.");
        var (service, audited) = AuditedMaterializations();
        await using var _ = audited;
        var done = await service.CorrectAsync(leader, id, fix, "La fecha estaba mal escrita en el acta.");

        Assert.Equal("Explique el motivo (al menos 10 caracteres): queda en el historial y, si la retira, se publica con ella.",
            noReason.Errors[MaterializationFields.Reason]);
        Assert.Equal("La fecha del informe no puede ser anterior a la de la materialización.", badDate.Errors[MaterializationFields.ReportedOn]);
        Assert.Equal(ResultStatus.NotFound, other.Status);
        Assert.True(done.Succeeded, string.Join(" ", done.Errors.Values));
        await using var db = world.Raw();
        var stored = await db.RiskMaterializations.Include(m => m.Evidence).SingleAsync();
        Assert.Equal((new DateOnly(2022, 3, 8), Authorities.Procuraduria, "La fecha estaba mal escrita en el acta.", 2),
            (stored.OccurredOn, stored.InformedTo, stored.CorrectionReason, stored.Evidence.Count));
        Assert.NotNull(stored.CorrectedAt);
        var entry = await db.AuditEntries.Where(e => e.EntityType == nameof(RiskMaterialization) && e.Action == AuditAction.Updated).SingleAsync();
        Assert.Equal(("La fecha estaba mal escrita en el acta.", "Lina Líder"), (entry.Reason, entry.ActorName));
    }

    [Fact]
    public async Task Withdraw_KeepsTheMaterializationAsWithdrawnWithItsReason_AndItNoLongerHoldsTheFollowUpBack()
    {
        var id = (await Materializations().RecordAsync(leader, riskId, Materialized())).Value;
        var other = await Materializations().WithdrawAsync(otherProcessLeader, id, "Se registró en el riesgo equivocado.");
        var tooShort = await Materializations().WithdrawAsync(leader, id, "Error.");
        var (service, audited) = AuditedMaterializations();
        await using var _ = audited;

        var done = await service.WithdrawAsync(leader, id, "Se registró en el riesgo equivocado: era del proceso financiero.");
        var twice = await Materializations().WithdrawAsync(leader, id, "Se registró en el riesgo equivocado.");
        var correct = await Materializations().CorrectAsync(leader, id,
            new MaterializationCorrection(new DateOnly(2022, 3, 8), "Otra descripción del hecho.", Authorities.Fiscalia, new DateOnly(2022, 3, 15)), "Cambio después de retirarla.");
        var reassess = await Materializations().ReassessAsync(leader, id, "Se revisaron los controles y la zona residual queda igual.");

        Assert.Equal(ResultStatus.NotFound, other.Status);
        Assert.Equal(ResultStatus.Invalid, tooShort.Status);
        Assert.True(done.Succeeded);
        Assert.Equal((ResultStatus.Conflict, ResultStatus.Conflict, ResultStatus.Conflict), (twice.Status, correct.Status, reassess.Status));
        await using var db = world.Raw();
        var stored = await db.RiskMaterializations.SingleAsync();
        Assert.Equal(("Se registró en el riesgo equivocado: era del proceso financiero.", "Lina Líder"), (stored.WithdrawalReason, stored.WithdrawnByName));
        Assert.NotNull(stored.WithdrawnAt);
        Assert.Empty(await MaterializationService.PendingReassessmentsAsync(db, entity, 2022, new DateOnly(2022, 4, 30)));
        Assert.Contains(await db.AuditEntries.Where(e => e.EntityType == nameof(RiskMaterialization)).Select(e => e.Reason).ToListAsync(),
            r => r == "Se registró en el riesgo equivocado: era del proceso financiero.");
    }
}

public sealed class SqliteRiskTrackingTests() : RiskTrackingTests(DatabaseProvider.Sqlite);

public sealed class PostgresRiskTrackingTests() : RiskTrackingTests(DatabaseProvider.Postgres);
