namespace Vigia.Web.Startup;

/// <summary>Runs a <see cref="IDailyJob"/> (the evidence sweep, the audit checkpoint) when the host starts and then every
/// day, on the injected clock (a test's fake clock never moves on its own, so nothing runs behind a test's back after
/// the first run), each run in its own scope.</summary>
public sealed class DailyJobService<TJob>(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DailyJobService<TJob>> logger)
    : BackgroundService
    where TJob : IDailyJob
{
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<TJob>().RunAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed run (database down, a file in use) must not stop the host; tomorrow's run retries.
            catch (Exception e)
#pragma warning restore CA1031
            {
                logger.LogError(e, "The daily job {Job} failed; it runs again in {Interval}.", typeof(TJob).Name, Interval);
            }
            try
            {
                await Task.Delay(Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
