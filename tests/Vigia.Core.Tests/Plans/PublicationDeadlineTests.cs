using Microsoft.Extensions.Time.Testing;
using Vigia.Core.Plans;

namespace Vigia.Core.Tests.Plans;

/// <summary>The plan's publication deadline (31 January of its year) in Colombian business days, on a fake clock.
/// Calendar used: 8 and 25 December 2026 and 1 January 2027 are holidays; 6 January 2027 (Reyes Magos, a Wednesday)
/// moves to Monday 11 January; 31 January 2027 is a Sunday and 31 January 2026 a Saturday.</summary>
public class PublicationDeadlineTests
{
    /// <summary>A fake clock at a Colombian date and time, started from the UTC instant.</summary>
    private static DateOnly TodayAt(int year, int month, int day, int hour = 10) =>
        ColombianTime.Today(new FakeTimeProvider(new DateTimeOffset(year, month, day, hour, 0, 0, TestTime.ColombiaOffset).ToUniversalTime()));

    private static PublicationDeadlineStatus Unpublished(int year, DateOnly today) =>
        PublicationDeadline.Evaluate(year, today, published: false, firstPublishedAt: null);

    [Fact]
    public void Deadline_Is31January_EvenWhenItIsNotABusinessDay()
    {
        var status = Unpublished(2027, TodayAt(2027, 1, 4));

        Assert.Equal(new DateOnly(2027, 1, 31), status.Deadline);
        Assert.Equal(DayOfWeek.Sunday, status.Deadline.DayOfWeek);
    }

    [Fact]
    public void BeforeTheWindow_IsOutsideWindow_AndSaysNothing()
    {
        var status = Unpublished(2027, TodayAt(2026, 11, 30, 23));

        Assert.Equal(DeadlineState.OutsideWindow, status.State);
        Assert.Null(status.Notice);
    }

    [Fact]
    public void FirstDayOfTheWindow_CountsTheBusinessDaysLeft_AcrossTheYearAndItsHolidays()
    {
        // 1 Dec 2026 → 31 Jan 2027: 20 business days in December after the 1st (8 and 25 December off) and 19 in
        // January (1 and 11 January off).
        var status = Unpublished(2027, TodayAt(2026, 12, 1, 0));

        Assert.Equal(DeadlineState.Due, status.State);
        Assert.Equal(39, status.BusinessDays);
        Assert.Equal("Faltan 39 días hábiles para publicar el plan 2027 (plazo legal: 31 de enero de 2027).", status.Notice);
    }

    [Fact]
    public void LastDaysOfTheYear_CountIntoNextJanuary_WithoutNewYearsDay()
    {
        // Thursday 31 December 2026, then 5 + 4 + 5 + 5 business days in January.
        Assert.Equal(20, Unpublished(2027, TodayAt(2026, 12, 30)).BusinessDays);
    }

    [Fact]
    public void ReyesMagosMovedToMonday_IsNotCounted()
    {
        // After Monday 4 January 2027: 5–8, 12–15 (11 is Reyes Magos), 18–22, 25–29.
        var status = Unpublished(2027, TodayAt(2027, 1, 4));

        Assert.Equal(18, status.BusinessDays);
        Assert.Equal(14, Unpublished(2027, TodayAt(2027, 1, 8)).BusinessDays);
        Assert.Equal(14, Unpublished(2027, TodayAt(2027, 1, 11)).BusinessDays);
    }

    [Fact]
    public void LastBusinessDayBeforeAWeekendDeadline_SaysItIsToday()
    {
        var friday = Unpublished(2027, TodayAt(2027, 1, 29));
        var saturday = Unpublished(2027, TodayAt(2027, 1, 30));

        Assert.Equal(0, friday.BusinessDays);
        Assert.Equal("Hoy es el último día hábil para publicar el plan 2027 (plazo legal: 31 de enero de 2027).", friday.Notice);
        Assert.Equal("No quedan días hábiles para publicar el plan 2027 (plazo legal: 31 de enero de 2027).", saturday.Notice);
        Assert.Equal(1, Unpublished(2027, TodayAt(2027, 1, 28)).BusinessDays);
        Assert.StartsWith("Falta 1 día hábil", Unpublished(2027, TodayAt(2027, 1, 28)).Notice, StringComparison.Ordinal);
    }

    [Fact]
    public void TheDeadlineIsAColombianDay_NotAUtcOne()
    {
        // 04:59 UTC on 1 February is still 31 January in Colombia; 05:00 UTC is 1 February.
        var lastMinute = Unpublished(2027, ColombianTime.Today(new FakeTimeProvider(new DateTimeOffset(2027, 2, 1, 4, 59, 0, TimeSpan.Zero))));
        var nextDay = Unpublished(2027, ColombianTime.Today(new FakeTimeProvider(new DateTimeOffset(2027, 2, 1, 5, 0, 0, TimeSpan.Zero))));

        Assert.Equal(DeadlineState.Due, lastMinute.State);
        Assert.Equal("Hoy vence el plazo para publicar el plan 2027 (plazo legal: 31 de enero de 2027).", lastMinute.Notice);
        Assert.Equal(DeadlineState.Overdue, nextDay.State);
        Assert.Equal("El plan 2027 debía publicarse a más tardar el 31 de enero de 2027; va 1 día hábil de retraso.", nextDay.Notice);
    }

    [Fact]
    public void Overdue_CountsTheBusinessDaysOfDelay()
    {
        var status = Unpublished(2027, TodayAt(2027, 2, 3));

        Assert.Equal(DeadlineState.Overdue, status.State);
        Assert.Equal(3, status.BusinessDays);
        Assert.Equal("El plan 2027 debía publicarse a más tardar el 31 de enero de 2027; van 3 días hábiles de retraso.", status.Notice);
    }

    [Fact]
    public void Overdue_TheDayAfterASaturdayDeadline_HasNoBusinessDayOfDelayYet()
    {
        var status = Unpublished(2026, TodayAt(2026, 2, 1));

        Assert.Equal(DeadlineState.Overdue, status.State);
        Assert.Equal(0, status.BusinessDays);
        Assert.Equal("El plan 2026 debía publicarse a más tardar el 31 de enero de 2026 y aún no se ha publicado.", status.Notice);
    }

    [Fact]
    public void AfterThePlansYear_AnUnpublishedPlanIsNoLongerAnnounced()
    {
        Assert.Equal(DeadlineState.Overdue, Unpublished(2027, TodayAt(2027, 12, 31)).State);
        Assert.Equal(DeadlineState.OutsideWindow, Unpublished(2027, TodayAt(2028, 1, 3)).State);
    }

    [Fact]
    public void PublishedAfterTheDeadline_IsLate_ByBusinessDays()
    {
        var publishedAt = new DateTimeOffset(2027, 2, 4, 15, 0, 0, TimeSpan.Zero);

        var status = PublicationDeadline.Evaluate(2027, TodayAt(2027, 3, 1), published: true, publishedAt);

        Assert.Equal(DeadlineState.PublishedLate, status.State);
        Assert.True(PlanVersions.IsLate(2027, publishedAt));
        Assert.Equal(new DateOnly(2027, 2, 4), status.PublishedOn);
        Assert.Equal(4, status.BusinessDays);
        Assert.Equal("El plan 2027 se publicó fuera del plazo legal (el 4 de febrero de 2027, 4 días hábiles después del 31 de enero de 2027).",
            status.Notice);
    }

    [Fact]
    public void PublishedOnTheDeadlineInColombia_IsOnTime_AndSaysNothing()
    {
        // 02:00 UTC on 1 February is 21:00 on 31 January in Colombia.
        var status = PublicationDeadline.Evaluate(2027, TodayAt(2027, 2, 10), published: true, new DateTimeOffset(2027, 2, 1, 2, 0, 0, TimeSpan.Zero));

        Assert.Equal(DeadlineState.PublishedOnTime, status.State);
        Assert.Equal(new DateOnly(2027, 1, 31), status.PublishedOn);
        Assert.Null(status.Notice);
    }

    [Fact]
    public void PublishedWithoutADate_IsNeverLate()
    {
        var status = PublicationDeadline.Evaluate(2022, TodayAt(2026, 11, 26), published: true, firstPublishedAt: null);

        Assert.Equal(DeadlineState.PublishedOnTime, status.State);
        Assert.Null(status.Notice);
    }

    [Fact]
    public void PlanYearOn_IsNextYearInDecember()
    {
        Assert.Equal(2027, PublicationDeadline.PlanYearOn(new DateOnly(2026, 12, 1)));
        Assert.Equal(2026, PublicationDeadline.PlanYearOn(new DateOnly(2026, 11, 30)));
        Assert.Equal(2027, PublicationDeadline.PlanYearOn(new DateOnly(2027, 1, 1)));
    }
}
