using System.Text.Json;
using Vigia.Core.Audit;
using Vigia.Core.Compliance;
using Vigia.Core.FollowUps;
using Vigia.Core.Monitoring;
using Vigia.Core.Organisation;
using Vigia.Core.Plans;
using Vigia.Core.Plans.Importing;
using Vigia.Core.Progress;
using Vigia.Core.Schedule;

namespace Vigia.Core.Synthetic;

/// <summary>
/// <c>synthetic generate</c>: writes a <see cref="SyntheticNation"/> into the database in one transaction with bulk
/// inserts (<see cref="BulkWriter"/>), then freezes each closed follow-up's snapshot with the same
/// <see cref="SnapshotBuilder"/> the real close uses, and records the whole generation as one audit entry (a settings
/// row <c>Simulacion:Generacion:…</c> saved through the audited <c>SaveChanges</c>, with the summary as its reason).
/// A second run adds entities after the existing ones, with slugs made unique against them.
/// </summary>
public sealed class SyntheticGenerator(AppDbContext db, AuditScope audit, TimeProvider clock)
{
    /// <summary>How a generated evidence without a file says so: a file evidence with a name and no stored file.</summary>
    public const string EvidenceDescription = "Evidencia simulada: solo metadatos, sin archivo (datos simulados).";

    public const string SettingPrefix = "Simulacion:Generacion:";

    public static readonly AuditActor Actor = new(null, "línea de comandos (synthetic generate)");

    private readonly List<(string Phase, TimeSpan Elapsed)> phases = [];

    /// <summary>How long each phase of the last generation took: building the rows, writing them, freezing the
    /// follow-ups' snapshots, the audit entry and the commit.</summary>
    public IReadOnlyList<(string Phase, TimeSpan Elapsed)> Phases => phases;

    private long mark;

    private void Lap(string phase)
    {
        phases.Add((phase, clock.GetElapsedTime(mark)));
        mark = clock.GetTimestamp();
    }

    public async Task<SyntheticSummary> GenerateAsync(SyntheticRequest request, ParsedPlan template, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(template);
        var started = clock.GetTimestamp();
        phases.Clear();
        mark = started;
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var rows = await BuildAsync(request, template, ct);
                Lap("generar");
                var writer = new BulkWriter(db);
                await writer.WriteAsync(rows.Entities, ct);
                await writer.WriteAsync(rows.Units, ct);
                await writer.WriteAsync(rows.Plans, ct);
                await writer.WriteAsync(rows.Versions, ct);
                await writer.WriteAsync(rows.Components, ct);
                await writer.WriteAsync(rows.Subcomponents, ct);
                await writer.WriteAsync(rows.Activities, ct);
                await writer.WriteAsync(rows.Actions, ct);
                await writer.WriteAsync(rows.ActionUnits, ct);
                await writer.WriteAsync(rows.Schedule, ct);
                await writer.WriteAsync(rows.Reports, ct);
                await writer.WriteAsync(rows.Evidence, ct);
                await writer.WriteAsync(rows.Monitoring, ct);
                await writer.WriteAsync(rows.FollowUps, ct);
                await writer.WriteAsync(rows.Assessments, ct);
                await writer.ResetIdentityAsync<Entity>(ct);
                await writer.ResetIdentityAsync<Unit>(ct);
                await writer.ResetIdentityAsync<Plan>(ct);
                await writer.ResetIdentityAsync<PlanVersion>(ct);
                await writer.ResetIdentityAsync<Component>(ct);
                await writer.ResetIdentityAsync<Subcomponent>(ct);
                await writer.ResetIdentityAsync<Activity>(ct);
                await writer.ResetIdentityAsync<PlanAction>(ct);
                await writer.ResetIdentityAsync<ScheduleEntry>(ct);
                await writer.ResetIdentityAsync<ProgressReport>(ct);
                await writer.ResetIdentityAsync<Evidence>(ct);
                await writer.ResetIdentityAsync<MonitoringRecord>(ct);
                await writer.ResetIdentityAsync<FollowUp>(ct);
                await writer.ResetIdentityAsync<FollowUpAssessment>(ct);
                await writer.AnalyzeAsync(ct);
                Lap("escribir");
                await FreezeSnapshotsAsync(rows, request, ct);
                Lap("instantáneas");
                var summary = Summarise(rows, clock.GetElapsedTime(started));
                await RecordAsync(request, summary, ct);
                await transaction.CommitAsync(ct);
                Lap("auditoría y commit");
                return summary with { Elapsed = clock.GetElapsedTime(started) };
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });
    }

    private async Task<SyntheticRows> BuildAsync(SyntheticRequest request, ParsedPlan template, CancellationToken ct)
    {
        var first = new SyntheticIds(
            await NextAsync(db.Entities.Select(e => (int?)e.Id), ct),
            await NextAsync(db.Units.Select(e => (int?)e.Id), ct),
            await NextAsync(db.Plans.Select(e => (int?)e.Id), ct),
            await NextAsync(db.PlanVersions.Select(e => (int?)e.Id), ct),
            await NextAsync(db.Components.Select(e => (int?)e.Id), ct),
            await NextAsync(db.Subcomponents.Select(e => (int?)e.Id), ct),
            await NextAsync(db.Activities.Select(e => (int?)e.Id), ct),
            await NextAsync(db.Actions.Select(e => (int?)e.Id), ct),
            await NextAsync(db.ScheduleEntries.Select(e => (int?)e.Id), ct),
            await NextAsync(db.ProgressReports.Select(e => (int?)e.Id), ct),
            await NextAsync(db.Evidence.Select(e => (int?)e.Id), ct),
            await NextAsync(db.MonitoringRecords.Select(e => (int?)e.Id), ct),
            await NextAsync(db.Set<FollowUp>().Select(e => (int?)e.Id), ct),
            await NextAsync(db.Set<FollowUpAssessment>().Select(e => (int?)e.Id), ct));
        var existing = await db.Entities.AsNoTracking().OrderBy(e => e.Id)
            .Select(e => new Entity { Id = e.Id, Name = e.Name, Slug = e.Slug, DepartmentId = e.DepartmentId, HostEntityId = e.HostEntityId, IsSimulated = e.IsSimulated })
            .ToListAsync(ct);
        var deadlineDay = await new ProgressSettings(db).DeadlineBusinessDayAsync(ct);
        return new SyntheticNation(template, request, clock.GetUtcNow(), deadlineDay, await CutOffsAsync(ct)).Build(first, existing);
    }

    /// <summary>The PAAC cut-offs the installation uses for every plan of the kind (its setting, or the rule's).</summary>
    private async Task<CutOffSchedule> CutOffsAsync(CancellationToken ct)
    {
        var text = await db.Settings.AsNoTracking().Where(s => s.Key == FollowUpCalendar.KindKeyPrefix + PlanKind.Paac)
            .Select(s => s.Value).FirstOrDefaultAsync(ct);
        return FollowUpCalendar.TryParse(text, out var schedule, out _) && schedule is not null ? schedule : CutOffSchedule.Paac;
    }

    private static async Task<int> NextAsync(IQueryable<int?> ids, CancellationToken ct) => (await ids.MaxAsync(ct) ?? 0) + 1;

    /// <summary>What the real close stores (FollowUpLifecycle.CloseAsync): the snapshot, its hash and its totals.</summary>
    private async Task FreezeSnapshotsAsync(SyntheticRows rows, SyntheticRequest request, CancellationToken ct)
    {
        var bands = await ComplianceBands.LoadAsync(db, ct);
        var cutOffs = (await CutOffsAsync(ct)).For(request.Year, FollowUpCalendar.Calendar);
        var builder = new SnapshotBuilder(db);
        foreach (var followUp in rows.FollowUps)
        {
            var cutOff = cutOffs.Single(c => c.CutOffDate == followUp.CutOffDate);
            var snapshot = await builder.BuildAsync(followUp.PlanId, cutOff, followUp, null, bands, ct);
            var json = SnapshotJson.Serialize(snapshot);
            var sha = SnapshotJson.Sha256(json);
            followUp.SnapshotJson = json;
            followUp.SnapshotSha256 = sha;
            followUp.ProgrammedCount = snapshot.Totals.ProgrammedActivities;
            followUp.CompletedCount = snapshot.Totals.CompletedActivities;
            followUp.CompliancePercent = snapshot.Totals.CompliancePercent;
            followUp.AverageProgress = snapshot.Totals.AverageProgress;
            followUp.ComplianceBand = snapshot.Totals.Band;
            var id = followUp.Id;
            var (programmed, completed, percent, average, band) = (followUp.ProgrammedCount, followUp.CompletedCount,
                followUp.CompliancePercent, followUp.AverageProgress, followUp.ComplianceBand);
            await db.Set<FollowUp>().Where(f => f.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(f => f.SnapshotJson, json)
                .SetProperty(f => f.SnapshotSha256, sha)
                .SetProperty(f => f.ProgrammedCount, programmed)
                .SetProperty(f => f.CompletedCount, completed)
                .SetProperty(f => f.CompliancePercent, percent)
                .SetProperty(f => f.AverageProgress, average)
                .SetProperty(f => f.ComplianceBand, band), ct);
        }
    }

    private static SyntheticSummary Summarise(SyntheticRows rows, TimeSpan elapsed) => new(
        rows.Entities.Count, rows.Units.Count, rows.Plans.Count, rows.Actions.Count, rows.Schedule.Count, rows.Reports.Count,
        rows.Evidence.Count, rows.Monitoring.Count, rows.FollowUps.Count, rows.FollowUps.Count(f => f.Status == FollowUpStatus.Published),
        rows.Assessments.Count, rows.Entities.Count == 0 ? 0 : rows.Entities[0].Id, rows.Entities.Count == 0 ? 0 : rows.Entities[^1].Id, elapsed);

    /// <summary>One audit entry for the whole generation: the bulk rows bypass the interceptor, this row does not.</summary>
    private async Task RecordAsync(SyntheticRequest request, SyntheticSummary summary, CancellationToken ct)
    {
        var value = JsonSerializer.Serialize(new
        {
            request.Entities,
            request.Year,
            request.Seed,
            At = request.At.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            summary.FirstEntityId,
            summary.LastEntityId,
            summary.Units,
            summary.Plans,
            summary.Actions,
            summary.ScheduleEntries,
            summary.Reports,
            summary.Evidence,
            summary.MonitoringRecords,
            summary.FollowUps,
            summary.PublishedFollowUps,
            summary.Assessments,
        });
        db.Settings.Add(new AppSetting
        {
            Key = string.Create(CultureInfo.InvariantCulture, $"{SettingPrefix}{request.Year}:{summary.FirstEntityId}-{summary.LastEntityId}"),
            Value = value,
        });
        var reason = string.Create(CultureInfo.InvariantCulture,
            $"Datos simulados (synthetic generate --entities {request.Entities} --year {request.Year} --seed {request.Seed} --at {request.At:yyyy-MM-dd}): ")
            + summary.Describe() + ". Filas escritas en bloque, sin una entrada de auditoría por fila.";
        using (audit.Begin(Actor, reason))
        {
            await db.SaveChangesAsync(ct);
        }
        db.ChangeTracker.Clear();
    }
}
