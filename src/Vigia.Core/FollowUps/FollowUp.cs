using Vigia.Core.Plans;

namespace Vigia.Core.FollowUps;

public enum FollowUpStatus
{
    /// <summary>Control Interno is assessing; nothing is frozen yet.</summary>
    Draft = 1,
    /// <summary>Frozen: the snapshot and its SHA-256 are stored and the report comes from them.</summary>
    Closed = 2,
    /// <summary>Closed and on the public pages and in the open data.</summary>
    Published = 3,
}

/// <summary>What a follow-up judges: the plan (with the risk map when its date is also a risk-map cut-off), or only
/// the risk map, at a risk-map cut-off that is not one of the plan's (docs/follow-up.md, "The risk-map follow-up").</summary>
public enum FollowUpScope
{
    Plan = 0,
    RiskMap = 1,
}

/// <summary>Control Interno's judgement of one action at a cut-off.</summary>
public enum AssessmentStatus
{
    /// <summary>"Cumplida": what was programmed up to the cut-off was done.</summary>
    Completed = 1,
    /// <summary>"En avance": partly done.</summary>
    InProgress = 2,
    /// <summary>"Sin avance": programmed and not started.</summary>
    NoProgress = 3,
    /// <summary>"No programada en el periodo": excluded from the counts.</summary>
    NotScheduled = 4,
}

/// <summary>One version of the internal-control office's follow-up (seguimiento OCI) of a plan at a cut-off.
/// Version 1 is the original; a correction after closing is a new version with its reason, and the earlier
/// versions stay as they were.</summary>
public class FollowUp
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public Plan? Plan { get; set; }
    public DateOnly CutOffDate { get; set; }
    /// <summary>1-based position of the cut-off in the plan year (1.er, 2.º, 3.er seguimiento).</summary>
    public int CutOffNumber { get; set; }
    public DateOnly PublicationDeadline { get; set; }
    /// <summary>Copied from the cut-off when the follow-up is started, so a later change of the risk-map cut-offs
    /// cannot turn a started follow-up into another kind.</summary>
    public FollowUpScope Scope { get; set; } = FollowUpScope.Plan;
    public int Version { get; set; } = 1;
    public FollowUpStatus Status { get; set; } = FollowUpStatus.Draft;
    /// <summary>The version this one corrects, and why (required from version 2 on).</summary>
    public int? PreviousVersionId { get; set; }
    public string? CorrectionReason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedById { get; set; }
    public string? CreatedByName { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosedById { get; set; }
    public string? ClosedByName { get; set; }
    /// <summary>Canonical JSON of everything the follow-up judged, frozen at closing.</summary>
    public string? SnapshotJson { get; set; }
    /// <summary>SHA-256 (lower-case hex) of the UTF-8 bytes of <see cref="SnapshotJson"/>.</summary>
    public string? SnapshotSha256 { get; set; }
    /// <summary>Totals copied from the snapshot at closing, for lists and open data.</summary>
    public int? ProgrammedCount { get; set; }
    public int? CompletedCount { get; set; }
    public decimal? CompliancePercent { get; set; }
    public decimal? AverageProgress { get; set; }
    /// <summary>alta, media or baja, with the thresholds in force at closing.</summary>
    public string? ComplianceBand { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public DateOnly? PublishedOn { get; set; }
    public string? PublishedById { get; set; }
    public string? PublishedByName { get; set; }
    /// <summary>Published after <see cref="PublicationDeadline"/> (Colombian date).</summary>
    public bool PublishedLate { get; set; }
    public List<FollowUpAssessment> Assessments { get; set; } = [];
    public List<FollowUpComponentNote> ComponentNotes { get; set; } = [];
}

/// <summary>Control Interno's assessment of one action in one follow-up version. The action is referenced by id
/// without a foreign key: a later change to the plan must never be blocked by, nor alter, a follow-up.</summary>
public class FollowUpAssessment
{
    public int Id { get; set; }
    public int FollowUpId { get; set; }
    public FollowUp? FollowUp { get; set; }
    public int ActionId { get; set; }
    public AssessmentStatus Status { get; set; }
    /// <summary>Percentage (0–100) of what was programmed up to the cut-off that Control Interno verified.</summary>
    public decimal? VerifiedPercent { get; set; }
    /// <summary>Optional verified quantity in the action's own unit (count or percentage of the target).</summary>
    public decimal? VerifiedQuantity { get; set; }
    public string? Observations { get; set; }
    public DateTimeOffset AssessedAt { get; set; }
    public string? AssessedById { get; set; }
    public string? AssessedByName { get; set; }
}

/// <summary>The "Observaciones" cell of one component in the official format.</summary>
public class FollowUpComponentNote
{
    public int Id { get; set; }
    public int FollowUpId { get; set; }
    public FollowUp? FollowUp { get; set; }
    public int ComponentNumber { get; set; }
    public required string Observations { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedByName { get; set; }
}
