using Vigia.Core.Accounts;
using Vigia.Core.Plans;

namespace Vigia.Core.FollowUps;

/// <summary>The next cut-off of a plan and the business days left to publish its follow-up.</summary>
public sealed record NextCutOff(int PlanId, int PlanYear, string PlanTitle, UpcomingCutOff Upcoming, FollowUpStatus? Status, DateOnly? PublishedOn);

/// <summary>
/// Cut-offs and publication deadlines of each plan. The built-in schedules are <see cref="CutOffSchedule.Paac"/>
/// and <see cref="CutOffSchedule.PtepExample"/>; an installation overrides them with settings, per plan kind
/// (<c>Seguimiento:Cortes:Paac</c>, <c>Seguimiento:Cortes:Ptep</c>) or per plan
/// (<c>Seguimiento:Cortes:Plan:{id}</c>, which wins), written like <c>04-30:10h; 08-31:10h; 12-31:10h</c>
/// (month-day, term, <c>h</c> business days or <c>c</c> calendar days).
/// </summary>
public sealed class FollowUpCalendar(AppDbContext db, TimeProvider? clock = null)
{
    public const string KindKeyPrefix = "Seguimiento:Cortes:";
    public const string PlanKeyPrefix = "Seguimiento:Cortes:Plan:";

    private readonly TimeProvider clock = clock ?? TimeProvider.System;

    public static BusinessCalendar Calendar => BusinessCalendar.Default;

    /// <summary>Today in Colombia on this calendar's clock, the day every legal term is counted on.</summary>
    public DateOnly Today => ColombianTime.Today(clock);

    public async Task<CutOffSchedule> ScheduleForAsync(int planId, CancellationToken ct = default)
    {
        var kind = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => p.Kind).SingleAsync(ct);
        var keys = new[] { PlanKeyPrefix + planId.ToString(CultureInfo.InvariantCulture), KindKeyPrefix + kind };
        var settings = await db.Settings.AsNoTracking().Where(s => keys.Contains(s.Key)).ToDictionaryAsync(s => s.Key, s => s.Value, ct);
        foreach (var key in keys)
        {
            if (settings.TryGetValue(key, out var text) && TryParse(text, out var schedule, out _))
            {
                return schedule!;
            }
        }
        return kind == PlanKind.Ptep ? CutOffSchedule.PtepExample : CutOffSchedule.Paac;
    }

    public async Task<IReadOnlyList<CutOffDeadline>> CutOffsAsync(int planId, CancellationToken ct = default)
    {
        var year = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => p.Year).SingleAsync(ct);
        return (await ScheduleForAsync(planId, ct)).For(year, Calendar);
    }

    /// <summary>Any follow-up cut-off of the plan: one of the plan's, or a risk-map-only one.</summary>
    public async Task<CutOffDeadline?> FindAsync(int planId, DateOnly cutOff, CancellationToken ct = default) =>
        (await FollowUpCutOffsAsync(planId, ct)).FirstOrDefault(c => c.CutOffDate == cutOff);

    /// <summary>The setting holding an entity's risk-map follow-up cut-offs of a year, written like the plan's
    /// (<c>03-31:10h; 06-30:10h; 09-30:10h; 12-31:10h</c>).</summary>
    public static string RiskMapKey(int entityId, int year) =>
        string.Create(CultureInfo.InvariantCulture, $"MapaRiesgos:Cortes:{entityId}:{year}");

    /// <summary>The cut-offs at which Control Interno follows up the risk map of the plan's entity and year: the
    /// setting <see cref="RiskMapKey"/>, or, without it, the plan's own cut-offs.</summary>
    /// <returns>The cut-offs in date order (numbered among themselves) and whether they come from the setting.</returns>
    public async Task<(IReadOnlyList<CutOffDeadline> CutOffs, bool Own)> RiskMapCutOffsAsync(int planId, CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => new { p.EntityId, p.Year }).SingleAsync(ct);
        var key = RiskMapKey(plan.EntityId, plan.Year);
        var text = await db.Settings.AsNoTracking().Where(s => s.Key == key).Select(s => s.Value).FirstOrDefaultAsync(ct);
        return text is not null && TryParse(text, out var schedule, out _)
            ? (schedule!.For(plan.Year, Calendar), true)
            : (await CutOffsAsync(planId, ct), false);
    }

    /// <summary>Every follow-up of the plan's year: the plan's cut-offs (each carrying the risk map when its date is
    /// also a risk-map cut-off) and, after them in date order, the risk-map cut-offs that are not the plan's.</summary>
    public async Task<IReadOnlyList<CutOffDeadline>> FollowUpCutOffsAsync(int planId, CancellationToken ct = default)
    {
        var own = await CutOffsAsync(planId, ct);
        var (riskMap, _) = await RiskMapCutOffsAsync(planId, ct);
        var riskDates = riskMap.Select(c => c.CutOffDate).ToHashSet();
        var planDates = own.Select(c => c.CutOffDate).ToHashSet();
        return [.. own.Select(c => c with { IncludesRiskMap = riskDates.Contains(c.CutOffDate) })
            .Concat(riskMap.Where(c => !planDates.Contains(c.CutOffDate)).Select(c => c with { Scope = FollowUpScope.RiskMap }))
            .OrderBy(c => c.CutOffDate)];
    }

    /// <summary>The earliest cut-off of the plan whose publication deadline has not passed, or null when the plan
    /// has none left.</summary>
    public async Task<NextCutOff?> NextAsync(int planId, CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => new { p.Id, p.Year, p.Title }).SingleAsync(ct);
        var today = Today;
        var next = (await CutOffsAsync(planId, ct)).FirstOrDefault(c => c.PublicationDeadline >= today);
        if (next is null)
        {
            return null;
        }
        var latest = await db.Set<FollowUp>().AsNoTracking()
            .Where(f => f.PlanId == planId && f.CutOffDate == next.CutOffDate)
            .OrderByDescending(f => f.Version)
            .Select(f => new { f.Status, f.PublishedOn })
            .FirstOrDefaultAsync(ct);
        return new NextCutOff(plan.Id, plan.Year, plan.Title,
            new UpcomingCutOff(today, next, Calendar.CountBusinessDays(today, next.PublicationDeadline)), latest?.Status, latest?.PublishedOn);
    }

    /// <summary>Stores a per-plan override (an empty text removes it); only the administrator configures the calendar.</summary>
    /// <returns>The plan's id.</returns>
    public async Task<Result<int>> SaveOverrideAsync(Actor actor, int planId, string? text, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsIn(Roles.Administrator) && actor != Actor.System)
        {
            return Result.Forbidden("Solo el administrador configura los cortes de seguimiento.");
        }
        var key = PlanKeyPrefix + planId.ToString(CultureInfo.InvariantCulture);
        var existing = await db.Settings.FindAsync([key], ct);
        if (string.IsNullOrWhiteSpace(text))
        {
            if (existing is not null)
            {
                db.Settings.Remove(existing);
            }
        }
        else
        {
            if (!TryParse(text, out var schedule, out var error))
            {
                return Result.Invalid("", error!);
            }
            var value = Format(schedule!);
            if (existing is null)
            {
                db.Settings.Add(new AppSetting { Key = key, Value = value });
            }
            else
            {
                existing.Value = value;
            }
        }
        await db.SaveChangesAsync(ct);
        return Result.Saved(planId);
    }

    public static string Format(CutOffSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return string.Join("; ", schedule.CutOffs.Select(c =>
            string.Create(CultureInfo.InvariantCulture, $"{c.Month:00}-{c.Day:00}:{c.PublicationTerm}{(c.Unit == PublicationTermUnit.CalendarDays ? "c" : "h")}")));
    }

    /// <summary>Reads <c>MM-DD:N[h|c]</c> items separated by <c>;</c> or <c>,</c>.</summary>
    public static bool TryParse(string? text, out CutOffSchedule? schedule, out string? error)
    {
        schedule = null;
        error = null;
        var items = (text ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var cutOffs = new List<CutOff>();
        foreach (var item in items)
        {
            var parts = item.Split(':', StringSplitOptions.TrimEntries);
            var date = parts[0].Split('-');
            if (parts.Length != 2 || date.Length != 2
                || !int.TryParse(date[0], NumberStyles.None, CultureInfo.InvariantCulture, out var month) || month is < 1 or > 12
                || !int.TryParse(date[1], NumberStyles.None, CultureInfo.InvariantCulture, out var day) || day is < 1 or > 31)
            {
                error = $"Corte no válido: «{item}». Escriba mes-día:plazo, por ejemplo 04-30:10h.";
                return false;
            }
            var term = parts[1];
            var unit = PublicationTermUnit.BusinessDays;
            if (term.EndsWith('c') || term.EndsWith('C'))
            {
                unit = PublicationTermUnit.CalendarDays;
            }
            term = term.TrimEnd('h', 'H', 'c', 'C');
            if (!int.TryParse(term, NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days is < 1 or > 366)
            {
                error = $"Plazo no válido en «{item}»: escriba los días, seguidos de h (hábiles) o c (calendario).";
                return false;
            }
            cutOffs.Add(new CutOff(month, day, days, unit));
        }
        if (cutOffs.Count == 0)
        {
            error = "Indique al menos un corte.";
            return false;
        }
        if (cutOffs.Select(c => (c.Month, Math.Min(c.Day, 28))).Distinct().Count() != cutOffs.Count)
        {
            error = "Hay cortes repetidos.";
            return false;
        }
        schedule = new CutOffSchedule(cutOffs);
        return true;
    }
}
