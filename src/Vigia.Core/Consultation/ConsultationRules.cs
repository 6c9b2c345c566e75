using System.Net.Mail;

namespace Vigia.Core.Consultation;

/// <summary>The fields consultation errors are keyed by, and the limits of what a citizen and Planeación write.</summary>
public static class ConsultationRules
{
    public const int MinCommentLength = 10;
    public const int MaxCommentLength = 4000;
    public const int MaxNameLength = 200;
    public const int MaxEmailLength = 254;
    public const int MaxAnswerLength = 4000;
    public const int MinAnswerLength = 10;
    public const int MinReasonLength = 5;
    public const int MaxReasonLength = 500;

    public const string OpensOn = "OpensOn";
    public const string ClosesOn = "ClosesOn";
    public const string Text = "Text";
    public const string AuthorName = "AuthorName";
    public const string Organisation = "Organisation";
    public const string Email = "Email";
    public const string Target = "Target";
    public const string Answer = "Answer";
    public const string ChangedAction = "ChangedActionId";
    public const string DuplicateOf = "DuplicateOfNumber";
    public const string HiddenReason = "HiddenReason";

    /// <summary>A loose check, as the sign-up forms do: one @, something on both sides, a dot in the domain. The point is
    /// to catch typing mistakes; whether the address exists is what the confirmation link proves.</summary>
    public static bool IsEmail(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > MaxEmailLength || value.Contains(' ', StringComparison.Ordinal))
        {
            return false;
        }
        try
        {
            var address = new MailAddress(value);
            return address.Address == value && address.Host.Contains('.', StringComparison.Ordinal);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Trims, folds runs of spaces inside lines and drops control characters other than line breaks, so a
    /// comment cannot smuggle terminal codes or invisible text; markup stays as the characters typed (every output
    /// encodes it).</summary>
    public static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var kept = new string(value.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Where(c => c == '\n' || !char.IsControl(c)).ToArray()).Trim();
        return kept.Length == 0 ? null : kept;
    }
}
