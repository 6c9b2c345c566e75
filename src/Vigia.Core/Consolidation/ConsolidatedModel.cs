using Vigia.Core.Compliance;

namespace Vigia.Core.Consolidation;

/// <summary>What a consolidated view asks: the plans of <paramref name="Year"/> at <paramref name="At"/>, of the
/// nation (<paramref name="DepartmentId"/> null) or of one department, optionally filtered by a search on the entity's
/// name (accents and case ignored), one page at a time. The rank is always the entity's place in the whole scope,
/// whatever the search.</summary>
public sealed record ConsolidatedQuery(int Year, DateOnly At, int? DepartmentId = null, string? Search = null, int Page = 1,
    int PageSize = ConsolidatedQuery.DefaultPageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;
}

/// <summary>One entity's plan of the year in a consolidated view, with the official figure (<see cref="OfficialCompliance"/>)
/// at the date: the same counts and percentage as the entity's own dashboard on the same date.</summary>
/// <param name="Rank">1 for the highest official percentage in the scope; plans with nothing programmed come last.</param>
/// <param name="FurthestBehind">Up to three components with the lowest official percentage (only those with something
/// programmed), lowest first.</param>
public sealed record EntityStanding(int Rank, int EntityId, string EntityName, string EntitySlug, int? DepartmentId,
    string? DepartmentName, string? DepartmentSlug, int PlanId, string PlanTitle, bool Simulated, OfficialCount Official,
    IReadOnlyList<ComponentStanding> FurthestBehind, FollowUpPunctuality FollowUps);

/// <summary>A component of one plan with its official counts at the date.</summary>
public sealed record ComponentStanding(int Number, string Name, OfficialCount Official);

/// <summary>The plan's follow-ups whose publication deadline has passed by the date: published by the deadline,
/// published after it, or not published at all.</summary>
public sealed record FollowUpPunctuality(int Due, int OnTime, int Late, int Missing)
{
    public static FollowUpPunctuality None { get; } = new(0, 0, 0, 0);
}

/// <summary>How many plans of the scope fall in a DAFP band at the date; <paramref name="Level"/> null counts the plans
/// with nothing programmed yet («sin programación»).</summary>
public sealed record BandCount(ComplianceLevel? Level, int Plans);

/// <summary>A consolidated view: the scope's totals and distribution and one page of its ranking.</summary>
/// <param name="Plans">Plans of the year in the scope (before the search).</param>
/// <param name="Matching">Plans the search matched; the pages are counted on it.</param>
/// <param name="Total">The sum of every plan's official counts in the scope: its percentage is the scope's activities
/// completed ÷ programmed, each activity counting once whatever its entity.</param>
public sealed record ConsolidatedView(ConsolidatedQuery Query, ComplianceBands Bands, int Plans, int Matching, OfficialCount Total,
    IReadOnlyList<BandCount> Distribution, IReadOnlyList<EntityStanding> Page, bool HasSimulatedData)
{
    public int PageCount => Math.Max(1, (Matching + Query.PageSize - 1) / Query.PageSize);
}

/// <summary>One department in the nation's view: its plans of the year and their summed official counts.</summary>
public sealed record DepartmentStanding(int DepartmentId, string Code, string Name, string Slug, int Plans, OfficialCount Total,
    bool HasSimulatedData);

/// <summary>The consolidated views of the nation and of each department. Its figures are the official ones, equal to each
/// entity's own dashboard, computed without loading every plan into memory (docs/compliance.md).</summary>
public interface IConsolidatedCompliance
{
    Task<ConsolidatedView> ViewAsync(ConsolidatedQuery query, CancellationToken ct = default);

    /// <summary>Every plan of the scope in rank order, read in batches, for the open-data downloads (the search and page
    /// of <paramref name="query"/> are ignored).</summary>
    IAsyncEnumerable<EntityStanding> StreamAsync(ConsolidatedQuery query, CancellationToken ct = default);

    /// <summary>The departments with at least one plan of the year, in the order of <see cref="Organisation.Departments.All"/>.</summary>
    Task<IReadOnlyList<DepartmentStanding>> DepartmentsAsync(int year, DateOnly at, CancellationToken ct = default);
}
