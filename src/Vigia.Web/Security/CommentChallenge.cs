using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Vigia.Web.Security;

/// <summary>The simple question in Spanish that keeps scripts out of the consultation's comment form, checked on the
/// server without session state: the expected answer and the time it was asked travel inside a data-protected token
/// in the form, valid for <see cref="ValidFor"/> on the injected clock. A forged, altered or stale token fails.</summary>
public sealed class CommentChallenge(IDataProtectionProvider protection, TimeProvider clock)
{
    public static readonly TimeSpan ValidFor = TimeSpan.FromHours(2);

    private const string Purpose = "Vigia.Consultation.CommentChallenge";

    public sealed record Question(string Text, string Token);

    public Question Ask()
    {
        var a = RandomNumberGenerator.GetInt32(1, 10);
        var b = RandomNumberGenerator.GetInt32(1, 10);
        var issued = clock.GetUtcNow().ToUnixTimeSeconds();
        var token = Protector().Protect(string.Create(CultureInfo.InvariantCulture, $"{a + b}|{issued}"));
        return new Question(string.Create(SpanishFormat.Culture, $"¿Cuánto es {a} más {b}? Escriba el resultado en números."), token);
    }

    /// <summary>Whether <paramref name="answer"/> is the answer to the question <paramref name="token"/> was issued for.</summary>
    public bool IsAnswered(string? token, string? answer)
    {
        if (string.IsNullOrEmpty(token) || string.IsNullOrWhiteSpace(answer))
        {
            return false;
        }
        try
        {
            var parts = Protector().Unprotect(token).Split('|');
            if (parts.Length != 2 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var issued))
            {
                return false;
            }
            var age = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(issued);
            return age >= TimeSpan.Zero && age <= ValidFor
                && string.Equals(parts[0], answer.Trim(), StringComparison.Ordinal);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private IDataProtector Protector() => protection.CreateProtector(Purpose);
}
