using Vigia.Core.Organisation;
using Vigia.Core.Progress;

namespace Vigia.Core.RiskMap.Tracking;

/// <summary>What the process leader says about one control of a risk in one monitoring period (a month of the
/// map's year): executed or not, a note and the evidence; then reviewed by the second line, as progress reports
/// are (<see cref="ReportStatus"/>: submitted, accepted, returned, superseded by the answer to a return).</summary>
public class ControlMonitoring
{
    public int Id { get; set; }
    public int ControlId { get; set; }
    public RiskControl? Control { get; set; }
    /// <summary>The month of the map's year the monitoring covers (1–12), one of the year's monitoring periods.</summary>
    public int Month { get; set; }
    public bool Executed { get; set; }
    public required string Note { get; set; }
    public ReportStatus Status { get; set; } = ReportStatus.Submitted;
    public DateTimeOffset SubmittedAt { get; set; }
    public string? SubmittedById { get; set; }
    public string? SubmittedByName { get; set; }
    /// <summary>The returned monitoring this one answers.</summary>
    public int? CorrectsId { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public string? ReviewedById { get; set; }
    public string? ReviewedByName { get; set; }
    public string? ReviewComment { get; set; }
    public List<RiskEvidence> Evidence { get; set; } = [];
}

/// <summary>A file (kept through the same guarded store and hashed with SHA-256 as a progress report's evidence) or
/// a link that backs a control's monitoring or a materialization's report to an authority; exactly one owner.</summary>
public class RiskEvidence
{
    public int Id { get; set; }
    public int? MonitoringId { get; set; }
    public ControlMonitoring? Monitoring { get; set; }
    public int? MaterializationId { get; set; }
    public RiskMaterialization? Materialization { get; set; }
    public EvidenceKind Kind { get; set; }
    public string? FileName { get; set; }
    public string? StorageKey { get; set; }
    public string? ContentType { get; set; }
    public long? SizeBytes { get; set; }
    public string? Sha256 { get; set; }
    public string? Url { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}

/// <summary>The authorities a materialized corruption risk is reported to.</summary>
[Flags]
public enum Authorities
{
    None = 0,
    Procuraduria = 1,
    Contraloria = 2,
    Fiscalia = 4,
}

/// <summary>A corruption risk that happened: when, what, which authorities were informed (with the evidence of the
/// report), the improvement plan, and the re-assessment of the risk and its controls that must follow before the
/// next risk-map follow-up of Control Interno can close.</summary>
public class RiskMaterialization
{
    public int Id { get; set; }
    public int RiskId { get; set; }
    public Risk? Risk { get; set; }
    public DateOnly OccurredOn { get; set; }
    public required string Description { get; set; }
    public Authorities InformedTo { get; set; }
    public DateOnly ReportedOn { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string? RecordedById { get; set; }
    public string? RecordedByName { get; set; }
    /// <summary>Set when the process leader re-assessed the risk and its controls after the materialization.</summary>
    public DateTimeOffset? ReassessedAt { get; set; }
    public string? ReassessedByName { get; set; }
    public string? ReassessmentNote { get; set; }
    /// <summary>The risk's zones when it was re-assessed, «Alto → Moderado» as the method names them.</summary>
    public string? ReassessedInherentZone { get; set; }
    public string? ReassessedResidualZone { get; set; }
    public int? ReassessedControls { get; set; }
    /// <summary>The last correction of its facts (date, description, authorities, date of the report), with its reason;
    /// the audit trail keeps every correction with the values before and after.</summary>
    public DateTimeOffset? CorrectedAt { get; set; }
    public string? CorrectionReason { get; set; }
    /// <summary>Set when it was withdrawn as wrongly recorded: it is never deleted, and citizens keep seeing it as
    /// withdrawn with this reason; a withdrawn materialization holds no follow-up back.</summary>
    public DateTimeOffset? WithdrawnAt { get; set; }
    public string? WithdrawnByName { get; set; }
    public string? WithdrawalReason { get; set; }
    public List<RiskEvidence> Evidence { get; set; } = [];
    public List<ImprovementAction> Actions { get; set; } = [];
}

/// <summary>An action of a materialization's improvement plan (plan de mejoramiento).</summary>
public class ImprovementAction
{
    public int Id { get; set; }
    public int MaterializationId { get; set; }
    public RiskMaterialization? Materialization { get; set; }
    public required string Description { get; set; }
    public int ResponsibleUnitId { get; set; }
    public Unit? ResponsibleUnit { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    public required string Deliverable { get; set; }
}
