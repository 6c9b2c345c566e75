using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace Vigia.Core.Colombia;

/// <summary>
/// Colombian public holidays (Ley 35 de 1939, Decretos 2663 y 3743 de 1950, Ley 51 de 1983
/// "Ley Emiliani"): 18 holidays a year. Fixed holidays stay on their date even on a weekend; the
/// "Emiliani" ones move to the following Monday; the Easter-based ones are computed from the
/// Gregorian Easter Sunday. Two holidays can share a date (in 2025 Sagrado Corazón and San Pedro y
/// San Pablo both fall on Monday 30 June), so a year has 18 entries but possibly fewer distinct days.
/// </summary>
/// <remarks>The Monday moves apply from 1984 (Ley 51 de 1983); earlier years are rejected rather than
/// computed with the wrong rules.</remarks>
public static class ColombianHolidays
{
    /// <summary>First year in which Ley 51 de 1983 applies.</summary>
    public const int FirstSupportedYear = 1984;

    /// <summary>Last supported year (the end of <see cref="DateOnly"/>).</summary>
    public const int LastSupportedYear = 9999;

    private static readonly ConcurrentDictionary<int, YearData> Cache = new();

    /// <summary>The 18 holidays of <paramref name="year"/>, ordered by observed date.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside
    /// <see cref="FirstSupportedYear"/>–<see cref="LastSupportedYear"/>.</exception>
    public static IReadOnlyList<Holiday> For(int year) => Get(year).Holidays;

    /// <summary>True when <paramref name="date"/> is a Colombian public holiday.</summary>
    public static bool IsHoliday(DateOnly date) => Get(date.Year).Dates.Contains(date);

    /// <summary>Easter Sunday of a Gregorian year (anonymous Gregorian algorithm, Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1583);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, LastSupportedYear);
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    private static YearData Get(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, FirstSupportedYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, LastSupportedYear);
        return Cache.GetOrAdd(year, static y => new YearData(Compute(y)));
    }

    private static Holiday[] Compute(int year)
    {
        var easter = EasterSunday(year);
        Holiday[] holidays =
        [
            Fixed(year, 1, 1, "Año Nuevo"),
            Emiliani(year, 1, 6, "Día de los Reyes Magos"),
            Emiliani(year, 3, 19, "Día de San José"),
            Easter(easter, -3, 0, "Jueves Santo"),
            Easter(easter, -2, 0, "Viernes Santo"),
            Fixed(year, 5, 1, "Día del Trabajo"),
            Easter(easter, 39, 4, "Ascensión del Señor"),
            Easter(easter, 60, 4, "Corpus Christi"),
            Easter(easter, 68, 3, "Sagrado Corazón de Jesús"),
            Emiliani(year, 6, 29, "San Pedro y San Pablo"),
            Fixed(year, 7, 20, "Día de la Independencia"),
            Fixed(year, 8, 7, "Batalla de Boyacá"),
            Emiliani(year, 8, 15, "La Asunción de la Virgen"),
            Emiliani(year, 10, 12, "Día de la Raza"),
            Emiliani(year, 11, 1, "Día de Todos los Santos"),
            Emiliani(year, 11, 11, "Independencia de Cartagena"),
            Fixed(year, 12, 8, "Día de la Inmaculada Concepción"),
            Fixed(year, 12, 25, "Día de Navidad"),
        ];
        // Stable sort: when two holidays share a date they keep the order of the list above.
        return [.. holidays.OrderBy(h => h.Date)];
    }

    private static Holiday Fixed(int year, int month, int day, string name)
    {
        var date = new DateOnly(year, month, day);
        return new Holiday(date, name, date);
    }

    private static Holiday Emiliani(int year, int month, int day, string name)
    {
        var nominal = new DateOnly(year, month, day);
        return new Holiday(NextMondayOrSame(nominal), name, nominal);
    }

    /// <param name="daysFromEaster">Offset of the commemorated day from Easter Sunday.</param>
    /// <param name="moveDays">Days added by the move to Monday (0 when not moved).</param>
    private static Holiday Easter(DateOnly easter, int daysFromEaster, int moveDays, string name)
    {
        var nominal = easter.AddDays(daysFromEaster);
        return new Holiday(nominal.AddDays(moveDays), name, nominal);
    }

    private static DateOnly NextMondayOrSame(DateOnly date)
        => date.AddDays(((int)DayOfWeek.Monday - (int)date.DayOfWeek + 7) % 7);

    private sealed class YearData(Holiday[] holidays)
    {
        public IReadOnlyList<Holiday> Holidays { get; } = Array.AsReadOnly(holidays);

        public FrozenSet<DateOnly> Dates { get; } = holidays.Select(h => h.Date).ToFrozenSet();
    }
}
