namespace Vigia.Core.FollowUps;

/// <summary>How a publication term is counted.</summary>
public enum PublicationTermUnit
{
    /// <summary>Business days of the <see cref="BusinessCalendar"/> (the PAAC rule).</summary>
    BusinessDays,

    /// <summary>Calendar days, with no shift when the last one is not a business day.</summary>
    CalendarDays,
}

/// <summary>
/// One follow-up cut-off (corte de seguimiento) of a plan year and the term to publish its report,
/// counted from the day after the cut-off. Bindable from configuration, e.g.
/// <c>{ "Month": 4, "Day": 30, "PublicationTerm": 10 }</c>.
/// </summary>
/// <param name="Month">Month of the cut-off within the plan year (1–12).</param>
/// <param name="Day">Day of the cut-off (1–31); clamped to the month's length, so 31 means "end of
/// month" and 29 February becomes 28 February in common years.</param>
/// <param name="PublicationTerm">Days allowed to publish, counted from the day after the cut-off.</param>
/// <param name="Unit">Unit of <paramref name="PublicationTerm"/>; business days unless stated.</param>
public sealed record CutOff(int Month, int Day, int PublicationTerm, PublicationTermUnit Unit = PublicationTermUnit.BusinessDays)
{
    /// <summary>Month of the cut-off within the plan year (1–12).</summary>
    public int Month { get; init; } = Month is >= 1 and <= 12
        ? Month
        : throw new ArgumentOutOfRangeException(nameof(Month), Month, "Month must be between 1 and 12.");

    /// <summary>Day of the cut-off (1–31), clamped to the month's length.</summary>
    public int Day { get; init; } = Day is >= 1 and <= 31
        ? Day
        : throw new ArgumentOutOfRangeException(nameof(Day), Day, "Day must be between 1 and 31.");

    /// <summary>Days allowed to publish, counted from the day after the cut-off (at least 1).</summary>
    public int PublicationTerm { get; init; } = PublicationTerm >= 1
        ? PublicationTerm
        : throw new ArgumentOutOfRangeException(nameof(PublicationTerm), PublicationTerm, "The publication term must be at least one day.");

    /// <summary>The cut-off date in a plan year.</summary>
    public DateOnly DateIn(int planYear)
        => new(planYear, Month, Math.Min(Day, DateTime.DaysInMonth(planYear, Month)));

    /// <summary>The last day to publish the report of this cut-off in a plan year.</summary>
    public DateOnly PublicationDeadline(int planYear, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var cutOff = DateIn(planYear);
        return Unit == PublicationTermUnit.BusinessDays
            ? calendar.AddBusinessDays(cutOff, PublicationTerm)
            : cutOff.AddDays(PublicationTerm);
    }
}

/// <summary>A cut-off placed in a plan year.</summary>
/// <param name="PlanYear">The plan year (vigencia) the follow-up belongs to.</param>
/// <param name="Number">1-based position of the cut-off in the year (1.er, 2.º, 3.er seguimiento).</param>
/// <param name="CutOffDate">The cut-off date.</param>
/// <param name="PublicationDeadline">The last day to publish the follow-up report (it may fall in
/// the next year, e.g. the 31 December cut-off).</param>
/// <param name="Rule">The cut-off rule it comes from.</param>
public sealed record CutOffDeadline(int PlanYear, int Number, DateOnly CutOffDate, DateOnly PublicationDeadline, CutOff Rule)
{
    /// <summary><see cref="FollowUpScope.RiskMap"/> for a risk-map cut-off that is not one of the plan's; its
    /// <see cref="Number"/> is then its place among the risk-map cut-offs.</summary>
    public FollowUpScope Scope { get; init; } = FollowUpScope.Plan;

    /// <summary>The follow-up at this cut-off carries the risk-map section: the date is one of the risk-map cut-offs.</summary>
    public bool IncludesRiskMap { get; init; } = true;
}

/// <summary>The cut-off still to be published on a given day.</summary>
/// <param name="Today">The day it was computed for.</param>
/// <param name="Deadline">The earliest cut-off whose publication deadline has not passed.</param>
/// <param name="BusinessDaysLeft">Business days from the given day to the deadline, both included
/// (1 on the deadline itself; equal to a business-day term on the first business day after the cut-off).</param>
public sealed record UpcomingCutOff(DateOnly Today, CutOffDeadline Deadline, int BusinessDaysLeft)
{
    /// <summary>True once the cut-off date has passed (the report can be published).</summary>
    public bool IsPublicationWindowOpen => Today > Deadline.CutOffDate;
}

/// <summary>
/// The follow-up cut-offs of a plan type, per plan year. Configuration-friendly: a list of
/// <see cref="CutOff"/>; the usual ones are <see cref="Paac"/> and <see cref="PtepExample"/>.
/// </summary>
/// <param name="CutOffs">The cut-offs of one plan year, in any order.</param>
public sealed record CutOffSchedule(IReadOnlyList<CutOff> CutOffs)
{
    /// <summary>PAAC (Estrategias v2): OCI follow-up cut at 30 April, 31 August and 31 December,
    /// each published within the next 10 business days (regulation.md §1.4).</summary>
    public static CutOffSchedule Paac { get; } = new([new(4, 30, 10), new(8, 31, 10), new(12, 31, 10)]);

    /// <summary>PTEP as run by Función Pública for 2025 (an entity example, not a general rule):
    /// semi-annual OCI follow-up cut at 30 June and 31 December, report within 30 calendar days
    /// (regulation.md §6).</summary>
    public static CutOffSchedule PtepExample { get; } = new(
        [new(6, 30, 30, PublicationTermUnit.CalendarDays), new(12, 31, 30, PublicationTermUnit.CalendarDays)]);

    /// <summary>The cut-offs.</summary>
    public IReadOnlyList<CutOff> CutOffs { get; init; } = CutOffs is { Count: > 0 }
        ? CutOffs
        : throw new ArgumentException("A schedule needs at least one cut-off.", nameof(CutOffs));

    /// <summary>The cut-offs of <paramref name="planYear"/> with their publication deadlines, in
    /// date order.</summary>
    public IReadOnlyList<CutOffDeadline> For(int planYear, BusinessCalendar? calendar = null)
    {
        calendar ??= BusinessCalendar.Default;
        return [.. CutOffs
            .Select(c => (Rule: c, Date: c.DateIn(planYear)))
            .OrderBy(c => c.Date)
            .Select((c, i) => new CutOffDeadline(planYear, i + 1, c.Date, c.Rule.PublicationDeadline(planYear, calendar), c.Rule))];
    }

    /// <summary>
    /// The earliest cut-off whose publication deadline is <paramref name="today"/> or later (it may
    /// belong to the previous plan year, e.g. on 10 January the 31 December cut-off is still open),
    /// with the business days left to publish.
    /// </summary>
    public UpcomingCutOff Next(DateOnly today, BusinessCalendar? calendar = null)
    {
        calendar ??= BusinessCalendar.Default;
        var firstYear = Math.Max(today.Year - 1, ColombianHolidays.FirstSupportedYear);
        var lastYear = Math.Min(today.Year + 1, ColombianHolidays.LastSupportedYear - 1);
        var next = Enumerable.Range(firstYear, lastYear - firstYear + 1)
            .SelectMany(year => For(year, calendar))
            .Where(d => d.PublicationDeadline >= today)
            .OrderBy(d => d.PublicationDeadline)
            .ThenBy(d => d.CutOffDate)
            .FirstOrDefault()
            ?? throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"No cut-off found after {today:yyyy-MM-dd}."));
        return new UpcomingCutOff(today, next, calendar.CountBusinessDays(today, next.PublicationDeadline));
    }
}
