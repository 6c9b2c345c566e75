using Vigia.Core.Audit;

namespace Vigia.Web.Security;

/// <summary>Writes each use of a personal access token on the API into the audit trail (<see cref="PersonalAccessTokens.RecordUseAsync"/>):
/// every write, before it runs, so a refused write is recorded too; a read at most once an hour per token (its last use
/// moves), so that reading does not turn every GET into a write on the hash chain.</summary>
public sealed class TokenUseFilter(PersonalAccessTokens tokens, TimeProvider clock) : IEndpointFilter
{
    public static readonly TimeSpan ReadInterval = TimeSpan.FromHours(1);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (ApiAuthentication.TokenId(http.User) is { } tokenId)
        {
            var read = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);
            var lastUsed = http.User.FindFirst(ApiAuthentication.LastUsedClaim)?.Value is { } ticks
                ? new DateTimeOffset(long.Parse(ticks, CultureInfo.InvariantCulture), TimeSpan.Zero)
                : (DateTimeOffset?)null;
            if (!read || lastUsed is null || clock.GetUtcNow() - lastUsed >= ReadInterval)
            {
                await tokens.RecordUseAsync(tokenId, AuditActor.From(http.User), http.Request.Method,
                    http.Request.Path.Value + http.Request.QueryString.Value, http.RequestAborted);
            }
        }
        return await next(context);
    }
}

/// <summary>Problem details (RFC 9457) in Spanish for the API's refusals that do not come from an endpoint's own result.</summary>
public static class ApiProblems
{
    public static Task WriteAsync(HttpContext http, int status, string title, string detail)
    {
        ArgumentNullException.ThrowIfNull(http);
        return Results.Problem(title: title, detail: detail, statusCode: status).ExecuteAsync(http);
    }
}
