using System.Text.RegularExpressions;

namespace Vigia.Core.Colombia;

/// <summary>The INFLESZ scale's words for a readability score (Barrio-Cantalejo et al., 2008).</summary>
public enum ReadabilityBand
{
    VeryDifficult = 1,
    SomewhatDifficult = 2,
    Normal = 3,
    FairlyEasy = 4,
    VeryEasy = 5,
}

/// <summary>How readable a Spanish text is: its counts and its Fernández-Huerta score.</summary>
public sealed record ReadabilityScore(int Words, int Syllables, int Sentences, decimal FernandezHuerta)
{
    public ReadabilityBand Band => SpanishReadability.BandOf(FernandezHuerta);

    /// <summary>«algo difícil».</summary>
    public string BandName => SpanishReadability.BandName(Band);

    /// <summary>Words per sentence.</summary>
    public decimal WordsPerSentence => Sentences == 0 ? 0 : (decimal)Words / Sentences;
}

/// <summary>Readability of Spanish text for the plain-language review (ADR 019).</summary>
/// <remarks>
/// <para>Fernández-Huerta (1959), as corrected by Law (2011) and applied by the INFLESZ and legible.es tools:
/// L = 206,84 − 60 × (sílabas / palabras) − 1,02 × (palabras / frases). The original paper writes the second term
/// with sentences per hundred words, which rewards long sentences; the corrected form uses words per sentence.</para>
/// <para>Bands, INFLESZ scale: below 40 «muy difícil», 40 to 55 «algo difícil», 55 to 65 «normal», 65 to 80
/// «bastante fácil», 80 or more «muy fácil». INFLESZ drew them for the Szigriszt-Pazos index, whose values lie close
/// to Fernández-Huerta's on the same text (both are Flesch adapted to Spanish).</para>
/// <para>A word is a run of letters (digits, codes and signs are not words); a sentence ends at «.», «!», «?» or
/// «…» followed by a space or the end, or at a line break; a text without such an end is one sentence.</para>
/// </remarks>
public static partial class SpanishReadability
{
    /// <summary>The counts and score of <paramref name="text"/>; null when it has no word.</summary>
    public static ReadabilityScore? Measure(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var sentences = SentenceEnd().Split(text.Trim()).Count(s => Word().IsMatch(s));
        var words = Word().Matches(text).Select(m => m.Value).ToList();
        if (words.Count == 0)
        {
            return null;
        }
        var syllables = words.Sum(SpanishSyllables.Count);
        var score = 206.84m - (60m * syllables / words.Count) - (1.02m * words.Count / Math.Max(1, sentences));
        return new ReadabilityScore(words.Count, syllables, Math.Max(1, sentences), Math.Round(score, 2, MidpointRounding.AwayFromZero));
    }

    public static ReadabilityBand BandOf(decimal score) => score switch
    {
        < 40 => ReadabilityBand.VeryDifficult,
        < 55 => ReadabilityBand.SomewhatDifficult,
        < 65 => ReadabilityBand.Normal,
        < 80 => ReadabilityBand.FairlyEasy,
        _ => ReadabilityBand.VeryEasy,
    };

    public static string BandName(ReadabilityBand band) => band switch
    {
        ReadabilityBand.VeryDifficult => "muy difícil",
        ReadabilityBand.SomewhatDifficult => "algo difícil",
        ReadabilityBand.Normal => "normal",
        ReadabilityBand.FairlyEasy => "bastante fácil",
        _ => "muy fácil",
    };

    /// <summary>The sentences of <paramref name="text"/>, as <see cref="Measure"/> counts them.</summary>
    public static IReadOnlyList<string> Sentences(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : SentenceEnd().Split(text.Trim()).Select(s => s.Trim()).Where(s => Word().IsMatch(s)).ToList();

    /// <summary>The words of <paramref name="text"/>, as <see cref="Measure"/> counts them.</summary>
    public static int CountWords(string? text) => string.IsNullOrEmpty(text) ? 0 : Word().Count(text);

    [GeneratedRegex(@"(?:[.!?…]+(?=\s|$))|[\r\n]+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();
}

/// <summary>Counts the syllables of a Spanish word by its vowel nuclei: a diphthong (a weak vowel i, u, y next to any
/// vowel: «cuidar», «aire», «hoy») is one syllable; two strong vowels (a, e, o) or an accented weak one beside a
/// strong one («día», «país», «oído») are a hiatus, two syllables; the «u» of «que», «qui», «gue», «gui» is silent, while «ü» sounds
/// («pingüino»). A «y» is a vowel only at the end of a word after a vowel («muy») or alone («y»).</summary>
public static class SpanishSyllables
{
    public static int Count(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var w = word.ToLowerInvariant();
        var count = 0;
        var previous = '\0';
        for (var i = 0; i < w.Length; i++)
        {
            var c = w[i];
            if (!IsVowel(w, i))
            {
                previous = '\0';
                continue;
            }
            if (c == 'u' && i > 0 && (w[i - 1] is 'q' or 'g') && i + 1 < w.Length && w[i + 1] is 'e' or 'i' or 'é' or 'í')
            {
                // Silent «u» in «que», «gui»: not a vowel at all.
                previous = '\0';
                continue;
            }
            if (previous == '\0' || IsHiatus(previous, c))
            {
                count++;
            }
            previous = c;
        }
        return Math.Max(1, count);
    }

    private static bool IsVowel(string w, int i)
    {
        var c = w[i];
        if (c == 'y')
        {
            // «y» alone or at the end after a vowel («hoy», «muy») is a vowel; elsewhere a consonant («ya», «mayo»).
            return w.Length == 1 || (i == w.Length - 1 && i > 0 && "aeiouáéíóú".Contains(w[i - 1], StringComparison.Ordinal));
        }
        return "aeiouáéíóúü".Contains(c, StringComparison.Ordinal);
    }

    private static bool IsStrong(char c) => c is 'a' or 'e' or 'o' or 'á' or 'é' or 'ó';

    private static bool IsAccentedWeak(char c) => c is 'í' or 'ú';

    /// <summary>Two strong vowels, or an accented weak vowel beside a strong one; two weak vowels make a diphthong
    /// («cuidar», «ruido»), accented or not («cuídate»), unless they are the same («chiita»).</summary>
    private static bool IsHiatus(char first, char second) =>
        (IsStrong(first) && IsStrong(second))
        || (IsAccentedWeak(first) && IsStrong(second)) || (IsStrong(first) && IsAccentedWeak(second))
        || (first == second && first is 'i' or 'u');
}
