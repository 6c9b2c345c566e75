namespace Vigia.Web.Pages.Plans;

public sealed record ActivityGroup(string? Code, string? Name, IReadOnlyList<ActivityItem> Activities);

public sealed record ActivityItem(string Code, string Name, IReadOnlyList<ActionView> Actions);

public class ComponentModel(AppDbContext db, PlanLocator locator) : FigurePlanPageModel(db, locator)
{
    [FromRoute(Name = "number")]
    public int Number { get; set; }

    public string ComponentName { get; private set; } = "";
    public IReadOnlyList<ActivityGroup> Groups { get; private set; } = [];
    public int ActionCount => Groups.Sum(g => g.Activities.Sum(a => a.Actions.Count));
    public int ActivityCount => Groups.Sum(g => g.Activities.Count);

    public override Shared.OfficialFigureView Figure => new(Compliance, ComplianceNode, $"El componente {Number}", DashboardUrl);

    /// <summary>This component's node of the plan's official compliance.</summary>
    public Vigia.Core.Compliance.ComplianceNode ComplianceNode =>
        Compliance.Components.Single(c => c.Code == Number.ToString(CultureInfo.InvariantCulture));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadPlanAsync(ct))
        {
            return NotFound();
        }
        var component = await Db.Components.AsNoTracking()
            .Where(c => c.PlanId == Plan.Id && c.Number == Number)
            .Select(c => new
            {
                c.Id,
                c.Name,
                Subcomponents = c.Subcomponents.OrderBy(s => s.Order).Select(s => new { s.Id, s.Code, s.Name }).ToList(),
                Activities = c.Activities.OrderBy(a => a.Order).Select(a => new { a.Code, a.Name, a.SubcomponentId }).ToList(),
            })
            .SingleOrDefaultAsync(ct);
        if (component is null)
        {
            return NotFound();
        }
        ComponentName = component.Name;
        await LoadComplianceAsync(ct);
        var actions = (await ActionView.LoadAsync(Db.Actions.Where(a => a.Activity!.ComponentId == component.Id), ct))
            .ToLookup(a => a.ActivityCode);
        ActivityItem Item(string code, string name) => new(code, name, actions[code].ToList());
        var groups = new List<ActivityGroup>();
        var direct = component.Activities.Where(a => a.SubcomponentId is null).Select(a => Item(a.Code, a.Name)).ToList();
        if (direct.Count > 0)
        {
            groups.Add(new ActivityGroup(null, null, direct));
        }
        groups.AddRange(component.Subcomponents.Select(s => new ActivityGroup(s.Code, s.Name,
            component.Activities.Where(a => a.SubcomponentId == s.Id).Select(a => Item(a.Code, a.Name)).ToList())));
        Groups = groups;
        return Page();
    }
}
