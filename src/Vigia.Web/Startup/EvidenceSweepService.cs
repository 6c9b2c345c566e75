using Vigia.Core.Progress;

namespace Vigia.Web.Startup;

/// <summary>Runs <see cref="EvidenceSweep"/> when the host starts and then every day, on the injected clock (a test's
/// fake clock never moves on its own, so no sweep runs behind a test's back after the first).</summary>
public sealed class EvidenceSweepService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<EvidenceSweepService> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<EvidenceSweep>().RunAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed sweep (database down, a file in use) must not stop the host; tomorrow's run retries.
            catch (Exception e)
#pragma warning restore CA1031
            {
                logger.LogError(e, "The evidence sweep failed; it runs again in {Interval}.", Interval);
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
