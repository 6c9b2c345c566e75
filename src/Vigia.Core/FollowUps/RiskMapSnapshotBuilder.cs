using Vigia.Core.Progress;
using Vigia.Core.RiskMap;
using Vigia.Core.RiskMap.Tracking;

namespace Vigia.Core.FollowUps;

/// <summary>Reads the risk-map section of a follow-up: every risk of the entity's map of the plan's year, its
/// controls with their live monitoring of the period (the months after the previous cut-off up to this one's), its
/// materializations up to the cut-off with their improvement plans, and Control Interno's assessment of it.</summary>
internal sealed class RiskMapSnapshotBuilder(AppDbContext db)
{
    public async Task<SnapshotRiskMap> BuildAsync(int planId, CutOffDeadline cutOff, FollowUp? followUp, CancellationToken ct)
    {
        if (!cutOff.IncludesRiskMap)
        {
            return new SnapshotRiskMap(SnapshotRiskMap.OtherCutOffs, []);
        }
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => new { p.EntityId, p.Year }).SingleAsync(ct);
        var (from, to) = await PeriodAsync(planId, plan.Year, cutOff, ct);
        var risks = await db.Risks.AsNoTracking().Where(r => r.Year == plan.Year && r.Process!.EntityId == plan.EntityId)
            .OrderBy(r => r.Code).ThenBy(r => r.Id)
            .Select(r => new
            {
                r.Id,
                r.Code,
                Process = r.Process!.Name,
                r.Description,
                r.MethodId,
                r.InherentProbability,
                r.InherentImpact,
                r.InherentZone,
                r.ResidualProbability,
                r.ResidualImpact,
                r.ResidualZone,
            })
            .ToListAsync(ct);
        if (risks.Count == 0)
        {
            return new SnapshotRiskMap(SnapshotRiskMap.NoMap, [], from, to, new SnapshotRiskSummary(0, 0, 0, 0, 0, 0, 0));
        }
        var riskIds = risks.Select(r => r.Id).ToList();
        var methods = (await db.RiskMethods.AsNoTracking().ToListAsync(ct)).ToDictionary(m => m.Id, m => m.Definition());
        var controls = await db.RiskControls.AsNoTracking().Where(c => riskIds.Contains(c.RiskId)).OrderBy(c => c.Number)
            .Select(c => new { c.Id, c.RiskId, c.Number, c.Description, c.ResponsiblePost }).ToListAsync(ct);
        var controlIds = controls.Select(c => c.Id).ToList();
        var monitorings = await db.ControlMonitorings.AsNoTracking()
            .Where(m => controlIds.Contains(m.ControlId) && m.Month >= from && m.Month <= to && m.Status != ReportStatus.Superseded)
            .OrderBy(m => m.Month).ThenBy(m => m.Id)
            .Select(m => new
            {
                m.ControlId,
                m.Month,
                m.Executed,
                m.Note,
                m.Status,
                m.ReviewedByName,
                Evidence = m.Evidence.OrderBy(e => e.Id).Select(e => new { e.Id, e.Kind, e.FileName, e.Url, e.SizeBytes, e.Sha256 }).ToList(),
            })
            .ToListAsync(ct);
        var materializations = await db.RiskMaterializations.AsNoTracking()
            .Where(m => riskIds.Contains(m.RiskId) && m.OccurredOn <= cutOff.CutOffDate && m.WithdrawnAt == null)
            .OrderBy(m => m.OccurredOn).ThenBy(m => m.Id)
            .Select(m => new
            {
                m.RiskId,
                m.OccurredOn,
                m.Description,
                m.InformedTo,
                m.ReportedOn,
                m.ReassessedAt,
                m.ReassessmentNote,
                Evidence = m.Evidence.OrderBy(e => e.Id).Select(e => new { e.Id, e.Kind, e.FileName, e.Url, e.SizeBytes, e.Sha256 }).ToList(),
                Actions = m.Actions.OrderBy(a => a.StartDate).ThenBy(a => a.Id)
                    .Select(a => new { a.Description, Unit = a.ResponsibleUnit!.Name, a.StartDate, a.EndDate, a.Deliverable }).ToList(),
            })
            .ToListAsync(ct);
        var assessments = followUp is null || followUp.Id == 0
            ? []
            : await db.FollowUpRiskAssessments.AsNoTracking().Where(a => a.FollowUpId == followUp.Id).ToListAsync(ct);

        var items = risks.Select(r =>
        {
            var method = methods[r.MethodId];
            var riskControls = controls.Where(c => c.RiskId == r.Id).Select(c => new SnapshotRiskControl(c.Number, c.Description, c.ResponsiblePost,
                monitorings.Where(m => m.ControlId == c.Id).Select(m => new SnapshotControlMonitoring(m.Month, m.Executed, m.Note, m.Status.ToString(),
                    m.ReviewedByName, m.Evidence.Select(e => new SnapshotEvidence(e.Id, e.Kind.ToString(), e.FileName, e.Url, null, e.SizeBytes, e.Sha256)).ToList()))
                    .ToList())).ToList();
            var riskMaterializations = materializations.Where(m => m.RiskId == r.Id).Select(m => new SnapshotMaterialization(m.OccurredOn, m.Description,
                AuthorityNames.Of(m.InformedTo), m.ReportedOn,
                m.Evidence.Select(e => new SnapshotEvidence(e.Id, e.Kind.ToString(), e.FileName, e.Url, null, e.SizeBytes, e.Sha256)).ToList(),
                m.Actions.Select(a => new SnapshotImprovementAction(a.Description, a.Unit, a.StartDate, a.EndDate, a.Deliverable)).ToList(),
                m.ReassessedAt is { } at ? Utc(at) : null, m.ReassessmentNote)).ToList();
            var assessment = assessments.FirstOrDefault(a => a.RiskId == r.Id);
            return new SnapshotRisk(r.Id, r.Code, r.Process, r.Description,
                RiskPositionText.Of(method, r.InherentProbability, r.InherentImpact, r.InherentZone).Zone,
                RiskPositionText.Of(method, r.ResidualProbability, r.ResidualImpact, r.ResidualZone).Zone,
                riskControls, riskMaterializations,
                assessment is null ? null : new SnapshotRiskAssessment(assessment.Effective, assessment.Observations, Utc(assessment.AssessedAt), assessment.AssessedByName));
        }).ToList();
        var all = items.SelectMany(i => i.Controls).SelectMany(c => c.Monitoring).ToList();
        var summary = new SnapshotRiskSummary(items.Count, items.Sum(i => i.Controls.Count), all.Count, all.Count(m => m.Executed),
            items.Sum(i => i.Materializations.Count), items.Count(i => i.Assessment is not null), items.Count(i => i.Assessment?.Effective == true));
        return new SnapshotRiskMap(SnapshotRiskMap.Included, items, from, to, summary);
    }

    /// <summary>The months whose monitoring the cut-off reports: after the previous risk-map cut-off of the same year (or from
    /// January) up to the cut-off's month (December when the cut-off falls in the next year).</summary>
    private async Task<(int From, int To)> PeriodAsync(int planId, int year, CutOffDeadline cutOff, CancellationToken ct)
    {
        var to = cutOff.CutOffDate.Year > year ? 12 : cutOff.CutOffDate.Month;
        var previous = (await new FollowUpCalendar(db).RiskMapCutOffsAsync(planId, ct)).CutOffs
            .Where(c => c.CutOffDate < cutOff.CutOffDate).Select(c => c.CutOffDate).DefaultIfEmpty().Max();
        var from = previous == default || previous.Year < year ? 1 : previous.Year > year ? 13 : previous.Month + 1;
        return (Math.Min(from, to), to);
    }

    private static DateTimeOffset Utc(DateTimeOffset at) => SnapshotBuilder.Utc(at);
}
