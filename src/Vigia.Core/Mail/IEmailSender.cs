namespace Vigia.Core.Mail;

/// <summary>Sends e-mail. An interface because delivery crosses a process boundary (an SMTP relay).</summary>
public interface IEmailSender
{
    /// <summary>Whether a relay and a sender address are configured; when false, <see cref="SendAsync"/> throws,
    /// so a page can offer another way (e.g. tell the user to ask an administrator) instead.</summary>
    bool IsConfigured { get; }

    /// <summary>Delivers the message to the relay, retrying transient failures.</summary>
    /// <exception cref="InvalidOperationException">E-mail is not configured.</exception>
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}

/// <summary>One message to one person. Subject and bodies are sent as UTF-8, so Spanish text arrives intact.</summary>
/// <param name="To">Recipient address.</param>
/// <param name="ToName">Recipient display name (may be empty).</param>
/// <param name="Subject">Subject line; line breaks are turned into spaces.</param>
/// <param name="TextBody">Plain-text body, always sent.</param>
/// <param name="HtmlBody">Optional HTML alternative of the same content.</param>
public sealed record EmailMessage(string To, string ToName, string Subject, string TextBody, string? HtmlBody = null);
