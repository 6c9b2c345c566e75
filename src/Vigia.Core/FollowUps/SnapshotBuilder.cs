using Vigia.Core.Compliance;
using Vigia.Core.Plans;
using Vigia.Core.Progress;

namespace Vigia.Core.FollowUps;

/// <summary>Reads the plan, the reports, the monitoring records and the assessments of a cut-off into a
/// <see cref="FollowUpSnapshot"/>: frozen when a follow-up closes, built afresh for a draft.</summary>
internal sealed class SnapshotBuilder(AppDbContext db)
{
    public async Task<FollowUpSnapshot> BuildAsync(int planId, CutOffDeadline cutOff, FollowUp? followUp, string? previousSha256,
        ComplianceBands bands, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId)
            .Select(p => new
            {
                p.Id,
                p.Kind,
                p.Year,
                p.Title,
                p.DocumentCode,
                EntityName = p.Entity!.Name,
                p.Entity.Slug,
                Version = p.Versions.OrderByDescending(v => v.Number).Select(v => new { v.Number, v.SourceSha256 }).FirstOrDefault(),
            })
            .SingleAsync(ct);
        var lastMonth = cutOff.CutOffDate.Year > plan.Year ? 12 : cutOff.CutOffDate.Month;
        var monthsCounted = ComplianceCalculator.MonthsCounted(plan.Year, cutOff.CutOffDate);
        // A follow-up of the risk map alone judges no component of the plan.
        var components = cutOff.Scope == FollowUpScope.RiskMap
            ? []
            : await db.Components.AsNoTracking().Where(c => c.PlanId == planId).OrderBy(c => c.Number)
                .Select(c => new { c.Id, c.Number, c.Name }).ToListAsync(ct);
        var componentIds = components.Select(c => c.Id).ToList();
        var actions = await LoadActionsAsync(planId, ct);
        var reports = (await LoadReportsAsync(planId, lastMonth, ct)).ToLookup(r => r.ActionId, r => r.Report);
        // A collective action's verdict rolls up from its parts, as on the dashboard (ComplianceCalculator.ExecutedThrough).
        var parts = await ActionParts.ForPlanAsync(db, planId, ct);
        var partOf = await db.ProgressReports.AsNoTracking()
            .Where(r => r.Action!.Activity!.Component!.PlanId == planId && r.UnitId != null)
            .ToDictionaryAsync(r => r.Id, r => r.UnitId, ct);
        var monitoring = (await db.MonitoringRecords.AsNoTracking()
                .Where(m => componentIds.Contains(m.ComponentId) && m.Month <= lastMonth)
                .OrderBy(m => m.Month).ThenBy(m => m.Id)
                .Select(m => new { m.ComponentId, m.Month, m.Summary, m.ClosedAt, m.ClosedByName })
                .ToListAsync(ct))
            .ToLookup(m => m.ComponentId, m => new SnapshotMonitoring(m.Month, m.Summary, Utc(m.ClosedAt), m.ClosedByName));
        var assessments = followUp is null
            ? []
            : await db.Set<FollowUpAssessment>().AsNoTracking().Where(a => a.FollowUpId == followUp.Id).ToListAsync(ct);
        var byAction = assessments.ToDictionary(a => a.ActionId);
        var notes = followUp is null
            ? []
            : await db.Set<FollowUpComponentNote>().AsNoTracking().Where(n => n.FollowUpId == followUp.Id).ToListAsync(ct);

        var snapshotComponents = components.Select(c =>
        {
            var items = actions.Where(a => a.ComponentId == c.Id)
                .Select(a => ToAction(a, lastMonth, monthsCounted, reports[a.Id].ToList(), byAction.GetValueOrDefault(a.Id),
                    new PartsOf(parts[a.Id].Select(p => new PartInput(p.UnitId, p.SetTarget)).ToList(), partOf)))
                .ToList();
            return new SnapshotComponent(c.Number, c.Name, notes.FirstOrDefault(n => n.ComponentNumber == c.Number)?.Observations,
                monitoring[c.Id].ToList(), items, FollowUpMath.Totals(items, bands));
        }).ToList();

        return new FollowUpSnapshot(
            FollowUpSnapshot.CurrentSchema,
            new SnapshotEntity(plan.EntityName, plan.Slug),
            new SnapshotPlan(plan.Id, plan.Kind.ToString(), plan.Year, plan.Title, plan.DocumentCode, plan.Version?.Number ?? 0, plan.Version?.SourceSha256),
            new SnapshotCutOff(cutOff.Number, cutOff.CutOffDate, cutOff.PublicationDeadline, cutOff.Rule.PublicationTerm,
                cutOff.Rule.Unit == PublicationTermUnit.BusinessDays ? "diasHabiles" : "diasCalendario",
                cutOff.Scope == FollowUpScope.RiskMap ? SnapshotCutOff.RiskMapScope : null),
            new SnapshotFollowUp(followUp?.Version ?? 1, followUp?.CorrectionReason, previousSha256,
                followUp?.ClosedAt is { } closed ? Utc(closed) : null, followUp?.ClosedByName),
            new SnapshotBands(bands.MediumFrom, bands.HighFrom),
            snapshotComponents,
            FollowUpMath.Totals(snapshotComponents.SelectMany(c => c.Actions).ToList(), bands),
            await new RiskMapSnapshotBuilder(db).BuildAsync(planId, cutOff, followUp, ct),
            (await Audit.AuditCheckpoint.CurrentAsync(db, ct: ct))?.ToString());
    }

    /// <summary>A collective action's parts and, for every report of a part, its unit.</summary>
    private sealed record PartsOf(IReadOnlyList<PartInput> Parts, IReadOnlyDictionary<int, int?> UnitOfReport);

    private static SnapshotAction ToAction(ActionData a, int lastMonth, int monthsCounted, List<SnapshotReport> reports, FollowUpAssessment? assessment,
        PartsOf parts)
    {
        var fromReports = ReportsVerdict(a, monthsCounted, reports, parts);
        var planned = a.Schedule.Where(s => s.Month <= lastMonth).Sum(s => s.Quantity);
        var scheduledInPeriod = a.Schedule.Count == 0 || planned > 0;
        var accepted = reports.Where(r => r.Status == nameof(ReportStatus.Accepted)).ToList();
        decimal? reported = accepted.Count == 0
            ? null
            : a.TargetUnit == TargetUnit.Percentage
                ? accepted.OrderBy(r => r.Month).ThenBy(r => r.Id).Last().ExecutedQuantity
                : accepted.Sum(r => r.ExecutedQuantity);
        var snapshotAssessment = assessment is null
            ? null
            : new SnapshotAssessment(assessment.Status.ToString(), N(assessment.VerifiedPercent), N(assessment.VerifiedQuantity),
                assessment.Observations, Utc(assessment.AssessedAt), assessment.AssessedByName);
        // Until Control Interno judges an action, the follow-up says what the accepted reports say, so a draft and the
        // dashboard give the same figure; once judged, the assessment counts and any difference is shown.
        var programmed = assessment is null ? fromReports.Programmed : assessment.Status != AssessmentStatus.NotScheduled;
        var completed = assessment is null ? fromReports.Completed : programmed && assessment.Status == AssessmentStatus.Completed;
        return new SnapshotAction(a.Id, a.ActivityCode, a.ActivityName, a.Subcomponent, a.Order, a.Description, a.Goal, N(a.TargetQuantity),
            a.TargetUnit == TargetUnit.Percentage ? "porcentaje" : "cantidad", a.Units, a.Schedule, N(planned), scheduledInPeriod, N(reported),
            reports, snapshotAssessment, programmed, completed, fromReports.Programmed, fromReports.Completed);
    }

    /// <summary>The official rule applied to the schedule and the accepted reports (<see cref="ComplianceCalculator.Verdict"/>).</summary>
    private static ActionVerdict ReportsVerdict(ActionData a, int monthsCounted, List<SnapshotReport> reports, PartsOf parts)
    {
        var input = new ActionInput(a.TargetQuantity, a.TargetUnit, null, a.Schedule.ToDictionary(s => s.Month, s => s.Quantity),
            reports.Select(r => new ReportInput(r.Month, r.ExecutedQuantity, Enum.Parse<ReportStatus>(r.Status), r.Id, r.IsLate,
                parts.UnitOfReport.GetValueOrDefault(r.Id))).ToList(), parts.Parts);
        return ComplianceCalculator.Verdict(a.ActivityCode, ComplianceCalculator.Action(input, monthsCounted));
    }

    private sealed record ActionData(int Id, int ComponentId, string ActivityCode, string ActivityName, string? Subcomponent, int Order,
        string Description, string Goal, decimal? TargetQuantity, TargetUnit TargetUnit, IReadOnlyList<string> Units, IReadOnlyList<SnapshotMonth> Schedule);

    private async Task<List<ActionData>> LoadActionsAsync(int planId, CancellationToken ct)
    {
        var rows = await db.Actions.AsNoTracking()
            .Where(a => a.Activity!.Component!.PlanId == planId)
            .OrderBy(a => a.Activity!.Component!.Number).ThenBy(a => a.Activity!.Order).ThenBy(a => a.Order).ThenBy(a => a.Id)
            .Select(a => new
            {
                a.Id,
                a.Activity!.ComponentId,
                a.Activity.Code,
                ActivityName = a.Activity.Name,
                Sub = a.Activity.Subcomponent == null ? null : a.Activity.Subcomponent.Code + " " + a.Activity.Subcomponent.Name,
                a.Order,
                a.Description,
                a.Goal,
                a.TargetQuantity,
                a.TargetUnit,
                Units = a.ResponsibleUnits.Select(u => u.Unit!.Parent == null ? u.Unit.Name : u.Unit.Parent.Name + " / " + u.Unit.Name).ToList(),
                Groups = a.ResponsibleGroups.Select(g => g.Spelling).ToList(),
                Schedule = a.Schedule.Select(s => new { s.Month, s.PlannedQuantity, s.IsSimulated }).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(ct);
        return rows.Select(a => new ActionData(a.Id, a.ComponentId, a.Code, a.ActivityName, a.Sub, a.Order, a.Description, a.Goal,
            a.TargetQuantity, a.TargetUnit, a.Units.Concat(a.Groups).Order(StringComparer.Ordinal).ToList(),
            a.Schedule.OrderBy(s => s.Month).Select(s => new SnapshotMonth(s.Month, N(s.PlannedQuantity), s.IsSimulated)).ToList())).ToList();
    }

    private async Task<List<(int ActionId, SnapshotReport Report)>> LoadReportsAsync(int planId, int lastMonth, CancellationToken ct)
    {
        var rows = await db.ProgressReports.AsNoTracking()
            .Where(r => r.Action!.Activity!.Component!.PlanId == planId && r.Month <= lastMonth)
            .OrderBy(r => r.ActionId).ThenBy(r => r.Month).ThenBy(r => r.Id)
            .Select(r => new
            {
                r.ActionId,
                r.Id,
                r.Month,
                r.ExecutedQuantity,
                r.Narrative,
                r.Status,
                r.SubmittedAt,
                r.SubmittedByName,
                r.IsLate,
                r.CorrectsId,
                r.ReviewComment,
                r.ReviewedByName,
                r.ReviewedAt,
                r.IsSimulated,
                Evidence = r.Evidence.OrderBy(e => e.Id)
                    .Select(e => new { e.Id, e.Kind, e.FileName, e.Url, e.Description, e.SizeBytes, e.Sha256 }).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(ct);
        return rows.Select(r => (r.ActionId, new SnapshotReport(r.Id, r.Month, N(r.ExecutedQuantity), r.Narrative, r.Status.ToString(),
            Utc(r.SubmittedAt), r.SubmittedByName, r.IsLate, r.CorrectsId, r.ReviewComment, r.ReviewedByName,
            r.ReviewedAt is { } at ? Utc(at) : null,
            r.Evidence.Select(e => new SnapshotEvidence(e.Id, e.Kind.ToString(), e.FileName, e.Url, e.Description, e.SizeBytes, e.Sha256)).ToList(),
            r.IsSimulated)))
            .ToList();
    }

    /// <summary>The same value whatever scale the provider returned (PostgreSQL's numeric(18,4) gives 100.0000).</summary>
    internal static decimal N(decimal value) => value / 1.000000000000000000000000000000000m;

    internal static decimal? N(decimal? value) => value is { } v ? N(v) : null;

    /// <summary>UTC, to the microsecond: what PostgreSQL keeps, so a snapshot reads the same on both providers.</summary>
    internal static DateTimeOffset Utc(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % 10), TimeSpan.Zero);
    }
}

/// <summary>How the follow-up's numbers are computed (docs/follow-up.md).</summary>
internal static class FollowUpMath
{
    public static SnapshotTotals Totals(IReadOnlyList<SnapshotAction> actions, ComplianceBands bands)
    {
        var official = OfficialCompliance.Count(actions.Select(a => new ActionVerdict(a.ActivityCode, a.Programmed, a.Completed)));
        var verified = actions.Where(a => a.Programmed && a.Assessment?.VerifiedPercent is not null)
            .Select(a => a.Assessment!.VerifiedPercent!.Value).ToList();
        var compliance = official.Percent is { } p ? SnapshotBuilder.N(p) : (decimal?)null;
        decimal? average = verified.Count == 0 ? null : Round(verified.Average());
        return new SnapshotTotals(official.Activities, actions.Count, official.ProgrammedActivities, official.CompletedActivities,
            official.ProgrammedActions, official.CompletedActions, actions.Count(a => a.Assessment is not null), compliance, average,
            bands.Classify(compliance) is { } level ? ComplianceLevels.Code(level) : null, actions.Count(a => a.DiffersFromReports));
    }

    public static decimal Round(decimal value) => SnapshotBuilder.N(Math.Round(value, 1, MidpointRounding.AwayFromZero));
}
