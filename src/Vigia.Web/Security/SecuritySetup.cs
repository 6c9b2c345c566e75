using Microsoft.AspNetCore.DataProtection;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Vigia.Web.Security;

public static class Policies
{
    public const string Administration = "Administracion";
    public const string Staff = "Funcionarios";
    public const string InternalControl = "ControlInterno";
    /// <summary>Consulta departamental: the role, and only reads (GET and HEAD); any other method is refused before
    /// the page runs.</summary>
    public const string DepartmentReader = "ConsultaDepartamental";
    public const string SignInRateLimit = "ingreso";
    public const string PublicFormRateLimit = "formularios-publicos";
    /// <summary>Citizens' comments on a consultation: a few per address and hour, counted on POST only.</summary>
    public const string CommentRateLimit = "comentarios";
}

/// <summary>Accounts, cookies, policies, rate limits and optional single sign-on, in one place.</summary>
public static class SecuritySetup
{
    /// <summary>Shared by every instance; never change it on a running installation, or every session and form ends.</summary>
    public const string DataProtectionApplicationName = "Vigia";

    public static void AddVigiaSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Behind the entity's TLS proxy the forwarded scheme makes every cookie Secure; on http://localhost (the
        // README's run command) cookies must still work. Security:RequireHttps forces Secure cookies regardless.
        var secure = builder.Configuration.GetValue("Security:RequireHttps", false) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        // Sent only when Security:RequireHttps is on (Program.cs): a year, subdomains included. Not to localhost, the
        // middleware's default exclusion, so a browser never pins HTTPS on a developer's machine.
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Which proxies to trust is deployment-specific: by default only loopback, as ASP.NET Core does.
            foreach (var proxy in builder.Configuration.GetSection("Security:KnownProxies").Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
        });
        // The keys behind cookies, antiforgery tokens and signed form values live in the database, under one application
        // name: every instance on the same database reads the same key ring, so a session or a form one instance issued
        // is valid on the others behind the load balancer (issue 14, docs/security.md).
        services.AddDataProtection()
            .SetApplicationName(DataProtectionApplicationName)
            .PersistKeysToDbContext<AppDbContext>();
        services.AddVigiaIdentityCore()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<VigiaClaimsFactory>();
        // The default scheme chooses: the bearer token on /api when one is sent (Security/PersonalAccessTokenAuthentication),
        // the session cookie everywhere else. The write API's policy names the bearer scheme alone, so a cookie never
        // authenticates it.
        var authentication = services.AddAuthentication(ApiAuthentication.Selector);
        authentication.AddIdentityCookies();
        authentication.AddVigiaApiAuthentication();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/cuenta/ingresar";
            o.LogoutPath = "/cuenta/salir";
            o.AccessDeniedPath = "/cuenta/acceso-denegado";
            o.Cookie.Name = "vigia-sesion";
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = secure;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            ServerSessions.Attach(o);
        });
        services.ConfigureExternalCookie(o =>
        {
            o.Cookie.SecurePolicy = secure;
            o.Cookie.HttpOnly = true;
        });
        // A deactivated account or changed roles end open sessions within a minute.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            o.OnRefreshingPrincipal = ServerSessions.CarrySessionOver;
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "vigia-af";
            o.Cookie.SecurePolicy = secure;
            o.Cookie.HttpOnly = true;
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Administration, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(Policies.Staff, p => p.RequireAuthenticatedUser().RequireRole(Roles.Staff))
            .AddPolicy(Policies.DepartmentReader, p => p.RequireRole(Roles.DepartmentObserver).RequireAssertion(c =>
                (c.Resource as HttpContext ?? (c.Resource as Microsoft.AspNetCore.Mvc.Filters.AuthorizationFilterContext)?.HttpContext) is { } http
                && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))))
            .AddPolicy(Policies.InternalControl, p => p.RequireRole(Roles.InternalControl))
            .AddPolicy(ApiAuthentication.TokenPolicy, p => p.AddAuthenticationSchemes(ApiAuthentication.Scheme).RequireAuthenticatedUser()
                .RequireClaim(ApiAuthentication.TokenIdClaim))
            .AddPolicy(ApiAuthentication.WriteProgressPolicy, p => p.AddAuthenticationSchemes(ApiAuthentication.Scheme).RequireAuthenticatedUser()
                .RequireClaim(ApiAuthentication.TokenIdClaim).RequireClaim(ApiAuthentication.ScopeClaim, TokenScopes.WriteProgress));
        var signInLimit = builder.Configuration.GetValue("Security:SignInAttemptsPerMinute", 10);
        var formLimit = builder.Configuration.GetValue("Security:PublicFormPostsPerMinute", 20);
        var commentLimit = builder.Configuration.GetValue("Security:CommentsPerHour", 10);
        var apiAnonymousLimit = builder.Configuration.GetValue("Api:RateLimit:AnonymousPerMinute", 120);
        var apiTokenLimit = builder.Configuration.GetValue("Api:RateLimit:TokenPerMinute", 600);
        services.AddRateLimiter(o =>
        {
            // Only the API's endpoints carry this policy (Api/ApiVersions): pages and open-data files never run it, and a
            // cached anonymous read is answered before the limiter. A request with a valid token counts against the token,
            // any other against its address (an invalid token is refused with 401, and counted by address).
            o.AddPolicy(Api.ApiVersions.RateLimitPolicy, http => ApiAuthentication.TokenId(http.User) is { } token
                ? RateLimitPartition.GetFixedWindowLimiter("token:" + token.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = apiTokenLimit, Window = TimeSpan.FromMinutes(1) })
                : RateLimitPartition.GetFixedWindowLimiter("ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "local"),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = apiAnonymousLimit, Window = TimeSpan.FromMinutes(1) }));
            o.AddPolicy(Policies.CommentRateLimit, http => HttpMethods.IsPost(http.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "local",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = commentLimit, Window = TimeSpan.FromHours(1) })
                : RateLimitPartition.GetNoLimiter("lectura"));
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Policies.SignInRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = signInLimit, Window = TimeSpan.FromMinutes(1) }));
            o.AddPolicy(Policies.PublicFormRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = formLimit, Window = TimeSpan.FromMinutes(1) }));
            o.OnRejected = async (context, ct) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)) : 60;
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (ApiAuthentication.IsApi(context.HttpContext.Request.Path))
                {
                    await ApiProblems.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "Demasiadas solicitudes",
                        $"Se superó el límite de solicitudes a la API por minuto ({(ApiAuthentication.TokenId(context.HttpContext.User) is null ? "por dirección" : "por token")}). "
                        + $"Vuelva a intentarlo en {seconds} segundos.");
                    return;
                }
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync("Demasiados intentos seguidos. Espere un minuto y vuelva a intentarlo.", ct);
            };
        });
        AddSingleSignOn(builder);
    }

    /// <summary>OpenID Connect with the entity's identity provider (Azure AD, Keycloak…) when
    /// <c>Authentication:Oidc:Authority</c> is set. Accounts are still created by an administrator: the provider
    /// proves who the person is, Vigía decides what they may do.</summary>
    private static void AddSingleSignOn(WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Authentication:Oidc");
        if (string.IsNullOrWhiteSpace(section["Authority"]))
        {
            return;
        }
        builder.Services.AddAuthentication().AddOpenIdConnect(OidcScheme, section["DisplayName"] ?? "la entidad", o =>
        {
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.Authority = section["Authority"];
            o.ClientId = section["ClientId"];
            o.ClientSecret = section["ClientSecret"];
            o.ResponseType = "code";
            o.UsePkce = true;
            o.CallbackPath = section["CallbackPath"] ?? "/signin-oidc";
            o.Scope.Add("email");
            o.GetClaimsFromUserInfoEndpoint = true;
            o.MapInboundClaims = false;
            o.TokenValidationParameters.NameClaimType = "name";
        });
    }

    public const string OidcScheme = OpenIdConnectDefaults.AuthenticationScheme;
}

/// <summary>Puts the person's display name in the cookie, so pages greet them without a query.</summary>
public sealed class VigiaClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(Core.Audit.AuditActor.DisplayNameClaimType, user.DisplayName));
        return identity;
    }
}
