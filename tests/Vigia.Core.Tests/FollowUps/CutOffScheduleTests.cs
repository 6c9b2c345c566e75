using Microsoft.Extensions.Configuration;
using Vigia.Core.FollowUps;

namespace Vigia.Core.Tests.FollowUps;

public class CutOffScheduleTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd");

    [Theory]
    [InlineData(2022, "2022-04-30", "2022-05-13", "2022-08-31", "2022-09-14", "2022-12-31", "2023-01-16")]
    [InlineData(2026, "2026-04-30", "2026-05-15", "2026-08-31", "2026-09-14", "2026-12-31", "2027-01-18")]
    public void Paac_deadlines_match_the_worked_dates_of_regulation_section_1_4(
        int year, string cut1, string deadline1, string cut2, string deadline2, string cut3, string deadline3)
    {
        var deadlines = CutOffSchedule.Paac.For(year);

        Assert.Equal([D(cut1), D(cut2), D(cut3)], deadlines.Select(d => d.CutOffDate));
        Assert.Equal([D(deadline1), D(deadline2), D(deadline3)], deadlines.Select(d => d.PublicationDeadline));
        Assert.Equal([1, 2, 3], deadlines.Select(d => d.Number));
        Assert.All(deadlines, d => Assert.Equal(year, d.PlanYear));
    }

    [Fact]
    public void Ptep_example_publishes_30_calendar_days_after_each_semester()
    {
        var deadlines = CutOffSchedule.PtepExample.For(2026);

        Assert.Equal([D("2026-06-30"), D("2026-12-31")], deadlines.Select(d => d.CutOffDate));
        Assert.Equal([D("2026-07-30"), D("2027-01-30")], deadlines.Select(d => d.PublicationDeadline));
    }

    [Fact]
    public void Cut_offs_are_numbered_in_date_order_whatever_the_configured_order()
    {
        var schedule = new CutOffSchedule([new CutOff(12, 31, 5), new CutOff(6, 30, 5)]);

        var deadlines = schedule.For(2026);

        Assert.Equal([D("2026-06-30"), D("2026-12-31")], deadlines.Select(d => d.CutOffDate));
        Assert.Equal([1, 2], deadlines.Select(d => d.Number));
    }

    [Fact]
    public void Entity_closed_days_lengthen_the_term()
    {
        var calendar = new BusinessCalendar([D("2026-09-01")]);

        Assert.Equal(D("2026-09-15"), CutOffSchedule.Paac.For(2026, calendar)[1].PublicationDeadline);
    }

    [Theory]
    [InlineData(2026, "2026-02-28")]
    [InlineData(2028, "2028-02-29")]
    public void Day_is_clamped_to_the_month_length(int year, string expected)
        => Assert.Equal(D(expected), new CutOff(2, 29, 5).DateIn(year));

    [Fact]
    public void Invalid_cut_offs_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CutOff(13, 1, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CutOff(4, 0, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CutOff(4, 30, 0));
        Assert.Throws<ArgumentException>(() => new CutOffSchedule([]));
    }

    [Theory]
    // today, expected cut-off, expected deadline, business days left, window open
    [InlineData("2026-03-01", "2026-04-30", "2026-05-15", 51, false)]
    [InlineData("2026-04-30", "2026-04-30", "2026-05-15", 11, false)] // the cut-off day itself
    [InlineData("2026-05-03", "2026-04-30", "2026-05-15", 10, true)]  // Sunday: the whole term left
    [InlineData("2026-05-15", "2026-04-30", "2026-05-15", 1, true)]   // the deadline itself
    [InlineData("2026-05-16", "2026-08-31", "2026-09-14", 79, false)]
    [InlineData("2026-09-01", "2026-08-31", "2026-09-14", 10, true)]
    [InlineData("2027-01-10", "2026-12-31", "2027-01-18", 5, true)]   // previous plan year still open
    [InlineData("2027-01-19", "2027-04-30", "2027-05-17", 81, false)] // Ascensión 2027 is 10 May
    public void Next_returns_the_earliest_cut_off_still_to_publish(
        string today, string cutOff, string deadline, int daysLeft, bool windowOpen)
    {
        var next = CutOffSchedule.Paac.Next(D(today));

        Assert.Equal(D(cutOff), next.Deadline.CutOffDate);
        Assert.Equal(D(deadline), next.Deadline.PublicationDeadline);
        Assert.Equal(daysLeft, next.BusinessDaysLeft);
        Assert.Equal(windowOpen, next.IsPublicationWindowOpen);
    }

    [Fact]
    public void Next_looks_into_the_next_year_when_the_only_cut_off_has_passed()
    {
        var schedule = new CutOffSchedule([new CutOff(4, 30, 10)]);

        Assert.Equal(D("2027-05-17"), schedule.Next(D("2026-06-01")).Deadline.PublicationDeadline);
    }

    [Fact]
    public void Schedule_binds_from_configuration()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Ptep:CutOffs:0:Month"] = "6",
                ["Ptep:CutOffs:0:Day"] = "30",
                ["Ptep:CutOffs:0:PublicationTerm"] = "30",
                ["Ptep:CutOffs:0:Unit"] = "CalendarDays",
                ["Ptep:CutOffs:1:Month"] = "12",
                ["Ptep:CutOffs:1:Day"] = "31",
                ["Ptep:CutOffs:1:PublicationTerm"] = "10",
            })
            .Build();

        var schedule = configuration.GetSection("Ptep").Get<CutOffSchedule>();

        Assert.NotNull(schedule);
        Assert.Equal(
            [new CutOff(6, 30, 30, PublicationTermUnit.CalendarDays), new CutOff(12, 31, 10)],
            schedule.CutOffs);
        Assert.Equal(
            [D("2026-07-30"), D("2027-01-18")],
            schedule.For(2026).Select(d => d.PublicationDeadline));
    }
}
