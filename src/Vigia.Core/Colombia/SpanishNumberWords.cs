using System.Text.RegularExpressions;

namespace Vigia.Core.Colombia;

/// <summary>A quantity a Spanish text states: in words («cinco»), in digits between parentheses («(05)»), or both, as
/// plans write their goals («Realizar cinco (05) mesas», «Mil (1000) colaboradores», «Actualizar (01) política»).
/// <see cref="Words"/> and <see cref="Digits"/> are null when that form is absent.</summary>
public sealed record StatedNumber(long? Words, long? Digits, string Text, int Index)
{
    /// <summary>The quantity meant: the digits when written, otherwise the words.</summary>
    public long Value => Digits ?? Words ?? 0;

    /// <summary>True when words and digits are both written and say different numbers («cinco (06)»).</summary>
    public bool IsInconsistent => Words is { } w && Digits is { } d && w != d;
}

/// <summary>Spanish numbers written in words, read in full: «una», «cinco», «veintiocho», «treinta y nueve», «ciento
/// veinte», «quinientas», «dos mil», «Mil», «un millón», masculine or feminine, in any case, with or without accents
/// (compared through <see cref="SpanishText.Fold"/>).</summary>
public static partial class SpanishNumberWords
{
    private static readonly Dictionary<string, long> Small = new(StringComparer.Ordinal)
    {
        ["cero"] = 0,
        ["un"] = 1,
        ["uno"] = 1,
        ["una"] = 1,
        ["dos"] = 2,
        ["tres"] = 3,
        ["cuatro"] = 4,
        ["cinco"] = 5,
        ["seis"] = 6,
        ["siete"] = 7,
        ["ocho"] = 8,
        ["nueve"] = 9,
        ["diez"] = 10,
        ["once"] = 11,
        ["doce"] = 12,
        ["trece"] = 13,
        ["catorce"] = 14,
        ["quince"] = 15,
        ["dieciseis"] = 16,
        ["diecisiete"] = 17,
        ["dieciocho"] = 18,
        ["diecinueve"] = 19,
        ["veinte"] = 20,
        ["veintiun"] = 21,
        ["veintiuno"] = 21,
        ["veintiuna"] = 21,
        ["veintidos"] = 22,
        ["veintitres"] = 23,
        ["veinticuatro"] = 24,
        ["veinticinco"] = 25,
        ["veintiseis"] = 26,
        ["veintisiete"] = 27,
        ["veintiocho"] = 28,
        ["veintinueve"] = 29,
        ["treinta"] = 30,
        ["cuarenta"] = 40,
        ["cincuenta"] = 50,
        ["sesenta"] = 60,
        ["setenta"] = 70,
        ["ochenta"] = 80,
        ["noventa"] = 90,
        ["cien"] = 100,
        ["ciento"] = 100,
        ["doscientos"] = 200,
        ["doscientas"] = 200,
        ["trescientos"] = 300,
        ["trescientas"] = 300,
        ["cuatrocientos"] = 400,
        ["cuatrocientas"] = 400,
        ["quinientos"] = 500,
        ["quinientas"] = 500,
        ["seiscientos"] = 600,
        ["seiscientas"] = 600,
        ["setecientos"] = 700,
        ["setecientas"] = 700,
        ["ochocientos"] = 800,
        ["ochocientas"] = 800,
        ["novecientos"] = 900,
        ["novecientas"] = 900,
    };

    /// <summary>The value of <paramref name="words"/> when the whole text is one number in words; false otherwise
    /// («cinco mil» is 5000, «cinco gatos» is not a number).</summary>
    public static bool TryParse(string? words, out long value)
    {
        value = 0;
        var tokens = SpanishText.Fold(words).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return tokens.Length > 0 && TryParse(tokens, out value);
    }

    /// <summary>True when <paramref name="word"/> (folded or not) is a number word («mil», «Veintidós»), not «y».</summary>
    public static bool IsNumberWord(string? word)
    {
        var folded = SpanishText.Fold(word);
        return Small.ContainsKey(folded) || folded is "mil" or "millon" or "millones";
    }

    /// <summary>Every quantity <paramref name="text"/> states, in order: a run of number words, optionally followed by
    /// digits between parentheses, or the parenthesised digits alone. A lone «un», «una» or «uno» without digits is an
    /// article («disponer de un espacio»), not a quantity.</summary>
    public static IReadOnlyList<StatedNumber> Find(string? text)
    {
        var found = new List<StatedNumber>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return found;
        }
        var tokens = Token().Matches(text).ToList();
        var i = 0;
        while (i < tokens.Count)
        {
            var start = i;
            var words = new List<string>();
            while (i < tokens.Count && tokens[i].Groups["word"].Success)
            {
                var folded = SpanishText.Fold(tokens[i].Value);
                if (IsNumberWord(folded))
                {
                    words.Add(folded);
                    i++;
                }
                else if (folded == "y" && words.Count > 0 && i + 1 < tokens.Count && IsNumberWord(tokens[i + 1].Value))
                {
                    words.Add(folded);
                    i++;
                }
                else
                {
                    break;
                }
            }
            long? wordValue = null;
            if (words.Count > 0 && TryParse(words, out var parsed))
            {
                wordValue = parsed;
            }
            long? digits = null;
            if (i < tokens.Count && tokens[i].Groups["digits"].Success && TryDigits(tokens[i].Groups["digits"].Value, out var d))
            {
                digits = d;
                i++;
            }
            var isArticle = words.Count == 1 && words[0] is "un" or "una" or "uno" && digits is null;
            if ((wordValue is not null || digits is not null) && !isArticle)
            {
                var first = tokens[words.Count > 0 ? start : i - 1];
                var last = tokens[i - 1];
                found.Add(new StatedNumber(wordValue, digits, text[first.Index..(last.Index + last.Length)], first.Index));
            }
            if (i == start)
            {
                i++;
            }
        }
        return found;
    }

    private static bool TryParse(IReadOnlyList<string> tokens, out long value)
    {
        value = 0;
        long total = 0;
        long current = 0;
        var previousWasY = false;
        for (var k = 0; k < tokens.Count; k++)
        {
            var token = tokens[k];
            if (token == "y")
            {
                // «treinta y nueve»: «y» joins tens and units only.
                if (k == 0 || k == tokens.Count - 1 || previousWasY || current % 100 < 30 || current % 10 != 0)
                {
                    return false;
                }
                previousWasY = true;
                continue;
            }
            previousWasY = false;
            if (Small.TryGetValue(token, out var small))
            {
                current += small;
            }
            else if (token == "mil")
            {
                total += (current == 0 ? 1 : current) * 1000;
                current = 0;
            }
            else if (token is "millon" or "millones")
            {
                total = (total + (current == 0 ? 1 : current)) * 1_000_000;
                current = 0;
            }
            else
            {
                return false;
            }
        }
        value = total + current;
        return true;
    }

    private static bool TryDigits(string text, out long value)
    {
        var clean = text.Trim();
        // «5.000» groups thousands with dots, the Colombian way.
        if (GroupedThousands().IsMatch(clean))
        {
            clean = clean.Replace(".", "", StringComparison.Ordinal);
        }
        return long.TryParse(clean, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    [GeneratedRegex(@"(?<word>\p{L}+)|\(\s*(?<digits>\d{1,3}(?:\.\d{3})+|\d+)\s*\)|(?<other>[^\s\p{L}]+)")]
    private static partial Regex Token();

    [GeneratedRegex(@"^\d{1,3}(?:\.\d{3})+$")]
    private static partial Regex GroupedThousands();
}
