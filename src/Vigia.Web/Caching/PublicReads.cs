using Vigia.Web.Layout;

namespace Vigia.Web.Caching;

/// <summary>Which requests are public reads that may be answered from the cache: an anonymous GET or HEAD of a
/// public address. Decided from the request alone, before authentication runs, so a cached answer costs no
/// session lookup.</summary>
public static class PublicReads
{
    /// <summary>The public sections (docs/caching.md). Staff pages below them live under a <c>gestion</c> segment.</summary>
    private static readonly string[] Sections =
        ["/planes", "/tablero", "/seguimientos", "/mapa-riesgos", "/transparencia", "/privacidad", "/terminos", "/datos", "/api"];

    /// <summary>Cookies an anonymous visitor may carry and still share the cached page: the display preferences
    /// (part of the cache key) and the antiforgery cookie left by a visit to a form (a page that writes a token into
    /// its body says <c>no-store</c> and is never stored). Any other cookie (a session, a notice in TempData, an
    /// external sign-in) means the answer may be personal.</summary>
    private static readonly HashSet<string> SharedCookies = new([DisplayPreferences.CookieName, "vigia-af"], StringComparer.Ordinal);

    public static bool IsCacheable(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return false;
        }
        if (request.Headers.Authorization.Count > 0 || request.Headers.Cookie.Count > 0 && request.Cookies.Keys.Any(k => !SharedCookies.Contains(k)))
        {
            return false;
        }
        return IsPublicPath(request.Path);
    }

    public static bool IsPublicPath(PathString path)
    {
        if (!path.HasValue || path.Value == "/")
        {
            return true;
        }
        if (!InSection(path))
        {
            return false;
        }
        // No segment is "gestion" (read on the span: this runs on every request).
        var rest = path.Value.AsSpan();
        while (!rest.IsEmpty)
        {
            rest = rest[1..];
            var end = rest.IndexOf('/');
            var segment = end < 0 ? rest : rest[..end];
            if (segment.Equals("gestion", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
            rest = end < 0 ? [] : rest[end..];
        }
        return true;
    }

    private static bool InSection(PathString path)
    {
        foreach (var section in Sections)
        {
            if (path.StartsWithSegments(section, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }
}
