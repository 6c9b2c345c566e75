using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace Vigia.Web.Tests.Resilience;

/// <summary>A PostgreSQL server of one test's own (initdb in a temporary folder, loopback, a free port), so the test
/// may stop and start it without touching the suite's shared server. Run as the <c>postgres</c> user when the tests
/// run as root (initdb refuses root), as in <c>scripts/pg.sh</c>.</summary>
public sealed class OwnPostgres : IAsyncDisposable
{
    private readonly string folder;
    private readonly string bin;

    private OwnPostgres(string folder, string bin, int port)
    {
        this.folder = folder;
        this.bin = bin;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString(string database) =>
        string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={Port};Username=postgres;Password=postgres;Database={database}");

    private string Data => Path.Combine(folder, "data");

    private static bool IsRoot => Environment.UserName == "root";

    public static async Task<OwnPostgres> StartAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderBy(d => d, StringComparer.Ordinal).LastOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException("PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin (apt-get install postgresql).");
        }
        var folder = Path.Combine(Path.GetTempPath(), $"vigia-own-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var server = new OwnPostgres(folder, bin, FreePort());
        if (IsRoot)
        {
            await RunAsync("chown", "postgres:postgres", folder);
        }
        await server.AsOwnerAsync("initdb", "-D", server.Data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        await File.AppendAllTextAsync(Path.Combine(server.Data, "postgresql.conf"), $"""

            timezone = 'UTC'
            lc_messages = 'C'
            listen_addresses = '127.0.0.1'
            unix_socket_directories = '{folder}'
            fsync = off
            """);
        await server.StartServerAsync();
        return server;
    }

    /// <summary><c>pg_ctl start</c>, waiting until it accepts connections.</summary>
    public Task StartServerAsync() => AsOwnerAsync("pg_ctl", "-D", Data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "120",
        "-o", string.Create(CultureInfo.InvariantCulture, $"-p {Port}"), "start");

    /// <summary><c>pg_ctl stop -m fast</c>: sessions are ended, the server goes down.</summary>
    public Task StopServerAsync() => AsOwnerAsync("pg_ctl", "-D", Data, "-m", "fast", "-w", "-t", "120", "stop");

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path.Combine(Data, "postmaster.pid")))
        {
            try
            {
                await AsOwnerAsync("pg_ctl", "-D", Data, "-m", "immediate", "-w", "-t", "60", "stop");
            }
            catch (InvalidOperationException)
            {
                // Already down.
            }
        }
        Directory.Delete(folder, recursive: true);
    }

    private Task AsOwnerAsync(string program, params string[] arguments) => IsRoot
        ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(bin, program), .. arguments])
        : RunAsync(Path.Combine(bin, program), arguments);

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = "/" };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await stdout}{await stderr}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
