namespace Vigia.Web.Pages.Plans;

/// <summary>The readable difference between two public versions, with the justifications of the versions between them.</summary>
public class CompareModel(AppDbContext db, PlanLocator locator) : PlanPageModel(db, locator)
{
    [FromQuery(Name = "de")]
    public int? From { get; set; }

    [FromQuery(Name = "a")]
    public int? To { get; set; }

    public IReadOnlyList<VersionSummary> Between { get; private set; } = [];

    public IReadOnlyList<ItemChange> Changes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadPlanAsync(ct))
        {
            return NotFound();
        }
        var versions = await PlanVersions.ListAsync(Db, Plan.Id, includeDrafts: false, ct);
        To ??= versions.Count > 0 ? versions[^1].Number : null;
        From ??= versions.LastOrDefault(v => v.Number < To)?.Number;
        if (From is not { } from || To is not { } to || versions.All(v => v.Number != from) || versions.All(v => v.Number != to))
        {
            return NotFound();
        }
        if (from > to)
        {
            (From, To) = (to, from);
            (from, to) = (to, from);
        }
        var before = await PlanLifecycleService.ContentAsync(Db, Plan.Id, from, ct);
        var after = await PlanLifecycleService.ContentAsync(Db, Plan.Id, to, ct);
        Changes = PlanVersionDiff.Compare(before!, after!);
        Between = versions.Where(v => v.Number > from && v.Number <= to).ToList();
        return Page();
    }
}
