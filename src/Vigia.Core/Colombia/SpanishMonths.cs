namespace Vigia.Core.Colombia;

/// <summary>Month names as people read them on screen (es-CO), 1-based.</summary>
public static class SpanishMonths
{
    private static readonly string[] Names =
        ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"];

    private static readonly string[] Abbreviations =
        ["Ene", "Feb", "Mar", "Abr", "May", "Jun", "Jul", "Ago", "Sep", "Oct", "Nov", "Dic"];

    /// <summary>"enero" … "diciembre".</summary>
    public static string Name(int month) => Names[month - 1];

    /// <summary>"Ene" … "Dic", for table headings (with the full name in an abbr title).</summary>
    public static string Abbreviation(int month) => Abbreviations[month - 1];

    /// <summary>"marzo de 2022": a reporting month.</summary>
    public static string NameWithYear(int year, int month) => string.Create(CultureInfo.InvariantCulture, $"{Name(month)} de {year}");

    /// <summary>"marzo, junio, septiembre y diciembre".</summary>
    public static string List(IEnumerable<int> months)
    {
        var names = months.Select(Name).ToList();
        return names.Count switch
        {
            0 => "",
            1 => names[0],
            _ => string.Join(", ", names.Take(names.Count - 1)) + " y " + names[^1],
        };
    }

    /// <summary>The month a word names in full or abbreviated ("ENE.", "Sept", "setiembre", "Mayo"), ignoring case,
    /// accents and a final full stop, as plan documents head their month columns; null for any other word.</summary>
    public static int? FromName(string? word)
    {
        var key = SpanishText.Fold(word);
        var index = Array.IndexOf(Names, key is "setiembre" ? "septiembre" : key);
        if (index < 0)
        {
            index = Array.FindIndex(Abbreviations, a => a.Equals(key is "sept" ? "sep" : key, StringComparison.OrdinalIgnoreCase));
        }
        return index >= 0 ? index + 1 : null;
    }

    /// <summary>The first month named in a text ("…en el mes de febrero…" → 2), ignoring case and accents;
    /// "setiembre" is accepted for September. Null when none is named.</summary>
    public static int? FirstNamedIn(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var words = SpanishText.Fold(text).Split(
            [' ', ',', '.', ';', ':', '(', ')', '-', '/', '"', '«', '»', '¿', '?', '¡', '!'], StringSplitOptions.RemoveEmptyEntries);
        foreach (var word in words)
        {
            var index = Array.IndexOf(Names, word is "setiembre" ? "septiembre" : word);
            if (index >= 0)
            {
                return index + 1;
            }
        }
        return null;
    }
}
