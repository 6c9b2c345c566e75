using Microsoft.Extensions.DependencyInjection;

namespace Vigia.Core.RiskMap;

public static class RiskMapSetup
{
    /// <summary>The risk methods, access on the data and the service that owns the map's writes.</summary>
    public static IServiceCollection AddVigiaRiskMap(this IServiceCollection services)
    {
        services.AddScoped<RiskMethodCatalog>();
        services.AddScoped<RiskMapAccess>();
        services.AddScoped<RiskMapService>();
        services.AddScoped<RiskMapImportService>();
        services.AddScoped<RiskMapPublicationService>();
        return services;
    }
}
