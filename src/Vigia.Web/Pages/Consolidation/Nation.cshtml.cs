using Vigia.Core.Consolidation;

namespace Vigia.Web.Pages.Consolidation;

/// <summary>/tablero/nacional: every public plan of the year in Colombia ranked by the official figure at a date, the
/// nation's total and distribution by band, and each department's totals.</summary>
public class NationModel(AppDbContext db, IConsolidatedCompliance consolidated, TimeProvider clock) : ConsolidationPageModel(db, consolidated, clock)
{
    public IReadOnlyList<DepartmentStanding> Departments { get; private set; } = [];

    public override string PageName => "/Consolidation/Nation";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await LoadAsync(ct);
        Departments = await Consolidated.DepartmentsAsync(Year, At, ct);
        return result;
    }

    public override Dictionary<string, string> RouteFor(int page) => BaseRoute(page);
}
