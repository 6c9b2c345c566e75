namespace Vigia.Core.FollowUps;

/// <summary>What Control Interno enters for one action.</summary>
public sealed record AssessmentInput(AssessmentStatus? Status, decimal? VerifiedPercent, decimal? VerifiedQuantity, string? Observations);

/// <summary>The outcome of a follow-up write: the follow-up, or errors keyed by field ("" for the whole form), in
/// Spanish. <see cref="Forbidden"/> when the actor may not write follow-ups at all; <see cref="NotFound"/> when the
/// plan, cut-off or action does not exist.</summary>
public sealed record FollowUpResult(FollowUp? FollowUp, IReadOnlyDictionary<string, string> Errors, bool Forbidden = false, bool NotFound = false)
{
    public bool Succeeded => Errors.Count == 0 && !Forbidden && !NotFound;

    internal static FollowUpResult Ok(FollowUp followUp) => new(followUp, new Dictionary<string, string>());

    internal static FollowUpResult Fail(string field, string message) => new(null, new Dictionary<string, string> { [field] = message });

    internal static FollowUpResult Denied { get; } = new(null, new Dictionary<string, string>
    {
        [""] = "Solo la Oficina de Control Interno registra y modifica los seguimientos.",
    }, Forbidden: true);

    internal static FollowUpResult Missing { get; } = new(null, new Dictionary<string, string> { [""] = "No existe." }, NotFound: true);
}
