namespace Vigia.Core.Progress;

public enum ReportingOutcome
{
    Saved,
    /// <summary>The request breaks a rule; <see cref="ReportingResult.Errors"/> says which, by field.</summary>
    Invalid,
    /// <summary>The record does not exist, or the person may not see it: the same answer, so nothing is revealed.</summary>
    NotFound,
    /// <summary>The person sees the record but may not do this to it.</summary>
    Forbidden,
    /// <summary>Someone else changed the record first (a review, a correction); the form is stale.</summary>
    Conflict,
}

/// <summary>The outcome of a reporting or monitoring write: the saved record's id, or errors keyed by form field
/// ("" for the whole form), in Spanish.</summary>
public sealed record ReportingResult(ReportingOutcome Outcome, int? Id, IReadOnlyDictionary<string, string> Errors)
{
    private static readonly IReadOnlyDictionary<string, string> NoErrors = new Dictionary<string, string>();

    public bool Succeeded => Outcome == ReportingOutcome.Saved;

    public static ReportingResult Saved(int id) => new(ReportingOutcome.Saved, id, NoErrors);

    public static ReportingResult Invalid(IReadOnlyDictionary<string, string> errors) => new(ReportingOutcome.Invalid, null, errors);

    public static ReportingResult Invalid(string field, string message) => Invalid(new Dictionary<string, string> { [field] = message });

    public static ReportingResult NotFound() =>
        new(ReportingOutcome.NotFound, null, new Dictionary<string, string> { [""] = "El registro no existe o no está a su cargo." });

    public static ReportingResult Forbidden(string message) => new(ReportingOutcome.Forbidden, null, new Dictionary<string, string> { [""] = message });

    public static ReportingResult Conflict(string message) => new(ReportingOutcome.Conflict, null, new Dictionary<string, string> { [""] = message });
}

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
}

/// <summary>An uploaded evidence file: its bytes (read once, forwards) and the name the browser sent.</summary>
public sealed record EvidenceUpload(Stream Content, string FileName);

/// <summary>What a Responsable sends for one action and month. A correction names the reviewed report it corrects
/// and says why, and may keep evidence of that report.</summary>
public sealed record ReportDraft(
    int Month,
    decimal ExecutedQuantity,
    string Narrative,
    IReadOnlyList<string> Links,
    IReadOnlyList<EvidenceUpload> Files,
    int? CorrectsId = null,
    string? CorrectionReason = null,
    IReadOnlyCollection<int>? KeepEvidenceIds = null);

/// <summary>Changes to a report that has not been reviewed yet.</summary>
public sealed record ReportEdit(
    decimal ExecutedQuantity,
    string Narrative,
    IReadOnlyList<string> Links,
    IReadOnlyList<EvidenceUpload> Files,
    IReadOnlyCollection<int> RemoveEvidenceIds);
