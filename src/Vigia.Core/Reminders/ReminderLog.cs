using Vigia.Core.Accounts;

namespace Vigia.Core.Reminders;

public enum ReminderKind
{
    /// <summary>A month's reporting deadline is a few business days away and the person's units still owe reports.</summary>
    DeadlineApproaching = 1,
    /// <summary>A reporting deadline passed and the person's units still owe reports.</summary>
    Overdue = 2,
    /// <summary>The weekly summary for a Líder de componente: reports to review and late actions.</summary>
    WeeklyDigest = 3,
}

/// <summary>One reminder for one person and one period: written before the message is sent, so it goes out once;
/// a failed send keeps the row unsent with its error, and the next run tries again.</summary>
public class ReminderLog
{
    public int Id { get; set; }
    public ReminderKind Kind { get; set; }
    public required string UserId { get; set; }
    public AppUser? User { get; set; }
    /// <summary>The address used at the last attempt.</summary>
    public required string Email { get; set; }
    /// <summary>What the reminder is about: the reporting month ("2026-03") or, for the digest, the ISO week ("2026-W12").</summary>
    public required string Period { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
