using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Vigia.Core.FollowUps;

namespace Vigia.Core.Tests.Colombia;

/// <summary>A date between 1990 and 2089.</summary>
public readonly record struct AnyDate(DateOnly Value);

/// <summary>A term of up to ±500 business days (about two years), 0 included.</summary>
public readonly record struct Term(int Value);

public static class CalendarArbitraries
{
    public static Arbitrary<AnyDate> Dates()
        => Gen.Choose(0, 36_524).Select(offset => new AnyDate(new DateOnly(1990, 1, 1).AddDays(offset))).ToArbitrary();

    public static Arbitrary<Term> Terms() => Gen.Choose(-500, 500).Select(n => new Term(n)).ToArbitrary();
}

[Properties(Arbitrary = [typeof(CalendarArbitraries)], MaxTest = 300)]
public class CalendarPropertyTests
{
    private static readonly BusinessCalendar Calendar = BusinessCalendar.Default;

    [Property]
    public bool AddBusinessDays_lands_on_a_business_day(AnyDate start, Term term)
        => term.Value == 0 || Calendar.IsBusinessDay(Calendar.AddBusinessDays(start.Value, term.Value));

    [Property]
    public bool BusinessDaysBetween_inverts_AddBusinessDays(AnyDate start, Term term)
        => Calendar.BusinessDaysBetween(start.Value, Calendar.AddBusinessDays(start.Value, term.Value)) == term.Value;

    [Property]
    public bool AddBusinessDays_skips_no_business_day(AnyDate start, Term term)
    {
        var n = Math.Abs(term.Value);
        var end = Calendar.AddBusinessDays(start.Value, n);
        return Calendar.CountBusinessDays(start.Value.AddDays(1), end) == n;
    }

    [Property]
    public bool Every_business_day_is_a_weekday_and_not_a_holiday(AnyDate date)
    {
        var d = date.Value;
        var expected = d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !ColombianHolidays.IsHoliday(d);
        return Calendar.IsBusinessDay(d) == expected;
    }

    [Property]
    public bool Paac_deadline_is_a_business_day_ten_business_days_after_the_cut_off(AnyDate date)
    {
        var year = date.Value.Year;
        return CutOffSchedule.Paac.For(year).All(d =>
            Calendar.IsBusinessDay(d.PublicationDeadline)
            && Calendar.BusinessDaysBetween(d.CutOffDate, d.PublicationDeadline) == 10);
    }
}
