namespace Vigia.Core.Colombia;

/// <summary>Colombian time: every legal term, deadline and "today" of the application is counted on it.
/// Colombia keeps UTC−5 all year (no daylight saving time since 1993), so dates are computed with the fixed offset;
/// <see cref="Zone"/> is for schedulers that want a time zone.</summary>
public static class ColombianTime
{
    /// <summary>UTC−5.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(-5);

    /// <summary>America/Bogota from the system's time-zone data; UTC−5 fixed if that is missing (a container without
    /// tzdata), which gives the same times.</summary>
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.TryFindSystemTimeZoneById("America/Bogota", out var zone)
        ? zone
        : TimeZoneInfo.CreateCustomTimeZone("Colombia", Offset, "Colombia", "Colombia");

    /// <summary>Today's date in Colombia on <paramref name="clock"/>.</summary>
    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOf(clock.GetUtcNow());
    }

    /// <summary>The Colombian calendar date of an instant: 2022-04-05 03:00 UTC is 4 April in Colombia.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToColombian(instant).DateTime);

    /// <summary>The same instant written with the Colombian offset, to show its Colombian date and time.</summary>
    public static DateTimeOffset ToColombian(DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>A Colombian date and time as an instant in UTC (PostgreSQL stores only UTC offsets).</summary>
    public static DateTimeOffset ToUtc(DateOnly date, TimeOnly time) => new DateTimeOffset(date.ToDateTime(time), Offset).ToUniversalTime();

    /// <summary>The first instant of a Colombian day, in UTC: "from 2026-11-26" starts at 05:00 UTC.</summary>
    public static DateTimeOffset StartOfDay(DateOnly date) => ToUtc(date, TimeOnly.MinValue);
}
