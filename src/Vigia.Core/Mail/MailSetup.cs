using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Vigia.Core.Mail;

/// <summary>Registers <see cref="IEmailSender"/> over SMTP with <see cref="SmtpOptions"/> from the <c>Smtp</c> section.
/// An empty section is allowed: the sender then reports <see cref="IEmailSender.IsConfigured"/> = false.</summary>
public static class MailSetup
{
    public static IServiceCollection AddVigiaMail(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddLogging();
        services.AddOptions<SmtpOptions>()
            .Bind(configuration.GetSection(SmtpOptions.SectionName))
            .Validate(o => o.Port is > 0 and <= 65535, "Smtp:Port must be between 1 and 65535.")
            .Validate(o => o.MaxAttempts >= 1, "Smtp:MaxAttempts must be at least 1.")
            .Validate(o => o.Timeout > TimeSpan.Zero && o.RetryDelay >= TimeSpan.Zero, "Smtp:Timeout must be positive and Smtp:RetryDelay not negative.")
            .ValidateOnStart();
        services.TryAddSingleton<IEmailSender, SmtpEmailSender>();
        return services;
    }
}
