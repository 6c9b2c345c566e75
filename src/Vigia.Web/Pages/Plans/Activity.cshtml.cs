namespace Vigia.Web.Pages.Plans;

public class ActivityModel(AppDbContext db, PlanLocator locator) : PlanPageModel(db, locator)
{
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
        return Page();
    }
}
