namespace Vigia.Core.Compliance;

/// <summary>Today's date in Colombia (UTC−5 all year: the country has no daylight saving time).</summary>
public static class ColombianClock
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(-5);

    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);
    }

    /// <summary>A moment given as a Colombian date and time, in UTC (PostgreSQL stores only UTC offsets).</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time) => new DateTimeOffset(date.ToDateTime(time), Offset).ToUniversalTime();
}
