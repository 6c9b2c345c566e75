namespace Vigia.Web.Layout;

/// <summary>
/// <c>GET /preferencias?contraste=alto|normal&amp;texto=pequeno|normal|grande|mas-grande&amp;restablecer=1&amp;volver=/ruta</c>.
/// The accessibility bar is a plain GET form, so it works without JavaScript and pages need no antiforgery token
/// (which would set a cookie and forbid caching on every public page). Each button carries the state it leads to,
/// not a step, so repeating a request changes nothing: the endpoint is idempotent, and the worst a forged request
/// can do is change how the site looks.
/// </summary>
internal static class PreferencesEndpoint
{
    public const string Path = "/preferencias";
    public const string Name = "Layout.Preferences";

    private static readonly TimeSpan CookieLifetime = TimeSpan.FromDays(365);

    public static IResult Handle(HttpContext context, LinkGenerator links, string? contraste, string? texto, string? restablecer, string? volver)
    {
        ArgumentNullException.ThrowIfNull(links);
        var preferences = restablecer is null ? DisplayPreferences.FromRequest(context.Request) : DisplayPreferences.Default;
        preferences = contraste switch
        {
            "alto" => preferences with { HighContrast = true },
            "normal" => preferences with { HighContrast = false },
            _ => preferences,
        };
        if (DisplayPreferences.ParseWord(texto) is { } size)
        {
            preferences = preferences with { TextSize = size };
        }

        Store(context, preferences);
        context.Response.Headers.CacheControl = "no-store";
        return Results.LocalRedirect(LocalUrls.IsLocal(volver)
            ? volver!
            : links.GetPathByPage(context, "/Index") ?? throw new InvalidOperationException("No route leads to the home page."));
    }

    private static void Store(HttpContext context, DisplayPreferences preferences)
    {
        var options = new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            IsEssential = true,
            Path = context.Request.PathBase.HasValue ? context.Request.PathBase.Value : "/",
        };
        if (preferences.IsDefault)
        {
            context.Response.Cookies.Delete(DisplayPreferences.CookieName, options);
            return;
        }
        options.MaxAge = CookieLifetime;
        context.Response.Cookies.Append(DisplayPreferences.CookieName, preferences.CookieValue, options);
    }
}
