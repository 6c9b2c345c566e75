namespace Vigia.Testing;

/// <summary>The instants the tests' fake clocks start at, and the timestamp of rows whose time does not matter to the
/// test. No test reads the machine's clock: what "today" is comes from here, so the suite gives the same answers on
/// any day.</summary>
public static class TestTime
{
    public static readonly TimeSpan ColombiaOffset = TimeSpan.FromHours(-5);

    /// <summary>Thursday 26 November 2026, 10:00 in Colombia: long after every cut-off of the bundled 2022 plan, as
    /// "today" was when these tests were written.</summary>
    public static readonly DateTimeOffset Default = new(2026, 11, 26, 10, 0, 0, ColombiaOffset);

    /// <summary>Monday 4 April 2022, 9:00 in Colombia: March's reports are due until Thursday 7 April (fifth business
    /// day), April's month is running and May has not begun.</summary>
    public static readonly DateTimeOffset Monday4April2022 = new(2022, 4, 4, 9, 0, 0, ColombiaOffset);

    /// <summary>When a row was written, for arranging data whose timestamps the test does not look at
    /// (<see cref="Default"/> in UTC).</summary>
    public static readonly DateTimeOffset Written = Default.ToUniversalTime();

    /// <summary>Today's date in Colombia on <paramref name="clock"/>, as an ISO date.</summary>
    public static string ColombianDate(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return clock.GetUtcNow().ToOffset(ColombiaOffset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }
}
