using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Vigia.Core.Monitoring;
using Vigia.Core.Reminders;

namespace Vigia.Core.Progress;

public static class ProgressSetup
{
    /// <summary>Progress reports, monitoring and reminders (the services; the daily job is the host's business).
    /// Needs the database, <c>ActionAccess</c>, the file store and the mail sender registered too.</summary>
    public static IServiceCollection AddVigiaProgress(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddScoped<ProgressSettings>();
        services.AddScoped<ProgressAgenda>();
        services.AddScoped<ProgressService>();
        services.AddScoped<EvidenceSweep>();
        services.AddSingleton<Files.IStoredFileCatalog, EvidenceFileCatalog>();
        services.AddScoped<MonitoringService>();
        services.AddScoped<ReminderService>();
        services.AddOptions<ReminderOptions>().Configure(o => o.PublicBaseUrl = configuration["Vigia:PublicBaseUrl"]);
        return services;
    }
}
