using Vigia.Core.Progress;

namespace Vigia.Core.RiskMap.Tracking;

/// <summary>A control's monitoring in one period as citizens see it: accepted by the second line, with the control's
/// post (never the name of a person).</summary>
public sealed record PublicControlMonitoring(string RiskCode, string Process, string Risk, int ControlNumber, string Control,
    string ResponsiblePost, int Year, int Month, bool Executed, string Note, string? ReviewComment, DateOnly ReviewedOn)
{
    /// <summary>«noviembre de 2026».</summary>
    public string Period => SpanishMonths.NameWithYear(Year, Month);
}

/// <summary>An action of a materialization's improvement plan, with its responsible unit.</summary>
public sealed record PublicImprovementAction(string Description, string Unit, DateOnly StartDate, DateOnly EndDate, string Deliverable);

/// <summary>A materialization as citizens see it: when, what, which authorities were informed and when, the
/// re-assessment and the improvement plan; when it was corrected or withdrawn, the date and the reason. Neither who
/// recorded it nor its evidence files.</summary>
public sealed record PublicMaterialization(string RiskCode, string Process, string Risk, DateOnly OccurredOn, string Description,
    IReadOnlyList<string> InformedTo, DateOnly ReportedOn, DateOnly? ReassessedOn, string? ReassessmentNote,
    IReadOnlyList<PublicImprovementAction> Actions, DateOnly? CorrectedOn = null, string? CorrectionReason = null,
    DateOnly? WithdrawnOn = null, string? WithdrawalReason = null);

/// <summary>
/// What a published risk map's year carries to citizens beyond the map itself: the monitoring of its controls and the
/// materializations of its risks (ADR 026). Only what belongs to the published version: risks matched by
/// their reference (unique in the entity's year) and controls by their number in that version's snapshot, so a risk
/// or control that exists only in a draft shows nothing. Only monitoring the second line accepted (submitted, returned
/// or superseded ones are the desk's business). Names of people never: the control's post and the action's unit do.
/// </summary>
public sealed record PublicRiskTracking(IReadOnlyList<PublicControlMonitoring> Monitorings, IReadOnlyList<PublicMaterialization> Materializations)
{
    public static async Task<PublicRiskTracking> LoadAsync(AppDbContext db, int entityId, RiskMapSnapshot map, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(map);
        var published = map.Risks.ToDictionary(r => r.Code, StringComparer.Ordinal);
        var order = map.Risks.Select((r, i) => (r.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        var codes = published.Keys.ToList();
        var year = map.Year;
        var risks = await db.Risks.AsNoTracking().Where(r => r.Year == year && r.Process!.EntityId == entityId && codes.Contains(r.Code))
            .Select(r => new { r.Id, r.Code }).ToListAsync(ct);
        var codeOf = risks.ToDictionary(r => r.Id, r => r.Code);
        var riskIds = codeOf.Keys.ToList();

        var monitorings = await db.ControlMonitorings.AsNoTracking()
            .Where(m => riskIds.Contains(m.Control!.RiskId) && m.Status == ReportStatus.Accepted)
            .Select(m => new { m.Control!.RiskId, m.Control.Number, m.Month, m.Executed, m.Note, m.ReviewComment, m.ReviewedAt })
            .ToListAsync(ct);
        var publicMonitorings = monitorings
            .Select(m => (m, Risk: published[codeOf[m.RiskId]]))
            .Select(x => (x.m, x.Risk, Control: x.Risk.Controls.FirstOrDefault(c => c.Number == x.m.Number)))
            .Where(x => x.Control is not null && x.m.ReviewedAt is not null)
            .Select(x => new PublicControlMonitoring(x.Risk.Code, x.Risk.Process, x.Risk.Description, x.Control!.Number, x.Control.Description,
                x.Control.ResponsiblePost, year, x.m.Month, x.m.Executed, x.m.Note, x.m.ReviewComment, ColombianTime.DateOf(x.m.ReviewedAt!.Value)))
            .OrderBy(m => order[m.RiskCode]).ThenBy(m => m.ControlNumber).ThenBy(m => m.Month)
            .ToList();

        var materializations = await db.RiskMaterializations.AsNoTracking().Where(m => riskIds.Contains(m.RiskId))
            .Select(m => new
            {
                m.Id,
                m.RiskId,
                m.OccurredOn,
                m.Description,
                m.InformedTo,
                m.ReportedOn,
                m.ReassessedAt,
                m.ReassessmentNote,
                m.CorrectedAt,
                m.CorrectionReason,
                m.WithdrawnAt,
                m.WithdrawalReason,
                Actions = m.Actions.OrderBy(a => a.StartDate).ThenBy(a => a.Id)
                    .Select(a => new PublicImprovementAction(a.Description, a.ResponsibleUnit!.Name, a.StartDate, a.EndDate, a.Deliverable)).ToList(),
            })
            .ToListAsync(ct);
        var publicMaterializations = materializations
            .Select(m => (m, Risk: published[codeOf[m.RiskId]]))
            .OrderBy(x => order[x.Risk.Code]).ThenBy(x => x.m.OccurredOn).ThenBy(x => x.m.Id)
            .Select(x => new PublicMaterialization(x.Risk.Code, x.Risk.Process, x.Risk.Description, x.m.OccurredOn, x.m.Description,
                AuthorityNames.Of(x.m.InformedTo), x.m.ReportedOn, x.m.ReassessedAt is { } at ? ColombianTime.DateOf(at) : null,
                x.m.ReassessmentNote, x.m.Actions, x.m.CorrectedAt is { } fixedAt ? ColombianTime.DateOf(fixedAt) : null, x.m.CorrectionReason,
                x.m.WithdrawnAt is { } gone ? ColombianTime.DateOf(gone) : null, x.m.WithdrawalReason))
            .ToList();
        return new PublicRiskTracking(publicMonitorings, publicMaterializations);
    }

    public IReadOnlyList<PublicControlMonitoring> MonitoringsOf(string riskCode) =>
        Monitorings.Where(m => string.Equals(m.RiskCode, riskCode, StringComparison.Ordinal)).ToList();

    public IReadOnlyList<PublicMaterialization> MaterializationsOf(string riskCode) =>
        Materializations.Where(m => string.Equals(m.RiskCode, riskCode, StringComparison.Ordinal)).ToList();
}

/// <summary>The authorities a materialization was reported to, as their names are written.</summary>
public static class AuthorityNames
{
    public static IReadOnlyList<string> Of(Authorities informed) =>
        new[] { (Authorities.Procuraduria, "Procuraduría"), (Authorities.Contraloria, "Contraloría"), (Authorities.Fiscalia, "Fiscalía") }
            .Where(a => informed.HasFlag(a.Item1)).Select(a => a.Item2).ToList();
}
