using Microsoft.Extensions.DependencyInjection;

namespace Vigia.Core.FollowUps;

public static class FollowUpsSetup
{
    /// <summary>The follow-up calendar, service report loader and consolidation, per scope (they use the scope's database context).</summary>
    public static IServiceCollection AddVigiaFollowUps(this IServiceCollection services)
    {
        services.AddScoped<FollowUpCalendar>();
        services.AddScoped<FollowUpService>();
        services.AddScoped<FollowUpLifecycle>();
        services.AddScoped<FollowUpDocuments>();
        services.AddScoped<FollowUpConsolidation>();
        services.AddScoped<RiskMapCutOffs>();
        return services;
    }
}
