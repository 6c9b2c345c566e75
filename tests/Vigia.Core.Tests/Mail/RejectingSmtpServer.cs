using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Vigia.Core.Tests.Mail;

/// <summary>A minimal SMTP server on 127.0.0.1 that greets, answers EHLO, and refuses every sender with a permanent
/// 554, which netDumbster cannot be made to do. Counts the connections it accepted.</summary>
internal sealed class RejectingSmtpServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private int connections;

    public RejectingSmtpServer()
    {
        listener.Start();
        loop = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public int Connections => Volatile.Read(ref connections);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        try
        {
            await loop;
        }
        catch (OperationCanceledException)
        {
        }
        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            using var client = await listener.AcceptTcpClientAsync(stop.Token);
            Interlocked.Increment(ref connections);
            await ConverseAsync(client.GetStream());
        }
    }

    private async Task ConverseAsync(NetworkStream stream)
    {
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 127.0.0.1 ESMTP prueba");
        while (await reader.ReadLineAsync(stop.Token) is { } line)
        {
            var verb = line.Split(' ')[0].ToUpperInvariant();
            await writer.WriteLineAsync(verb switch
            {
                "EHLO" or "HELO" => "250 127.0.0.1",
                "MAIL" => "554 5.7.1 Remitente rechazado",
                "QUIT" => "221 2.0.0 Adiós",
                _ => "250 2.0.0 OK",
            });
            if (verb == "QUIT")
            {
                return;
            }
        }
    }
}
