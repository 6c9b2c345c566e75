namespace Vigia.Core.Tests.Colombia;

public class BusinessCalendarTests
{
    private static readonly BusinessCalendar Calendar = BusinessCalendar.Default;

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd");

    [Theory]
    [InlineData("2026-05-16", false)] // Saturday
    [InlineData("2026-05-17", false)] // Sunday
    [InlineData("2026-05-18", false)] // Monday, Ascensión del Señor
    [InlineData("2026-05-19", true)]  // Tuesday
    [InlineData("2026-04-02", false)] // Jueves Santo
    [InlineData("2026-01-06", true)]  // Reyes moved to the 12th
    [InlineData("2026-12-24", true)]  // Christmas Eve is a working day
    public void IsBusinessDay_excludes_weekends_and_holidays(string date, bool expected)
        => Assert.Equal(expected, Calendar.IsBusinessDay(D(date)));

    [Theory]
    [InlineData("2026-04-30", 10, "2026-05-15")] // 1 May holiday inside the term
    [InlineData("2026-08-31", 10, "2026-09-14")]
    [InlineData("2026-12-31", 10, "2027-01-18")] // 1 Jan and Reyes (11 Jan 2027) across the year end
    [InlineData("2022-04-30", 10, "2022-05-13")] // start on a Saturday
    [InlineData("2022-12-31", 10, "2023-01-16")] // Reyes 2023 moved to 9 Jan
    [InlineData("2026-05-15", 1, "2026-05-19")]  // Friday + 1 jumps the weekend and Ascensión
    [InlineData("2026-03-27", 4, "2026-04-06")]  // across Holy Week
    [InlineData("2026-05-16", 0, "2026-05-16")]  // 0 returns the start, business day or not
    [InlineData("2026-05-15", -10, "2026-04-30")]
    [InlineData("2026-01-02", -1, "2025-12-31")]
    public void AddBusinessDays_counts_from_the_day_after(string start, int n, string expected)
        => Assert.Equal(D(expected), Calendar.AddBusinessDays(D(start), n));

    [Theory]
    [InlineData(2026, 1, 1, "2026-01-02")]
    [InlineData(2026, 1, 5, "2026-01-08")]
    [InlineData(2026, 5, 5, "2026-05-08")]  // 1 May is a Friday holiday
    [InlineData(2027, 1, 1, "2027-01-04")]
    [InlineData(2026, 2, 20, "2026-02-27")] // February 2026 has exactly 20
    public void NthBusinessDayOfMonth(int year, int month, int n, string expected)
        => Assert.Equal(D(expected), Calendar.NthBusinessDayOfMonth(year, month, n));

    [Theory]
    [InlineData(0)]
    [InlineData(21)]
    public void NthBusinessDayOfMonth_rejects_n_outside_the_month(int n)
        => Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.NthBusinessDayOfMonth(2026, 2, n));

    [Theory]
    [InlineData("2026-04-30", "2026-05-15", 10)]
    [InlineData("2026-05-15", "2026-04-30", -10)]
    [InlineData("2026-05-15", "2026-05-15", 0)]
    [InlineData("2026-05-16", "2026-05-19", 1)]  // Saturday to Tuesday (Monday is a holiday)
    [InlineData("2026-05-15", "2026-05-18", 0)]  // Friday to the Ascensión Monday
    [InlineData("2026-01-01", "2026-12-31", 243)]
    public void BusinessDaysBetween(string from, string to, int expected)
        => Assert.Equal(expected, Calendar.BusinessDaysBetween(D(from), D(to)));

    [Fact]
    public void Year_2026_has_243_business_days()
        => Assert.Equal(243, Calendar.CountBusinessDays(D("2026-01-01"), D("2026-12-31")));

    [Fact]
    public void Extra_closed_dates_are_not_business_days()
    {
        var entity = new BusinessCalendar([D("2026-05-04")]);

        Assert.False(entity.IsBusinessDay(D("2026-05-04")));
        Assert.True(Calendar.IsBusinessDay(D("2026-05-04")));
        // One day lost in the term, and the next Monday (18 May) is Ascensión.
        Assert.Equal(D("2026-05-19"), entity.AddBusinessDays(D("2026-04-30"), 10));
        Assert.Contains(D("2026-05-04"), entity.ExtraClosedDates);
    }
}
