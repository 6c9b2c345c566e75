namespace Vigia.Cli;

/// <summary>Parsing helpers for command arguments; they throw <see cref="UsageException"/> with a
/// Spanish message.</summary>
public static class CliArguments
{
    /// <summary>Fails unless exactly <paramref name="count"/> arguments were given.</summary>
    public static void ExpectCount(IReadOnlyList<string> args, int count, string what)
    {
        if (args.Count != count)
            throw new UsageException($"{what} espera {count} argumento(s) y recibió {args.Count}.");
    }

    /// <summary>A year for which the Colombian calendar is defined.</summary>
    public static int ParseYear(string text)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            throw new UsageException($"Año no válido: '{text}'. Use cuatro cifras, por ejemplo 2026.");
        CheckYearRange(year);
        return year;
    }

    // The last year is left out so that terms running into the next year can still be computed.
    private static void CheckYearRange(int year)
    {
        if (year < ColombianHolidays.FirstSupportedYear || year >= ColombianHolidays.LastSupportedYear)
        {
            throw new UsageException(
                $"Año fuera de rango: {year}. El calendario cubre de {ColombianHolidays.FirstSupportedYear} (Ley 51 de 1983) a {ColombianHolidays.LastSupportedYear - 1}.");
        }
    }

    /// <summary>A date written as AAAA-MM-DD, in a year the Colombian calendar covers.</summary>
    public static DateOnly ParseDate(string text)
    {
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw new UsageException($"Fecha no válida: '{text}'. Use el formato AAAA-MM-DD, por ejemplo 2026-04-30.");
        CheckYearRange(date.Year);
        return date;
    }

    /// <summary>A whole number, possibly negative.</summary>
    public static int ParseInt(string text, string what)
        => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new UsageException($"{what} no válido: '{text}'. Debe ser un número entero.");

    /// <summary>ISO date as shown on screen.</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
