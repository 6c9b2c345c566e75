using System.Linq.Expressions;
using Vigia.Core.Plans;

namespace Vigia.Core.Consolidation;

/// <summary>Which plans the consolidated views count, and the dates they are read at. One rule for every
/// implementation of <see cref="IConsolidatedCompliance"/>, the pages, the open data and the API.</summary>
public static class ConsolidatedPlans
{
    /// <summary>A plan is public once it has been published: its status says so or one of its versions is published
    /// (the version the public plan pages show, <see cref="PlanHeader"/>). Drafts never count.</summary>
    public static Expression<Func<Plan, bool>> IsPublic { get; } =
        p => p.Status == PlanStatus.Published || p.Versions.Any(v => v.Status == VersionStatus.Published);

    /// <summary>The years that have at least one public plan, the latest first.</summary>
    public static async Task<IReadOnlyList<int>> YearsAsync(AppDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Plans.AsNoTracking().Where(IsPublic).Select(p => p.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);
    }

    /// <summary>The year a consolidated view opens on: the current year in Colombia when it has public plans,
    /// otherwise the latest year that has; the current year when there are none at all.</summary>
    public static async Task<int> DefaultYearAsync(AppDbContext db, TimeProvider clock, CancellationToken ct = default)
    {
        var current = ColombianTime.Today(clock).Year;
        var years = await YearsAsync(db, ct);
        return years.Contains(current) || years.Count == 0 ? current : years[0];
    }

    /// <summary>A date inside <paramref name="year"/>: 1 January for an earlier date, 31 December for a later one.</summary>
    public static DateOnly ClampToYear(DateOnly date, int year)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        return date < first ? first : date > last ? last : date;
    }

    /// <summary>The page a view may show: at least 1 and at most the last page of <paramref name="matching"/> rows.</summary>
    public static int ClampPage(int page, int matching, int pageSize)
    {
        var pages = Math.Max(1, (matching + pageSize - 1) / pageSize);
        return Math.Clamp(page, 1, pages);
    }

    /// <summary>The page size a view may use: between 1 and <see cref="ConsolidatedQuery.MaxPageSize"/>.</summary>
    public static int ClampPageSize(int pageSize) => Math.Clamp(pageSize, 1, ConsolidatedQuery.MaxPageSize);

    /// <summary>True when the entity's name contains the search, accents, case and repeated spaces ignored; an empty
    /// search matches everything.</summary>
    public static bool Matches(string entityName, string? search)
    {
        var key = SpanishText.Fold(search);
        return key.Length == 0 || SpanishText.Fold(entityName).Contains(key, StringComparison.Ordinal);
    }
}
