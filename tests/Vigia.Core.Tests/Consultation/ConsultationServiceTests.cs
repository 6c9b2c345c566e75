using System.Text;
using ClosedXML.Excel;
using Microsoft.Extensions.Time.Testing;
using UglyToad.PdfPig;
using Vigia.Core.Accounts;
using Vigia.Core.Audit;
using Vigia.Core.Consultation;
using Vigia.Core.OpenData;
using Vigia.Core.Plans;
using Vigia.Core.Tests.Plans;

namespace Vigia.Core.Tests.Consultation;

/// <summary>A citizen consultation on the seed plan imported as a draft, from opening to the published report: comments
/// on the plan, a component and actions, answers, a duplicate group, a hidden comment, the refusals on the way, and
/// the report's files with a citizen's markup and formula kept as plain text.</summary>
public abstract class ConsultationServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly Actor Planner = new("planeacion-1", "Ana Planeación", new HashSet<string> { Roles.Planning });
    private static readonly Actor Controller = new("oci-1", "Óscar Control", new HashSet<string> { Roles.InternalControl });
    private const string Formula = "=HYPERLINK(\"http://malo.example\",\"clic\")";
    private const string Markup = "<script>alert('x')</script> <b>negrita</b>";

    // Monday 10 January 2022, 9:00 in Colombia.
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2022, 1, 10, 9, 0, 0, TestTime.ColombiaOffset).ToUniversalTime());
    private TestDatabase database = null!;
    private readonly List<AppDbContext> contexts = [];

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.CreateMigratedContextAsync();
        using var reader = File.OpenText(Path.Combine(AppContext.BaseDirectory, "data", "paac-cali-2022.txt"));
        var outcome = await new PlanImportService(db, clock).ImportAsync(Vigia.Core.Plans.Importing.PlanDocumentReader.ReadText(reader),
            new PlanImportOptions(), "prueba");
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

    private (ConsultationService Consultations, PlanLifecycleService Lifecycle, AppDbContext Db) Services()
    {
        var scope = new AuditScope();
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, database.Provider, database.ConnectionString, new AuditInterceptor(scope, clock));
        var db = new AppDbContext(options.Options);
        contexts.Add(db);
        return (new ConsultationService(db, scope, clock), new PlanLifecycleService(db, scope, clock), db);
    }

    private async Task<(int PlanId, int ActionId, int OtherActionId)> PlanAsync()
    {
        await using var db = database.CreateContext();
        var planId = await db.Plans.Select(p => p.Id).SingleAsync();
        var action = await db.Actions.Where(a => a.Activity!.Code == "1.3.4").OrderBy(a => a.Order).Select(a => a.Id).FirstAsync();
        var other = await db.Actions.Where(a => a.Activity!.Code == "3.1.1").OrderBy(a => a.Order).Select(a => a.Id).FirstAsync();
        return (planId, action, other);
    }

    private static CommentDraft Comment(string text, CommentTarget target = CommentTarget.Plan, int? component = null, int? action = null,
        string? name = null, bool publish = false, string? email = null) =>
        new(target, component, action, text, name, null, email, publish);

    private async Task<int> CommentIdAsync(int number)
    {
        await using var db = database.CreateContext();
        return await db.ConsultationComments.Where(c => c.Number == number).Select(c => c.Id).SingleAsync();
    }

    [Fact]
    public async Task FromOpeningToPublishedReport_EveryCommentAnswered_AndTheFilesKeepACitizensTextAsText()
    {
        var (planId, actionId, otherActionId) = await PlanAsync();
        var (consultations, lifecycle, _) = Services();

        var opened = await consultations.OpenAsync(planId, new DateOnly(2022, 1, 10), new DateOnly(2022, 1, 20), Planner);
        Assert.True(opened.Succeeded, string.Join(" ", opened.Errors.Values));
        await using (var db = database.CreateContext())
        {
            Assert.Equal(VersionStatus.InConsultation, await db.PlanVersions.Where(v => v.PlanId == planId).Select(v => v.Status).SingleAsync());
            Assert.Equal("En consulta", (await PlanHeader.LoadAsync(db, planId, default)).StatusName);
        }
        var publishing = await Services().Lifecycle.PublishAsync(planId, new PublicationApproval("Alcalde", new DateOnly(2022, 1, 10)), Planner);
        Assert.Equal(ResultStatus.Conflict, publishing.Status);
        Assert.Contains("está en consulta ciudadana", publishing.Errors[""], StringComparison.Ordinal);

        Assert.Equal(1, (await consultations.CommentAsync(planId, Comment(Formula + " " + Markup, CommentTarget.Action, action: actionId, name: "Lucía Pérez", publish: true, email: "lucia@example.co"))).Value);
        Assert.Equal(2, (await consultations.CommentAsync(planId, Comment("El componente debería incluir a las veedurías.", CommentTarget.Component, component: 3, name: "Sin consentimiento"))).Value);
        Assert.Equal(3, (await consultations.CommentAsync(planId, Comment("Repito: la meta de la acción no coincide.", CommentTarget.Action, action: actionId))).Value);
        Assert.Equal(4, (await consultations.CommentAsync(planId, Comment("Insultos y el teléfono 300 000 0000 de un funcionario."))).Value);

        var early = await consultations.CloseAsync(opened.Value, Planner);
        Assert.Equal(ResultStatus.Conflict, early.Status);
        Assert.Contains("1, 2, 3 y 4", early.Errors[""], StringComparison.Ordinal);

        Assert.True((await consultations.AnswerAsync(await CommentIdAsync(1), new CommentAnswer("Se corrige la meta: una publicación.", true, actionId), Planner)).Succeeded);
        Assert.True((await consultations.AnswerAsync(await CommentIdAsync(2), new CommentAnswer("Las veedurías ya participan en la rendición de cuentas.", false, null), Planner)).Succeeded);
        Assert.True((await consultations.GroupAsync(await CommentIdAsync(3), 1, Planner)).Succeeded);
        Assert.True((await consultations.HideAsync(await CommentIdAsync(4), "Contiene insultos y datos personales de un tercero.", Planner)).Succeeded);
        var grouped = await consultations.AnswerAsync(await CommentIdAsync(3), new CommentAnswer("Una respuesta propia para un duplicado.", false, null), Planner);
        Assert.Equal(ResultStatus.Conflict, grouped.Status);

        clock.Advance(TimeSpan.FromDays(2));
        var closed = await consultations.CloseAsync(opened.Value, Planner);
        Assert.True(closed.Succeeded, string.Join(" ", closed.Errors.Values));

        await using var check = database.CreateContext();
        Assert.Equal(VersionStatus.Draft, await check.PlanVersions.Where(v => v.PlanId == planId).Select(v => v.Status).SingleAsync());
        var report = (await ConsultationReport.LoadAsync(check, planId, null, default))!;
        Assert.True(report.IsClosed);
        Assert.True(report.ClosedEarly);
        Assert.Equal((4, 1, 3, 2), (report.Received, report.Hidden, report.Answered, report.ChangedPlan));
        var first = report.Comments[0];
        Assert.Equal("Lucía Pérez", first.Author);
        Assert.StartsWith("Acción 1.3.4-1: ", first.TargetLabel, StringComparison.Ordinal);
        Assert.Equal($"Modifica el plan: {first.TargetLabel}", first.Outcome);
        Assert.Null(report.Comments[1].Author);
        Assert.Equal((1, "Se corrige la meta: una publicación."), (report.Comments[2].DuplicateOfNumber!.Value, report.Comments[2].Answer));
        Assert.Equal((null, "Contiene insultos y datos personales de un tercero."), (report.Comments[3].Text, report.Comments[3].HiddenReason));
        Assert.DoesNotContain(report.Comments, c => c.Text?.Contains("300 000", StringComparison.Ordinal) == true);

        // CSV: the formula is neutralised and read back as the citizen typed it; the e-mail is never published.
        using var csvOut = new MemoryStream();
        await CsvFormat.WriteAsync(csvOut, ConsultationOpenData.Columns, ConsultationOpenData.Rows(report).Select(ConsultationOpenData.ToCells));
        var csv = Encoding.UTF8.GetString(csvOut.ToArray());
        Assert.Contains("\"'=HYPERLINK(", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("lucia@example.co", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Sin consentimiento", csv, StringComparison.Ordinal);

        // XLSX: the comment is a text cell, never a formula.
        using var xlsx = new MemoryStream();
        ConsultationXlsx.Write(report, xlsx);
        xlsx.Position = 0;
        using (var workbook = new XLWorkbook(xlsx))
        {
            var cell = workbook.Worksheet(ConsultationXlsx.Sheet).Cell(ConsultationXlsx.HeaderRow + 1, 3);
            Assert.False(cell.HasFormula);
            Assert.Equal(XLDataType.Text, cell.DataType);
            Assert.Equal(Formula + " " + Markup, cell.GetString());
            Assert.Equal(ConsultationText.HiddenText, workbook.Worksheet(ConsultationXlsx.Sheet).Cell(ConsultationXlsx.HeaderRow + 4, 3).GetString());
        }

        // PDF: tagged, titled, in Spanish, with the answer and the hidden comment's reason.
        using var pdfOut = new MemoryStream();
        ConsultationPdf.Write(report, pdfOut);
        using (var pdf = PdfDocument.Open(pdfOut.ToArray()))
        {
            var text = string.Join(" ", pdf.GetPages().Select(p => p.Text));
            Assert.Contains("Informe de la consulta ciudadana", text, StringComparison.Ordinal);
            Assert.Contains("Se corrige la meta", text, StringComparison.Ordinal);
            Assert.Contains("datos personales de un tercero", text, StringComparison.Ordinal);
            Assert.StartsWith(ConsultationText.Heading, pdf.Information.Title, StringComparison.Ordinal);
        }
        Assert.Contains("/StructTreeRoot", Encoding.Latin1.GetString(pdfOut.ToArray()), StringComparison.Ordinal);

        // The draft can be published now, and the audit trail names who did each step.
        // (The seed's quality review finds errors, accepted here with a reason as issue 11 requires.)
        var published = await Services().Lifecycle.PublishAsync(planId, new PublicationApproval("Alcalde", new DateOnly(2022, 1, 12), null, true,
            "Se publica como fue adoptado; los errores se corrigen en la revisión siguiente"), Planner);
        Assert.True(published.Succeeded, string.Join(" ", published.Errors.Values));
        Assert.True(await check.AuditEntries.AnyAsync(e => e.ActorName == "ciudadanía"));
        Assert.True(await check.AuditEntries.AnyAsync(e => e.ActorName == Planner.Name && e.Reason!.StartsWith("Comentario 4 oculto")));
    }

    [Fact]
    public async Task Open_ChecksTheDates_TheRole_AndTheDraft()
    {
        var (planId, _, _) = await PlanAsync();
        var (consultations, _, _) = Services();

        var past = await consultations.OpenAsync(planId, new DateOnly(2022, 1, 9), new DateOnly(2022, 1, 20), Planner);
        var reversed = await consultations.OpenAsync(planId, new DateOnly(2022, 1, 15), new DateOnly(2022, 1, 14), Planner);
        var missing = await consultations.OpenAsync(planId, null, null, Planner);
        var notPlanning = await consultations.OpenAsync(planId, new DateOnly(2022, 1, 10), new DateOnly(2022, 1, 20), Controller);

        Assert.Equal(ResultStatus.Invalid, past.Status);
        Assert.Contains(ConsultationRules.OpensOn, past.Errors.Keys);
        Assert.Equal(ResultStatus.Invalid, reversed.Status);
        Assert.Contains(ConsultationRules.ClosesOn, reversed.Errors.Keys);
        Assert.Equal([ConsultationRules.ClosesOn, ConsultationRules.OpensOn], missing.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(ResultStatus.Forbidden, notPlanning.Status);
        await using var db = database.CreateContext();
        Assert.False(await db.PlanConsultations.AnyAsync());
        Assert.Equal(VersionStatus.Draft, await db.PlanVersions.Select(v => v.Status).SingleAsync());
    }

    [Fact]
    public async Task Comment_OnlyBetweenTheDates_WithAClearErrorForEachBadField()
    {
        var (planId, _, _) = await PlanAsync();
        var (consultations, _, _) = Services();
        Assert.True((await consultations.OpenAsync(planId, new DateOnly(2022, 1, 12), new DateOnly(2022, 1, 14), Planner)).Succeeded);

        var before = await consultations.CommentAsync(planId, Comment("Un comentario antes de abrir."));
        clock.Advance(TimeSpan.FromDays(2));
        var invalid = await consultations.CommentAsync(planId, new CommentDraft(CommentTarget.Action, null, 999_999, "corto", null, null, "no-es-correo", true));
        var fine = await consultations.CommentAsync(planId, Comment("Un comentario dentro del plazo."));
        clock.Advance(TimeSpan.FromDays(3));
        var after = await consultations.CommentAsync(planId, Comment("Un comentario después de cerrar el plazo."));

        Assert.Equal(ResultStatus.Conflict, before.Status);
        Assert.Equal(ResultStatus.Invalid, invalid.Status);
        Assert.Equal([ConsultationRules.Email, ConsultationRules.Target, ConsultationRules.Text], invalid.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(1, fine.Value);
        Assert.Equal(ResultStatus.Conflict, after.Status);
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.ConsultationComments.CountAsync());
    }

    [Fact]
    public async Task WhileInConsultation_TheDraftIsNotEdited()
    {
        var (planId, actionId, _) = await PlanAsync();
        var (consultations, _, db) = Services();
        Assert.True((await consultations.OpenAsync(planId, new DateOnly(2022, 1, 10), new DateOnly(2022, 1, 20), Planner)).Succeeded);
        var activityId = await db.Actions.Where(a => a.Id == actionId).Select(a => a.ActivityId).SingleAsync();
        var scope = new AuditScope();
        var draftService = new PlanDraftService(db, scope);

        var result = await draftService.RemoveAsync(planId, PlanPart.Action, actionId, Planner);

        Assert.Equal(ResultStatus.Conflict, result.Status);
        Assert.Contains("está en consulta ciudadana", result.Errors[""], StringComparison.Ordinal);
        await using var check = database.CreateContext();
        Assert.True(await check.Actions.AnyAsync(a => a.Id == actionId && a.ActivityId == activityId));
    }

    [Fact]
    public async Task Schedule_WhileTheDraftIsInConsultation_IsRefusedWith409_AndSavesNothing_AndSavesAgainOnceClosed()
    {
        var (planId, actionId, _) = await PlanAsync();
        var (consultations, _, _) = Services();
        var scope = new AuditScope();
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, database.Provider, database.ConnectionString, new AuditInterceptor(scope, clock));
        await using var scheduleDb = new AppDbContext(options.Options);
        var schedules = new Vigia.Core.Schedule.ScheduleService(scheduleDb, scope);
        var update = new Vigia.Core.Schedule.ScheduleUpdate(planId,
            [new Vigia.Core.Schedule.ActionScheduleInput(actionId, new Dictionary<int, decimal> { [3] = 1m })], null);
        var opened = await consultations.OpenAsync(planId, new DateOnly(2022, 1, 10), new DateOnly(2022, 1, 20), Planner);
        Assert.True(opened.Succeeded);
        await using var check = database.CreateContext();
        var before = await check.ScheduleEntries.Where(e => e.ActionId == actionId).Select(e => new { e.Month, e.PlannedQuantity }).ToListAsync();

        var refused = await schedules.SaveAsync(update, Planner);

        Assert.Equal(ResultStatus.Conflict, refused.Status);
        Assert.Equal("La versión 1 del plan está en consulta ciudadana: su programación mensual no se modifica mientras la ciudadanía la comenta. "
            + "Cierre la consulta para programar los cambios que respondan a los comentarios.", refused.Errors[""]);
        Assert.Equal(1, await Vigia.Core.Schedule.ScheduleService.InConsultationAsync(check, planId));
        Assert.Equal(before, await check.ScheduleEntries.Where(e => e.ActionId == actionId).Select(e => new { e.Month, e.PlannedQuantity }).ToListAsync());

        Assert.True((await consultations.CloseAsync(opened.Value, Planner)).Succeeded);
        Assert.Null(await Vigia.Core.Schedule.ScheduleService.InConsultationAsync(check, planId));
        Assert.True((await schedules.SaveAsync(update, Planner)).Succeeded);
    }
}

public sealed class SqliteConsultationServiceTests() : ConsultationServiceTests(DatabaseProvider.Sqlite);

public sealed class PostgresConsultationServiceTests() : ConsultationServiceTests(DatabaseProvider.Postgres);
