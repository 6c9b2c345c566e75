namespace Vigia.Core.Colombia;

/// <summary>Dates and numbers as people read them in Colombia (es-CO): on screen, in e-mails, in XLSX and PDF reports.
/// Machine text (codes, keys, file names, CSV and JSON, ISO dates) uses <see cref="CultureInfo.InvariantCulture"/>
/// instead, so that it reads the same on every server.</summary>
public static class SpanishFormat
{
    /// <summary>es-CO, read-only and shared: the culture of every request and of every text written for people.</summary>
    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("es-CO");

    /// <summary>"7 de abril de 2022".</summary>
    public static string LongDate(DateOnly date) => date.ToString("d 'de' MMMM 'de' yyyy", Culture);

    /// <summary>"jueves".</summary>
    public static string DayName(DateOnly date) => Culture.DateTimeFormat.GetDayName(date.DayOfWeek);

    /// <summary>"7 de abril de 2022, 3:05 p. m.": an instant on Colombian time.</summary>
    public static string DateTime(DateTimeOffset instant) =>
        ColombianTime.ToColombian(instant).ToString("d 'de' MMMM 'de' yyyy, h:mm tt", Culture);

    /// <summary>"7 de abril de 2022, 3:05 p. m. (hora de Colombia)", where the reader may be elsewhere.</summary>
    public static string DateTimeWithZone(DateTimeOffset instant) => DateTime(instant) + " (hora de Colombia)";

    /// <summary>"2022-04-07 15:05" (with <paramref name="seconds"/>, "2022-04-07 15:05:09"): an instant on Colombian
    /// time in a table, where rows are compared at a glance.</summary>
    public static string Timestamp(DateTimeOffset instant, bool seconds = false) =>
        ColombianTime.ToColombian(instant).ToString(seconds ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"5.000", "2,5", "1.234,57": thousands with a dot, at most two decimals after a comma.</summary>
    public static string Number(decimal value) => value.ToString("#,##0.##", Culture);

    /// <summary>"2,5" as it is typed in a form: no thousands separator, up to four decimals.</summary>
    public static string Input(decimal value) => value.ToString("0.####", Culture);

    /// <summary>"85 %", "85,5 %", "85,25 %": at most <paramref name="decimals"/> decimals (half away from zero), a
    /// space before the sign as the Colombian style manuals write it.</summary>
    public static string Percent(decimal value, int decimals = 2)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        return value.ToString(decimals == 0 ? "0" : "0." + new string('#', decimals), Culture) + " %";
    }

    /// <summary>A size for people: "10 MB", "1,5 MB", "512 KB", "100 bytes" (binary multiples, as file browsers show).</summary>
    public static string FileSize(long bytes) => bytes switch
    {
        >= 1024 * 1024 => string.Format(Culture, "{0:0.#} MB", bytes / (1024d * 1024)),
        >= 1024 => string.Format(Culture, "{0:0.#} KB", bytes / 1024d),
        _ => string.Format(Culture, "{0} bytes", bytes),
    };
}
