using Microsoft.AspNetCore.Diagnostics;

namespace Vigia.Web.Layout;

public static class LocalUrls
{
    /// <summary>
    /// True for a path on this site (<c>/planes?anio=2022</c>) and false for anything a browser could read as
    /// another host: <c>//evil.example</c>, <c>/\evil.example</c>, absolute URLs, and control characters,
    /// which browsers strip (<c>/\t/evil.example</c> becomes <c>//evil.example</c>).
    /// </summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url)
        && url.Length <= 2048
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);

    /// <summary>The path the visitor asked for, without path base or query string.</summary>
    public static string CurrentPath(HttpContext context) => Original(context).Path;

    /// <summary>The address the visitor asked for, with path base and query string, for a "come back here" parameter.</summary>
    public static string Current(HttpContext context)
    {
        var (pathBase, path, query) = Original(context);
        return pathBase + path + query;
    }

    /// <summary>
    /// While an error or status-code page renders, the request path is that page's own; the middleware leaves
    /// the original address in a feature.
    /// </summary>
    private static (string PathBase, string Path, string Query) Original(HttpContext context)
    {
        var request = context.Request;
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is { } reExecuted)
        {
            return (reExecuted.OriginalPathBase, reExecuted.OriginalPath, reExecuted.OriginalQueryString ?? "");
        }
        if (context.Features.Get<IExceptionHandlerPathFeature>() is { } failed)
        {
            return (request.PathBase.Value ?? "", failed.Path, "");
        }
        return (request.PathBase.Value ?? "", request.Path.Value ?? "/", request.QueryString.Value ?? "");
    }
}
