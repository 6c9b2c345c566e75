namespace Vigia.Core.Progress;

/// <summary>Dates of the monthly reporting cycle, on Colombian time and the Colombian business calendar: the report
/// for a month is due on the n-th business day of the following month (<see cref="ProgressSettings"/>).</summary>
public static class ProgressCalendar
{
    /// <summary>The last day to report <paramref name="month"/> of <paramref name="year"/> on time: the
    /// <paramref name="nthBusinessDay"/>-th business day of the next month (January of the next year for December).</summary>
    public static DateOnly Deadline(int year, int month, int nthBusinessDay, BusinessCalendar? calendar = null)
    {
        var next = new DateOnly(year, month, 1).AddMonths(1);
        return (calendar ?? BusinessCalendar.Default).NthBusinessDayOfMonth(next.Year, next.Month, nthBusinessDay);
    }

    /// <summary>Whether the month has begun on <paramref name="today"/>: only a month that has begun can be reported.</summary>
    public static bool HasBegun(int year, int month, DateOnly today) => new DateOnly(year, month, 1) <= today;

    /// <summary>The key of a reporting month in the reminder log: "2022-03".</summary>
    public static string MonthPeriod(int year, int month) => string.Create(CultureInfo.InvariantCulture, $"{year:0000}-{month:00}");

    /// <summary>The key of an ISO week in the reminder log: "2026-W48".</summary>
    public static string WeekPeriod(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date.ToDateTime(TimeOnly.MinValue)):0000}-W{ISOWeek.GetWeekOfYear(date.ToDateTime(TimeOnly.MinValue)):00}");
}
