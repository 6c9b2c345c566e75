using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Vigia.Core.Accounts;

/// <summary>One signed-in browser. The cookie carries <see cref="Id"/>; a request whose session has ended or expired is
/// treated as signed out at once, so a cookie captured before sign-out opens nothing (issue 14).</summary>
public sealed class UserSession
{
    /// <summary>32 random bytes, base64url. Not a credential on its own: the cookie around it is encrypted and
    /// signed by Data Protection; the id only says which server-side record the cookie belongs to.</summary>
    public string Id { get; set; } = "";
    public string UserId { get; set; } = "";
    public AppUser? User { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Why it ended, in Spanish, for the administrator's list and the audit trail.</summary>
    public string? EndedBecause { get; set; }

    /// <summary>The browser's User-Agent at sign-in, shortened, so a person can tell their sessions apart.</summary>
    public string? Client { get; set; }
    public string? Address { get; set; }
}

public sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.Property(s => s.Id).HasMaxLength(64);
        builder.Property(s => s.UserId).HasMaxLength(450);
        builder.Property(s => s.EndedBecause).HasMaxLength(200);
        builder.Property(s => s.Client).HasMaxLength(200);
        builder.Property(s => s.Address).HasMaxLength(64);
        builder.HasIndex(s => s.UserId);
        builder.HasOne(s => s.User).WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Starts, checks and ends server-side sessions. Starting and ending write audit entries (the rows are
/// audited like any other); checking only reads.</summary>
public sealed class UserSessions(AppDbContext db, TimeProvider clock)
{
    public const string ClaimType = "vigia:sesion";
    public const string SignedOut = "Cerró su sesión";
    public const string EndedByAdministrator = "Cerrada por un administrador";
    public const string AccountDeactivated = "Cuenta desactivada";

    public async Task<UserSession> StartAsync(string userId, TimeSpan lifetime, string? client, string? address, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var session = new UserSession
        {
            Id = Base64Url(RandomNumberGenerator.GetBytes(32)),
            UserId = userId,
            StartedAt = now,
            ExpiresAt = now + lifetime,
            Client = Shorten(client, 200),
            Address = Shorten(address, 64),
        };
        db.Add(session);
        await db.SaveChangesAsync(ct);
        return session;
    }

    /// <summary>Whether <paramref name="sessionId"/> is a running session of <paramref name="userId"/>.</summary>
    public Task<bool> IsActiveAsync(string? sessionId, string? userId, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(sessionId) || string.IsNullOrEmpty(userId))
        {
            return Task.FromResult(false);
        }
        var now = clock.GetUtcNow();
        return db.UserSessions.AsNoTracking()
            .AnyAsync(s => s.Id == sessionId && s.UserId == userId && s.EndedAt == null && s.ExpiresAt > now, ct);
    }

    public async Task<List<UserSession>> ActiveAsync(string userId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var sessions = await db.UserSessions.AsNoTracking()
            .Where(s => s.UserId == userId && s.EndedAt == null && s.ExpiresAt > now).ToListAsync(ct);
        return [.. sessions.OrderByDescending(s => s.StartedAt)];
    }

    /// <summary>Ends one session (sign-out, or an administrator); ending one already ended changes nothing.</summary>
    public async Task<Result<UserSession>> EndAsync(string sessionId, string because, string? userId = null, CancellationToken ct = default)
    {
        var session = await db.UserSessions.FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null || (userId is not null && session.UserId != userId))
        {
            return Result.NotFound("La sesión no existe.");
        }
        if (session.EndedAt is null)
        {
            (session.EndedAt, session.EndedBecause) = (clock.GetUtcNow(), because);
            await db.SaveChangesAsync(ct);
        }
        return Result.Saved(session);
    }

    /// <summary>Moves a running session's expiry when its cookie slides.</summary>
    public async Task ExtendAsync(string sessionId, TimeSpan lifetime, CancellationToken ct = default)
    {
        var session = await db.UserSessions.FirstOrDefaultAsync(s => s.Id == sessionId && s.EndedAt == null, ct);
        if (session is not null)
        {
            session.ExpiresAt = clock.GetUtcNow() + lifetime;
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>Ends every running session of a person at an administrator's request.</summary>
    public async Task<Result<int>> EndEveryAsync(string userId, CancellationToken ct = default)
    {
        if (!await db.Users.AnyAsync(u => u.Id == userId, ct))
        {
            return Result.NotFound("La cuenta no existe.");
        }
        var ended = await EndAllAsync(userId, EndedByAdministrator, ct);
        await db.SaveChangesAsync(ct);
        return Result.Saved(ended);
    }

    /// <summary>Ends every running session of a person; the caller saves (so deactivation and this are one write).</summary>
    public async Task<int> EndAllAsync(string userId, string because, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var running = await db.UserSessions.Where(s => s.UserId == userId && s.EndedAt == null).ToListAsync(ct);
        foreach (var session in running)
        {
            (session.EndedAt, session.EndedBecause) = (now, because);
        }
        return running.Count;
    }

    private static string? Shorten(string? text, int max) => text is null ? null : text.Length <= max ? text : text[..max];

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
