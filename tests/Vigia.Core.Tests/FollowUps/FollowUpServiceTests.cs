using Vigia.Core.Accounts;
using Vigia.Core.Compliance;
using Vigia.Core.FollowUps;
using Vigia.Core.Progress;

namespace Vigia.Core.Tests.FollowUps;

public abstract class FollowUpServiceTests(DatabaseProvider provider) : FollowUpDatabaseTests(provider)
{
    private static readonly DateOnly April = FollowUpFixture.April;

    [Fact]
    public async Task Close_FixtureComputedByHand_GivesTheExpectedNumbers()
    {
        var document = await ClosedAprilAsync();

        var s = document.Snapshot;
        Assert.False(document.IsDraft);
        // Activities are counted (issue 9), actions beside them. Component 1: activity 1.1.1 with A1 and A3 programmed (A2
        // «no programada»), both cumplidas: 1/1 = 100 %, average 100. A1 has no accepted report and A3 no schedule, so
        // Control Interno's «cumplida» differs from the reports in both.
        Assert.Equal(new SnapshotTotals(1, 3, 1, 1, 2, 2, 3, 100m, 100m, "alta", 2), s.Components[0].Totals);
        // Component 2: activity 2.1.1 with five programmed actions, three cumplidas: not completed, 0/1 = 0 %; average
        // (100 + 0 + 40 + 100 + 100) / 5 = 68. B4 and B5 are «cumplida» without an accepted report.
        Assert.Equal(new SnapshotTotals(1, 5, 1, 0, 5, 3, 5, 0m, 68m, "baja", 2), s.Components[1].Totals);
        // Total: 1 of 2 activities = 50 %; actions 5 of 7; average 540 / 7 = 77,14 → 77,1.
        Assert.Equal(new SnapshotTotals(2, 8, 2, 1, 7, 5, 8, 50m, 77.1m, "baja", 4), s.Totals);
        Assert.Equal("Dos acciones con rezago; se recomienda un plan de mejora.", s.Components[1].Observations);
        Assert.Equal(SnapshotJson.Sha256(SnapshotJson.Serialize(s)), document.Sha256);
        Assert.True(document.IntegrityOk);
        var stored = await Db().Set<FollowUp>().SingleAsync();
        Assert.Equal((2, 1, 50m, 77.1m, "baja"), (stored.ProgrammedCount!.Value, stored.CompletedCount!.Value, stored.CompliancePercent!.Value,
            stored.AverageProgress!.Value, stored.ComplianceBand));
    }

    [Fact]
    public async Task Draft_WithoutAssessments_CountsWhatTheScheduleAndTheAcceptedReportsSay()
    {
        var document = (await Documents().ForCutOffAsync(Seeded.PlanId, April))!;

        Assert.True(document.IsDraft);
        Assert.Null(document.Sha256);
        // Without assessments the official rule decides: A2 is scheduled in June only and A3 has no schedule, so
        // neither is programmed; of the six programmed actions only B1 has its accepted reports. No activity is complete.
        Assert.Equal(new SnapshotTotals(2, 8, 2, 0, 6, 1, 0, 0m, null, "baja", 0), document.Snapshot.Totals);
        Assert.False(document.Snapshot.Actions.Single(a => a.Id == Seeded.Actions["A2"]).ScheduledInPeriod);
        Assert.True(document.Snapshot.Actions.Single(a => a.Id == Seeded.Actions["A3"]).ScheduledInPeriod);
    }

    [Fact]
    public async Task Snapshot_HoldsReportsUpToTheCutOffWithReviewAndEvidenceHashes()
    {
        var s = (await ClosedAprilAsync()).Snapshot;

        var b1 = s.Actions.Single(a => a.Id == Seeded.Actions["B1"]);
        Assert.Equal([2, 4], b1.Reports.Select(r => r.Month));
        Assert.Equal(4m, b1.ReportedToCutOff);
        Assert.Equal(4m, b1.PlannedToCutOff);
        Assert.Equal(new string('a', 64), b1.Reports[0].Evidence.Single().Sha256);
        var b2 = s.Actions.Single(a => a.Id == Seeded.Actions["B2"]);
        Assert.Equal(("Returned", "Falta el acta de aprobación"), (b2.Reports.Single().Status, b2.Reports.Single().ReviewComment));
        Assert.Null(b2.ReportedToCutOff);
        Assert.Equal(1, s.Plan.Version);
        Assert.Equal("sin-mapa", s.RiskMap.Status);
        Assert.Empty(s.RiskMap.Items);
    }

    [Fact]
    public async Task ClosedFollowUp_KeepsItsNumbers_AfterReportsAndThePlanChange()
    {
        var before = await ClosedAprilAsync();
        var json = await Db().Set<FollowUp>().Select(f => f.SnapshotJson).SingleAsync();

        var db = Db();
        var report = await db.ProgressReports.SingleAsync(r => r.ActionId == Seeded.Actions["B1"] && r.Month == 4);
        report.ExecutedQuantity = 50;
        report.Status = ReportStatus.Returned;
        report.ReviewComment = "Revisado otra vez";
        db.ProgressReports.Add(new ProgressReport { ActionId = Seeded.Actions["B2"], Month = 3, ExecutedQuantity = 1, Narrative = "Tarde", Status = ReportStatus.Accepted, SubmittedAt = TestTime.Written });
        var a2 = await db.Actions.Include(a => a.Schedule).SingleAsync(a => a.Id == Seeded.Actions["A2"]);
        a2.Schedule.Single().Month = 2;
        a2.Goal = "Meta cambiada después del cierre";
        await db.SaveChangesAsync();

        var after = (await Documents().ForCutOffAsync(Seeded.PlanId, April))!;
        Assert.Equal(json, await Db().Set<FollowUp>().Select(f => f.SnapshotJson).SingleAsync());
        Assert.Equal(before.Sha256, after.Sha256);
        Assert.True(after.IntegrityOk);
        Assert.Equal(before.Snapshot.Totals, after.Snapshot.Totals);
        Assert.Equal(4m, after.Snapshot.Actions.Single(a => a.Id == Seeded.Actions["B1"]).ReportedToCutOff);
        Assert.Equal("Socializar la política en junio", after.Snapshot.Actions.Single(a => a.Id == Seeded.Actions["A2"]).Goal);
        // A cut-off still open sees the change.
        var august = (await Documents().ForCutOffAsync(Seeded.PlanId, new DateOnly(2026, 8, 31)))!;
        Assert.Equal(2m, august.Snapshot.Actions.Single(a => a.Id == Seeded.Actions["B1"]).ReportedToCutOff);
    }

    [Fact]
    public async Task TamperedSnapshot_IsDetected()
    {
        await ClosedAprilAsync();
        var db = Db();
        var f = await db.Set<FollowUp>().SingleAsync();
        f.SnapshotJson = f.SnapshotJson!.Replace("\"completedActions\":5", "\"completedActions\":6", StringComparison.Ordinal);
        await db.SaveChangesAsync();

        Assert.False((await Documents().ForCutOffAsync(Seeded.PlanId, April))!.IntegrityOk);
    }

    [Fact]
    public async Task Close_WithBandsInTheSettingsTable_UsesTheDashboardBands()
    {
        var db = Db();
        db.Settings.Add(new AppSetting { Key = ComplianceBands.MediumFromKey, Value = "40" });
        db.Settings.Add(new AppSetting { Key = ComplianceBands.HighFromKey, Value = "90" });
        await db.SaveChangesAsync();

        var s = (await ClosedAprilAsync()).Snapshot;

        Assert.Equal(new SnapshotBands(40, 90), s.Bands);
        // 100 % is alta; 0 % is baja; the plan's 50 % is media from 40 (it would be baja on the default scale).
        Assert.Equal(["alta", "baja"], s.Components.Select(c => c.Totals.Band));
        Assert.Equal("media", s.Totals.Band);
    }

    [Fact]
    public async Task StoredSnapshot_KeepsItsFrozenBandFormat()
    {
        await ClosedAprilAsync();
        var json = (await Db().Set<FollowUp>().Select(f => f.SnapshotJson).SingleAsync())!;

        // Snapshots closed before the bands came from Compliance store the thresholds and band codes like this.
        Assert.Contains("\"bands\":{\"mediaFrom\":60,\"altaFrom\":80}", json, StringComparison.Ordinal);
        Assert.Contains("\"band\":\"baja\"", json, StringComparison.Ordinal);
        Assert.Equal(json, SnapshotJson.Serialize(SnapshotJson.Deserialize(json)));
    }

    public static TheoryData<string> OtherRoles() => ["Planning", "Responsible", "Administrator", "ComponentLeader", "anonymous"];

    [Theory]
    [MemberData(nameof(OtherRoles))]
    public async Task OnlyControlInterno_WritesFollowUps(string role)
    {
        var actor = role == "anonymous" ? new Actor(null, "público", new HashSet<string>()) : new Actor("x-1", role, new HashSet<string> { role });
        var service = Service();
        var lifecycle = Lifecycle();
        var id = Seeded.Actions["A1"];

        Assert.Equal(ResultStatus.Forbidden, (await service.AssessAsync(actor, Seeded.PlanId, April, id, new AssessmentInput(AssessmentStatus.Completed, 100, null, null))).Status);
        Assert.Equal(ResultStatus.Forbidden, (await service.SaveComponentNoteAsync(actor, Seeded.PlanId, April, 1, "x")).Status);
        Assert.Equal(ResultStatus.Forbidden, (await service.MarkUnscheduledAsync(actor, Seeded.PlanId, April)).Status);
        Assert.Equal(ResultStatus.Forbidden, (await lifecycle.CloseAsync(actor, Seeded.PlanId, April)).Status);
        Assert.Equal(ResultStatus.Forbidden, (await lifecycle.PublishAsync(actor, Seeded.PlanId, April)).Status);
        Assert.Equal(ResultStatus.Forbidden, (await lifecycle.CorrectAsync(actor, Seeded.PlanId, April, "Un motivo suficientemente largo")).Status);
        Assert.Equal(0, await FollowUpCountAsync());
    }

    [Fact]
    public async Task ClosedFollowUp_CannotBeChangedByControlInternoEither()
    {
        await ClosedAprilAsync();

        var result = await Service().AssessAsync(FollowUpFixture.InternalControl, Seeded.PlanId, April, Seeded.Actions["B2"],
            new AssessmentInput(AssessmentStatus.Completed, 100, null, null));

        Assert.False(result.Succeeded);
        Assert.Contains("nueva versión", result.Errors[""], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AssessmentStatus.Completed, 90, "x", "VerifiedPercent")]
    [InlineData(AssessmentStatus.NoProgress, 10, "x", "VerifiedPercent")]
    [InlineData(AssessmentStatus.InProgress, 100, "x", "VerifiedPercent")]
    [InlineData(AssessmentStatus.InProgress, 120, "x", "VerifiedPercent")]
    [InlineData(AssessmentStatus.InProgress, null, "x", "VerifiedPercent")]
    [InlineData(AssessmentStatus.InProgress, 50, "", "Observations")]
    [InlineData(AssessmentStatus.NotScheduled, null, " ", "Observations")]
    [InlineData(null, 50, "x", "Status")]
    public void Validate_RefusesInconsistentAssessments(AssessmentStatus? status, int? percent, string observations, string field)
    {
        var errors = AssessmentRules.Validate(new AssessmentInput(status, percent, null, observations));

        Assert.Contains(field, errors.Keys);
    }

    [Fact]
    public async Task Close_SealsTheAuditCheckpointIntoTheSnapshot()
    {
        await FollowUpFixture.AssessAllAsync(Service(AuditedDb()), Seeded, April);
        var before = await Vigia.Core.Audit.AuditCheckpoint.CurrentAsync(Db());

        var closed = await Lifecycle().CloseAsync(FollowUpFixture.InternalControl, Seeded.PlanId, April);
        Assert.True(closed.Succeeded, string.Join("; ", closed.Errors.Values));
        var document = (await Documents().ForCutOffAsync(Seeded.PlanId, April))!;

        Assert.NotNull(before);
        Assert.Equal(before.ToString(), document.Snapshot.AuditCheckpoint);
        Assert.True(document.IntegrityOk);
    }

    [Fact]
    public async Task Close_WithActionsNotAssessed_IsRefused()
    {
        var service = Service();
        await service.AssessAsync(FollowUpFixture.InternalControl, Seeded.PlanId, April, Seeded.Actions["A1"], new AssessmentInput(AssessmentStatus.Completed, 100, null, null));

        var result = await Lifecycle().CloseAsync(FollowUpFixture.InternalControl, Seeded.PlanId, April);

        Assert.Contains("Faltan valorar 7 acciones", result.Errors[""], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Close_BeforeTheCutOffDate_IsRefused()
    {
        Clock.Now = new DateTimeOffset(2026, 4, 30, 20, 0, 0, TimeSpan.Zero);
        await FollowUpFixture.AssessAllAsync(Service(), Seeded, April);

        var result = await Lifecycle().CloseAsync(FollowUpFixture.InternalControl, Seeded.PlanId, April);

        Assert.Contains("después del corte", result.Errors[""], StringComparison.Ordinal);
    }

    [Fact]
    public async Task MarkUnscheduled_MarksOnlyActionsWithNothingProgrammedUpToTheCutOff()
    {
        var result = await Service().MarkUnscheduledAsync(FollowUpFixture.InternalControl, Seeded.PlanId, April);

        Assert.True(result.Succeeded);
        Assert.Equal(1, result.Value);
        var assessment = await Db().Set<FollowUpAssessment>().SingleAsync();
        Assert.Equal((Seeded.Actions["A2"], AssessmentStatus.NotScheduled), (assessment.ActionId, assessment.Status));
    }

    [Theory]
    [InlineData(15, false)]
    [InlineData(18, true)]
    public async Task Publish_MarksLateAfterTheDeadline(int day, bool late)
    {
        await ClosedAprilAsync();
        Clock.Now = new DateTimeOffset(2026, 5, day, 23, 0, 0, ColombianTime.Offset);

        var result = await Lifecycle().PublishAsync(FollowUpFixture.InternalControl, Seeded.PlanId, April);

        Assert.True(result.Succeeded);
        var f = await Db().Set<FollowUp>().SingleAsync();
        Assert.Equal((FollowUpStatus.Published, new DateOnly(2026, 5, day), late), (f.Status, f.PublishedOn!.Value, f.PublishedLate));
    }

    [Fact]
    public async Task Correct_OpensANewVersionWithItsReason_AndLeavesTheEarlierOneAsItWas()
    {
        var v1 = await ClosedAprilAsync();
        await Lifecycle().PublishAsync(FollowUpFixture.InternalControl, Seeded.PlanId, April);

        Assert.Contains("Reason", (await Lifecycle().CorrectAsync(FollowUpFixture.InternalControl, Seeded.PlanId, April, "corto")).Errors.Keys);
        var corrected = await Lifecycle().CorrectAsync(FollowUpFixture.InternalControl, Seeded.PlanId, April, "La acción B2 sí tenía avance verificado.");
        Assert.True(corrected.Succeeded);
        await Service().AssessAsync(FollowUpFixture.InternalControl, Seeded.PlanId, April, Seeded.Actions["B2"],
            new AssessmentInput(AssessmentStatus.Completed, 100, null, null));
        Assert.True((await Lifecycle().CloseAsync(FollowUpFixture.InternalControl, Seeded.PlanId, April)).Succeeded);

        var versions = await Db().Set<FollowUp>().OrderBy(f => f.Version).ToListAsync();
        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.Equal((FollowUpStatus.Published, v1.Sha256), (versions[0].Status, versions[0].SnapshotSha256));
        var v2 = (await Documents().ForVersionAsync(versions[1].Id, publishedOnly: false))!;
        Assert.Equal(6, v2.Snapshot.Totals.CompletedActions);
        Assert.Equal(v1.Sha256, v2.Snapshot.FollowUp.PreviousSnapshotSha256);
        Assert.Equal("La acción B2 sí tenía avance verificado.", v2.Snapshot.FollowUp.CorrectionReason);
        Assert.Equal(5, (await Documents().ForVersionAsync(versions[0].Id, publishedOnly: true))!.Snapshot.Totals.CompletedActions);
        Assert.Null(await Documents().ForVersionAsync(versions[1].Id, publishedOnly: true));
    }
}

public class SqliteFollowUpServiceTests() : FollowUpServiceTests(DatabaseProvider.Sqlite);

public class PostgresFollowUpServiceTests() : FollowUpServiceTests(DatabaseProvider.Postgres);
