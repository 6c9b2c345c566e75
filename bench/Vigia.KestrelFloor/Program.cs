using System.Globalization;

// bench/public-pages.sh: dotnet Vigia.KestrelFloor.dll <folder of saved answers> <port>
// Each saved answer is <folder>/<path>/pagina.html (or <folder>/<path> for a file), as nginx serves it, with its gzip
// form beside it as <file>.gz, sent to clients that ask for gzip.
var root = Path.GetFullPath(args[0]);
var port = int.Parse(args[1], CultureInfo.InvariantCulture);
var answers = new Dictionary<string, (byte[] Body, byte[]? Gzip, string Type)>(StringComparer.Ordinal);
foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
{
    if (file.EndsWith(".gz", StringComparison.Ordinal))
    {
        continue;
    }
    var relative = "/" + Path.GetRelativePath(root, file).Replace('\\', '/');
    var path = relative.EndsWith("/pagina.html", StringComparison.Ordinal) ? relative[..^"/pagina.html".Length] : relative;
    var type = path.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv; charset=utf-8"
        : path.StartsWith("/api/", StringComparison.Ordinal) ? "application/json; charset=utf-8"
        : "text/html; charset=utf-8";
    var gzip = File.Exists(file + ".gz") ? File.ReadAllBytes(file + ".gz") : null;
    answers[path.Length == 0 ? "/" : path] = (File.ReadAllBytes(file), gzip, type);
}

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.UseUrls(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
var app = builder.Build();
app.Run(context =>
{
    var response = context.Response;
    if (!answers.TryGetValue(context.Request.Path.Value ?? "/", out var answer))
    {
        response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }
    response.ContentType = answer.Type;
    var body = answer.Body;
    if (answer.Gzip is not null && context.Request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.Ordinal))
    {
        body = answer.Gzip;
        response.Headers.ContentEncoding = "gzip";
    }
    response.Headers.Vary = "Accept-Encoding";
    response.ContentLength = body.Length;
    response.Headers.ETag = "\"WBsCaNxqsyCPhq4fzMBvfSKqQpeCxoyXwpplbhdcQY4\"";
    response.Headers.CacheControl = "public, no-cache";
    return response.Body.WriteAsync(body, context.RequestAborted).AsTask();
});
await app.RunAsync();
