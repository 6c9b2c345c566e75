namespace Vigia.Web.Pages.Plans;

/// <summary>The plan's change log («control de cambios»): every public version with its justification and approval.</summary>
public class VersionsModel(AppDbContext db, PlanLocator locator) : PlanPageModel(db, locator)
{
    public IReadOnlyList<VersionSummary> Versions { get; private set; } = [];

    public bool PublishedLate { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadPlanAsync(ct))
        {
            return NotFound();
        }
        Versions = await PlanVersions.ListAsync(Db, Plan.Id, includeDrafts: false, ct);
        PublishedLate = PlanVersions.IsLate(Plan.Year, Versions.FirstOrDefault(v => v.Status == VersionStatus.Published)?.PublishedAt);
        return Page();
    }
}
