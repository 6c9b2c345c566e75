using System.Net;
using System.Net.Sockets;
using System.Text;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using netDumbster.smtp;
using Vigia.Core.Mail;

namespace Vigia.Core.Tests.Mail;

public sealed class SmtpEmailSenderTests : IDisposable
{
    private const string Subject = "Recordatorio: reporte de avance de acción 3.1.4 — Subdirección de Gestión Organizacional";
    private const string Body = "Señora jefa de la Subdirección de Gestión Organizacional:\n\n"
        + "Le recordamos que el reporte de avance de la acción 3.1.4 vence el próximo viernes. ¡Gracias!\n";

    private static readonly EmailMessage Reminder = new("jefe.sgo@cali.gov.co", "María Peña Ibáñez", Subject, Body);

    private readonly RecordingLogger<SmtpEmailSender> logger = new();
    private readonly List<TimeSpan> delays = [];
    private SimpleSmtpServer? server;

    public void Dispose() => server?.Stop();

    private SmtpEmailSender Sender(int port, Action? onDelay = null, Action<SmtpOptions>? configure = null)
    {
        var options = new SmtpOptions
        {
            Host = "127.0.0.1",
            Port = port,
            FromAddress = "vigia@cali.gov.co",
            Timeout = TimeSpan.FromSeconds(10),
        };
        configure?.Invoke(options);
        return new SmtpEmailSender(Options.Create(options), logger, (wait, _) =>
        {
            delays.Add(wait);
            onDelay?.Invoke();
            return Task.CompletedTask;
        });
    }

    /// <summary>A netDumbster listener on 127.0.0.1, on the given port or a free one.</summary>
    private static SimpleSmtpServer Listen(int port = 0)
        => Configuration.Configure().WithAddress(IPAddress.Loopback).WithPort(port).Build();

    /// <summary>A port on 127.0.0.1 that nothing listens on (yet).</summary>
    private static int ClosedPort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    /// <summary>The received message decoded by MimeKit. netDumbster keeps the DATA lines as they came, so the SMTP
    /// dot-stuffing is undone first.</summary>
    private static MimeMessage Decode(SmtpMessage received)
        => MimeMessage.Load(new MemoryStream(Encoding.ASCII.GetBytes(received.Data.Replace("\r\n..", "\r\n.", StringComparison.Ordinal))));

    [Fact]
    public async Task Message_with_accents_arrives_intact()
    {
        server = Listen();

        await Sender(server.Configuration.Port).SendAsync(Reminder);

        var received = Assert.Single(server.ReceivedEmail);
        Assert.Equal("jefe.sgo@cali.gov.co", Assert.Single(received.ToAddresses).Address);
        var message = Decode(received);
        var to = Assert.IsType<MailboxAddress>(Assert.Single(message.To));
        Assert.Equal(("María Peña Ibáñez", "jefe.sgo@cali.gov.co"), (to.Name, to.Address));
        Assert.Equal(("Vigía", "vigia@cali.gov.co"), (message.From.Mailboxes.Single().Name, message.From.Mailboxes.Single().Address));
        Assert.Equal(Subject, message.Subject);
        Assert.Equal(Body.ReplaceLineEndings("\r\n"), message.TextBody?.ReplaceLineEndings("\r\n"));
        Assert.Null(message.HtmlBody);
        Assert.Empty(logger.Entries);
    }

    [Fact]
    public async Task Html_body_travels_as_an_alternative_to_the_text()
    {
        server = Listen();

        await Sender(server.Configuration.Port).SendAsync(Reminder with { HtmlBody = "<p>Reporte de la acción <strong>3.1.4</strong></p>" });

        var message = Decode(Assert.Single(server.ReceivedEmail));
        Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Contains("vence el próximo viernes", message.TextBody, StringComparison.Ordinal);
        Assert.Equal("<p>Reporte de la acción <strong>3.1.4</strong></p>", message.HtmlBody?.Trim());
    }

    [Fact]
    public async Task Line_breaks_in_the_subject_cannot_add_headers()
    {
        server = Listen();

        await Sender(server.Configuration.Port).SendAsync(Reminder with { Subject = "Aviso\r\nBcc: intruso@example.com" });

        var message = Decode(Assert.Single(server.ReceivedEmail));
        Assert.Equal("Aviso Bcc: intruso@example.com", message.Subject);
        Assert.Empty(message.Bcc);
        Assert.Equal("jefe.sgo@cali.gov.co", Assert.Single(Assert.Single(server.ReceivedEmail).ToAddresses).Address);
    }

    [Fact]
    public async Task Retry_delivers_once_the_relay_comes_up_after_the_first_failure()
    {
        var port = ClosedPort();
        var sender = Sender(port, onDelay: () => server ??= Listen(port));

        await sender.SendAsync(Reminder);

        Assert.Equal(Subject, Decode(Assert.Single(server!.ReceivedEmail)).Subject);
        Assert.Equal([TimeSpan.FromSeconds(2)], delays);
        var failure = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, failure.Level);
        Assert.Contains("attempt 1 of 3", failure.Message, StringComparison.Ordinal);
        Assert.IsType<SocketException>(failure.Exception);
    }

    [Fact]
    public async Task After_three_failed_attempts_with_growing_delays_the_error_reaches_the_caller()
    {
        var sender = Sender(ClosedPort());

        await Assert.ThrowsAsync<SocketException>(() => sender.SendAsync(Reminder));

        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], delays);
        Assert.Equal([LogLevel.Warning, LogLevel.Warning, LogLevel.Error], logger.Entries.Select(e => e.Level));
        Assert.Contains("attempt 3 of 3", logger.Entries[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_permanent_refusal_is_not_retried()
    {
        await using var rejecting = new RejectingSmtpServer();

        var error = await Assert.ThrowsAsync<SmtpCommandException>(() => Sender(rejecting.Port).SendAsync(Reminder));

        Assert.Equal(554, (int)error.StatusCode);
        Assert.Equal(1, rejecting.Connections);
        Assert.Empty(delays);
        Assert.Equal(LogLevel.Error, Assert.Single(logger.Entries).Level);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_not_retried()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Sender(ClosedPort()).SendAsync(Reminder, cancelled.Token));

        Assert.Empty(delays);
        Assert.Empty(logger.Entries);
    }

    [Fact]
    public async Task Unconfigured_sender_says_so_and_refuses_to_send()
    {
        var sender = new SmtpEmailSender(Options.Create(new SmtpOptions()), logger);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => sender.SendAsync(Reminder));

        Assert.False(sender.IsConfigured);
        Assert.Equal("E-mail is not configured: set Smtp:Host and Smtp:FromAddress.", error.Message);
        Assert.False(Sender(25, configure: o => o.FromAddress = " ").IsConfigured);
    }

    [Fact]
    public void Registration_binds_the_Smtp_section_with_its_defaults()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Smtp:Host"] = "smtp.cali.gov.co",
                ["Smtp:FromAddress"] = "vigia@cali.gov.co",
            })
            .Build();
        using var services = new ServiceCollection().AddVigiaMail(configuration).BuildServiceProvider();

        var sender = services.GetRequiredService<IEmailSender>();
        var options = services.GetRequiredService<IOptions<SmtpOptions>>().Value;

        Assert.IsType<SmtpEmailSender>(sender);
        Assert.True(sender.IsConfigured);
        Assert.Equal((25, false, "Vigía", 3), (options.Port, options.UseStartTls, options.FromName, options.MaxAttempts));
    }

    [Theory]
    [InlineData("Smtp:Port", "0")]
    [InlineData("Smtp:MaxAttempts", "0")]
    [InlineData("Smtp:Timeout", "00:00:00")]
    public void Registration_refuses_settings_that_could_never_deliver(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        using var services = new ServiceCollection().AddVigiaMail(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SmtpOptions>>().Value);

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registration_without_a_Smtp_section_gives_an_unconfigured_sender()
    {
        using var services = new ServiceCollection().AddVigiaMail(new ConfigurationBuilder().Build()).BuildServiceProvider();

        Assert.False(services.GetRequiredService<IEmailSender>().IsConfigured);
    }
}
