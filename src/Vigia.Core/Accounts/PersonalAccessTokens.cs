using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigia.Core.Audit;

namespace Vigia.Core.Accounts;

/// <summary>A personal access token: another system acts as its owner on the API (<c>Authorization: Bearer vigia_pat_…</c>),
/// within its scopes and the owner's current roles and units. Only the SHA-256 of the secret is stored; the secret is shown
/// once, when the token is made. Tokens are revoked, never deleted, so the audit trail keeps what each one did.</summary>
public sealed class PersonalAccessToken
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public AppUser? User { get; set; }

    /// <summary>What the owner calls it ("Integración con el SIG").</summary>
    public string Name { get; set; } = "";

    /// <summary>The first characters of the secret (<c>vigia_pat_</c> and eight more), to tell tokens apart on screen.</summary>
    public string Prefix { get; set; } = "";

    /// <summary>SHA-256 of the whole secret, 64 lower-case hex digits.</summary>
    public string SecretHash { get; set; } = "";

    /// <summary>The scopes, space-separated (<see cref="TokenScopes"/>).</summary>
    public string Scopes { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }

    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

public sealed class PersonalAccessTokenConfiguration : IEntityTypeConfiguration<PersonalAccessToken>
{
    public void Configure(EntityTypeBuilder<PersonalAccessToken> builder)
    {
        builder.Property(t => t.UserId).HasMaxLength(450);
        builder.Property(t => t.Name).HasMaxLength(PersonalAccessTokens.MaxNameLength);
        builder.Property(t => t.Prefix).HasMaxLength(32);
        builder.Property(t => t.SecretHash).HasMaxLength(64);
        builder.Property(t => t.Scopes).HasMaxLength(200);
        builder.HasIndex(t => t.SecretHash).IsUnique();
        builder.HasIndex(t => t.UserId);
        builder.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>What a token may be used for. A scope is offered only to someone whose role has that power, and it works only
/// while they still have it: a token's powers are the intersection of its scopes and its owner's current roles.</summary>
public static class TokenScopes
{
    /// <summary>Reads of the API as the owner (the public reads, with the token's own rate limit).</summary>
    public const string Read = "lectura";

    /// <summary>Submitting progress reports with evidence, as a Responsable does on the form.</summary>
    public const string WriteProgress = "avances:escribir";

    public static readonly IReadOnlyList<string> All = [Read, WriteProgress];

    public static string Description(string scope) => scope switch
    {
        Read => "Lectura: consultar la API con este token (sus propios límites de uso).",
        WriteProgress => "Reportes de avance: enviar reportes de avance con sus soportes, como en el formulario (rol Responsable).",
        _ => scope,
    };

    /// <summary>The role a scope needs now, or null when any account may hold it.</summary>
    public static string? RequiredRole(string scope) => scope == WriteProgress ? Roles.Responsible : null;

    /// <summary>The scopes a person with these roles may give a token.</summary>
    public static IReadOnlyList<string> Allowed(IReadOnlySet<string> roles) =>
        [.. All.Where(s => RequiredRole(s) is not { } role || roles.Contains(role))];
}

/// <summary>A token just made, with its secret: the only time the secret exists outside the caller's hands.</summary>
public sealed record CreatedToken(PersonalAccessToken Token, string Secret);

/// <summary>Why a presented token was refused, in Spanish, for the 401's detail.</summary>
public sealed record TokenCheck(PersonalAccessToken? Token, AppUser? User, IReadOnlySet<string> Roles, string? Refusal)
{
    public bool Valid => Refusal is null;
}

/// <summary>Makes, lists, checks, records the use of and revokes personal access tokens. Every write is audited: the
/// creation and revocation as any row, each use on the API as a change of <see cref="PersonalAccessToken.LastUsedAt"/>
/// whose reason names the method and the address.</summary>
public sealed class PersonalAccessTokens(AppDbContext db, AuditScope audit, TimeProvider clock)
{
    public const string SecretPrefix = "vigia_pat_";
    public const int MaxNameLength = 100;
    public const int MaxLifetimeDays = 366;
    public const int MaxActivePerUser = 20;
    private const int ShownPrefixLength = 8;

    public static class Fields
    {
        public const string Name = "Name";
        public const string ExpiresOn = "ExpiresOn";
        public const string Scopes = "Scopes";
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>A token of <paramref name="actor"/> that expires at the end of <paramref name="expiresOn"/> (Colombian
    /// time), at most a year from today, with scopes their roles allow.</summary>
    public async Task<Result<CreatedToken>> CreateAsync(Actor actor, string? name, DateOnly? expiresOn, IReadOnlyCollection<string> scopes,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(scopes);
        if (actor.UserId is null)
        {
            return Result.Forbidden("Ingrese con su cuenta para crear un token.");
        }
        var errors = new Dictionary<string, string>();
        var today = ColombianTime.Today(clock);
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            errors[Fields.Name] = "Escriba un nombre que le recuerde para qué es el token.";
        }
        else if (trimmed.Length > MaxNameLength)
        {
            errors[Fields.Name] = $"El nombre no puede pasar de {MaxNameLength} caracteres (tiene {trimmed.Length}).";
        }
        var latest = today.AddDays(MaxLifetimeDays - 1);
        if (expiresOn is not { } until)
        {
            errors[Fields.ExpiresOn] = "Indique hasta qué fecha vale el token: todo token vence.";
        }
        else if (until < today)
        {
            errors[Fields.ExpiresOn] = "La fecha de vencimiento ya pasó: elija una fecha desde hoy.";
        }
        else if (until > latest)
        {
            errors[Fields.ExpiresOn] = $"Un token vale a lo sumo un año: elija una fecha hasta el {SpanishFormat.LongDate(latest)}.";
        }
        var allowed = TokenScopes.Allowed(actor.Roles);
        var chosen = scopes.Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (chosen.Count == 0)
        {
            errors[Fields.Scopes] = "Elija al menos un permiso para el token.";
        }
        else if (chosen.FirstOrDefault(s => !allowed.Contains(s)) is { } refused)
        {
            errors[Fields.Scopes] = TokenScopes.All.Contains(refused)
                ? $"Su rol no permite dar a un token el permiso «{refused}»."
                : $"«{refused}» no es un permiso de token.";
        }
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }
        var now = clock.GetUtcNow();
        // Compared here, not in SQL: SQLite cannot order DateTimeOffset values.
        var expiries = await db.PersonalAccessTokens.Where(t => t.UserId == actor.UserId && t.RevokedAt == null).Select(t => t.ExpiresAt).ToListAsync(ct);
        if (expiries.Count(e => e > now) >= MaxActivePerUser)
        {
            return Result.Invalid("", $"Ya tiene {MaxActivePerUser} tokens vigentes: revoque alguno antes de crear otro.");
        }
        var secret = SecretPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var token = new PersonalAccessToken
        {
            UserId = actor.UserId,
            Name = trimmed,
            Prefix = secret[..(SecretPrefix.Length + ShownPrefixLength)],
            SecretHash = Hash(secret),
            Scopes = string.Join(' ', TokenScopes.All.Where(chosen.Contains)),
            CreatedAt = now,
            ExpiresAt = ColombianTime.StartOfDay(expiresOn!.Value.AddDays(1)),
        };
        using (audit.Begin(new AuditActor(actor.UserId, actor.Name)))
        {
            db.PersonalAccessTokens.Add(token);
            await db.SaveChangesAsync(ct);
        }
        return Result.Saved(new CreatedToken(token, secret));
    }

    /// <summary>The tokens of one person, newest first; an administrator passes null for everyone's.</summary>
    public async Task<List<PersonalAccessToken>> ListAsync(string? userId, CancellationToken ct = default)
    {
        var query = db.PersonalAccessTokens.AsNoTracking().Include(t => t.User).AsQueryable();
        if (userId is not null)
        {
            query = query.Where(t => t.UserId == userId);
        }
        var tokens = await query.ToListAsync(ct);
        return [.. tokens.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)];
    }

    /// <summary>Revokes a token: its owner may, and an administrator may revoke anyone's. Someone else's token is not found.
    /// Revoking one already revoked changes nothing.</summary>
    public async Task<Result<PersonalAccessToken>> RevokeAsync(Actor actor, int tokenId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var token = await db.PersonalAccessTokens.FirstOrDefaultAsync(t => t.Id == tokenId, ct);
        if (token is null || actor.UserId is null || (token.UserId != actor.UserId && !actor.IsIn(Roles.Administrator)))
        {
            return Result.NotFound("El token no existe o no es suyo.");
        }
        if (token.RevokedAt is null)
        {
            using (audit.Begin(new AuditActor(actor.UserId, actor.Name), token.UserId == actor.UserId ? null : "Revocado por un administrador"))
            {
                token.RevokedAt = clock.GetUtcNow();
                await db.SaveChangesAsync(ct);
            }
        }
        return Result.Saved(token);
    }

    /// <summary>Checks a presented secret: known, not revoked, not expired, its owner active. Only reads.</summary>
    public async Task<TokenCheck> CheckAsync(string? secret, CancellationToken ct = default)
    {
        var none = new HashSet<string>();
        if (string.IsNullOrEmpty(secret) || !secret.StartsWith(SecretPrefix, StringComparison.Ordinal) || secret.Length > 200)
        {
            return new TokenCheck(null, null, none, $"El token no tiene el formato de Vigía (empieza por «{SecretPrefix}»).");
        }
        var hash = Hash(secret);
        var token = await db.PersonalAccessTokens.AsNoTracking().Include(t => t.User).FirstOrDefaultAsync(t => t.SecretHash == hash, ct);
        if (token is null)
        {
            return new TokenCheck(null, null, none, "El token no existe.");
        }
        if (token.RevokedAt is not null)
        {
            return new TokenCheck(token, token.User, none, "El token fue revocado.");
        }
        if (token.ExpiresAt <= clock.GetUtcNow())
        {
            return new TokenCheck(token, token.User, none, "El token venció: cree uno nuevo en su cuenta.");
        }
        if (token.User is not { IsActive: true } user)
        {
            return new TokenCheck(token, token.User, none, "La cuenta dueña del token está desactivada.");
        }
        var roles = await db.UserRoles.Where(r => r.UserId == user.Id)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync(ct);
        return new TokenCheck(token, user, roles.ToHashSet(StringComparer.Ordinal), null);
    }

    /// <summary>Writes one use of a token into the audit trail: its last use moves to now, with the method and address as the
    /// entry's reason and its owner as the actor.</summary>
    public async Task RecordUseAsync(int tokenId, AuditActor actor, string method, string path, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var token = await db.PersonalAccessTokens.FirstOrDefaultAsync(t => t.Id == tokenId, ct);
        if (token is null)
        {
            return;
        }
        var shown = path.Length > 300 ? path[..300] : path;
        using (audit.Begin(actor, $"Uso del token «{token.Name}» (n.º {token.Id}) en la API: {method} {shown}"))
        {
            token.LastUsedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
