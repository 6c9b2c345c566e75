namespace Vigia.Core.Schedule;

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

    /// <summary>The first month named in a text ("…en el mes de febrero…" → 2), ignoring case and accents;
    /// "setiembre" is accepted for September. Null when none is named.</summary>
    public static int? FirstNamedIn(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var words = Plans.TextNormalizer.Fold(text).Split(
            [' ', ',', '.', ';', ':', '(', ')', '-', '/', '"', '«', '»', '¿', '?', '¡', '!'], StringSplitOptions.RemoveEmptyEntries);
        foreach (var word in words)
        {
            var index = Array.IndexOf(Names, word == "setiembre" ? "septiembre" : word);
            if (index >= 0)
            {
                return index + 1;
            }
        }
        return null;
    }
}
