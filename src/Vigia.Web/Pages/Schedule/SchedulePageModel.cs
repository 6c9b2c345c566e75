using Microsoft.AspNetCore.Mvc.Filters;
using Vigia.Core.Schedule;
using Vigia.Web.Pages.Plans;

namespace Vigia.Web.Pages.Schedule;

/// <summary>Schedule pages answer only Planeación, on every handler (GET and POST alike): anyone else signed in gets 403.
/// <see cref="ScheduleService"/> checks the same rule again on the data.</summary>
public abstract class SchedulePageModel(AppDbContext db, PlanLocator locator) : PlanPageModel(db, locator)
{
    /// <summary>"/gestion/planes/2022/cronograma", with the entity when the request named it.</summary>
    public string SchedulePath => Url.Page("/Schedule/Index", new { entity = EntitySlug, year = Year })
        ?? throw new InvalidOperationException("No route leads to the schedule page.");

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (!ScheduleService.CanSchedule(Actor.From(User)))
        {
            context.Result = this.Forbidden();
            return;
        }
        await next();
    }
}
