using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Quartz;
using Vigia.Web.Reminders;

namespace Vigia.Web.Tests.Reminders;

public class ReminderJobSetupTests
{
    /// <summary>Thursday 26 November 2026, 10:00 in Colombia.</summary>
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 15, 0, 0, TimeSpan.Zero);

    private static (ServiceCollection Services, ServiceProvider Provider) Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging().AddSingleton<TimeProvider>(new FakeTimeProvider(Now)).AddVigiaReminderJob(configuration);
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
        // In force from the host's clock, not the machine's: the next runs are the next mornings at 07:00 in Colombia.
        Assert.Equal(Now, trigger.StartTimeUtc);
        var next = trigger.GetFireTimeAfter(Now)!.Value;
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero), next);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero), trigger.GetFireTimeAfter(next));
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
