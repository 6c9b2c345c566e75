namespace Vigia.Web.Layout;

public static class LayoutSetup
{
    public const string StatusCodePath = "/estado/{0}";

    /// <summary>Services the shared layout needs: the per-request entity profile read by its header and footer.</summary>
    public static IServiceCollection AddVigiaLayout(this IServiceCollection services)
    {
        services.AddScoped<EntityProfileReader>();
        return services;
    }

    /// <summary>
    /// Spanish status-code pages (404, 403…) for browser requests, and the accessibility-preferences endpoint.
    /// Call after <c>UseExceptionHandler</c> and before <c>UseRouting</c>, so a 404 from routing is re-executed
    /// through the page. JSON API responses keep their own bodies.
    /// </summary>
    public static WebApplication UseVigiaLayout(this WebApplication app)
    {
        app.UseWhen(
            context => !context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase),
            branch => branch.UseStatusCodePagesWithReExecute(StatusCodePath));

        app.MapRead(PreferencesEndpoint.Path, PreferencesEndpoint.Handle)
            .WithName(PreferencesEndpoint.Name)
            .ExcludeFromDescription();
        return app;
    }
}
