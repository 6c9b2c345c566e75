using Microsoft.Extensions.DependencyInjection;

namespace Vigia.Core.Consultation;

public static class ConsultationSetup
{
    /// <summary>The service that owns the consultation's writes, per scope (it uses the scope's database context).</summary>
    public static IServiceCollection AddVigiaConsultation(this IServiceCollection services)
    {
        services.AddScoped<ConsultationService>();
        // Needs IEmailSender (AddVigiaMail) and IDataProtectionProvider (the web host's key ring).
        services.AddScoped<ConsultationSubscriptions>();
        return services;
    }
}
