namespace Vigia.Core.Plans;

/// <summary>Where a year's plan stands against its legal publication deadline.</summary>
public enum DeadlineState
{
    /// <summary>Not published and outside the warning window (not yet due: before 1 December of the previous year;
    /// or after the plan's year is over): nothing to say.</summary>
    OutsideWindow,

    /// <summary>Not published, the deadline not yet passed: <see cref="PublicationDeadlineStatus.BusinessDays"/> left.</summary>
    Due,

    /// <summary>Not published, the deadline passed: <see cref="PublicationDeadlineStatus.BusinessDays"/> of delay.</summary>
    Overdue,

    /// <summary>First published on or before the deadline, or loaded as published without a date.</summary>
    PublishedOnTime,

    /// <summary>First published after the deadline (<see cref="PlanVersions.IsLate"/>), by
    /// <see cref="PublicationDeadlineStatus.BusinessDays"/>.</summary>
    PublishedLate,
}

/// <summary>A plan's position against its deadline on a given Colombian date. <see cref="BusinessDays"/> is the
/// business days left (<see cref="DeadlineState.Due"/>: after today up to the deadline, so 0 on its last business
/// day) or of delay (<see cref="DeadlineState.Overdue"/> and <see cref="DeadlineState.PublishedLate"/>: after the
/// deadline up to today or the publication). <see cref="TodayIsBusinessDay"/> tells «the last business day is today»
/// from «no business day is left» when none is left.</summary>
public sealed record PublicationDeadlineStatus(int Year, DateOnly Today, bool TodayIsBusinessDay, DeadlineState State, int BusinessDays,
    DateOnly? PublishedOn)
{
    public DateOnly Deadline => PlanVersions.Deadline(Year);

    /// <summary>The notice the dashboard and Planeación's landing page show (es-CO), or null when there is nothing to
    /// say (outside the window, or published on time).</summary>
    public string? Notice
    {
        get
        {
            var deadline = SpanishFormat.LongDate(Deadline);
            var year = Year.ToString(CultureInfo.InvariantCulture);
            var days = BusinessDays.ToString(CultureInfo.InvariantCulture);
            return State switch
            {
                DeadlineState.Due when BusinessDays == 0 && Today == Deadline =>
                    $"Hoy vence el plazo para publicar el plan {year} (plazo legal: {deadline}).",
                DeadlineState.Due when BusinessDays == 0 && !TodayIsBusinessDay =>
                    $"No quedan días hábiles para publicar el plan {year} (plazo legal: {deadline}).",
                DeadlineState.Due when BusinessDays == 0 =>
                    $"Hoy es el último día hábil para publicar el plan {year} (plazo legal: {deadline}).",
                DeadlineState.Due when BusinessDays == 1 =>
                    $"Falta 1 día hábil para publicar el plan {year} (plazo legal: {deadline}).",
                DeadlineState.Due => $"Faltan {days} días hábiles para publicar el plan {year} (plazo legal: {deadline}).",
                DeadlineState.Overdue when BusinessDays == 0 =>
                    $"El plan {year} debía publicarse a más tardar el {deadline} y aún no se ha publicado.",
                DeadlineState.Overdue when BusinessDays == 1 =>
                    $"El plan {year} debía publicarse a más tardar el {deadline}; va 1 día hábil de retraso.",
                DeadlineState.Overdue => $"El plan {year} debía publicarse a más tardar el {deadline}; van {days} días hábiles de retraso.",
                DeadlineState.PublishedLate when BusinessDays == 0 =>
                    $"El plan {year} se publicó fuera del plazo legal (el {SpanishFormat.LongDate(PublishedOn!.Value)}; plazo: {deadline}).",
                DeadlineState.PublishedLate =>
                    $"El plan {year} se publicó fuera del plazo legal (el {SpanishFormat.LongDate(PublishedOn!.Value)}, " +
                    $"{(BusinessDays == 1 ? "1 día hábil" : days + " días hábiles")} después del {deadline}).",
                _ => null,
            };
        }
    }

    /// <summary>Due or overdue: a warning rather than a mark.</summary>
    public bool IsWarning => State is DeadlineState.Due or DeadlineState.Overdue;
}

/// <summary>The plan's legal publication deadline (Ley 1474 de 2011 art. 73, Decreto 124 de 2016: «a más tardar el
/// 31 de enero» of the plan's year, <see cref="PlanVersions.Deadline"/>) counted in Colombian business days. The
/// deadline does not move when 31 January is not a business day (regulation.md §1.4: 31 January 2026 is a Saturday
/// and the plan is due on or before it, with no shift to the next business day), so its last business day is the
/// one before. Unpublished plans are warned about from 1 December of the previous year to the end of the plan's
/// year; «published late» is <see cref="PlanVersions.IsLate"/>.</summary>
public static class PublicationDeadline
{
    /// <summary>The first day the missing publication is announced: 1 December of the year before the plan's.</summary>
    public static DateOnly WindowStart(int year) => new(year - 1, 12, 1);

    /// <summary>The plan whose publication is at stake on <paramref name="today"/>: in December, next year's; otherwise
    /// the current year's.</summary>
    public static int PlanYearOn(DateOnly today) => today.Month == 12 ? today.Year + 1 : today.Year;

    /// <param name="year">The plan's year.</param>
    /// <param name="today">Today in Colombia (<see cref="ColombianTime.Today"/>).</param>
    /// <param name="published">Whether any version of the plan has been published; false when there is no plan yet.</param>
    /// <param name="firstPublishedAt">When the first published version was published; null for a document loaded as
    /// already published.</param>
    public static PublicationDeadlineStatus Evaluate(int year, DateOnly today, bool published, DateTimeOffset? firstPublishedAt,
        BusinessCalendar? calendar = null)
    {
        var days = calendar ?? BusinessCalendar.Default;
        var deadline = PlanVersions.Deadline(year);
        var open = days.IsBusinessDay(today);
        if (published)
        {
            if (!PlanVersions.IsLate(year, firstPublishedAt))
            {
                return new(year, today, open, DeadlineState.PublishedOnTime, 0, firstPublishedAt is { } at ? ColombianTime.DateOf(at) : null);
            }
            var on = ColombianTime.DateOf(firstPublishedAt!.Value);
            return new(year, today, open, DeadlineState.PublishedLate, days.BusinessDaysBetween(deadline, on), on);
        }
        if (today < WindowStart(year) || today > new DateOnly(year, 12, 31))
        {
            return new(year, today, open, DeadlineState.OutsideWindow, 0, null);
        }
        return today <= deadline
            ? new(year, today, open, DeadlineState.Due, days.BusinessDaysBetween(today, deadline), null)
            : new(year, today, open, DeadlineState.Overdue, days.BusinessDaysBetween(deadline, today), null);
    }

    /// <summary>The status of a plan read from its versions; <paramref name="planId"/> null when the year has no plan.</summary>
    public static async Task<PublicationDeadlineStatus> ForPlanAsync(AppDbContext db, int year, int? planId, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (planId is null)
        {
            return Evaluate(year, today, published: false, firstPublishedAt: null);
        }
        var first = await db.PlanVersions.AsNoTracking()
            .Where(v => v.PlanId == planId && v.Status == VersionStatus.Published)
            .OrderBy(v => v.Number)
            .Select(v => new { v.PublishedAt })
            .FirstOrDefaultAsync(ct);
        return Evaluate(year, today, first is not null, first?.PublishedAt);
    }
}
