using Microsoft.EntityFrameworkCore.Diagnostics;
using Vigia.Core.Accounts;
using Vigia.Core.Monitoring;
using Vigia.Core.Plans;
using Vigia.Core.Progress;
using Vigia.Core.Tests.Files;

namespace Vigia.Core.Tests.Progress;

public abstract class ProgressServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private ProgressWorld world = null!;

    public async Task InitializeAsync() => world = await ProgressWorld.CreateAsync(provider);

    public async Task DisposeAsync() => await world.DisposeAsync();

    [Fact]
    public async Task Submit_OnTheDeadlineDay_IsOnTimeWithItsEvidenceHashed()
    {
        world.SetClock(2022, 4, 7, hour: 23);

        var id = await world.SubmitAsync();

        var report = await world.ReportAsync(id);
        Assert.Equal(ReportStatus.Submitted, report.Status);
        Assert.False(report.IsLate);
        Assert.Equal(80m, report.ExecutedQuantity);
        Assert.Equal("María Peña", report.SubmittedByName);
        var file = Assert.Single(report.Evidence);
        Assert.Equal(("acta.pdf", "application/pdf"), (file.FileName, file.ContentType));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(SampleFiles.Pdf())), file.Sha256);
        Assert.Single(world.StoredFiles());
    }

    [Fact]
    public async Task Submit_TheDayAfterTheDeadline_IsLate()
    {
        world.SetClock(2022, 4, 8, hour: 0, minute: 30);

        var report = await world.ReportAsync(await world.SubmitAsync());

        Assert.True(report.IsLate);
    }

    [Fact]
    public async Task Submit_JustBeforeMidnightOfTheDeadlineInColombia_IsOnTimeAlthoughUtcIsTheNextDay()
    {
        world.Clock.SetUtcNow(new DateTimeOffset(2022, 4, 8, 4, 30, 0, TimeSpan.Zero));

        var report = await world.ReportAsync(await world.SubmitAsync());

        Assert.False(report.IsLate);
    }

    [Fact]
    public async Task Submit_WithTenthBusinessDaySetting_SkipsHolyWeekHolidays()
    {
        // April 2022: Holy Thursday (14) and Good Friday (15) are holidays, so the tenth business day is Monday 18.
        await world.SetSettingAsync(ProgressSettings.DeadlineBusinessDayKey, "10");
        world.SetClock(2022, 4, 18);
        var onTime = await world.ReportAsync(await world.SubmitAsync());
        world.SetClock(2022, 4, 19);
        var late = await world.ReportAsync(await world.SubmitAsync(world.ActionB, ProgressWorld.Draft(quantity: 40), world.OtherResponsible));

        Assert.False(onTime.IsLate);
        Assert.True(late.IsLate);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("40")]
    [InlineData("cinco")]
    public async Task Submit_WithUnusableDeadlineSetting_FallsBackToTheFifthBusinessDay(string value)
    {
        await world.SetSettingAsync(ProgressSettings.DeadlineBusinessDayKey, value);
        world.SetClock(2022, 4, 8);

        var report = await world.ReportAsync(await world.SubmitAsync());

        Assert.True(report.IsLate);
    }

    [Theory]
    [InlineData(5, "Aún no puede reportar mayo de 2022")]
    [InlineData(0, "Elija un mes entre enero y diciembre")]
    [InlineData(13, "Elija un mes entre enero y diciembre")]
    public async Task Submit_MonthNotBegunOrOutOfRange_IsRefused(int month, string message)
    {
        var result = await world.Reporting().SubmitAsync(world.Responsible, world.ActionA, ProgressWorld.Draft(month));

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.StartsWith(message, result.Errors[ReportFields.Month], StringComparison.Ordinal);
        Assert.Empty(await world.ReportsAsync());
        Assert.Empty(world.StoredFiles());
    }

    [Fact]
    public async Task Submit_CurrentMonthInProgress_IsAccepted()
    {
        var report = await world.ReportAsync(await world.SubmitAsync(draft: ProgressWorld.Draft(month: 4)));

        Assert.Equal(4, report.Month);
        Assert.False(report.IsLate);
    }

    [Fact]
    public async Task Submit_ByResponsableOfAnotherUnitOrByLeader_IsNotFoundAndSavesNothing()
    {
        var otherUnit = await world.Reporting().SubmitAsync(world.OtherResponsible, world.ActionA, ProgressWorld.Draft());
        var leader = await world.Reporting().SubmitAsync(world.Leader, world.ActionA, ProgressWorld.Draft());
        var planning = await world.Reporting().SubmitAsync(world.Planning, world.ActionA, ProgressWorld.Draft());

        Assert.All([otherUnit, leader, planning], r => Assert.Equal(ResultStatus.NotFound, r.Status));
        Assert.Empty(await world.ReportsAsync());
        Assert.Empty(world.StoredFiles());
    }

    [Fact]
    public async Task Submit_ByResponsableOfTheParentUnit_IsAllowed()
    {
        await using var db = world.Db();
        var department = await db.Units.Where(u => u.Name == "Departamento Administrativo").Select(u => u.Id).SingleAsync();
        var head = await world.AddPersonAsync("jefe@cali.gov.co", "Jefa del departamento", [Roles.Responsible], units: [department]);

        var result = await world.Reporting().SubmitAsync(head, world.ActionA, ProgressWorld.Draft());

        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task Submit_PercentageAbove100_IsRefused()
    {
        var result = await world.Reporting().SubmitAsync(world.OtherResponsible, world.ActionB, ProgressWorld.Draft(quantity: 120));

        Assert.Equal("La meta es un porcentaje: escriba un valor entre 0 y 100.", result.Errors[ReportFields.Quantity]);
    }

    [Fact]
    public async Task Submit_QuantityWithoutEvidence_IsRefused_ButZeroWithAnExplanationIsNot()
    {
        var service = world.Reporting();
        var without = await service.SubmitAsync(world.Responsible, world.ActionA, ProgressWorld.Draft() with { Files = [] });
        var zero = await service.SubmitAsync(world.Responsible, world.ActionA,
            new ReportDraft(3, 0, "No se realizaron jornadas: el contratista se retiró.", [], []));

        Assert.Equal("Adjunte al menos un soporte (archivo o enlace) de lo ejecutado.", without.Errors[ReportFields.Files]);
        Assert.True(zero.Succeeded);
    }

    [Theory]
    [InlineData("ftp://cali.gov.co/acta.pdf")]
    [InlineData("www.cali.gov.co/acta")]
    [InlineData("javascript:alert(1)")]
    public async Task Submit_LinkThatIsNotAWebAddress_IsRefused(string link)
    {
        var result = await world.Reporting().SubmitAsync(world.Responsible, world.ActionA, ProgressWorld.Draft() with { Links = [link] });

        Assert.Contains("no es una dirección web válida", result.Errors[ReportFields.Links], StringComparison.Ordinal);
        Assert.Empty(world.StoredFiles());
    }

    [Fact]
    public async Task Submit_WithLinksOnly_KeepsThemAsEvidence()
    {
        var id = await world.SubmitAsync(draft: ProgressWorld.Draft() with { Files = [], Links = ["https://www.cali.gov.co/rendicion", "  ", "http://intranet/acta"] });

        var report = await world.ReportAsync(id);
        Assert.Equal(["https://www.cali.gov.co/rendicion", "http://intranet/acta"], report.Evidence.Select(e => e.Url));
        Assert.All(report.Evidence, e => Assert.Equal(EvidenceKind.Link, e.Kind));
    }

    [Fact]
    public async Task Submit_WithOneRefusedFile_KeepsNoneOfTheFilesAndNamesTheBadOne()
    {
        var files = new[] { ProgressWorld.Pdf("bueno.pdf"), new EvidenceUpload(new MemoryStream(SampleFiles.WindowsExecutable()), "informe.pdf") };

        var result = await world.Reporting().SubmitAsync(world.Responsible, world.ActionA, ProgressWorld.Draft(files: files));

        Assert.Equal("«informe.pdf»: La extensión .pdf no corresponde al contenido del archivo.", result.Errors[ReportFields.Files]);
        Assert.Empty(world.StoredFiles());
        Assert.Empty(await world.ReportsAsync());
    }

    [Fact]
    public async Task Submit_WhenTheDatabaseSaveFails_DeletesTheStoredFiles()
    {
        var failing = world.Db(new FailingSave());

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            world.Reporting(failing).SubmitAsync(world.Responsible, world.ActionA, ProgressWorld.Draft(files: [ProgressWorld.Pdf("a.pdf"), ProgressWorld.Pdf("b.pdf")])));

        Assert.Empty(world.StoredFiles());
        Assert.Empty(await world.ReportsAsync());
    }

    [Fact]
    public async Task Submit_WhenAnotherReportOfTheMonthLandsFirst_IsAConflictAndDeletesTheStoredFiles()
    {
        var racing = world.Db(new ReportSlipsInFirst(world));

        var result = await world.Reporting(racing).SubmitAsync(world.Responsible, world.ActionA, ProgressWorld.Draft());

        Assert.Equal(ResultStatus.Conflict, result.Status);
        Assert.Single(await world.ReportsAsync());
        Assert.Empty(world.StoredFiles());
    }

    [Fact]
    public async Task Submit_SecondReportForTheSameMonth_IsAConflict()
    {
        await world.SubmitAsync();

        var second = await world.Reporting().SubmitAsync(world.Responsible, world.ActionA, ProgressWorld.Draft());

        Assert.Equal(ResultStatus.Conflict, second.Status);
        Assert.Contains("edítelo", second.Errors[""], StringComparison.Ordinal);
        Assert.Single(await world.ReportsAsync());
    }

    [Fact]
    public async Task Edit_WhileSubmitted_ChangesQuantityNarrativeAndEvidence()
    {
        var id = await world.SubmitAsync();
        var first = (await world.ReportAsync(id)).Evidence.Single();

        var result = await world.Reporting().EditAsync(world.Responsible, id,
            new ReportEdit(95, "Se hicieron 95 jornadas.", ["https://www.cali.gov.co/jornadas"], [ProgressWorld.Pdf("lista.pdf")], [first.Id]));

        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        var report = await world.ReportAsync(id);
        Assert.Equal((95m, "Se hicieron 95 jornadas."), (report.ExecutedQuantity, report.Narrative));
        Assert.Equal(["lista.pdf", null], report.Evidence.OrderBy(e => e.Id).Select(e => e.FileName));
        Assert.Single(world.StoredFiles());
    }

    [Fact]
    public async Task Edit_AfterReview_IsAConflictAndChangesNothing()
    {
        var id = await world.SubmitAsync();
        await world.Monitoring().ReviewAsync(world.Leader, id, ReviewDecision.Accept, null);

        var result = await world.Reporting().EditAsync(world.Responsible, id, new ReportEdit(1, "Otro texto", [], [], []));

        Assert.Equal(ResultStatus.Conflict, result.Status);
        Assert.Equal(80m, (await world.ReportAsync(id)).ExecutedQuantity);
    }

    [Fact]
    public async Task Edit_ByResponsableOfAnotherUnit_IsNotFound()
    {
        var id = await world.SubmitAsync();

        var result = await world.Reporting().EditAsync(world.OtherResponsible, id, new ReportEdit(1, "Otro texto", [], [], []));

        Assert.Equal(ResultStatus.NotFound, result.Status);
    }

    [Fact]
    public async Task Correction_AfterReturn_SupersedesTheReturnedReportKeepsItsLatenessAndChosenEvidence()
    {
        var id = await world.SubmitAsync();
        var kept = (await world.ReportAsync(id)).Evidence.Single();
        await world.Monitoring().ReviewAsync(world.Leader, id, ReviewDecision.Return, "Falta la lista de asistencia.");
        world.SetClock(2022, 4, 20);

        var withoutReason = await world.Reporting().SubmitAsync(world.Responsible, world.ActionA, ProgressWorld.Draft() with { CorrectsId = id });
        var correction = await world.Reporting().SubmitAsync(world.Responsible, world.ActionA,
            ProgressWorld.Draft(files: ProgressWorld.Pdf("asistencia.pdf")) with { CorrectsId = id, CorrectionReason = "Se adjunta la lista de asistencia.", KeepEvidenceIds = [kept.Id] });

        Assert.Equal("Explique qué corrige y por qué.", withoutReason.Errors[ReportFields.CorrectionReason]);
        Assert.True(correction.Succeeded, string.Join(" ", correction.Errors.Values));
        var reports = await world.ReportsAsync();
        Assert.Equal([ReportStatus.Superseded, ReportStatus.Submitted], reports.Select(r => r.Status));
        var newReport = reports[1];
        Assert.Equal((id, "Se adjunta la lista de asistencia."), (newReport.CorrectsId!.Value, newReport.CorrectionReason));
        Assert.False(newReport.IsLate);
        Assert.Equal(["acta.pdf", "asistencia.pdf"], newReport.Evidence.Select(e => e.FileName).Order());
        Assert.Equal(kept.StorageKey, newReport.Evidence.Single(e => e.FileName == "acta.pdf").StorageKey);
        Assert.Equal("Falta la lista de asistencia.", reports[0].ReviewComment);
    }

    [Fact]
    public async Task Correction_OfAnAcceptedReport_IsAllowedWithAReason()
    {
        var id = await world.SubmitAsync();
        await world.Monitoring().ReviewAsync(world.Leader, id, ReviewDecision.Accept, null);

        var correction = await world.Reporting().SubmitAsync(world.Responsible, world.ActionA,
            ProgressWorld.Draft(quantity: 90) with { CorrectsId = id, CorrectionReason = "La cifra correcta es 90." });

        Assert.True(correction.Succeeded);
        Assert.Equal(ReportStatus.Superseded, (await world.ReportAsync(id)).Status);
    }

    [Fact]
    public async Task Submit_WithoutNamingTheReviewedReport_IsAConflict()
    {
        var id = await world.SubmitAsync();
        await world.Monitoring().ReviewAsync(world.Leader, id, ReviewDecision.Return, "Falta soporte.");

        var result = await world.Reporting().SubmitAsync(world.Responsible, world.ActionA, ProgressWorld.Draft());

        Assert.Equal(ResultStatus.Conflict, result.Status);
        Assert.Contains("presente una corrección", result.Errors[""], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_OnAClosedPlan_IsRefused()
    {
        await using (var db = world.Raw())
        {
            (await db.Plans.SingleAsync()).Status = PlanStatus.Closed;
            await db.SaveChangesAsync();
        }

        var result = await world.Reporting().SubmitAsync(world.Responsible, world.ActionA, ProgressWorld.Draft());

        Assert.Equal("El plan de 2022 está cerrado: ya no recibe reportes.", result.Errors[ReportFields.Month]);
    }

    /// <summary>Fails every save that adds a progress report, after the files were stored.</summary>
    private sealed class FailingSave : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            eventData.Context!.ChangeTracker.Entries<ProgressReport>().Any(e => e.State == EntityState.Added)
                ? throw new InvalidOperationException("disco lleno")
                : ValueTask.FromResult(result);
    }

    /// <summary>After the service checked that the month has no report and stored the files, but before it saves,
    /// another request's report of the same month is committed (hooked on the settings read that comes between).</summary>
    private sealed class ReportSlipsInFirst(ProgressWorld world) : DbCommandInterceptor
    {
        private bool done;

        public override async ValueTask<InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(System.Data.Common.DbCommand command,
            CommandEventData eventData, InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (!done && command.CommandText.Contains("\"Settings\"", StringComparison.Ordinal))
            {
                done = true;
                await using var other = world.Db();
                other.ProgressReports.Add(new ProgressReport { ActionId = world.ActionA, Month = 3, Narrative = "Otro", SubmittedAt = world.Clock.GetUtcNow() });
                await other.SaveChangesAsync(cancellationToken);
            }
            return result;
        }
    }
}

public class SqliteProgressServiceTests() : ProgressServiceTests(DatabaseProvider.Sqlite);

public class PostgresProgressServiceTests() : ProgressServiceTests(DatabaseProvider.Postgres);
