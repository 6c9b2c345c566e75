namespace Vigia.Web.Pages.Plans;

/// <summary>The content of one public version of the plan, as it was published.</summary>
public class VersionModel(AppDbContext db, PlanLocator locator) : PlanPageModel(db, locator)
{
    [FromRoute(Name = "number")]
    public int Number { get; set; }

    public VersionSummary Version { get; private set; } = null!;

    public PlanSnapshot Contents { get; private set; } = null!;

    public int? Previous { get; private set; }

    /// <summary>Months this version shows were programmed by the demo simulation: the page says «Programación simulada».</summary>
    public bool SimulatedSchedule { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadPlanAsync(ct))
        {
            return NotFound();
        }
        var versions = await PlanVersions.ListAsync(Db, Plan.Id, includeDrafts: false, ct);
        if (versions.FirstOrDefault(v => v.Number == Number) is not { } version
            || await PlanLifecycleService.ContentAsync(Db, Plan.Id, Number, ct) is not { } content)
        {
            return NotFound();
        }
        Version = version;
        Contents = content;
        Previous = versions.LastOrDefault(v => v.Number < Number)?.Number;
        SimulatedSchedule = await Vigia.Core.Schedule.SimulatedSchedule.InContentAsync(Db, Plan.Id, content, ct);
        return Page();
    }
}
