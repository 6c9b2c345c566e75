using Microsoft.AspNetCore.Mvc.Filters;

namespace Vigia.Web.Pages.Plans.Manage;

/// <summary>The plan's life (publication, revisions) answers only Planeación, on every handler; anyone else signed in
/// gets 403. <see cref="PlanLifecycleService"/> checks the same rule again on the data.</summary>
public abstract class ManagePageModel(AppDbContext db, PlanLocator locator) : PlanPageModel(db, locator)
{
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (!PlanLifecycleService.CanManage(Actor.From(User)))
        {
            context.Result = this.Forbidden();
            return;
        }
        await next();
    }
}
