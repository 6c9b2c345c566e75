using Vigia.Core.FollowUps;

namespace Vigia.Web.Pages.FollowUps;

/// <summary>The next follow-up cut-off and the business days left to publish it, for any page:
/// <c>@await Component.InvokeAsync("NextCutOff")</c> (the most recent plan) or
/// <c>@await Component.InvokeAsync("NextCutOff", new { planId = 3 })</c>.</summary>
public sealed class NextCutOffViewComponent(AppDbContext db, FollowUpCalendar calendar) : ViewComponent
{
    public const string ViewPath = "/Pages/FollowUps/_NextCutOff.cshtml";

    public async Task<IViewComponentResult> InvokeAsync(int? planId = null)
    {
        var ct = HttpContext.RequestAborted;
        var plan = await db.Plans.AsNoTracking()
            .Where(p => planId == null || p.Id == planId)
            .OrderByDescending(p => p.Year).ThenBy(p => p.Id)
            .Select(p => new FollowUpPlan(p.Id, p.Entity!.Name, p.Year, p.Title))
            .FirstOrDefaultAsync(ct);
        return View(ViewPath, new NextCutOffView(plan, plan is null ? null : await calendar.NextAsync(plan.Id, ct)));
    }
}

public sealed record NextCutOffView(FollowUpPlan? Plan, NextCutOff? Next);
