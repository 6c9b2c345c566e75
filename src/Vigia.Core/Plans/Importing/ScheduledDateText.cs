using System.Text.RegularExpressions;

namespace Vigia.Core.Plans.Importing;

/// <summary>How a «Fecha programada» was read: the months of the plan's year it schedules (ascending, distinct; empty
/// when the text fixes none, «A demanda»), the year it names, if any, and whether it had to be spread.</summary>
public sealed record ScheduledDate(IReadOnlyList<int> Months, int? Year)
{
    /// <summary>The months in words: «marzo, junio, septiembre y diciembre», «todos los meses (enero a diciembre)»,
    /// «ningún mes fijo (a demanda)».</summary>
    public string Reading => Months.Count switch
    {
        0 => "ningún mes fijo (a demanda)",
        12 => "todos los meses (enero a diciembre)",
        _ => SpanishMonths.List(Months),
    };

    /// <summary>The share of the row's one unit each month gets, so the months add up to exactly 1: 1/n rounded to the
    /// schedule's four decimals, the last month taking what is left (1/3 → 0,3333; 0,3333; 0,3334).</summary>
    public IReadOnlyList<decimal> Shares()
    {
        if (Months.Count == 0)
        {
            return [];
        }
        var share = Math.Round(1m / Months.Count, 4, MidpointRounding.ToZero);
        var shares = Enumerable.Repeat(share, Months.Count).ToList();
        shares[^1] = 1m - (share * (Months.Count - 1));
        return shares;
    }
}

/// <summary>Reads the free text of the DAFP template's «Fecha programada» column into months of the plan's year, by one
/// documented rule (ADR 027, «Fechas que no son un mes»; docs/plan-import.md). Culture-free: the text is folded
/// (<see cref="SpanishText.Fold"/>) and numbers are read as digits.</summary>
/// <remarks>
/// In order:
/// <list type="number">
/// <item>Dates and months named: a date («31/03/2023», «2023-03-31», «31 de marzo de 2023»), a month («Marzo de
/// 2023»), a list («Marzo, julio y noviembre», «31/03/2023 y 31/07/2023») gives those months; a range («Enero a
/// diciembre», «Febrero - Noviembre de 2023», «Del 1 de marzo al 30 de junio», «Entre abril y junio») every month
/// from the first to the last; a period of the year («Primer semestre», «I trimestre», «Segundo cuatrimestre»,
/// «3er bimestre») its months.</item>
/// <item>A frequency: «Permanente», «Continuo», «Mensual», «Todo el año», «Cada mes» = every month; «Bimestral» =
/// February, April … December; «Trimestral» = March, June, September, December; «Cuatrimestral» = April, August,
/// December (the follow-up cut-offs); «Semestral» = June and December; «Anual» = December: the month that closes each
/// period of the calendar year, from January (the plan is published by 31 January and covers the whole year), not from
/// the month of publication. A frequency with a range or a start («Mensual de marzo a diciembre», «Trimestral a partir
/// de abril») keeps its months inside it; with a plain list of months, the list wins.</item>
/// <item>On demand: «Cada vez que se requiera», «A demanda», «Cuando se requiera», «Según necesidad» = no month fixed:
/// the action is imported without a schedule, for Planeación to programme.</item>
/// </list>
/// Anything else (no month, period, frequency nor demand; a range that runs backwards; an impossible date) is
/// unreadable: null.
/// </remarks>
public static partial class ScheduledDateText
{
    private enum Kind
    {
        Months,
        Ordinal,
        Period,
        Range,
        List,
        From,
        Day,
        Other,
    }

    private readonly record struct Token(Kind Kind, int Value = 0, int[]? Months = null);

    /// <summary>A date cell: its month.</summary>
    public static ScheduledDate FromDate(DateTime date) => new([date.Month], date.Year);

    /// <summary>The months <paramref name="text"/> schedules, or null when it cannot be read.</summary>
    public static ScheduledDate? Read(string? text)
    {
        var folded = SpanishText.Fold(text);
        if (folded.Length == 0)
        {
            return null;
        }

        int? year = null;
        var invalid = false;
        string Date(int m, int d, int y)
        {
            var fullYear = y < 100 ? 2000 + y : y;
            if (m is < 1 or > 12 || d < 1 || fullYear is < 1900 or > 2999 || d > DateTime.DaysInMonth(fullYear, m))
            {
                invalid = true;
                return " ";
            }
            year ??= fullYear;
            return string.Create(CultureInfo.InvariantCulture, $" @{m} ");
        }

        folded = IsoDate().Replace(folded, x => Date(Number(x, "m"), Number(x, "d"), Number(x, "y")));
        folded = NumericDate().Replace(folded, x => Date(Number(x, "m"), Number(x, "d"), Number(x, "y")));
        if (invalid)
        {
            return null;
        }
        folded = YearPattern().Replace(folded, x =>
        {
            year ??= int.Parse(x.Value, CultureInfo.InvariantCulture);
            return " ";
        });

        var tokens = Tokenize(folded);
        var frequency = Frequency(folded);
        var items = Items(tokens, out var hasRange, out var from, out var backwards);
        if (backwards)
        {
            return null;
        }

        if (items is { Count: > 0 })
        {
            if (frequency is { } steps && (hasRange || from))
            {
                var start = items.Min();
                var end = hasRange ? items.Max() : 12;
                var inside = steps.Where(m => m >= start && m <= end).ToList();
                return inside.Count == 0 ? null : new ScheduledDate(inside, year);
            }

            return new ScheduledDate(items.Distinct().Order().ToList(), year);
        }

        if (frequency is { } months)
        {
            return new ScheduledDate(months, year);
        }

        return OnDemand().IsMatch(folded) ? new ScheduledDate([], year) : null;
    }

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    private static List<Token> Tokenize(string folded)
    {
        var tokens = new List<Token>();
        foreach (Match m in Word().Matches(folded))
        {
            var w = m.Value;
            if (w.StartsWith('@'))
            {
                tokens.Add(new Token(Kind.Months, Months: [int.Parse(w[1..], CultureInfo.InvariantCulture)]));
            }
            else if (w is "a" or "al" or "hasta" or "-" or "–" or "—")
            {
                tokens.Add(new Token(Kind.Range));
            }
            else if (w is "y" or "e" or "," or ";" or "&")
            {
                tokens.Add(new Token(Kind.List));
            }
            else if (w is "partir" or "desde")
            {
                tokens.Add(new Token(Kind.From));
            }
            else if (w is "entre")
            {
                // «entre abril y junio»: the «y» that follows closes a range.
                tokens.Add(new Token(Kind.From, Value: 1));
            }
            else if (PeriodLength(w) is { } length)
            {
                tokens.Add(new Token(Kind.Period, length));
            }
            else if (Ordinal(w) is { } ordinal)
            {
                tokens.Add(new Token(Kind.Ordinal, ordinal));
            }
            else if (w.Length >= 3 && SpanishMonths.FromName(w) is { } month)
            {
                tokens.Add(new Token(Kind.Months, Months: [month]));
            }
            else if (w.All(char.IsAsciiDigit))
            {
                tokens.Add(new Token(Kind.Day, int.Parse(w, CultureInfo.InvariantCulture)));
            }
            else
            {
                tokens.Add(new Token(Kind.Other));
            }
        }

        return tokens;
    }

    /// <summary>The months named by dates, months and periods, joined by lists and ranges.</summary>
    private static List<int>? Items(List<Token> tokens, out bool hasRange, out bool from, out bool backwards)
    {
        hasRange = false;
        from = false;
        backwards = false;
        var runsBack = false;
        var groups = new List<int[]>();
        var pendingRange = false;
        var between = false;
        var ordinals = new List<int>();
        var result = new List<int>();

        void Add(int[] months)
        {
            if (pendingRange && groups.Count > 0)
            {
                var start = groups[^1].Min();
                var end = months.Max();
                if (end < start)
                {
                    runsBack = true;
                }
                groups[^1] = Enumerable.Range(start, Math.Max(0, end - start + 1)).ToArray();
                pendingRange = false;
                return;
            }
            pendingRange = false;
            groups.Add(months);
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            switch (token.Kind)
            {
                case Kind.Months:
                    Add(token.Months!);
                    break;
                case Kind.Ordinal:
                    ordinals.Add(token.Value);
                    // «semestre I»: an ordinal right after a period word is that period's.
                    if (i > 0 && tokens[i - 1].Kind == Kind.Period && (i + 1 == tokens.Count || tokens[i + 1].Kind != Kind.Period))
                    {
                        foreach (var months in PeriodMonths(tokens[i - 1].Value, ordinals))
                        {
                            Add(months);
                        }
                        ordinals.Clear();
                    }
                    break;
                case Kind.Day when i > 0 && tokens[i - 1].Kind == Kind.Period && token.Value is >= 1 and <= 6:
                    foreach (var months in PeriodMonths(tokens[i - 1].Value, [token.Value]))
                    {
                        Add(months);
                    }
                    break;
                case Kind.Day when i + 1 < tokens.Count && tokens[i + 1].Kind == Kind.Period && token.Value is >= 1 and <= 6:
                    ordinals.Add(token.Value);
                    break;
                case Kind.Period:
                    if (ordinals.Count > 0)
                    {
                        foreach (var months in PeriodMonths(token.Value, ordinals))
                        {
                            Add(months);
                        }
                        ordinals.Clear();
                    }
                    break;
                case Kind.Range when groups.Count > 0:
                    pendingRange = true;
                    hasRange = true;
                    break;
                case Kind.List when between && groups.Count > 0:
                    pendingRange = true;
                    hasRange = true;
                    between = false;
                    break;
                case Kind.From:
                    from = true;
                    between = token.Value == 1;
                    break;
                default:
                    break;
            }
        }

        foreach (var group in groups)
        {
            result.AddRange(group);
        }

        backwards = runsBack;
        return result.Count == 0 ? null : result;
    }

    /// <summary>The months of the k-th period of <paramref name="length"/> months, for each ordinal that exists.</summary>
    private static IEnumerable<int[]> PeriodMonths(int length, IEnumerable<int> ordinals) =>
        ordinals.Where(k => k >= 1 && k * length <= 12).Select(k => Enumerable.Range(((k - 1) * length) + 1, length).ToArray());

    private static int? PeriodLength(string word) => word switch
    {
        "semestre" or "semestres" => 6,
        "cuatrimestre" or "cuatrimestres" => 4,
        "trimestre" or "trimestres" => 3,
        "bimestre" or "bimestres" => 2,
        _ => null,
    };

    private static int? Ordinal(string word) => word switch
    {
        "primer" or "primero" or "primera" or "1er" or "1ro" or "1o" or "1°" or "1º" or "i" => 1,
        "segundo" or "segunda" or "2do" or "2o" or "2°" or "2º" or "ii" => 2,
        "tercer" or "tercero" or "tercera" or "3er" or "3ro" or "3o" or "3°" or "3º" or "iii" => 3,
        "cuarto" or "cuarta" or "4to" or "4o" or "4°" or "4º" or "iv" => 4,
        "quinto" or "quinta" or "5to" or "5o" or "5°" or "5º" or "v" => 5,
        "sexto" or "sexta" or "6to" or "6o" or "6°" or "6º" or "vi" => 6,
        _ => null,
    };

    /// <summary>The closing month of each period a frequency word names, or null when the text names none.</summary>
    private static List<int>? Frequency(string folded)
    {
        var words = Word().Matches(folded).Select(m => m.Value).ToList();
        bool Has(params string[] any) => words.Any(any.Contains);
        if (Has("permanente", "permanentemente", "continuo", "continua", "continuamente", "mensual", "mensualmente", "mensuales")
            || folded.Contains("todo el ano", StringComparison.Ordinal) || folded.Contains("toda la vigencia", StringComparison.Ordinal)
            || folded.Contains("todos los meses", StringComparison.Ordinal) || folded.Contains("cada mes", StringComparison.Ordinal))
        {
            return Every(1);
        }
        if (Has("bimestral", "bimestralmente", "bimestrales") || folded.Contains("cada bimestre", StringComparison.Ordinal))
        {
            return Every(2);
        }
        if (Has("trimestral", "trimestralmente", "trimestrales") || folded.Contains("cada trimestre", StringComparison.Ordinal))
        {
            return Every(3);
        }
        if (Has("cuatrimestral", "cuatrimestralmente", "cuatrimestrales") || folded.Contains("cada cuatrimestre", StringComparison.Ordinal))
        {
            return Every(4);
        }
        if (Has("semestral", "semestralmente", "semestrales") || folded.Contains("cada semestre", StringComparison.Ordinal))
        {
            return Every(6);
        }
        if (Has("anual", "anualmente") || folded.Contains("una vez al ano", StringComparison.Ordinal))
        {
            return Every(12);
        }
        return null;
    }

    private static List<int> Every(int step) => Enumerable.Range(1, 12 / step).Select(k => k * step).ToList();

    [GeneratedRegex(@"\b(?<d>\d{1,2})\s*[/.\-]\s*(?<m>\d{1,2})\s*[/.\-]\s*(?<y>\d{4}|\d{2})\b", RegexOptions.CultureInvariant)]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"\b(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})\b", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\b(?:19|20)\d{2}\b", RegexOptions.CultureInvariant)]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"@\d{1,2}|[a-z]+|\d+(?:er|ro|do|to|o|°|º)?|[\-–—,;&]", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    [GeneratedRegex(@"\b(?:a|por|bajo|segun)\s+demanda\b|\brequiera\b|\brequiere\b|\brequerimiento\b|\bnecesidad\b|\bnecesario\b|\bse\s+presente\b", RegexOptions.CultureInvariant)]
    private static partial Regex OnDemand();
}
