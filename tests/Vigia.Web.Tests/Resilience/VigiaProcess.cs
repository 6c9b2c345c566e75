using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Vigia.Web.Tests.Resilience;

/// <summary>The real web application as a separate operating-system process: <c>dotnet Vigia.Web.dll</c> from the
/// solution's build output, in the Production environment, its settings given as environment variables
/// (<c>ConnectionStrings__Vigia</c> …), on a free loopback port. Unlike <see cref="VigiaFactory"/> it can be killed
/// with SIGKILL, so what a crash leaves behind is what a real crash leaves.</summary>
public sealed class VigiaProcess : IAsyncDisposable
{
    /// <summary>Generous: a cold start migrates nothing (the database is migrated) but JIT-compiles the whole app on a
    /// machine shared with other builds.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private readonly Process process;
    private readonly StringBuilder output = new();

    private VigiaProcess(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public bool HasExited => process.HasExited;

    /// <summary>What the process wrote to stdout and stderr so far, for a failing assertion's message.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>The web project's own build output next to this test project's configuration (Debug or Release).</summary>
    public static string WebDll
    {
        get
        {
            var here = AppContext.BaseDirectory;
            var configuration = here.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                ? "Release"
                : "Debug";
            var root = new DirectoryInfo(here);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "Vigia.slnx")))
            {
                root = root.Parent;
            }
            if (root is null)
            {
                throw new InvalidOperationException($"Vigia.slnx not found above {here}.");
            }
            var dll = Path.Combine(root.FullName, "src", "Vigia.Web", "bin", configuration, "net10.0", "Vigia.Web.dll");
            return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} not found: build the solution first (dotnet build Vigia.slnx).");
        }
    }

    /// <summary>Starts the app with <paramref name="settings"/> (configuration keys, <c>:</c> separated) and waits until
    /// <c>/salud</c> answers 200.</summary>
    public static async Task<VigiaProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var vigia = Launch(settings, []);
        try
        {
            await vigia.WaitUntilHealthyAsync(StartTimeout);
        }
        catch
        {
            await vigia.DisposeAsync();
            throw;
        }
        return vigia;
    }

    /// <summary>Runs <c>dotnet Vigia.Web.dll</c> with <paramref name="arguments"/> (e.g. <c>--initialize-only</c>) to
    /// its end and returns its exit code and everything it wrote; fails at <paramref name="timeout"/>.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(IReadOnlyDictionary<string, string> settings, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        await using var vigia = Launch(settings, arguments);
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await vigia.process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Vigía had not exited after {timeout}:\n{vigia.Output}");
        }
        return (vigia.process.ExitCode, vigia.Output);
    }

    /// <summary>Starts <c>dotnet Vigia.Web.dll</c> on a free port, its output collected into <see cref="Output"/>.</summary>
    private static VigiaProcess Launch(IReadOnlyDictionary<string, string> settings, IReadOnlyList<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(arguments);
        var port = FreePort();
        var start = StartInfo(settings, port);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var vigia = new VigiaProcess(process, new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/")));
        process.OutputDataReceived += (_, e) => vigia.Append(e.Data);
        process.ErrorDataReceived += (_, e) => vigia.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return vigia;
    }

    private static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string> settings, int port)
    {
        var dll = WebDll;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");
        // The test drives many sign-ins and forms from one address: the rate limits have their own tests.
        start.Environment["Security__SignInAttemptsPerMinute"] = "100000";
        start.Environment["Security__PublicFormPostsPerMinute"] = "100000";
        start.Environment["Security__CommentsPerHour"] = "100000";
        start.Environment["Vigia__LoadDemoPlan"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        return start;
    }

    /// <summary>Polls <c>/salud</c> until it answers 200; fails at <paramref name="timeout"/> or when the process ends.</summary>
    public async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Vigía exited with code {process.ExitCode} before it was healthy:\n{Output}");
            }
            try
            {
                using var response = await http.GetAsync(new Uri("/salud", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy machine: try again.
            }
            if (watch.Elapsed > timeout)
            {
                throw new TimeoutException($"Vigía was not healthy after {timeout}:\n{Output}");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>A client with its own cookies that does not follow redirects, like <see cref="VigiaFactory.Anonymous"/>.</summary>
    public TestClient Client(TimeSpan? timeout = null)
    {
#pragma warning disable CA2000 // The handler is owned by the HttpClient, which the TestClient keeps.
        var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() };
#pragma warning restore CA2000
        return new TestClient(new HttpClient(handler) { BaseAddress = BaseAddress, Timeout = timeout ?? TimeSpan.FromMinutes(2) });
    }

    /// <summary>Signs in through the form; fails unless it answers with the redirect of a successful sign-in.</summary>
    public async Task<TestClient> SignInAsync(string email, string password = TestPeople.Password)
    {
        var client = Client();
        var response = await client.PostFormAsync("/cuenta/ingresar", new() { ["Email"] = email, ["Password"] = password });
        return response.StatusCode == HttpStatusCode.Redirect
            ? client
            : throw new InvalidOperationException($"Sign-in as {email} answered {(int)response.StatusCode}:\n{Output}");
    }

    /// <summary>SIGKILL: no shutdown, no flush, no disposal; as a power cut is for the process.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: false);
        }
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(cancel.Token);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }
        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
