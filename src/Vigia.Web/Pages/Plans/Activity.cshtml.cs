using Vigia.Core.Compliance;

namespace Vigia.Web.Pages.Plans;

public class ActivityModel(AppDbContext db, PlanLocator locator, ComplianceService compliance, TimeProvider clock) : PlanPageModel(db, locator)
{
    /// <summary>The parts of the collective actions, by action id (each unit, its target, its executed today, from
    /// <see cref="ComplianceService"/>); an action assigned to a group without units yet is in
    /// <see cref="Unmapped"/>.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<PartFigure>> Parts { get; private set; } = new Dictionary<int, IReadOnlyList<PartFigure>>();
    public IReadOnlySet<int> Unmapped { get; private set; } = new HashSet<int>();

    [FromRoute(Name = "code")]
    public string Code { get; set; } = "";

    public string ActivityName { get; private set; } = "";
    public int ComponentNumber { get; private set; }
    public string ComponentName { get; private set; } = "";
    public string? SubcomponentTitle { get; private set; }
    public IReadOnlyList<ActionView> Actions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadPlanAsync(ct))
        {
            return NotFound();
        }
        var activity = await Db.Activities.AsNoTracking()
            .Where(a => a.Component!.PlanId == Plan.Id && a.Code == Code)
            .Select(a => new
            {
                a.Id,
                a.Name,
                a.Component!.Number,
                ComponentName = a.Component.Name,
                Sub = a.Subcomponent == null ? null : a.Subcomponent.Code + " " + a.Subcomponent.Name,
            })
            .FirstOrDefaultAsync(ct);
        if (activity is null)
        {
            return NotFound();
        }
        (ActivityName, ComponentNumber, ComponentName, SubcomponentTitle) = (activity.Name, activity.Number, activity.ComponentName, activity.Sub);
        Actions = await ActionView.LoadAsync(Db.Actions.Where(a => a.ActivityId == activity.Id), ct);
        var collective = await Db.ActionUnitGroups.Where(x => x.Action!.ActivityId == activity.Id).Select(x => x.ActionId).Distinct().ToListAsync(ct);
        if (collective.Count > 0 && await compliance.ComputeAsync(Plan.Id, ColombianTime.Today(clock), ct) is { } figures)
        {
            Parts = figures.Parts.Where(p => collective.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value);
            Unmapped = collective.Where(id => !Parts.ContainsKey(id)).ToHashSet();
        }
        return Page();
    }
}
