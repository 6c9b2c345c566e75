using Vigia.Core.FollowUps;

namespace Vigia.Web.Pages.FollowUps.Desk;

/// <summary>Resolves /seguimientos/gestion/{planId}/{cutoff:yyyy-MM-dd}/… to a plan and one of its cut-offs; the
/// staff follow-up pages start here. Only Control Interno reaches them (the folder's authorisation convention in Program.cs).</summary>
public abstract class FollowUpPageModel(AppDbContext db, FollowUpCalendar calendar) : PageModel
{
    protected AppDbContext Db { get; } = db;
    protected FollowUpCalendar Calendar { get; } = calendar;

    [FromRoute(Name = "planId")]
    public int PlanId { get; set; }

    [FromRoute(Name = "cutoff")]
    public string CutOffText { get; set; } = "";

    public DateOnly CutOff { get; private set; }
    public CutOffDeadline Deadline { get; private set; } = null!;
    public FollowUpPlan Plan { get; private set; } = null!;

    public string BasePath => PathFor(PlanId, CutOff);

    public static string PathFor(int planId, DateOnly cutOff) =>
        $"/seguimientos/gestion/{planId}/{cutOff.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    protected async Task<bool> LoadCutOffAsync(CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(CutOffText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var cutOff))
        {
            return false;
        }
        var plan = await Db.Plans.AsNoTracking().Where(p => p.Id == PlanId)
            .Select(p => new FollowUpPlan(p.Id, p.Entity!.Name, p.Year, p.Title)).SingleOrDefaultAsync(ct);
        if (plan is null || await Calendar.FindAsync(plan.Id, cutOff, ct) is not { } deadline)
        {
            return false;
        }
        (CutOff, Deadline, Plan) = (cutOff, deadline, plan);
        return true;
    }

    /// <summary>A refused write: 403 or 404 as the service decided, or the page again with the errors and 400.</summary>
    protected async Task<IActionResult> RefusedAsync(FollowUpResult result, Func<Task> reload)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(reload);
        if (result.Forbidden)
        {
            return Forbid();
        }
        if (result.NotFound)
        {
            return NotFound();
        }
        foreach (var (field, message) in result.Errors)
        {
            ModelState.AddModelError(field, message);
        }
        await reload();
        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }
}
