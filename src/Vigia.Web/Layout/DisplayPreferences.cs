namespace Vigia.Web.Layout;

/// <summary>Text sizes a visitor can choose; each step is a CSS class on <c>&lt;html&gt;</c>.</summary>
public enum TextSize
{
    Small = -1,
    Normal = 0,
    Large = 1,
    Larger = 2,
}

/// <summary>
/// The accessibility-bar choices, kept in the <c>vigia-prefs</c> cookie as the CSS class names themselves
/// joined by dots (<c>high-contrast.font-larger</c>), so the cookie, the query string and the stylesheet
/// share one vocabulary and an unknown or tampered value simply falls back to the defaults.
/// </summary>
public sealed record DisplayPreferences(bool HighContrast, TextSize TextSize)
{
    public const string CookieName = "vigia-prefs";
    public const string HighContrastClass = "high-contrast";

    public static DisplayPreferences Default { get; } = new(false, TextSize.Normal);

    public bool IsDefault => this == Default;

    /// <summary>The next size up, or null when the text is already as large as it goes.</summary>
    public TextSize? Larger => TextSize < TextSize.Larger ? TextSize + 1 : null;

    /// <summary>The next size down, or null when the text is already as small as it goes.</summary>
    public TextSize? Smaller => TextSize > TextSize.Small ? TextSize - 1 : null;

    /// <summary>Classes for <c>&lt;html class&gt;</c>; null when there are none, so Razor omits the attribute.</summary>
    public string? CssClasses => IsDefault ? null : string.Join(' ', Tokens());

    public string CookieValue => string.Join('.', Tokens());

    /// <summary>The word used in the query string (<c>texto=grande</c>) and, prefixed, in the CSS class.</summary>
    public static string Word(TextSize size) => size switch
    {
        TextSize.Small => "pequeno",
        TextSize.Large => "grande",
        TextSize.Larger => "mas-grande",
        _ => "normal",
    };

    public static TextSize? ParseWord(string? word)
    {
        foreach (var size in Enum.GetValues<TextSize>())
        {
            if (Word(size) == word)
            {
                return size;
            }
        }
        return null;
    }

    public static DisplayPreferences FromRequest(HttpRequest request) => Parse(request.Cookies[CookieName]);

    public static DisplayPreferences Parse(string? cookieValue)
    {
        if (string.IsNullOrEmpty(cookieValue))
        {
            return Default;
        }
        var tokens = cookieValue.Split('.', StringSplitOptions.RemoveEmptyEntries);
        var size = Enum.GetValues<TextSize>().FirstOrDefault(s => s != TextSize.Normal && tokens.Contains(SizeClass(s)));
        return new DisplayPreferences(tokens.Contains(HighContrastClass), size);
    }

    private static string SizeClass(TextSize size) => size switch
    {
        TextSize.Small => "font-smaller",
        TextSize.Large => "font-larger",
        TextSize.Larger => "font-largest",
        _ => "font-normal",
    };

    private IEnumerable<string> Tokens()
    {
        if (HighContrast)
        {
            yield return HighContrastClass;
        }
        if (TextSize != TextSize.Normal)
        {
            yield return SizeClass(TextSize);
        }
    }
}
