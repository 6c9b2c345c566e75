namespace Vigia.Web.Pages.Plans;

public sealed record ComponentSummary(int Number, string Name, int Subcomponents, int Activities, int Actions);

public class PlanModel(AppDbContext db, PlanLocator locator) : FigurePlanPageModel(db, locator)
{
    [FromQuery(Name = "q")]
    public string? Query { get; set; }

    public IReadOnlyList<ComponentSummary> Components { get; private set; } = [];
    public IReadOnlyList<ActionView>? Results { get; private set; }

    public override Shared.OfficialFigureView Figure => new(Compliance, Compliance.Plan, "El plan", DashboardUrl);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadPlanAsync(ct))
        {
            return NotFound();
        }
        Components = await LoadComponentsAsync(Db, Plan.Id, ct);
        await LoadComplianceAsync(ct);
        if (!string.IsNullOrWhiteSpace(Query))
        {
            Results = PlanSearch.Filter(await ActionView.LoadAsync(ActionView.OfPlan(Db, Plan.Id), ct), Query);
        }
        return Page();
    }

    public static Task<List<ComponentSummary>> LoadComponentsAsync(AppDbContext db, int planId, CancellationToken ct) =>
        db.Components.AsNoTracking().Where(c => c.PlanId == planId).OrderBy(c => c.Number)
            .Select(c => new ComponentSummary(c.Number, c.Name, c.Subcomponents.Count, c.Activities.Count,
                c.Activities.SelectMany(a => a.Actions).Count()))
            .ToListAsync(ct);
}
