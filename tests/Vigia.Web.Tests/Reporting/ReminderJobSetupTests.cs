using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Quartz;
using Vigia.Web.Reminders;

namespace Vigia.Web.Tests.Reporting;

public class ReminderJobSetupTests
{
    private static (ServiceCollection Services, ServiceProvider Provider) Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging().AddVigiaReminderJob(configuration);
        return (services, services.BuildServiceProvider());
    }

    private static bool RunsQuartz(ServiceCollection services) =>
        services.Any(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Namespace == "Quartz");

    [Fact]
    public async Task WithSmtpConfigured_TheJobRunsEveryDayAtSevenInTheMorningColombianTime()
    {
        var (services, provider) = Build(new() { ["Smtp:Host"] = "smtp.cali.gov.co", ["Smtp:FromAddress"] = "vigia@cali.gov.co" });
        await using var _ = provider;

        var scheduler = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var trigger = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(new TriggerKey(ReminderJobSetup.JobName)));

        Assert.Equal("0 0 7 * * ?", trigger.CronExpressionString);
        Assert.Equal(TimeSpan.FromHours(-5), trigger.TimeZone.BaseUtcOffset);
        var next = trigger.GetFireTimeAfter(new DateTimeOffset(2026, 11, 26, 15, 0, 0, TimeSpan.Zero))!.Value;
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero), next);
        Assert.True(RunsQuartz(services));
    }

    [Fact]
    public async Task WithoutSmtp_NoSchedulerRuns()
    {
        var (services, provider) = Build(new() { ["Smtp:Host"] = "" });
        await using var _ = provider;

        Assert.Null(provider.GetService<ISchedulerFactory>());
        Assert.False(RunsQuartz(services));
    }
}
