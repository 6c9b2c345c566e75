using Vigia.Core.Accounts;
using Vigia.Core.Monitoring;
using Vigia.Core.Progress;

using Vigia.Core.Tests.Progress;

namespace Vigia.Core.Tests.Monitoring;

public abstract class MonitoringServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private ProgressWorld world = null!;

    public async Task InitializeAsync() => world = await ProgressWorld.CreateAsync(provider);

    public async Task DisposeAsync() => await world.DisposeAsync();

    [Fact]
    public async Task Review_ByTheComponentLeader_AcceptsAndRecordsWhoAndWhen()
    {
        var id = await world.SubmitAsync();
        world.SetClock(2022, 4, 6, hour: 15);

        var result = await world.Monitoring().ReviewAsync(world.Leader, id, ReviewDecision.Accept, "  Conforme.  ");

        Assert.True(result.Succeeded);
        var report = await world.ReportAsync(id);
        Assert.Equal((ReportStatus.Accepted, "Lucía Líder", "Conforme."), (report.Status, report.ReviewedByName, report.ReviewComment));
        Assert.Equal(new DateTimeOffset(2022, 4, 6, 15, 0, 0, ColombianTime.Offset), report.ReviewedAt);
    }

    [Fact]
    public async Task Review_ByPlanning_IsAllowedOnAnyComponent()
    {
        var id = await world.SubmitAsync(world.ActionC, ProgressWorld.Draft(quantity: 1), world.OtherResponsible);

        var result = await world.Monitoring().ReviewAsync(world.Planning, id, ReviewDecision.Return, "Adjunte el mapa publicado.");

        Assert.True(result.Succeeded);
        Assert.Equal(ReportStatus.Returned, (await world.ReportAsync(id)).Status);
    }

    [Fact]
    public async Task Review_ReturnWithoutComment_IsRefused()
    {
        var id = await world.SubmitAsync();

        var result = await world.Monitoring().ReviewAsync(world.Leader, id, ReviewDecision.Return, "   ");

        Assert.Equal("Para devolver el reporte, escriba qué debe corregir el responsable.", result.Errors[ReportFields.Comment]);
        Assert.Equal(ReportStatus.Submitted, (await world.ReportAsync(id)).Status);
    }

    [Fact]
    public async Task Review_ByInternalControlOrTheResponsable_IsForbidden_ByAnotherComponentsLeader_NotFound()
    {
        var id = await world.SubmitAsync();
        var monitoring = world.Monitoring();

        var control = await monitoring.ReviewAsync(world.InternalControl, id, ReviewDecision.Accept, null);
        var responsible = await monitoring.ReviewAsync(world.Responsible, id, ReviewDecision.Accept, null);
        var otherLeader = await monitoring.ReviewAsync(world.OtherLeader, id, ReviewDecision.Accept, null);
        var otherResponsible = await monitoring.ReviewAsync(world.OtherResponsible, id, ReviewDecision.Accept, null);

        Assert.Equal(
            [ResultStatus.Forbidden, ResultStatus.Forbidden, ResultStatus.NotFound, ResultStatus.NotFound],
            [control.Status, responsible.Status, otherLeader.Status, otherResponsible.Status]);
        Assert.Equal(ReportStatus.Submitted, (await world.ReportAsync(id)).Status);
    }

    [Fact]
    public async Task Review_OfOnesOwnReport_IsForbiddenEvenForALeader()
    {
        await using var db = world.Raw();
        var unit = await db.Units.Where(u => u.Name == "Subdirección de Gestión Organizacional").Select(u => u.Id).SingleAsync();
        var both = await world.AddPersonAsync("ambos@cali.gov.co", "Ana Ambos", [Roles.Responsible, Roles.ComponentLeader], [unit], [world.Component3]);
        var id = await world.SubmitAsync(actor: both);

        var result = await world.Monitoring().ReviewAsync(both, id, ReviewDecision.Accept, null);

        Assert.Equal("No puede revisar un reporte que usted mismo presentó.", result.Errors[""]);
    }

    [Fact]
    public async Task Review_Twice_IsAConflict()
    {
        var id = await world.SubmitAsync();
        await world.Monitoring().ReviewAsync(world.Leader, id, ReviewDecision.Accept, null);

        var second = await world.Monitoring().ReviewAsync(world.Planning, id, ReviewDecision.Return, "Tarde");

        Assert.Equal(ResultStatus.Conflict, second.Status);
        Assert.Equal("Este reporte ya fue revisado por Lucía Líder.", second.Errors[""]);
    }

    [Fact]
    public async Task Status_IsAConcurrencyToken_SoTwoStaleWritersCannotBothWin()
    {
        var id = await world.SubmitAsync();
        await using var first = world.Db();
        await using var second = world.Db();
        var a = await first.ProgressReports.SingleAsync(r => r.Id == id);
        var b = await second.ProgressReports.SingleAsync(r => r.Id == id);

        a.Status = ReportStatus.Accepted;
        await first.SaveChangesAsync();
        b.Narrative = "Editado sobre una copia vieja";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }

    [Fact]
    public async Task CloseMonth_WithReportsAwaitingReview_IsRefused_ThenClosesOnceTheyAreReviewed()
    {
        var id = await world.SubmitAsync();
        var monitoring = world.Monitoring();

        var early = await monitoring.CloseMonthAsync(world.Leader, world.Component3, 3, "Todo en orden.");
        await monitoring.ReviewAsync(world.Leader, id, ReviewDecision.Accept, null);
        var closed = await world.Monitoring().CloseMonthAsync(world.Leader, world.Component3, 3, "Se revisó el único reporte del mes.");
        var again = await world.Monitoring().CloseMonthAsync(world.Planning, world.Component3, 3, "Otra vez.");

        Assert.StartsWith("Queda 1 reporte de marzo de 2022 sin revisar", early.Errors[ReportFields.Month], StringComparison.Ordinal);
        Assert.True(closed.Succeeded);
        Assert.Equal("El monitoreo de marzo de 2022 del componente 3 ya está cerrado.", again.Errors[ReportFields.Month]);
        await using var db = world.Raw();
        var record = await db.MonitoringRecords.SingleAsync();
        Assert.Equal((world.Component3, 3, "Lucía Líder"), (record.ComponentId, record.Month, record.ClosedByName));
    }

    [Fact]
    public async Task CloseMonth_ByAnotherComponentsLeaderOrInternalControl_IsForbidden()
    {
        var other = await world.Monitoring().CloseMonthAsync(world.OtherLeader, world.Component3, 3, "Resumen");
        var control = await world.Monitoring().CloseMonthAsync(world.InternalControl, world.Component3, 3, "Resumen");

        Assert.Equal([ResultStatus.Forbidden, ResultStatus.Forbidden], [other.Status, control.Status]);
    }

    [Fact]
    public async Task CloseMonth_NotBegunOrWithoutSummary_IsRefused()
    {
        var result = await world.Monitoring().CloseMonthAsync(world.Leader, world.Component3, 6, " ");

        Assert.StartsWith("Aún no puede cerrar junio de 2022", result.Errors[ReportFields.Month], StringComparison.Ordinal);
        Assert.Equal("Escriba el resumen del monitoreo del mes.", result.Errors[ReportFields.Summary]);
    }
}

public class SqliteMonitoringServiceTests() : MonitoringServiceTests(DatabaseProvider.Sqlite);

public class PostgresMonitoringServiceTests() : MonitoringServiceTests(DatabaseProvider.Postgres);
