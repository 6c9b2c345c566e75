using Vigia.Core.Audit;

namespace Vigia.Web.Security;

public static class AuditActorMiddleware
{
    /// <summary>Makes the signed-in person the actor of every change in the request. Place it after
    /// <c>UseAuthentication</c>.</summary>
    public static IApplicationBuilder UseVigiaAuditActor(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.RequestServices.GetRequiredService<AuditScope>().SetActor(AuditActor.From(context.User));
            await next(context);
        });
}
