using System.Security.Cryptography;
using System.Text;

namespace Vigia.Core.Accounts;

/// <summary>Issues and redeems single-use link tokens (activation, password reset). The raw token only ever
/// travels in the link; the database keeps its SHA-256.</summary>
public sealed class AccountTokens(AppDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan ActivationLifetime = TimeSpan.FromHours(48);
    public static readonly TimeSpan ResetLifetime = TimeSpan.FromHours(2);

    public async Task<string> IssueAsync(string userId, AccountTokenPurpose purpose, TimeSpan lifetime, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        // A new link replaces any earlier unused one for the same purpose.
        var pending = await db.AccountTokens.Where(t => t.UserId == userId && t.Purpose == purpose && t.UsedAt == null).ToListAsync(ct);
        foreach (var old in pending)
        {
            old.UsedAt = now;
        }
        var raw = Base64Url(RandomNumberGenerator.GetBytes(32));
        db.AccountTokens.Add(new AccountToken { UserId = userId, Purpose = purpose, TokenHash = Hash(raw), ExpiresAt = now + lifetime });
        await db.SaveChangesAsync(ct);
        return raw;
    }

    /// <summary>Finds the still-valid token's user without using it up (to show the form).</summary>
    public async Task<AppUser?> PeekAsync(string? raw, AccountTokenPurpose purpose, CancellationToken ct = default)
    {
        var token = await FindValidAsync(raw, purpose, ct);
        return token?.User;
    }

    /// <summary>Marks the token used; the caller saves it together with the password change.</summary>
    public async Task<AppUser?> RedeemAsync(string? raw, AccountTokenPurpose purpose, CancellationToken ct = default)
    {
        var token = await FindValidAsync(raw, purpose, ct);
        if (token is null)
        {
            return null;
        }
        token.UsedAt = clock.GetUtcNow();
        return token.User;
    }

    private async Task<AccountToken?> FindValidAsync(string? raw, AccountTokenPurpose purpose, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(raw) || raw.Length > 100)
        {
            return null;
        }
        var hash = Hash(raw);
        var token = await db.AccountTokens.Include(t => t.User).FirstOrDefaultAsync(t => t.TokenHash == hash && t.Purpose == purpose, ct);
        // Expiry compared in memory: SQLite cannot compare DateTimeOffset values in SQL.
        return token is { UsedAt: null } && token.ExpiresAt > clock.GetUtcNow() && token.User is { IsActive: true } ? token : null;
    }

    public static string Hash(string raw) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(raw)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
