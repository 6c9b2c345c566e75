using Vigia.Core.RiskMap;

namespace Vigia.Web.Pages.RiskMap;

/// <summary>The published versions of a year's risk map with their justifications and approvals, and what changed
/// between two of them, risk by risk and field by field.</summary>
public class VersionsModel(AppDbContext db, RiskMethodCatalog methods) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "entidad")]
    public string? EntitySlug { get; set; }

    [BindProperty(SupportsGet = true, Name = "de")]
    public int? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "a")]
    public int? To { get; set; }

    public string? EntityName { get; private set; }
    public string? Slug { get; private set; }
    public IReadOnlyList<RiskMapVersionSummary> Versions { get; private set; } = [];

    /// <summary>The changes from <see cref="From"/> to <see cref="To"/>; null when no comparison is asked.</summary>
    public IReadOnlyList<RiskChange>? Changes { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var year = Year;
        var entity = await db.Entities.AsNoTracking()
            .Where(e => EntitySlug == null ? db.RiskMapVersions.Any(v => v.Year == year && v.EntityId == e.Id && v.PublishedAt != null) : e.Slug == EntitySlug)
            .OrderBy(e => e.Name).Select(e => new { e.Id, e.Name, e.Slug }).FirstOrDefaultAsync(ct);
        if (entity is null)
        {
            return EntitySlug is null ? Page() : NotFound();
        }
        (EntityName, Slug) = (entity.Name, entity.Slug);
        Versions = await RiskMapVersions.ListAsync(db, entity.Id, Year, includeDrafts: false, ct);
        if (From is { } from && To is { } to)
        {
            var before = await RiskMapVersions.PublishedAsync(db, entity.Id, Year, from, ct);
            var after = await RiskMapVersions.PublishedAsync(db, entity.Id, Year, to, ct);
            if (before is null || after is null)
            {
                return NotFound();
            }
            Changes = RiskMapVersionDiff.Compare(before.Content, after.Content, await methods.DefinitionsAsync(ct));
        }
        return Page();
    }
}
