using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Vigia.Core.Audit;

public static class AuditSetup
{
    /// <summary>Registers the audit trail: <see cref="AuditScope"/> and <see cref="AuditInterceptor"/> per
    /// scope, the <see cref="PublishedPlanAuditPolicy"/> and the options. Only the first call counts, so a
    /// host may call it with its own options before <c>AddVigiaDatabase</c>.</summary>
    public static IServiceCollection AddVigiaAudit(this IServiceCollection services, Action<AuditOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new AuditOptions();
        configure?.Invoke(options);
        services.TryAddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAuditPolicy, PublishedPlanAuditPolicy>();
        services.TryAddScoped<AuditScope>();
        services.TryAddSingleton<AuditKeys>();
        services.TryAddScoped<AuditCheckpointPublisher>();
        services.TryAddScoped(sp => new AuditInterceptor(
            sp.GetRequiredService<AuditScope>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IAuditPolicy>(),
            sp.GetRequiredService<AuditOptions>(),
            sp.GetRequiredService<AuditKeys>()));
        return services;
    }
}
