using Vigia.Core.Consolidation;

namespace Vigia.Web.Pages.Consolidation;

/// <summary>/tablero/departamentos/{slug}: the same as the nation's page for the entities of one department; 404 for a
/// department that does not exist.</summary>
public class DepartmentModel(AppDbContext db, IConsolidatedCompliance consolidated, TimeProvider clock) : ConsolidationPageModel(db, consolidated, clock)
{
    [FromRoute(Name = "slug")]
    public string Slug { get; set; } = "";

    public override string PageName => "/Consolidation/Department";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Department = await Db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Slug == Slug, ct);
        if (Department is null)
        {
            return NotFound();
        }
        return await LoadAsync(ct);
    }

    public override Dictionary<string, string> RouteFor(int page)
    {
        var route = BaseRoute(page);
        route["slug"] = Slug;
        return route;
    }
}
