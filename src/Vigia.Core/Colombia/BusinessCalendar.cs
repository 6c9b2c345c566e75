using System.Collections.Frozen;

namespace Vigia.Core.Colombia;

/// <summary>
/// Business days (días hábiles) of a Colombian public entity: Monday to Friday, minus the national
/// holidays of <see cref="ColombianHolidays"/>, minus any extra days the entity declares closed
/// (e.g. a day without service decreed by the entity). Immutable and thread-safe.
/// </summary>
public sealed class BusinessCalendar
{
    private readonly FrozenSet<DateOnly> _extraClosedDates;

    /// <summary>The national calendar with no extra closed days.</summary>
    public static BusinessCalendar Default { get; } = new();

    /// <param name="extraClosedDates">Additional non-working days of the entity; weekends and
    /// holidays among them are harmless.</param>
    public BusinessCalendar(IEnumerable<DateOnly>? extraClosedDates = null)
    {
        _extraClosedDates = (extraClosedDates ?? []).ToFrozenSet();
    }

    /// <summary>The extra closed days given to the constructor.</summary>
    public IReadOnlySet<DateOnly> ExtraClosedDates => _extraClosedDates;

    /// <summary>True for a Monday–Friday that is neither a holiday nor an extra closed day.</summary>
    public bool IsBusinessDay(DateOnly date)
        => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
           && !_extraClosedDates.Contains(date)
           && !ColombianHolidays.IsHoliday(date);

    /// <summary>
    /// The <paramref name="n"/>-th business day after <paramref name="start"/>, not counting
    /// <paramref name="start"/> itself (a term "counted from the day after"):
    /// <c>AddBusinessDays(2026-04-30, 10)</c> is 2026-05-15. A negative <paramref name="n"/> counts
    /// backwards (the |n|-th business day before <paramref name="start"/>); 0 returns
    /// <paramref name="start"/> unchanged, business day or not.
    /// </summary>
    public DateOnly AddBusinessDays(DateOnly start, int n)
    {
        var step = n < 0 ? -1 : 1;
        var remaining = Math.Abs((long)n);
        var date = start;
        while (remaining > 0)
        {
            date = date.AddDays(step);
            if (IsBusinessDay(date))
                remaining--;
        }

        return date;
    }

    /// <summary>The <paramref name="n"/>-th business day of a month (1-based), e.g. the fifth
    /// business day for monthly reports.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is less than 1 or the
    /// month has fewer than <paramref name="n"/> business days.</exception>
    public DateOnly NthBusinessDayOfMonth(int year, int month, int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var first = new DateOnly(year, month, 1);
        var result = AddBusinessDays(first.AddDays(-1), n);
        if (result.Month != month || result.Year != year)
        {
            throw new ArgumentOutOfRangeException(
                nameof(n), n, string.Create(CultureInfo.InvariantCulture, $"{year}-{month:00} has fewer than {n} business days."));
        }

        return result;
    }

    /// <summary>
    /// Business days from <paramref name="from"/> to <paramref name="to"/>, counted the way
    /// <see cref="AddBusinessDays"/> steps: when <paramref name="to"/> is later, the business days in
    /// (from, to]; when earlier, minus the business days in [to, from). So
    /// <c>BusinessDaysBetween(d, AddBusinessDays(d, n)) == n</c> for every <c>n</c>, and
    /// consecutive business days are 1 apart.
    /// </summary>
    public int BusinessDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
            return -CountBusinessDays(to, from.AddDays(-1));

        return from == to ? 0 : CountBusinessDays(from.AddDays(1), to);
    }

    /// <summary>Business days in the inclusive range [first, last]; 0 when last is before first.</summary>
    public int CountBusinessDays(DateOnly first, DateOnly last)
    {
        var count = 0;
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            if (IsBusinessDay(date))
                count++;
            if (date == DateOnly.MaxValue)
                break;
        }

        return count;
    }
}
