namespace Vigia.Core.Mail;

/// <summary>The SMTP relay, bound from the <c>Smtp</c> configuration section. Keep <c>Smtp:Password</c> out of
/// appsettings.json: use environment variables (<c>Smtp__Password</c>) or user secrets.</summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Smtp";

    public string? Host { get; set; }

    /// <summary>25 for a local relay, 587 for submission with STARTTLS.</summary>
    public int Port { get; set; } = 25;

    /// <summary>Require STARTTLS (port 587). Off by default for a relay on the same machine or network.</summary>
    public bool UseStartTls { get; set; }

    /// <summary>When set, the client authenticates with this user and <see cref="Password"/>.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string? FromAddress { get; set; }

    public string FromName { get; set; } = "Vigía";

    /// <summary>Attempts per message, the first included (default 3).</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Wait before the second attempt; it doubles before each later one (default 2 s, then 4 s).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Limit for each network operation (default 30 s), so a stuck relay does not hold a page for minutes.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(FromAddress);
}
