using Quartz;
using Vigia.Core.Mail;

namespace Vigia.Web.Reminders;

public static class ReminderJobSetup
{
    public const string JobName = "recordatorios";

    /// <summary>Every day at 07:00, before the working day starts.</summary>
    public const string DailyAtSeven = "0 0 7 * * ?";

    /// <summary>Schedules <see cref="ReminderJob"/> daily at 07:00 Colombian time with Quartz, in memory. Only when
    /// SMTP is configured (<c>Smtp:Host</c> and <c>Smtp:FromAddress</c>): without a relay there is nothing to send,
    /// and a scheduler thread would only wake up to log that.</summary>
    public static IServiceCollection AddVigiaReminderJob(this IServiceCollection services, IConfiguration configuration)
    {
        var smtp = new SmtpOptions();
        configuration.GetSection(SmtpOptions.SectionName).Bind(smtp);
        if (!smtp.IsConfigured)
        {
            return services;
        }
        services.AddQuartz(q => q.ScheduleJob<ReminderJob>(
            trigger => trigger.WithIdentity(JobName).WithCronSchedule(DailyAtSeven, cron => cron.InTimeZone(ColombianTime.Zone)),
            job => job.WithIdentity(JobName)));
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
