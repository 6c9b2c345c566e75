using System.Globalization;
using ClosedXML.Excel;
using Microsoft.Extensions.Options;
using Vigia.Core.Audit;
using Vigia.Core.Files;
using Vigia.Core.FollowUps;
using Vigia.Core.Organisation;
using Vigia.Core.Progress;
using Vigia.Core.RiskMap;
using Vigia.Core.RiskMap.Tracking;

namespace Vigia.Core.Tests.FollowUps;

/// <summary>Control Interno's risk-map follow-up at the 30 April 2026 cut-off of <see cref="FollowUpFixture"/>: risk
/// RC-01 with two controls monitored in February, March and May (May is after the cut-off), a materialization on
/// 10 March; each risk must be assessed and the materialized risk re-assessed before the follow-up closes, and the
/// frozen snapshot, the XLSX and the PDF carry the section.</summary>
public abstract class RiskMapFollowUpTests(DatabaseProvider provider) : FollowUpDatabaseTests(provider)
{
    private int riskId;
    private int materializationId;

    private async Task ArrangeMapAsync()
    {
        var db = Db();
        var entity = await db.Entities.Select(e => e.Id).SingleAsync();
        var process = new Process { EntityId = entity, Name = "Gestión de la Contratación", Kind = ProcessKind.Support };
        db.Processes.Add(process);
        await db.SaveChangesAsync();
        await new RiskMethodCatalog(db, Clock).EnsureLoadedAsync();
        var maps = new RiskMapService(db, new RiskMapAccess(db), new RiskMethodCatalog(db, Clock), new AuditScope(), Clock);
        var risk = await maps.SaveRiskAsync(FollowUpFixture.Planning, null, Tests.RiskMap.RiskMethodTests.Draft() with { ProcessId = process.Id, Year = 2026 });
        Assert.True(risk.Succeeded, string.Join(" ", risk.Errors.Values));
        riskId = risk.Value.Id;
        var control = new ControlDraft("El profesional verifica los requisitos con la lista de chequeo.", "Profesional especializado",
            "preventivo", "manual", "documentado", "continua", "con-registro");
        var c1 = (await maps.SaveControlAsync(FollowUpFixture.Planning, riskId, null, control)).Value.Id;
        var c2 = (await maps.SaveControlAsync(FollowUpFixture.Planning, riskId, null, control with { Type = "detectivo" })).Value.Id;
        db.ControlMonitorings.AddRange(
            Monitoring(c1, 2, true, ReportStatus.Accepted, "lista-febrero.pdf"),
            Monitoring(c1, 3, true, ReportStatus.Submitted, "lista-marzo.pdf"),
            Monitoring(c1, 5, true, ReportStatus.Submitted, "lista-mayo.pdf"),
            Monitoring(c2, 3, false, ReportStatus.Returned, null));
        var materialization = new RiskMaterialization
        {
            RiskId = riskId,
            OccurredOn = new DateOnly(2026, 3, 10),
            Description = "Un funcionario pidió dinero a un proponente.",
            InformedTo = Authorities.Procuraduria | Authorities.Fiscalia,
            ReportedOn = new DateOnly(2026, 3, 12),
            RecordedAt = TestTime.Written,
            RecordedByName = "Lina Líder",
        };
        db.RiskMaterializations.Add(materialization);
        await db.SaveChangesAsync();
        materializationId = materialization.Id;
    }

    private LocalFileStore Files() =>
        new(Options.Create(new UploadOptions { Root = Path.Combine(Path.GetTempPath(), "vigia-tests", Guid.NewGuid().ToString("N")) }), Clock);

    private static ControlMonitoring Monitoring(int control, int month, bool executed, ReportStatus status, string? file)
    {
        var m = new ControlMonitoring
        {
            ControlId = control,
            Month = month,
            Executed = executed,
            Note = executed ? "Se aplicó la lista de chequeo." : "No se aplicó: no hubo comité.",
            Status = status,
            SubmittedAt = TestTime.Written,
            SubmittedByName = "Lina Líder",
        };
        if (file is not null)
        {
            m.Evidence.Add(new RiskEvidence { Kind = EvidenceKind.File, FileName = file, Sha256 = new string('b', 64), StorageKey = "2026/03/x", AddedAt = TestTime.Written });
        }
        return m;
    }

    [Fact]
    public async Task Close_WaitsForEveryRisksAssessment_AndForTheMaterializedRisksReassessment_ThenFreezesTheSection()
    {
        await ArrangeMapAsync();
        await FollowUpFixture.AssessAllAsync(Service(), Seeded, FollowUpFixture.April);

        var unassessed = await Lifecycle().CloseAsync(FollowUpFixture.InternalControl, Seeded.PlanId, FollowUpFixture.April);
        var noReason = await Service().AssessRiskAsync(FollowUpFixture.InternalControl, Seeded.PlanId, FollowUpFixture.April, riskId, false, " ");
        var byPlanning = await Service().AssessRiskAsync(FollowUpFixture.Planning, Seeded.PlanId, FollowUpFixture.April, riskId, true, null);
        var assessed = await Service().AssessRiskAsync(FollowUpFixture.InternalControl, Seeded.PlanId, FollowUpFixture.April, riskId, false,
            "El control 2 no se ejecutó en marzo y el riesgo se materializó.");
        var notReassessed = await Lifecycle().CloseAsync(FollowUpFixture.InternalControl, Seeded.PlanId, FollowUpFixture.April);

        Assert.Equal("Falta valorar 1 riesgo del mapa de riesgos: cada riesgo debe tener la valoración de Control Interno para cerrar.", unassessed.Errors[""]);
        Assert.Equal("Explique por qué los controles del riesgo no son efectivos.", noReason.Errors[RiskAssessmentFields.Observations]);
        Assert.Equal(ResultStatus.Forbidden, byPlanning.Status);
        Assert.True(assessed.Succeeded);
        Assert.Equal("No puede cerrar el seguimiento: el riesgo RC-01 del proceso Gestión de la Contratación, materializado el 10 de marzo de 2026, "
            + "no ha sido revalorado después de la materialización. El líder del proceso debe revalorar el riesgo y sus controles.", notReassessed.Errors[""]);

        var reassess = await new MaterializationService(Db(), new RiskMapAccess(Db()), Files(), new AuditScope(), Clock)
            .ReassessAsync(FollowUpFixture.Planning, materializationId, "Se añade la rotación del comité como control preventivo.");
        Assert.True(reassess.Succeeded);
        var closed = await Lifecycle().CloseAsync(FollowUpFixture.InternalControl, Seeded.PlanId, FollowUpFixture.April);
        Assert.True(closed.Succeeded, string.Join("; ", closed.Errors.Values));

        var document = (await Documents().ForCutOffAsync(Seeded.PlanId, FollowUpFixture.April))!;
        Assert.True(document.IntegrityOk);
        var map = document.Snapshot.RiskMap;
        Assert.Equal(("incluido", 1, 4), (map.Status, map.PeriodFromMonth, map.PeriodToMonth));
        var risk = Assert.Single(map.Items);
        Assert.Equal(("RC-01", "Gestión de la Contratación"), (risk.Code, risk.Process));
        Assert.Equal([2, 3], risk.Controls[0].Monitoring.Select(m => m.Month));
        Assert.Equal(["Returned"], risk.Controls[1].Monitoring.Select(m => m.Status));
        Assert.Equal(["Procuraduría", "Fiscalía"], Assert.Single(risk.Materializations).InformedTo);
        Assert.Equal((false, "El control 2 no se ejecutó en marzo y el riesgo se materializó."), (risk.Assessment!.Effective, risk.Assessment.Observations));
        Assert.Equal(new SnapshotRiskSummary(1, 2, 3, 2, 1, 1, 0), map.Summary);
        Assert.Equal("Periodo de monitoreo: enero a abril de 2026. 1 riesgo con 2 controles; 3 monitoreos de controles en el periodo (2 ejecutados, 1 no ejecutados); "
            + "1 materialización hasta el corte. Control Interno valoró 1 de 1 riesgos: 0 con controles efectivos y 1 con controles no efectivos.",
            FollowUpRiskText.Intro(document.Snapshot));
        Assert.Contains("Control 2 (Profesional especializado): marzo no ejecutado (0 soportes, devuelto)", FollowUpRiskText.Controls(risk), StringComparison.Ordinal);

        using var xlsx = new MemoryStream();
        FollowUpXlsx.Write(document, xlsx);
        xlsx.Position = 0;
        using var workbook = new XLWorkbook(xlsx);
        var sheet = workbook.Worksheet(FollowUpXlsx.RiskSheet);
        Assert.Equal(FollowUpRiskText.Intro(document.Snapshot), sheet.Cell(3, 1).GetString());
        Assert.Equal(("RC-01", "Controles no efectivos"), (sheet.Cell(6, 1).GetString(), sheet.Cell(6, 6).GetString()));
        using var pdf = new MemoryStream();
        FollowUpPdf.Write(document, pdf);
        Assert.True(pdf.Length > 1000);

        await using var later = Db();
        await later.ControlMonitorings.ExecuteUpdateAsync(m => m.SetProperty(x => x.Note, "Cambiado después del cierre"));
        var again = (await Documents().ForCutOffAsync(Seeded.PlanId, FollowUpFixture.April))!;
        Assert.True(again.IntegrityOk);
        Assert.Equal("Se aplicó la lista de chequeo.", again.Snapshot.RiskMap.Items[0].Controls[0].Monitoring[0].Note);
    }

    private RiskMapCutOffs CutOffs(AppDbContext db) => new(db, new FollowUpCalendar(db, Clock), new AuditScope());

    [Fact]
    public async Task RiskMapCutOffs_OpenAFollowUpOfTheMapAlone_FrozenWithItsOwnPeriod_AndPlanCutOffsOutsideThemLeaveTheMapOut()
    {
        await ArrangeMapAsync();
        var march = new DateOnly(2026, 3, 31);
        var db = Db();

        var byPlanning = await CutOffs(db).SaveAsync(FollowUpFixture.Planning, Seeded.PlanId, "03-31:10h; 06-30:10h; 09-30:10h; 12-31:10h");
        var bad = await CutOffs(db).SaveAsync(FollowUpFixture.InternalControl, Seeded.PlanId, "31-03:10h");
        var saved = await CutOffs(db).SaveAsync(FollowUpFixture.InternalControl, Seeded.PlanId, "03-31:10h; 06-30:10h; 09-30:10h; 12-31:10h");

        Assert.Equal(ResultStatus.Forbidden, byPlanning.Status);
        Assert.Equal("Corte no válido: «31-03:10h». Escriba mes-día:plazo, por ejemplo 04-30:10h.", bad.Errors["CutOffs"]);
        Assert.True(saved.Succeeded);
        var all = await new FollowUpCalendar(Db(), Clock).FollowUpCutOffsAsync(Seeded.PlanId);
        Assert.Equal(
            [("03-31", FollowUpScope.RiskMap, 1, true), ("04-30", FollowUpScope.Plan, 1, false), ("06-30", FollowUpScope.RiskMap, 2, true),
                ("08-31", FollowUpScope.Plan, 2, false), ("09-30", FollowUpScope.RiskMap, 3, true), ("12-31", FollowUpScope.Plan, 3, true)],
            all.Select(c => (c.CutOffDate.ToString("MM-dd", CultureInfo.InvariantCulture), c.Scope, c.Number, c.IncludesRiskMap)));

        var action = Seeded.Actions["A1"];
        var actionAtMarch = await Service().AssessAsync(FollowUpFixture.InternalControl, Seeded.PlanId, march, action,
            new AssessmentInput(AssessmentStatus.Completed, 100, null, null));
        var riskAtApril = await Service().AssessRiskAsync(FollowUpFixture.InternalControl, Seeded.PlanId, FollowUpFixture.April, riskId, true, null);
        Assert.Equal("Este corte es solo del mapa de riesgos: no valora acciones ni componentes del plan.", actionAtMarch.Errors[""]);
        Assert.Equal("Este corte no es uno de los cortes de seguimiento del mapa de riesgos: valore los riesgos en los cortes del mapa.", riskAtApril.Errors[""]);

        Assert.True((await Service().AssessRiskAsync(FollowUpFixture.InternalControl, Seeded.PlanId, march, riskId, true, null)).Succeeded);
        var notReassessed = await Lifecycle().CloseAsync(FollowUpFixture.InternalControl, Seeded.PlanId, march);
        Assert.StartsWith("No puede cerrar el seguimiento: el riesgo RC-01", notReassessed.Errors[""], StringComparison.Ordinal);
        await new MaterializationService(Db(), new RiskMapAccess(Db()), Files(), new AuditScope(), Clock)
            .ReassessAsync(FollowUpFixture.Planning, materializationId, "Se añade la rotación del comité como control preventivo.");
        var closed = await Lifecycle().CloseAsync(FollowUpFixture.InternalControl, Seeded.PlanId, march);
        Assert.True(closed.Succeeded, string.Join("; ", closed.Errors.Values));
        Assert.Equal((FollowUpScope.RiskMap, 1), (closed.Value.Scope, closed.Value.CutOffNumber));
        Assert.True((await Lifecycle().PublishAsync(FollowUpFixture.InternalControl, Seeded.PlanId, march)).Succeeded);

        var document = (await Documents().ForCutOffAsync(Seeded.PlanId, march))!;
        Assert.True(document.IntegrityOk);
        var s = document.Snapshot;
        Assert.Equal(("mapaRiesgos", 0, 0), (s.CutOff.Scope, s.Components.Count, s.Totals.Actions));
        Assert.Contains("\"scope\":\"mapaRiesgos\"", await Db().Set<FollowUp>().Where(f => f.Id == closed.Value.Id).Select(f => f.SnapshotJson).SingleAsync(), StringComparison.Ordinal);
        Assert.Equal(("incluido", 1, 3), (s.RiskMap.Status, s.RiskMap.PeriodFromMonth, s.RiskMap.PeriodToMonth));
        Assert.Equal([2, 3], Assert.Single(s.RiskMap.Items).Controls[0].Monitoring.Select(m => m.Month));
        Assert.Equal("Primer seguimiento al mapa de riesgos", FollowUpText.Ordinal(s.CutOff));
        using (var xlsx = new MemoryStream())
        {
            FollowUpXlsx.Write(document, xlsx);
            xlsx.Position = 0;
            using var workbook = new XLWorkbook(xlsx);
            Assert.Equal([FollowUpXlsx.SummarySheet, FollowUpXlsx.RiskSheet], workbook.Worksheets.Select(w => w.Name));
            Assert.Equal(FollowUpText.RiskMapTitle, workbook.Worksheet(FollowUpXlsx.SummarySheet).Cell(1, 1).GetString());
            Assert.Equal("RC-01", workbook.Worksheet(FollowUpXlsx.RiskSheet).Cell(6, 1).GetString());
        }
        using (var pdf = new MemoryStream())
        {
            FollowUpPdf.Write(document, pdf);
            Assert.Contains(FollowUpText.RiskMapTitle, FollowUpPdf.Title(document), StringComparison.Ordinal);
            Assert.True(pdf.Length > 1000);
        }

        // The plan's 30 April follow-up no longer judges the map: it closes without risk assessments, and says why.
        await FollowUpFixture.AssessAllAsync(Service(), Seeded, FollowUpFixture.April);
        Assert.True((await Lifecycle().CloseAsync(FollowUpFixture.InternalControl, Seeded.PlanId, FollowUpFixture.April)).Succeeded);
        var april = (await Documents().ForCutOffAsync(Seeded.PlanId, FollowUpFixture.April))!.Snapshot;
        Assert.Equal((SnapshotRiskMap.OtherCutOffs, 0, (string?)null), (april.RiskMap.Status, april.RiskMap.Items.Count, april.CutOff.Scope));
        Assert.StartsWith("Este corte no es uno de los cortes de seguimiento del mapa de riesgos", FollowUpRiskText.Intro(april), StringComparison.Ordinal);
        var june = (await Documents().ForCutOffAsync(Seeded.PlanId, new DateOnly(2026, 6, 30)))!.Snapshot;
        Assert.Equal((4, 6), (june.RiskMap.PeriodFromMonth, june.RiskMap.PeriodToMonth));

        var moved = await CutOffs(Db()).SaveAsync(FollowUpFixture.InternalControl, Seeded.PlanId, "06-30:10h; 09-30:10h; 12-31:10h");
        Assert.Equal("Ya hay un seguimiento iniciado con corte del 31 de marzo de 2026: ese corte no puede agregarse ni quitarse de los cortes del mapa de riesgos.",
            moved.Errors["CutOffs"]);
    }

    [Fact]
    public async Task Correction_StartsFromThePreviousRiskAssessments()
    {
        await ArrangeMapAsync();
        await FollowUpFixture.AssessAllAsync(Service(), Seeded, FollowUpFixture.April);
        await Service().AssessRiskAsync(FollowUpFixture.InternalControl, Seeded.PlanId, FollowUpFixture.April, riskId, true, null);
        await new MaterializationService(Db(), new RiskMapAccess(Db()), Files(), new AuditScope(), Clock)
            .ReassessAsync(FollowUpFixture.Planning, materializationId, "Se añade la rotación del comité como control preventivo.");
        Assert.True((await Lifecycle().CloseAsync(FollowUpFixture.InternalControl, Seeded.PlanId, FollowUpFixture.April)).Succeeded);

        var corrected = await Lifecycle().CorrectAsync(FollowUpFixture.InternalControl, Seeded.PlanId, FollowUpFixture.April, "Se corrige la valoración de una acción.");

        Assert.True(corrected.Succeeded);
        var draft = (await Documents().ForCutOffAsync(Seeded.PlanId, FollowUpFixture.April))!;
        Assert.True(Assert.Single(draft.Snapshot.RiskMap.Items).Assessment!.Effective);
    }
}

public sealed class SqliteRiskMapFollowUpTests() : RiskMapFollowUpTests(DatabaseProvider.Sqlite);

public sealed class PostgresRiskMapFollowUpTests() : RiskMapFollowUpTests(DatabaseProvider.Postgres);
