namespace Vigia.Core.Reminders;

/// <summary>How reminders are sent. The base URL comes from <c>Vigia:PublicBaseUrl</c>, so messages can link to the app.</summary>
public sealed class ReminderOptions
{
    public string? PublicBaseUrl { get; set; }

    /// <summary>Runs that try to send one reminder before it is given up (the error stays in the log).</summary>
    public int MaxAttempts { get; set; } = 5;
}

/// <summary>What one run of <see cref="ReminderService.RunAsync"/> did.</summary>
/// <param name="Sent">Messages delivered to the relay.</param>
/// <param name="Failed">Messages whose delivery failed; they are retried by the next run.</param>
public sealed record ReminderRunSummary(int Sent, int Failed);
