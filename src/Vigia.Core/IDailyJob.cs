namespace Vigia.Core;

/// <summary>Work the host runs when it starts and then once a day (the evidence sweep, the audit checkpoint). It must
/// be safe to run twice and to run late: each run does whatever is due.</summary>
public interface IDailyJob
{
    Task RunAsync(CancellationToken ct = default);
}
