using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Vigia.Core.Compliance.Stored;

namespace Vigia.Core.Consolidation;

public static class ConsolidationSetup
{
    /// <summary>The stored verdicts' store and the consolidated views computed by the database.</summary>
    public static IServiceCollection AddVigiaConsolidation(this IServiceCollection services)
    {
        services.TryAddScoped<ComplianceStateStore>();
        services.TryAddScoped<IConsolidatedCompliance, SqlConsolidatedCompliance>();
        return services;
    }
}
