using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;

// Usage: Vigia.Load BASE_URL [USERS=200] [SECONDS=60] [RESPONSIBLE_SHARE=0.2] [EMAIL] [PASSWORD]
// Citizens browse public pages; Responsables (signed in) open a report form and send it with a PDF as evidence.
// Every answer is recorded; an error is a 5xx, a dropped connection, a timeout or an unexpected status. A 409 on a
// report (that month was already reported and is not reviewed yet) is the application's expected refusal, counted apart.
var baseUrl = new Uri(args.Length > 0 ? args[0] : "http://127.0.0.1:5393/");
var users = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
var seconds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 60;
var responsibleShare = args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 0.2;
var email = args.Length > 4 ? args[4] : "responsable@demo.vigia";
var password = args.Length > 5 ? args[5] : "demo-vigia-2026";

string[] publicPages = ["/", "/planes/2022", "/planes/2022/componente/3", "/tablero", "/datos/2022/acciones.csv", "/api/plans/2022",
    "/seguimientos", "/transparencia", "/mapa-riesgos/2022", "/datos"];
var pdf = Encoding.ASCII.GetBytes(
    "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Size 3 /Root 1 0 R >>\n%%EOF\n");
var samples = new ConcurrentBag<(string Kind, double Ms, bool Error)>();
var errors = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
var conflicts = 0;
var saved = 0;

HttpClient NewClient() => new(new SocketsHttpHandler
{
    AllowAutoRedirect = false,
    UseCookies = true,
    CookieContainer = new CookieContainer(),
    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
})
{ BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };

static string Token(string html) =>
    Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"|name=\"__RequestVerificationToken\" value=\"([^\"]+)\"") is { Success: true } m
        ? (m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)
        : throw new InvalidOperationException("no antiforgery token");

async Task<T?> Timed<T>(string kind, Func<Task<(T Value, bool Ok, string What)>> call)
{
    var watch = Stopwatch.StartNew();
    try
    {
        var (value, ok, what) = await call();
        samples.Add((kind, watch.Elapsed.TotalMilliseconds, !ok));
        if (!ok)
        {
            errors.AddOrUpdate(what, 1, (_, n) => n + 1);
        }
        return ok ? value : default;
    }
    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
    {
        samples.Add((kind, watch.Elapsed.TotalMilliseconds, true));
        errors.AddOrUpdate($"{kind}: {e.GetType().Name}: {e.Message}", 1, (_, n) => n + 1);
        return default;
    }
}

async Task<HttpClient?> SignInAsync()
{
    var client = NewClient();
    var form = await client.GetStringAsync(new Uri("/cuenta/ingresar", UriKind.Relative));
    using var content = new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["Email"] = email,
        ["Password"] = password,
        ["__RequestVerificationToken"] = Token(form),
    });
    using var response = await client.PostAsync(new Uri("/cuenta/ingresar", UriKind.Relative), content);
    return response.StatusCode == HttpStatusCode.Redirect ? client : null;
}

// The actions the Responsable may report, from the desk.
var probe = await SignInAsync() ?? throw new InvalidOperationException($"No se pudo ingresar como {email}.");
var desk = await probe.GetStringAsync(new Uri("/gestion", UriKind.Relative));
var actions = Regex.Matches(desk, "/gestion/acciones/(\\d+)").Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Distinct().ToArray();
if (actions.Length == 0)
{
    throw new InvalidOperationException("El escritorio del Responsable no muestra acciones que reportar.");
}

var responsibles = (int)Math.Round(users * responsibleShare);
Console.WriteLine($"{users} usuarios ({users - responsibles} ciudadanos, {responsibles} Responsables sobre {actions.Length} acciones), {seconds} s, {baseUrl}");
var deadline = Stopwatch.StartNew();
var end = TimeSpan.FromSeconds(seconds);

async Task CitizenAsync(int id)
{
    using var client = NewClient();
    var random = new Random(id);
    while (deadline.Elapsed < end)
    {
        var page = publicPages[random.Next(publicPages.Length)];
        await Timed("ciudadano", async () =>
        {
            using var response = await client.GetAsync(new Uri(page, UriKind.Relative));
            await response.Content.LoadIntoBufferAsync();
            var ok = (int)response.StatusCode is >= 200 and < 400;
            return (true, ok, $"GET {page}: {(int)response.StatusCode}");
        });
        await Task.Delay(random.Next(100, 500));
    }
}

async Task ResponsibleAsync(int id)
{
    var random = new Random(10_000 + id);
    using var client = await Timed("ingreso", async () => { var c = await SignInAsync(); return (c, c is not null, "sign-in refused"); });
    if (client is null)
    {
        return;
    }
    while (deadline.Elapsed < end)
    {
        var action = actions[random.Next(actions.Length)];
        var month = random.Next(1, 13);
        var url = string.Create(CultureInfo.InvariantCulture, $"/gestion/acciones/{action}/reportar?mes={month}");
        var form = await Timed("formulario", async () =>
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            var html = await response.Content.ReadAsStringAsync();
            // A month already reported sends the Responsable to that report's page (302): the application's answer, not
            // an error; there is then no form to post.
            return (response.StatusCode == HttpStatusCode.OK ? html : null,
                response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"GET {url}: {(int)response.StatusCode}");
        });
        if (form is not null)
        {
            await Timed("reporte", async () =>
            {
                using var content = new MultipartFormDataContent
                {
                    { new StringContent(Token(form)), "__RequestVerificationToken" },
                    { new StringContent(month.ToString(CultureInfo.InvariantCulture)), "mes" },
                    { new StringContent("1"), "Quantity" },
                    { new StringContent("Reporte de la prueba de carga."), "Narrative" },
                };
                var file = new ByteArrayContent(pdf);
                file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
                content.Add(file, "Files", "soporte.pdf");
                using var response = await client.PostAsync(new Uri(url, UriKind.Relative), content);
                var status = (int)response.StatusCode;
                if (status == 302)
                {
                    Interlocked.Increment(ref saved);
                }
                else if (status == 409)
                {
                    Interlocked.Increment(ref conflicts);
                }
                return (true, status is 302 or 409, $"POST {url}: {status}");
            });
        }
        await Task.Delay(random.Next(200, 800));
    }
}

await Task.WhenAll(Enumerable.Range(0, users).Select(i => Task.Run(() => i < responsibles ? ResponsibleAsync(i) : CitizenAsync(i))));
var elapsed = deadline.Elapsed.TotalSeconds;

static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
var all = samples.ToList();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Tipo | Solicitudes | Errores | p50 ms | p99 ms | máx. ms |"));
Console.WriteLine("|---|---:|---:|---:|---:|---:|");
foreach (var group in all.GroupBy(s => s.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Append(all.GroupBy(_ => "todas").First()))
{
    var sorted = group.Select(s => s.Ms).Order().ToList();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {group.Key} | {sorted.Count} | {group.Count(s => s.Error)} | {Percentile(sorted, 0.5):F1} | {Percentile(sorted, 0.99):F1} | {sorted.LastOrDefault():F1} |"));
}
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{all.Count} solicitudes en {elapsed:F0} s ({all.Count / elapsed:F0}/s); reportes guardados {saved}, rechazados por mes ya reportado (409) {conflicts}; errores {all.Count(s => s.Error)}"));
foreach (var (what, count) in errors.OrderByDescending(e => e.Value).Take(10))
{
    Console.WriteLine($"  {count} × {what}");
}
return all.Any(s => s.Error) ? 1 : 0;
