using System.Globalization;
using Microsoft.Extensions.Primitives;

// bench/public-pages.sh: dotnet Vigia.KestrelFloor.dll <folder of saved answers> <port>
// Each saved answer is <folder>/<path>/pagina.html (or <folder>/<path> for a file), as nginx serves it, with its gzip
// form beside it as <file>.gz, sent to clients that ask for gzip. Beside each one, <file>.headers holds the headers
// Vigía sent with it (curl -D): the floor sends them too, so it writes the very same answer, headers included.
var root = Path.GetFullPath(args[0]);
var port = int.Parse(args[1], CultureInfo.InvariantCulture);
var answers = new Dictionary<string, (Answer Body, Answer? Gzip)>(StringComparer.Ordinal);
foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
{
    if (file.EndsWith(".gz", StringComparison.Ordinal) || file.EndsWith(".headers", StringComparison.Ordinal))
    {
        continue;
    }
    var relative = "/" + Path.GetRelativePath(root, file).Replace('\\', '/');
    var path = relative.EndsWith("/pagina.html", StringComparison.Ordinal) ? relative[..^"/pagina.html".Length] : relative;
    var gzip = File.Exists(file + ".gz") ? Answer.Read(file + ".gz") : null;
    answers[path.Length == 0 ? "/" : path] = (Answer.Read(file), gzip);
}

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
// The response buffer Vigía's appsettings.json gives Kestrel (Kestrel:Limits:MaxResponseBufferSize), so the floor is
// Kestrel configured as Vigía is.
builder.WebHost.ConfigureKestrel(o => o.Limits.MaxResponseBufferSize = 256 * 1024);
builder.WebHost.UseUrls(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
var app = builder.Build();
app.Run(context =>
{
    var response = context.Response;
    if (!answers.TryGetValue(context.Request.Path.Value ?? "/", out var found))
    {
        response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }
    var answer = found.Gzip is not null && context.Request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.Ordinal)
        ? found.Gzip : found.Body;
    var headers = response.Headers;
    foreach (var (name, value) in answer.Headers)
    {
        headers[name] = value;
    }
    response.ContentLength = answer.Bytes.Length;
    return response.Body.WriteAsync(answer.Bytes, context.RequestAborted).AsTask();
});
await app.RunAsync();

internal sealed record Answer(byte[] Bytes, KeyValuePair<string, StringValues>[] Headers)
{
    /// <summary>Headers the server writes itself (or the floor sets from the body), not replayed.</summary>
    private static readonly HashSet<string> Own = new(["Date", "Server", "Content-Length", "Transfer-Encoding", "Connection"],
        StringComparer.OrdinalIgnoreCase);

    public static Answer Read(string file)
    {
        var headers = new List<KeyValuePair<string, StringValues>>();
        foreach (var line in File.ReadLines(file + ".headers").Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && !Own.Contains(line[..colon]))
            {
                headers.Add(new(line[..colon], line[(colon + 1)..].Trim()));
            }
        }
        return new Answer(File.ReadAllBytes(file), [.. headers]);
    }
}
