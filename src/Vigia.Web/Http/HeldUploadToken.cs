using Microsoft.AspNetCore.DataProtection;

namespace Vigia.Web.Http;

/// <summary>The token a confirm-or-discard page carries for an upload held in the file store: its key and name,
/// data-protected, valid for <see cref="HoldFor"/>, and bound to the person and to the scope the report was made for
/// (entity and year), so it cannot be forged, handed to someone else, or replayed for another entity or year.
/// After the file is confirmed or discarded the key no longer opens anything, so a replay finds no file.</summary>
public sealed class HeldUploadToken(IDataProtectionProvider protection, TimeProvider clock, string purpose)
{
    public static readonly TimeSpan HoldFor = TimeSpan.FromHours(1);

    /// <summary>The token for the held file <paramref name="key"/>, named <paramref name="name"/>.</summary>
    public string Issue(Actor actor, string scope, string key, string name)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return Protector().Protect(string.Join('\n', actor.UserId ?? "", scope, key, name), HoldFor);
    }

    /// <summary>The held file's key and name, or null when the token is missing, forged, expired, or made for another
    /// person or scope.</summary>
    public (string Key, string Name)? Read(string? token, Actor actor, string scope)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }
        try
        {
            var parts = Protector().Unprotect(token, out var expires).Split('\n');
            var fresh = expires > clock.GetUtcNow();
            var expected = scope.Split('\n');
            return fresh && parts.Length == 3 + expected.Length && parts[0] == (actor.UserId ?? "")
                && parts.Skip(1).Take(expected.Length).SequenceEqual(expected, StringComparer.Ordinal)
                ? (parts[^2], parts[^1]) : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    private ITimeLimitedDataProtector Protector() => protection.CreateProtector(purpose).ToTimeLimitedDataProtector();
}
