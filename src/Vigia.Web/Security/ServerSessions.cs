using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Vigia.Web.Security;

/// <summary>Ties the session cookie to a server-side <see cref="UserSession"/>: signing in starts one and puts its id
/// in the cookie, every request checks that it is still running, signing out ends it. A cookie captured before
/// <c>POST /cuenta/salir</c> (or before an administrator ended the session, or deactivated the account) is refused
/// on its next request, instead of living out its eight hours (issue 14).</summary>
public static class ServerSessions
{
    public static void Attach(CookieAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var validateStamp = options.Events.OnValidatePrincipal;
        options.Events.OnSigningIn = context => StartAsync(context, options.ExpireTimeSpan);
        options.Events.OnValidatePrincipal = async context =>
        {
            var sessions = context.HttpContext.RequestServices.GetRequiredService<UserSessions>();
            var principal = context.Principal;
            if (!await sessions.IsActiveAsync(SessionId(principal), UserId(principal), context.HttpContext.RequestAborted))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(context.Scheme.Name);
                return;
            }
            await validateStamp(context);
        };
        options.Events.OnCheckSlidingExpiration = async context =>
        {
            // The cookie slides (8 hours after the last request that renewed it); the session's expiry follows it.
            if (context.ShouldRenew && SessionId(context.Principal) is { } id)
            {
                var sessions = context.HttpContext.RequestServices.GetRequiredService<UserSessions>();
                await sessions.ExtendAsync(id, options.ExpireTimeSpan, context.HttpContext.RequestAborted);
            }
        };
        options.Events.OnSigningOut = async context =>
        {
            if (SessionId(context.HttpContext.User) is { } id)
            {
                var sessions = context.HttpContext.RequestServices.GetRequiredService<UserSessions>();
                await sessions.EndAsync(id, UserSessions.SignedOut, ct: context.HttpContext.RequestAborted);
            }
        };
    }

    /// <summary>The security stamp check (every minute) rebuilds the principal from the database; the session id is
    /// not there, so it is carried over.</summary>
    public static Task CarrySessionOver(SecurityStampRefreshingPrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (SessionId(context.CurrentPrincipal) is { } id && context.NewPrincipal?.Identity is ClaimsIdentity identity)
        {
            identity.AddClaim(new Claim(UserSessions.ClaimType, id));
        }
        return Task.CompletedTask;
    }

    private static async Task StartAsync(CookieSigningInContext context, TimeSpan lifetime)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity || UserId(context.Principal) is not { } userId)
        {
            return;
        }
        var http = context.HttpContext;
        var sessions = http.RequestServices.GetRequiredService<UserSessions>();
        var session = await sessions.StartAsync(userId, lifetime, http.Request.Headers.UserAgent.ToString(),
            http.Connection.RemoteIpAddress?.ToString(), http.RequestAborted);
        foreach (var old in identity.FindAll(UserSessions.ClaimType).ToList())
        {
            identity.RemoveClaim(old);
        }
        identity.AddClaim(new Claim(UserSessions.ClaimType, session.Id));
    }

    private static string? SessionId(ClaimsPrincipal? principal) => principal?.FindFirst(UserSessions.ClaimType)?.Value;

    private static string? UserId(ClaimsPrincipal? principal) => principal?.FindFirst(ClaimTypes.NameIdentifier)?.Value;
}
