using Microsoft.Extensions.Time.Testing;

namespace Vigia.Core.Tests.Colombia;

public class ColombianTimeTests
{
    [Fact]
    public void Today_AtEightInTheEveningInBogota_IsStillThatDayAlthoughUtcIsTheNext()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2022, 4, 5, 1, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2022, 4, 4), ColombianTime.Today(clock));
    }

    [Fact]
    public void DateOf_MidnightInBogota_IsTheNewDay()
    {
        Assert.Equal(new DateOnly(2022, 4, 5), ColombianTime.DateOf(new DateTimeOffset(2022, 4, 5, 5, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2022, 4, 4), ColombianTime.DateOf(new DateTimeOffset(2022, 4, 5, 4, 59, 59, TimeSpan.Zero)));
    }

    [Fact]
    public void ToUtc_ColombianDateAndTime_IsFiveHoursLaterInUtc()
    {
        var instant = ColombianTime.ToUtc(new DateOnly(2026, 11, 26), new TimeOnly(15, 30));

        Assert.Equal(TimeSpan.Zero, instant.Offset);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 20, 30, 0, TimeSpan.Zero), instant);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 5, 0, 0, TimeSpan.Zero), ColombianTime.StartOfDay(new DateOnly(2026, 11, 27)));
    }

    [Fact]
    public void Zone_KeepsUtcMinusFiveAllYear()
    {
        Assert.Equal(TimeSpan.FromHours(-5), ColombianTime.Offset);
        Assert.Equal(ColombianTime.Offset, ColombianTime.Zone.GetUtcOffset(new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero)));
        Assert.Equal(ColombianTime.Offset, ColombianTime.Zone.GetUtcOffset(new DateTimeOffset(2026, 7, 15, 12, 0, 0, TimeSpan.Zero)));
    }
}
