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

    /// <summary>The {cutoff} of this page's address (2022-04-30), for links to the other pages of the cut-off.</summary>
    public string CutOffRoute => CutOffRouteValue(CutOff);

    public static string CutOffRouteValue(DateOnly cutOff) => cutOff.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The route values of this cut-off, for links and redirects to its pages.</summary>
    protected object CutOffRouteValues => new { planId = PlanId, cutoff = CutOff.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };

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
}
