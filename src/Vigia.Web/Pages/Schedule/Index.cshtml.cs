using Vigia.Core.Schedule;
namespace Vigia.Web.Pages.Schedule;

public sealed record ComponentScheduleSummary(int Number, string Name, int Actions, int Scheduled);

/// <summary>The plan's components and how many of their actions are scheduled, each linking to its grid.</summary>
public class IndexModel(AppDbContext db, PlanLocator locator) : SchedulePageModel(db, locator)
{
    public IReadOnlyList<ComponentScheduleSummary> Components { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadPlanAsync(ct))
        {
            return NotFound();
        }
        ConsultedVersion = await ScheduleService.InConsultationAsync(Db, Plan.Id, ct);
        RevisionVersion = await ScheduleService.InRevisionAsync(Db, Plan.Id, ct);
        Components = await Db.Components.AsNoTracking().Where(c => c.PlanId == Plan.Id).OrderBy(c => c.Number)
            .Select(c => new ComponentScheduleSummary(c.Number, c.Name,
                c.Activities.SelectMany(a => a.Actions).Count(),
                c.Activities.SelectMany(a => a.Actions).Count(x => x.Schedule.Any())))
            .ToListAsync(ct);
        return Page();
    }

    public bool NeedsJustification => Plan.Status != PlanStatus.Draft;

    /// <summary>The number of the version in citizen consultation, when there is one: its schedule is frozen (ADR 020).</summary>
    public int? ConsultedVersion { get; private set; }

    /// <summary>The revision being prepared, whose working copy carries the schedule (ADR 033); the grid does not save meanwhile.</summary>
    public int? RevisionVersion { get; private set; }
}
