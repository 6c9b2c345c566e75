using System.Net.Sockets;
using System.Text;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Vigia.Core.Mail;

/// <summary>Sends through an SMTP relay with MailKit, one connection per message, retrying transient failures
/// (relay unreachable, connection dropped, 4xx replies) with a doubling delay; permanent ones (5xx, bad
/// credentials, TLS errors) fail at once. Every failed attempt is logged.</summary>
public sealed class SmtpEmailSender : IEmailSender
{
    private readonly SmtpOptions options;
    private readonly ILogger<SmtpEmailSender> logger;
    private readonly Func<TimeSpan, CancellationToken, Task> delay;

    /// <param name="delay">Waits between attempts; <see cref="Task.Delay(TimeSpan, CancellationToken)"/> unless a
    /// test supplies its own.</param>
    public SmtpEmailSender(IOptions<SmtpOptions> options, ILogger<SmtpEmailSender> logger, Func<TimeSpan, CancellationToken, Task>? delay = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        this.options = options.Value;
        this.logger = logger;
        this.delay = delay ?? Task.Delay;
    }

    public bool IsConfigured => options.IsConfigured;

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!IsConfigured)
        {
            throw new InvalidOperationException("E-mail is not configured: set Smtp:Host and Smtp:FromAddress.");
        }
        using var mime = Build(message);
        var attempts = Math.Max(1, options.MaxAttempts);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await SendOnceAsync(mime, cancellationToken);
                return;
            }
            catch (Exception ex) when (attempt < attempts && IsTransient(ex, cancellationToken))
            {
                var wait = options.RetryDelay * Math.Pow(2, attempt - 1);
                logger.LogWarning(ex, "Sending e-mail through {Host}:{Port} failed (attempt {Attempt} of {Attempts}); retrying in {Delay}.",
                    options.Host, options.Port, attempt, attempts, wait);
                await delay(wait, cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Sending e-mail through {Host}:{Port} failed (attempt {Attempt} of {Attempts}); giving up.",
                    options.Host, options.Port, attempt, attempts);
                throw;
            }
        }
    }

    /// <summary>Failures worth another attempt: the relay could not be reached or dropped the connection, an
    /// operation timed out, or it answered with a temporary (4xx) refusal.</summary>
    internal static bool IsTransient(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        SmtpCommandException command => (int)command.StatusCode is >= 400 and < 500,
        SmtpProtocolException or ServiceNotConnectedException or SocketException or IOException or TimeoutException => true,
        _ => false,
    };

    // Build and SendOnceAsync run only after SendAsync checked IsConfigured, so Host and FromAddress are set.
    private MimeMessage Build(EmailMessage message)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(Encoding.UTF8, options.FromName, options.FromAddress!));
        mime.To.Add(new MailboxAddress(Encoding.UTF8, message.ToName, message.To));
        mime.Subject = message.Subject.ReplaceLineEndings(" ");
        var text = new TextPart("plain");
        text.SetText(Encoding.UTF8, message.TextBody);
        if (message.HtmlBody is null)
        {
            mime.Body = text;
            return mime;
        }
        var html = new TextPart("html");
        html.SetText(Encoding.UTF8, message.HtmlBody);
        mime.Body = new MultipartAlternative { text, html };
        return mime;
    }

    private async Task SendOnceAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = (int)options.Timeout.TotalMilliseconds };
        var security = options.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None;
        await client.ConnectAsync(options.Host!, options.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(options.UserName))
        {
            await client.AuthenticateAsync(options.UserName, options.Password ?? "", cancellationToken);
        }
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
