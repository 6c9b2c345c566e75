using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Vigia.Core.Reporting;

public static class ReportingSetup
{
    /// <summary>Progress reports, monitoring and reminders (the services; the daily job is the host's business).
    /// Needs the database, <c>ActionAccess</c>, the file store and the mail sender registered too.</summary>
    public static IServiceCollection AddVigiaReporting(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddScoped<ReportingSettings>();
        services.AddScoped<ReportingAgenda>();
        services.AddScoped<ReportingService>();
        services.AddScoped<MonitoringService>();
        services.AddScoped<ReminderService>();
        services.AddOptions<ReminderOptions>().Configure(o => o.PublicBaseUrl = configuration["Vigia:PublicBaseUrl"]);
        return services;
    }
}
