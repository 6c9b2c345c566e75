using System.Globalization;
using System.Runtime.CompilerServices;
using Vigia.Core.Compliance;
using Vigia.Core.FollowUps;
using Vigia.Core.Organisation;

namespace Vigia.Core.Consolidation;

/// <summary>The tests' oracle for <see cref="SqlConsolidatedCompliance"/>: the consolidated views computed the plain way: every public plan of the scope through
/// <see cref="ComplianceService.ComputeAsync"/> (the entity's own dashboard's figure, so the two cannot differ), then
/// ranked, searched and paged in memory. Its cost grows with the number of plans; it is the obviously correct reference
/// the set-based implementation is tested against.</summary>
public sealed class InMemoryConsolidatedCompliance(AppDbContext db, ComplianceService compliance, FollowUpCalendar calendar)
    : IConsolidatedCompliance
{
    /// <summary>How many components a row names as furthest behind.</summary>
    public const int FurthestBehindCount = 3;

    public async Task<ConsolidatedView> ViewAsync(ConsolidatedQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var bands = await ComplianceBands.LoadAsync(db, ct);
        var ranked = await RankAsync(query, ct);
        var matching = ranked.Where(s => ConsolidatedPlans.Matches(s.EntityName, query.Search)).ToList();
        var size = ConsolidatedPlans.ClampPageSize(query.PageSize);
        var page = ConsolidatedPlans.ClampPage(query.Page, matching.Count, size);
        var total = ranked.Aggregate(OfficialCount.Zero, (sum, s) => sum + s.Official);
        IReadOnlyList<BandCount> distribution =
        [
            .. new ComplianceLevel?[] { ComplianceLevel.High, ComplianceLevel.Medium, ComplianceLevel.Low, null }
                .Select(level => new BandCount(level, ranked.Count(s => bands.Classify(s.Official.Percent) == level))),
        ];
        return new ConsolidatedView(query with { Page = page, PageSize = size }, bands, ranked.Count, matching.Count, total, distribution,
            [.. matching.Skip((page - 1) * size).Take(size)], ranked.Any(s => s.Simulated));
    }

    public async IAsyncEnumerable<EntityStanding> StreamAsync(ConsolidatedQuery query, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        foreach (var standing in await RankAsync(query, ct))
        {
            yield return standing;
        }
    }

    public async Task<IReadOnlyList<DepartmentStanding>> DepartmentsAsync(int year, DateOnly at, CancellationToken ct = default)
    {
        var standings = await RankAsync(new ConsolidatedQuery(year, at), ct);
        return
        [
            .. Departments.All
                .Select(d => (Department: d, Plans: standings.Where(s => s.DepartmentId == d.Id).ToList()))
                .Where(x => x.Plans.Count > 0)
                .Select(x => new DepartmentStanding(x.Department.Id, x.Department.Code, x.Department.Name, x.Department.Slug, x.Plans.Count,
                    x.Plans.Aggregate(OfficialCount.Zero, (sum, s) => sum + s.Official), x.Plans.Any(s => s.Simulated))),
        ];
    }

    /// <summary>Every public plan of the year in the scope (an entity's first plan by kind, as its dashboard shows it),
    /// ranked: highest official percentage first, nothing programmed last; ties by completed activities, then by name
    /// in Spanish order.</summary>
    private async Task<List<EntityStanding>> RankAsync(ConsolidatedQuery query, CancellationToken ct)
    {
        var at = query.At;
        var plans = (await db.Plans.AsNoTracking().Where(ConsolidatedPlans.IsPublic)
                .Where(p => p.Year == query.Year && (query.DepartmentId == null || p.Entity!.DepartmentId == query.DepartmentId))
                .Select(p => new
                {
                    p.Id,
                    p.Kind,
                    p.Title,
                    p.EntityId,
                    EntityName = p.Entity!.Name,
                    EntitySlug = p.Entity.Slug,
                    p.Entity.DepartmentId,
                    DepartmentName = p.Entity.Department == null ? null : p.Entity.Department.Name,
                    DepartmentSlug = p.Entity.Department == null ? null : p.Entity.Department.Slug,
                    p.Entity.IsSimulated,
                })
                .ToListAsync(ct))
            .GroupBy(p => p.EntityId).Select(g => g.OrderBy(p => p.Kind).ThenBy(p => p.Id).First())
            .ToList();
        var standings = new List<EntityStanding>(plans.Count);
        foreach (var p in plans)
        {
            var result = await compliance.ComputeAsync(p.Id, at, ct)
                ?? throw new InvalidOperationException($"Plan {p.Id} disappeared while the consolidated view was read.");
            var behind = result.Components
                .Where(c => c.Official.ProgrammedActivities > 0)
                .OrderBy(c => c.Official.Percent).ThenBy(c => int.Parse(c.Code, CultureInfo.InvariantCulture))
                .Take(FurthestBehindCount)
                .Select(c => new ComponentStanding(int.Parse(c.Code, CultureInfo.InvariantCulture), c.Name, c.Official))
                .ToList();
            standings.Add(new EntityStanding(0, p.EntityId, p.EntityName, p.EntitySlug, p.DepartmentId, p.DepartmentName, p.DepartmentSlug,
                p.Id, p.Title, p.IsSimulated || result.HasSimulatedData, result.Plan.Official, behind, await PunctualityAsync(p.Id, at, ct)));
        }
        return
        [
            .. standings
                .OrderBy(s => s.Official.Percent is null)
                .ThenByDescending(s => s.Official.Percent)
                .ThenByDescending(s => s.Official.CompletedActivities)
                .ThenBy(s => s.EntityName, SpanishText.NameOrder)
                .ThenBy(s => s.PlanId)
                .Select((s, i) => s with { Rank = i + 1 }),
        ];
    }

    /// <summary>The plan's own cut-offs (<see cref="FollowUpCalendar.CutOffsAsync"/>) whose publication deadline is
    /// before <paramref name="at"/>, and for each the first publication of its follow-up (any version, scope plan):
    /// on or before the deadline, after it but by <paramref name="at"/>, or none by <paramref name="at"/>.</summary>
    private async Task<FollowUpPunctuality> PunctualityAsync(int planId, DateOnly at, CancellationToken ct)
    {
        var due = (await calendar.CutOffsAsync(planId, ct)).Where(c => c.PublicationDeadline < at).ToList();
        if (due.Count == 0)
        {
            return FollowUpPunctuality.None;
        }
        var published = (await db.Set<FollowUp>().AsNoTracking()
                .Where(f => f.PlanId == planId && f.Scope == FollowUpScope.Plan && f.PublishedOn != null)
                .Select(f => new { f.CutOffDate, f.PublishedOn })
                .ToListAsync(ct))
            .GroupBy(f => f.CutOffDate)
            .ToDictionary(g => g.Key, g => g.Min(f => f.PublishedOn!.Value));
        int onTime = 0, late = 0, missing = 0;
        foreach (var cutOff in due)
        {
            if (!published.TryGetValue(cutOff.CutOffDate, out var on) || on > at)
            {
                missing++;
            }
            else if (on <= cutOff.PublicationDeadline)
            {
                onTime++;
            }
            else
            {
                late++;
            }
        }
        return new FollowUpPunctuality(due.Count, onTime, late, missing);
    }
}
