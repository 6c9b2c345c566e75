using Microsoft.Extensions.DependencyInjection;

namespace Vigia.Core.Consolidation;

public static class ConsolidationSetup
{
    /// <summary>The consolidated views of the nation and of each department (<see cref="IConsolidatedCompliance"/>), per
    /// scope: they read the scope's database context.</summary>
    public static IServiceCollection AddVigiaConsolidation(this IServiceCollection services)
    {
        services.AddScoped<IConsolidatedCompliance, InMemoryConsolidatedCompliance>();
        return services;
    }
}
