using Microsoft.Extensions.DependencyInjection;
using Vigia.Core.RiskMap.Tracking;

namespace Vigia.Core.RiskMap;

public static class RiskMapSetup
{
    /// <summary>The risk methods, access on the data and the service that owns the map's writes.</summary>
    public static IServiceCollection AddVigiaRiskMap(this IServiceCollection services)
    {
        services.AddScoped<RiskMethodCatalog>();
        services.AddScoped<RiskMapAccess>();
        services.AddScoped<RiskMapService>();
        services.AddScoped<RiskReassessmentService>();
        services.AddScoped<RiskMapImportService>();
        services.AddScoped<RiskMapPublicationService>();
        services.AddScoped<MonitoringPeriods>();
        services.AddScoped<ControlMonitoringService>();
        services.AddScoped<MaterializationService>();
        return services;
    }
}
