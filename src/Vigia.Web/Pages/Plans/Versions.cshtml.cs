namespace Vigia.Web.Pages.Plans;

/// <summary>The plan's change log («control de cambios»): every public version with its justification and approval.</summary>
public class VersionsModel(AppDbContext db, PlanLocator locator) : PlanPageModel(db, locator)
{
    public IReadOnlyList<VersionSummary> Versions { get; private set; } = [];

    public bool PublishedLate { get; private set; }

    /// <summary>The plan's schedule holds months made by the demo simulation: the page says «Programación simulada».</summary>
    public bool SimulatedSchedule { get; private set; }

    /// <summary>The versions whose citizen consultation closed with a published report.</summary>
    public IReadOnlySet<int> Consulted { get; private set; } = new HashSet<int>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadPlanAsync(ct))
        {
            return NotFound();
        }
        Versions = await PlanVersions.ListAsync(Db, Plan.Id, includeDrafts: false, ct);
        Consulted = await Vigia.Core.Consultation.ConsultationReport.ReportedVersionsAsync(Db, Plan.Id, ct);
        SimulatedSchedule = await Vigia.Core.Schedule.SimulatedSchedule.InPlanAsync(Db, Plan.Id, ct);
        PublishedLate = PlanVersions.IsLate(Plan.Year, Versions.FirstOrDefault(v => v.Status == VersionStatus.Published)?.PublishedAt);
        return Page();
    }
}
