using Vigia.Web.Security;

namespace Vigia.Web.Api;

/// <summary>The API's addresses: <c>/api/v1/…</c> is the documented version; every read also answers at its first address
/// without the version (<c>/api/plans/2022</c>), an alias kept because other systems already link it. The alias answers the
/// same bytes, is left out of the OpenAPI document and is named in its description; a breaking change gets <c>/api/v2</c>
/// beside v1, and the alias stays on v1 (ADR 034).</summary>
public static class ApiVersions
{
    public const string V1 = "/api/v1";
    public const string Alias = "/api";

    /// <summary>The per-IP and per-token rate limit that every API endpoint, and only they, carry.</summary>
    public const string RateLimitPolicy = "api";

    /// <summary>The v1 group (canonical: named, documented) and the alias group, each under <paramref name="prefix"/>; both
    /// anonymous-readable, rate limited, and recording a token's use (<see cref="TokenUseFilter"/>).</summary>
    public static IEnumerable<(RouteGroupBuilder Group, bool Canonical)> Groups(IEndpointRouteBuilder app, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(app);
        yield return (Configure(app.MapGroup(V1 + prefix)).AllowAnonymous(), true);
        yield return (Configure(app.MapGroup(Alias + prefix)).AllowAnonymous().ExcludeFromDescription(), false);
    }

    /// <summary>The group for writes and reads that need a token: v1 only, no alias, not anonymous (each endpoint names its
    /// policy; <c>AllowAnonymous</c> on the group would win over it).</summary>
    public static RouteGroupBuilder WriteGroup(IEndpointRouteBuilder app) => Configure(app.MapGroup(V1));

    /// <summary>Names the canonical endpoint (links are generated to v1); the alias stays unnamed.</summary>
    public static RouteHandlerBuilder Named(this RouteHandlerBuilder builder, bool canonical, string name) =>
        canonical ? builder.WithName(name) : builder;

    private static RouteGroupBuilder Configure(RouteGroupBuilder group)
    {
        group.RequireRateLimiting(RateLimitPolicy).AddEndpointFilter<TokenUseFilter>();
        return group;
    }
}
