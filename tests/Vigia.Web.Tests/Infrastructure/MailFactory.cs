using System.Text;
using MimeKit;
using netDumbster.smtp;

namespace Vigia.Web.Tests.Infrastructure;

/// <summary>The application with its mail pointed at a real SMTP listener on 127.0.0.1, started by the test.</summary>
public sealed class MailVigiaFactory : VigiaFactory
{
    public MailVigiaFactory() : base(DatabaseProvider.Sqlite) =>
        Smtp = Configuration.Configure().WithAddress(IPAddress.Loopback).WithPort(0).Build();

    public SimpleSmtpServer Smtp { get; }

    protected override IEnumerable<(string Key, string Value)> Settings =>
    [
        ("Smtp:Host", "127.0.0.1"),
        ("Smtp:Port", Smtp.Configuration.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("Smtp:FromAddress", "vigia@prueba.gov.co"),
        ("Smtp:MaxAttempts", "1"),
    ];

    /// <summary>A received message decoded by MimeKit (netDumbster keeps SMTP dot-stuffing, undone first).</summary>
    public static MimeMessage Decode(SmtpMessage received) =>
        MimeMessage.Load(new MemoryStream(Encoding.ASCII.GetBytes(received.Data.Replace("\r\n..", "\r\n.", StringComparison.Ordinal))));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Smtp.Dispose();
        }
        base.Dispose(disposing);
    }
}
