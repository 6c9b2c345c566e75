using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Vigia.Web.Security;

/// <summary>The bearer scheme of the API: <c>Authorization: Bearer vigia_pat_…</c>, checked against the stored hash on every
/// request (<see cref="PersonalAccessTokens.CheckAsync"/>), so a revoked or expired token, or a deactivated owner, is refused
/// at once. The principal carries the owner's CURRENT roles (read now, not when the token was made) and the token's scopes;
/// a power needs both. Only <c>/api</c> selects this scheme (<see cref="ApiAuthentication"/>); cookies never authenticate a
/// write of the API, so there is nothing for a cross-site request to ride on and no antiforgery token is needed.</summary>
public sealed class PersonalAccessTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    PersonalAccessTokens tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string RefusalItem = "vigia:token-refusal";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var check = await tokens.CheckAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (!check.Valid)
        {
            Context.Items[RefusalItem] = check.Refusal;
            return AuthenticateResult.Fail(check.Refusal!);
        }
        var user = check.User!;
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id),
            new(ClaimTypes.Name, user.UserName ?? user.Id),
            new(Core.Audit.AuditActor.DisplayNameClaimType, user.DisplayName),
            new(ApiAuthentication.TokenIdClaim, check.Token!.Id.ToString(CultureInfo.InvariantCulture)),
        };
        if (check.Token.LastUsedAt is { } lastUsed)
        {
            claims.Add(new Claim(ApiAuthentication.LastUsedClaim, lastUsed.UtcTicks.ToString(CultureInfo.InvariantCulture)));
        }
        claims.AddRange(check.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        claims.AddRange(check.Token.ScopeList.Select(s => new Claim(ApiAuthentication.ScopeClaim, s)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, ApiAuthentication.Scheme));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, ApiAuthentication.Scheme));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var refusal = Context.Items[RefusalItem] as string;
        Response.Headers.WWWAuthenticate = refusal is null ? "Bearer realm=\"vigia\"" : "Bearer realm=\"vigia\", error=\"invalid_token\"";
        return ApiProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Falta un token válido",
            refusal ?? "Esta operación de la API necesita un token de acceso personal: envíelo en el encabezado «Authorization: Bearer vigia_pat_…». "
            + "Se crea en «Mi cuenta › Tokens de acceso». La sesión del navegador no sirve para la API de escritura.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, "El token no tiene ese permiso",
            $"Esta operación necesita un token con el permiso «{TokenScopes.WriteProgress}». Cree un token con ese permiso en su cuenta.");
}

/// <summary>The API's authentication: the scheme, its claims and the policy of the write API.</summary>
public static class ApiAuthentication
{
    public const string Scheme = "Bearer";
    public const string TokenIdClaim = "vigia:token";
    public const string ScopeClaim = "scope";
    public const string LastUsedClaim = "vigia:token-last-used";

    /// <summary>Any valid token, whatever its scopes (reads that need to know who asks).</summary>
    public const string TokenPolicy = "ApiToken";

    /// <summary>The policy of <c>POST /api/v1/…/reports</c>: a token (never the cookie) with the scope «avances:escribir».</summary>
    public const string WriteProgressPolicy = "ApiAvancesEscribir";

    /// <summary>The default scheme: the bearer token on <c>/api</c> when the request sends one, the session cookie otherwise.</summary>
    public const string Selector = "Vigia";

    public static void AddVigiaApiAuthentication(this AuthenticationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddScheme<AuthenticationSchemeOptions, PersonalAccessTokenHandler>(Scheme, "Token de acceso personal", null);
        builder.AddPolicyScheme(Selector, "Vigía", o => o.ForwardDefaultSelector = http =>
            IsApi(http.Request.Path) && http.Request.Headers.Authorization.Count > 0 ? Scheme : Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme);
    }

    public static bool IsApi(PathString path) => path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    /// <summary>The token's id when the request was authenticated by one.</summary>
    public static int? TokenId(ClaimsPrincipal user) =>
        user?.FindFirst(TokenIdClaim)?.Value is { } id ? int.Parse(id, CultureInfo.InvariantCulture) : null;

    public static bool HasScope(ClaimsPrincipal user, string scope) => user?.HasClaim(ScopeClaim, scope) == true;
}
