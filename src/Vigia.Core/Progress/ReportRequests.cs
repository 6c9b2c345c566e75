namespace Vigia.Core.Progress;

/// <summary>The names of the form fields that errors are keyed by; the pages use the same names for their inputs.</summary>
public static class ReportFields
{
    public const string Month = "Month";
    public const string Quantity = "Quantity";
    public const string Narrative = "Narrative";
    public const string Files = "Files";
    public const string Links = "Links";
    public const string CorrectionReason = "CorrectionReason";
    public const string Comment = "Comment";
    public const string Summary = "Summary";
    public const string Component = "ComponentId";
    public const string Unit = "UnitId";
}

/// <summary>An uploaded evidence file: its bytes (read once, forwards) and the name the browser sent.</summary>
public sealed record EvidenceUpload(Stream Content, string FileName);

/// <summary>What a Responsable sends for one action and month. A correction names the reviewed report it corrects
/// and says why, and may keep evidence of that report. <paramref name="UnitId"/> names the part of a collective action
/// reported; it may be left out when the person reports for one part only.</summary>
public sealed record ReportDraft(
    int Month,
    decimal ExecutedQuantity,
    string Narrative,
    IReadOnlyList<string> Links,
    IReadOnlyList<EvidenceUpload> Files,
    int? CorrectsId = null,
    string? CorrectionReason = null,
    IReadOnlyCollection<int>? KeepEvidenceIds = null,
    int? UnitId = null);

/// <summary>Changes to a report that has not been reviewed yet.</summary>
public sealed record ReportEdit(
    decimal ExecutedQuantity,
    string Narrative,
    IReadOnlyList<string> Links,
    IReadOnlyList<EvidenceUpload> Files,
    IReadOnlyCollection<int> RemoveEvidenceIds);
