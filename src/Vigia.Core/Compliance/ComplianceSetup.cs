using Microsoft.Extensions.DependencyInjection;

namespace Vigia.Core.Compliance;

public static class ComplianceSetup
{
    /// <summary>Schedules, compliance and the demonstration's simulated execution.</summary>
    public static IServiceCollection AddVigiaCompliance(this IServiceCollection services)
    {
        services.AddScoped<ComplianceService>();
        services.AddScoped<Schedule.ScheduleService>();
        services.AddScoped<Demo.DemoExecutionSimulator>();
        return services;
    }
}
