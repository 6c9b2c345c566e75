using System.Globalization;
using Vigia.Cli.Commands;
using Vigia.Core.Audit;
using Vigia.Core.Progress;
using Vigia.Core.Tests.Progress;

namespace Vigia.Core.Tests.Audit;

/// <summary>Issue 14: an <c>UPDATE</c> in SQL, a row deleted or inserted behind the application's back, and an evidence file
/// replaced on disk all passed <c>audit verify</c>, because the chain alone cannot see the present. The reconciler
/// compares the present with the last values the trail recorded.</summary>
public abstract class AuditReconcilerTests(DatabaseProvider provider) : IAsyncLifetime
{
    private ProgressWorld world = null!;
    private int reportId;

    public async Task InitializeAsync()
    {
        world = await ProgressWorld.CreateAsync(provider);
        // Sub-microsecond ticks: PostgreSQL keeps microseconds, so the comparison must not see a change there.
        world.Clock.Advance(TimeSpan.FromTicks(7));
        reportId = await world.SubmitAsync(draft: ProgressWorld.Draft(files: ProgressWorld.Pdf()));
    }

    public async Task DisposeAsync() => await world.DisposeAsync();

    private async Task<AuditReconciliation> ReconcileAsync()
    {
        await using var db = world.Raw();
        return await AuditReconciler.ReconcileAsync(db, new AuditOptions(), world.FileStore(), [new EvidenceFileCatalog()]);
    }

    private async Task SqlAsync(FormattableString sql)
    {
        await using var db = world.Raw();
        await db.Database.ExecuteSqlAsync(sql);
    }

    [Fact]
    public async Task DataWrittenThroughTheApplication_MatchesTheTrail()
    {
        var result = await ReconcileAsync();

        Assert.True(result.Ok, result.First?.Message);
        Assert.True(result.RecordsChecked > 10);
        Assert.Equal(1, result.FilesChecked);
    }

    [Fact]
    public async Task AnUpdateInSql_IsNamedWithTheRecordAndTheField()
    {
        await SqlAsync($"UPDATE \"ProgressReports\" SET \"ExecutedQuantity\" = 999 WHERE \"Id\" = {reportId}");

        var result = await ReconcileAsync();

        Assert.False(result.Ok);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(ReconciliationKind.ValueChanged, finding.Kind);
        Assert.Equal(("ProgressReport", reportId.ToString(CultureInfo.InvariantCulture), "ExecutedQuantity"),
            (finding.EntityType, finding.EntityId, finding.Field));
        Assert.Contains("Reporte de avance", finding.Message, StringComparison.Ordinal);
        Assert.Contains("999", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARowDeletedInSql_IsMissing()
    {
        await SqlAsync($"DELETE FROM \"Evidence\" WHERE \"ReportId\" = {reportId}");

        var result = await ReconcileAsync();

        var finding = Assert.Single(result.Findings);
        Assert.Equal((ReconciliationKind.RecordMissing, "Evidence"), (finding.Kind, finding.EntityType));
        Assert.Equal(0, result.FilesChecked);
    }

    [Fact]
    public async Task ARowInsertedInSql_AfterTheTrailBegan_IsUnrecorded()
    {
        await using (var db = world.Raw())
        {
            var report = await db.ProgressReports.AsNoTracking().SingleAsync(r => r.Id == reportId);
            report.Id = 0;
            report.Month = 4;
            db.ProgressReports.Add(report);
            await db.SaveChangesAsync();
        }

        var result = await ReconcileAsync();

        var finding = Assert.Single(result.Findings);
        Assert.Equal((ReconciliationKind.RecordUnrecorded, "ProgressReport"), (finding.Kind, finding.EntityType));
        Assert.Contains("se insertó por fuera de la aplicación", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEvidenceFileChangedOnDisk_IsAltered_AndOneRemovedIsMissing()
    {
        var path = Assert.Single(world.StoredFiles());
        var bytes = await File.ReadAllBytesAsync(path);
        bytes[^10] ^= 0x20;
        await File.WriteAllBytesAsync(path, bytes);

        var altered = Assert.Single((await ReconcileAsync()).Findings);
        Assert.Equal(ReconciliationKind.FileAltered, altered.Kind);
        Assert.Contains("ya no corresponde a su SHA-256", altered.Message, StringComparison.Ordinal);

        File.Delete(path);
        var missing = Assert.Single((await ReconcileAsync()).Findings);
        Assert.Equal(ReconciliationKind.FileMissing, missing.Kind);
    }

    [Fact]
    public async Task TheCommand_FailsAndNamesTheFirstDifference()
    {
        await SqlAsync($"UPDATE \"ProgressReports\" SET \"Narrative\" = 'reescrito' WHERE \"Id\" = {reportId}");
        await using var db = world.Raw();
        var output = new StringWriter();

        var exit = await new AuditVerifyCommand(db, output,
            reconcile: new AuditVerifyCommand.Reconcile(new AuditOptions(), world.FileStore(), [new EvidenceFileCatalog()])).RunAsync();

        Assert.Equal(AuditVerifyCommand.Broken, exit);
        Assert.Contains("El registro de auditoría está íntegro", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Los datos no coinciden con el registro de auditoría: 1 diferencias.", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("«Narrative»", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCommand_OnMatchingData_SaysSo()
    {
        await using var db = world.Raw();
        var output = new StringWriter();

        var exit = await new AuditVerifyCommand(db, output,
            reconcile: new AuditVerifyCommand.Reconcile(new AuditOptions(), world.FileStore(), [new EvidenceFileCatalog()])).RunAsync();

        Assert.Equal(AuditVerifyCommand.Intact, exit);
        Assert.Contains("Los datos coinciden con el registro", output.ToString(), StringComparison.Ordinal);
    }
}

public sealed class SqliteAuditReconcilerTests() : AuditReconcilerTests(DatabaseProvider.Sqlite);

public sealed class PostgresAuditReconcilerTests() : AuditReconcilerTests(DatabaseProvider.Postgres);
