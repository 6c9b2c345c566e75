using Vigia.Core.Plans;

namespace Vigia.Core.Progress;

public enum ReportStatus
{
    /// <summary>Sent by the first line; still editable until reviewed.</summary>
    Submitted = 1,
    /// <summary>Accepted by a Líder de componente or Planeación.</summary>
    Accepted = 2,
    /// <summary>Returned with a comment; answered by a new report that corrects it.</summary>
    Returned = 3,
    /// <summary>Replaced by a later correction.</summary>
    Superseded = 4,
}

/// <summary>What a responsible unit executed for one action in one month, with its evidence (first line of defence).</summary>
public class ProgressReport
{
    public int Id { get; set; }
    public int ActionId { get; set; }
    public PlanAction? Action { get; set; }
    /// <summary>The unit whose part of a collective action this reports (<see cref="ActionParts"/>); null for an action
    /// without parts, which its units report together, and for reports made before its group was mapped.</summary>
    public int? UnitId { get; set; }
    public Organisation.Unit? Unit { get; set; }
    /// <summary>Month of the plan's year the report covers (1–12).</summary>
    public int Month { get; set; }
    /// <summary>Quantity executed in the month; for percentage targets, the percentage reached.</summary>
    public decimal ExecutedQuantity { get; set; }
    public required string Narrative { get; set; }
    public ReportStatus Status { get; set; } = ReportStatus.Submitted;
    public DateTimeOffset SubmittedAt { get; set; }
    public string? SubmittedById { get; set; }
    public string? SubmittedByName { get; set; }
    /// <summary>Submitted after the month's reporting deadline.</summary>
    public bool IsLate { get; set; }
    /// <summary>The reviewed report this one corrects, and why.</summary>
    public int? CorrectsId { get; set; }
    public ProgressReport? Corrects { get; set; }
    public string? CorrectionReason { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public string? ReviewedById { get; set; }
    public string? ReviewedByName { get; set; }
    public string? ReviewComment { get; set; }
    /// <summary>Made by the demo simulation, never by a person.</summary>
    public bool IsSimulated { get; set; }
    public List<Evidence> Evidence { get; set; } = [];
}

public enum EvidenceKind
{
    File = 1,
    Link = 2,
}

/// <summary>A file (kept with its SHA-256, outside the web root) or a link that backs a report.</summary>
public class Evidence
{
    public int Id { get; set; }
    public int ReportId { get; set; }
    public ProgressReport? Report { get; set; }
    public EvidenceKind Kind { get; set; }
    public string? FileName { get; set; }
    public string? StorageKey { get; set; }
    public string? ContentType { get; set; }
    public long? SizeBytes { get; set; }
    public string? Sha256 { get; set; }
    public string? Url { get; set; }
    public string? Description { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}

