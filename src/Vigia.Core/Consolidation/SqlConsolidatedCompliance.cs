using System.Runtime.CompilerServices;
using Vigia.Core.Compliance;
using Vigia.Core.Compliance.Stored;
using Vigia.Core.FollowUps;
using Vigia.Core.Plans;

namespace Vigia.Core.Consolidation;

/// <summary>The consolidated views from the stored verdicts: the scope's stale plans are refreshed
/// (<see cref="ComplianceStateStore"/>), then the official counts of every plan are aggregated in the database
/// (<see cref="ComplianceFigures"/>), one row per plan; the ranking, the search (entity names folded in memory with
/// <see cref="SpanishText.Fold"/>: some 1,100 short names) and the distribution are computed on those rows; components
/// and follow-ups are read only for the plans of the page (or of each batch of <see cref="StreamAsync"/>).</summary>
/// <remarks>A plan is in a view once it has been published: its status is no longer a draft, or one of its versions is
/// published (a first draft in preparation or in consultation is not yet the entity's plan).</remarks>
public sealed class SqlConsolidatedCompliance(AppDbContext db, ComplianceStateStore store) : IConsolidatedCompliance
{
    /// <summary>Plans whose components and follow-ups <see cref="StreamAsync"/> reads together.</summary>
    public const int StreamBatchSize = 200;

    // The ranking of a scope at a date, kept for the rest of the request (the service is scoped): the nation's page asks
    // for its view and for the departments' totals, both from the same ranking of every plan.
    private readonly Dictionary<(int Year, DateOnly At, int? DepartmentId), List<PlanRow>> rankings = [];

    private sealed record PlanRow(int PlanId, string Title, PlanKind Kind, int EntityId, string EntityName, string EntitySlug, int? DepartmentId,
        string? DepartmentName, string? DepartmentSlug, bool Simulated)
    {
        public OfficialCount Official { get; set; } = OfficialCount.Zero;
        public int Rank { get; set; }
    }

    /// <summary>The plans of the year in the scope that are public (<see cref="ConsolidatedPlans.IsPublic"/>), one per entity.</summary>
    public IQueryable<Plan> Scope(int year, int? departmentId)
    {
        var published = db.Plans.AsNoTracking().Where(ConsolidatedPlans.IsPublic).Where(p => p.Year == year);
        // One plan per entity and year, as PlanLocator picks it: the lowest kind (a PAAC before a PTEP of the same year).
        var plans = published.Where(p => !published.Any(o => o.EntityId == p.EntityId && (o.Kind < p.Kind || (o.Kind == p.Kind && o.Id < p.Id))));
        return departmentId is { } d ? plans.Where(p => p.Entity!.DepartmentId == d) : plans;
    }

    public async Task<ConsolidatedView> ViewAsync(ConsolidatedQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var bands = await ComplianceBands.LoadAsync(db, ct);
        var ranked = await RankAsync(query, ct);
        var matching = ranked.Where(r => ConsolidatedPlans.Matches(r.EntityName, query.Search)).ToList();
        var size = ConsolidatedPlans.ClampPageSize(query.PageSize);
        var page = ConsolidatedPlans.ClampPage(query.Page, matching.Count, size);
        var shown = matching.Skip((page - 1) * size).Take(size).ToList();
        var levels = ranked.ToLookup(r => bands.Classify(r.Official.Percent));
        var distribution = new ComplianceLevel?[] { ComplianceLevel.High, ComplianceLevel.Medium, ComplianceLevel.Low, null }
            .Select(l => new BandCount(l, levels[l].Count())).ToList();
        return new ConsolidatedView(query with { Page = page, PageSize = size }, bands, ranked.Count, matching.Count,
            ranked.Aggregate(OfficialCount.Zero, (sum, r) => sum + r.Official), distribution,
            await StandingsAsync(shown, query, ct), ranked.Any(r => r.Simulated));
    }

    public async IAsyncEnumerable<EntityStanding> StreamAsync(ConsolidatedQuery query, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var ranked = await RankAsync(query, ct);
        foreach (var batch in ranked.Chunk(StreamBatchSize))
        {
            foreach (var standing in await StandingsAsync(batch, query, ct))
            {
                yield return standing;
            }
        }
    }

    public async Task<IReadOnlyList<DepartmentStanding>> DepartmentsAsync(int year, DateOnly at, CancellationToken ct = default)
    {
        var ranked = await RankAsync(new ConsolidatedQuery(year, at), ct);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, ct);
        var order = Organisation.Departments.All.Select((d, i) => (d.Id, i)).ToDictionary(x => x.Id, x => x.i);
        return ranked.Where(r => r.DepartmentId is not null && departments.ContainsKey(r.DepartmentId.Value))
            .GroupBy(r => r.DepartmentId!.Value)
            .OrderBy(g => order.GetValueOrDefault(g.Key, int.MaxValue)).ThenBy(g => g.Key)
            .Select(g => new DepartmentStanding(g.Key, departments[g.Key].Code, departments[g.Key].Name, departments[g.Key].Slug, g.Count(),
                g.Aggregate(OfficialCount.Zero, (sum, r) => sum + r.Official), g.Any(r => r.Simulated)))
            .ToList();
    }

    /// <summary>Every plan of the scope with its official counts, in rank order: highest percentage first, plans with
    /// nothing programmed last; ties by completed activities (more first), then by the entity's name in Spanish order.</summary>
    private async Task<List<PlanRow>> RankAsync(ConsolidatedQuery query, CancellationToken ct)
    {
        var key = (query.Year, query.At, query.DepartmentId);
        if (rankings.TryGetValue(key, out var known))
        {
            return known;
        }
        var scope = Scope(query.Year, query.DepartmentId);
        await store.EnsureFreshAsync(scope.Select(p => p.Id), ct);
        var rows = await scope.Select(p => new PlanRow(p.Id, p.Title, p.Kind, p.EntityId, p.Entity!.Name, p.Entity.Slug, p.Entity.DepartmentId,
                p.Entity.Department == null ? null : p.Entity.Department.Name, p.Entity.Department == null ? null : p.Entity.Department.Slug,
                p.Entity.IsSimulated || db.PlanComplianceStates.Any(s => s.PlanId == p.Id && s.HasSimulatedData)))
            .ToListAsync(ct);
        // The scope's ids as a parameter from here on, rather than its rule planned again inside every aggregate.
        var ids = rows.Select(r => r.PlanId).ToList();
        var counts = await ComplianceFigures.PlansAsync(db, db.Plans.Where(p => ids.Contains(p.Id)).Select(p => p.Id),
            ComplianceCalculator.MonthsCounted(query.Year, query.At), ct);
        foreach (var row in rows)
        {
            row.Official = counts.GetValueOrDefault(row.PlanId) ?? OfficialCount.Zero;
        }
        var ranked = rows.OrderByDescending(r => r.Official.Percent.HasValue).ThenByDescending(r => r.Official.Percent)
            .ThenByDescending(r => r.Official.CompletedActivities).ThenBy(r => r.EntityName, SpanishText.NameOrder).ThenBy(r => r.PlanId)
            .ToList();
        for (var i = 0; i < ranked.Count; i++)
        {
            ranked[i].Rank = i + 1;
        }
        rankings[key] = ranked;
        return ranked;
    }

    private async Task<IReadOnlyList<EntityStanding>> StandingsAsync(IReadOnlyList<PlanRow> rows, ConsolidatedQuery query, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return [];
        }
        var ids = rows.Select(r => r.PlanId).ToList();
        var months = ComplianceCalculator.MonthsCounted(query.Year, query.At);
        var components = await ComplianceFigures.ComponentsAsync(db, db.Plans.Where(p => ids.Contains(p.Id)).Select(p => p.Id), months, ct);
        var names = await db.Components.AsNoTracking().Where(c => ids.Contains(c.PlanId)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var behind = components.Where(c => c.Official.ProgrammedActivities > 0).ToLookup(c => c.PlanId);
        var punctuality = await PunctualityAsync(rows, query.At, ct);
        return rows.Select(r => new EntityStanding(r.Rank, r.EntityId, r.EntityName, r.EntitySlug, r.DepartmentId, r.DepartmentName, r.DepartmentSlug,
                r.PlanId, r.Title, r.Simulated, r.Official,
                behind[r.PlanId].OrderBy(c => c.Official.Percent).ThenBy(c => c.Number).Take(3)
                    .Select(c => new ComponentStanding(c.Number, names[c.ComponentId], c.Official)).ToList(),
                punctuality.GetValueOrDefault(r.PlanId, FollowUpPunctuality.None)))
            .ToList();
    }

    /// <summary>For each plan, its cut-offs (<see cref="FollowUpCalendar"/>'s schedule: the plan's own setting, its kind's,
    /// or the built-in one) whose publication deadline is before <paramref name="at"/>, and whether a follow-up of the plan
    /// (scope plan) was published by then: on or before the deadline, after it, or not at all. The settings and the
    /// follow-ups are read once for all the plans.</summary>
    private async Task<Dictionary<int, FollowUpPunctuality>> PunctualityAsync(IReadOnlyList<PlanRow> rows, DateOnly at, CancellationToken ct)
    {
        var ids = rows.Select(r => r.PlanId).ToList();
        var settings = await db.Settings.AsNoTracking().Where(s => s.Key.StartsWith(FollowUpCalendar.KindKeyPrefix))
            .ToDictionaryAsync(s => s.Key, s => s.Value, ct);
        var published = (await db.Set<FollowUp>().AsNoTracking()
                .Where(f => ids.Contains(f.PlanId) && f.Scope == FollowUpScope.Plan && f.PublishedOn != null && f.PublishedOn <= at)
                .Select(f => new { f.PlanId, f.CutOffDate, PublishedOn = f.PublishedOn!.Value }).ToListAsync(ct))
            .GroupBy(f => (f.PlanId, f.CutOffDate)).ToDictionary(g => g.Key, g => g.Min(f => f.PublishedOn));
        var years = await db.Plans.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Year, ct);
        var result = new Dictionary<int, FollowUpPunctuality>();
        foreach (var row in rows)
        {
            var due = ScheduleOf(row, settings).For(years[row.PlanId], FollowUpCalendar.Calendar).Where(c => c.PublicationDeadline < at).ToList();
            int onTime = 0, late = 0;
            foreach (var cutOff in due)
            {
                if (published.TryGetValue((row.PlanId, cutOff.CutOffDate), out var on))
                {
                    if (on <= cutOff.PublicationDeadline)
                    {
                        onTime++;
                    }
                    else
                    {
                        late++;
                    }
                }
            }
            result[row.PlanId] = new FollowUpPunctuality(due.Count, onTime, late, due.Count - onTime - late);
        }
        return result;
    }

    private static CutOffSchedule ScheduleOf(PlanRow row, Dictionary<string, string> settings)
    {
        foreach (var key in new[] { FollowUpCalendar.PlanKeyPrefix + row.PlanId.ToString(CultureInfo.InvariantCulture), FollowUpCalendar.KindKeyPrefix + row.Kind })
        {
            if (settings.TryGetValue(key, out var text) && FollowUpCalendar.TryParse(text, out var schedule, out _))
            {
                return schedule!;
            }
        }
        return row.Kind == PlanKind.Ptep ? CutOffSchedule.PtepExample : CutOffSchedule.Paac;
    }
}
