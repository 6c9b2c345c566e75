using Quartz;
using Vigia.Core.Reminders;

namespace Vigia.Web.Reminders;

/// <summary>The daily run of <see cref="ReminderService"/>, in its own scope (its own database context). One run at
/// a time: a slow relay must not let the next trigger start a second run over the same reminders.</summary>
[DisallowConcurrentExecution]
public sealed class ReminderJob(IServiceScopeFactory scopes, ILogger<ReminderJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var summary = await scope.ServiceProvider.GetRequiredService<ReminderService>().RunAsync(cancellationToken);
        if (summary.Failed > 0)
        {
            logger.LogWarning("Reminder run: {Failed} messages failed and will be retried tomorrow.", summary.Failed);
        }
    }
}
