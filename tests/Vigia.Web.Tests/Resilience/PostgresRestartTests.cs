using System.Collections.Concurrent;
using System.Diagnostics;
using Xunit.Abstractions;

namespace Vigia.Web.Tests.Resilience;

/// <summary>PostgreSQL stopped and started again under load (issue 14), on a server of the test's own: while it is down
/// every request that needs it fails fast with 503, <c>Retry-After</c> and a Spanish page (problem+json on
/// <c>/api</c>), none hangs; once it is back the same Vigía process serves again, without a restart.</summary>
public sealed class PostgresRestartTests(ITestOutputHelper output)
{
    /// <summary>"Fast": far below any client's or proxy's timeout, and generous for a busy machine.</summary>
    private static readonly TimeSpan FailFast = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task PostgresStoppedUnderLoad_RequestsFailFastWith503InSpanish_AndSucceedAgainOnceItIsBack_WithoutRestartingVigia()
    {
        await using var server = await OwnPostgres.StartAsync();
        await using var scenario = await ProcessScenario.CreateAsync(DatabaseProvider.Postgres, server.ConnectionString("vigia"));
        await using var vigia = await VigiaProcess.StartAsync(scenario.Settings());
        var person = await vigia.SignInAsync(scenario.ResponsibleEmail);
        var anonymous = vigia.Client(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("/gestion")).StatusCode);

        // Load: a signed-in desk, the public plan and the API, four at a time, all through the outage.
        var since = Stopwatch.StartNew();
        var samples = new ConcurrentQueue<(TimeSpan At, string Url, int Status, TimeSpan Took)>();
        using var stop = new CancellationTokenSource();
        var n = 0;
        var load = Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            var client = worker % 2 == 0 ? person : anonymous;
            while (!stop.IsCancellationRequested)
            {
                var i = Interlocked.Increment(ref n);
                var url = (worker % 4) switch
                {
                    0 => "/gestion",
                    1 => $"/api/plans/2022?carga={i}",
                    2 => $"/gestion/acciones/{scenario.Plan.Action("3.1.4", 1)}/reportar?mes=4",
                    _ => $"/planes/2022?carga={i}",
                };
                var watch = Stopwatch.StartNew();
                int status;
                try
                {
                    using var response = await client.GetAsync(url);
                    status = (int)response.StatusCode;
                }
                catch (HttpRequestException)
                {
                    status = -1;
                }
                catch (TaskCanceledException) when (!stop.IsCancellationRequested)
                {
                    status = -2;
                }
                samples.Enqueue((since.Elapsed, url, status, watch.Elapsed));
            }
        })).ToList();
        await CrashDuringSubmissionsTests.PollAsync(() => samples.Count, c => c >= 20, TimeSpan.FromMinutes(1));

        // The form of a write, loaded while the database was up (its antiforgery token), sent while it is down.
        var form = $"/gestion/acciones/{scenario.Plan.Action("3.1.4", 2)}/reportar?mes=5";
        var token = await person.AntiforgeryTokenAsync(form);

        await server.StopServerAsync();
        var downAt = since.Elapsed;

        // A person's page: the Spanish page, 503, Retry-After, at once.
        var watch = Stopwatch.StartNew();
        using var page = await person.GetAsync("/gestion");
        var pageTook = watch.Elapsed;
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.True(pageTook < FailFast, $"/gestion took {pageTook} with the database down.");
        Assert.NotNull(page.Headers.RetryAfter);
        Assert.Contains("Servicio no disponible por un momento", html, StringComparison.Ordinal);
        Assert.Contains("No se guardó ningún cambio", html, StringComparison.Ordinal);
        Assert.Contains("lang=\"es-CO\"", html, StringComparison.Ordinal);
        // The API: problem+json, in Spanish.
        watch.Restart();
        using var api = await anonymous.GetAsync("/api/plans/2022?caida=1");
        var apiTook = watch.Elapsed;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.True(apiTook < FailFast, $"/api took {apiTook} with the database down.");
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Servicio no disponible", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The health endpoint says so too.
        using var health = await anonymous.GetAsync("/salud");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        // A write: refused the same way, nothing half-done.
        using (var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("5"), "mes" },
            { new StringContent("1"), "Quantity" },
            { new StringContent("Durante la caída."), "Narrative" },
            { new ByteArrayContent(TestFiles.Pdf), "Files", "caida.pdf" },
        })
        {
            watch.Restart();
            using var report = await person.Http.PostAsync(new Uri(form, UriKind.Relative), content);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, report.StatusCode);
            Assert.True(watch.Elapsed < FailFast, $"The report's POST took {watch.Elapsed} with the database down.");
        }

        await CrashDuringSubmissionsTests.PollAsync(() => samples.Count(s => s.At > downAt), c => c >= 20, TimeSpan.FromMinutes(1));
        await server.StartServerAsync();
        var upAt = since.Elapsed;

        // Back: the same process serves again (the pool drops its dead connections); wait for it, generously.
        var back = await CrashDuringSubmissionsTests.PollAsync(() => person.GetAsync("/gestion").GetAwaiter().GetResult().StatusCode,
            s => s == HttpStatusCode.OK, TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, back);
        Assert.False(vigia.HasExited);
        await CrashDuringSubmissionsTests.PollAsync(() => samples.Count(s => s.At > upAt && s.Status == 200), c => c >= 20, TimeSpan.FromMinutes(1));
        await stop.CancelAsync();
        await Task.WhenAll(load);
        var saved = await Pages.Progress.ReportingData.ReportAsync(person, scenario.Plan.Action("3.1.4", 2), 5, "1", "Después de la caída.",
            ("despues.pdf", TestFiles.Pdf));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var reports = await scenario.ReportsAsync();
        Assert.Equal("Después de la caída.", Assert.Single(reports).Narrative);
        Assert.Single(scenario.FilesOnDisk());

        var during = samples.Where(s => s.At > downAt && s.At < upAt).ToList();
        var after = samples.Where(s => s.At > upAt + TimeSpan.FromSeconds(5)).ToList();
        output.WriteLine($"{samples.Count} requests; {during.Count} while down (slowest {during.Max(s => s.Took)}), statuses "
            + string.Join(", ", during.GroupBy(s => s.Status).Select(g => $"{g.Key}×{g.Count()}")));
        // While down: nothing hung and nothing was a bare 500 or a dropped connection; cached public reads may still be 200.
        Assert.All(during, s => Assert.True(s.Took < FailFast, $"{s.Url} took {s.Took}"));
        Assert.All(during, s => Assert.True(s.Status == 503 || s.Status is > 0 and < 500, $"{s.Url} answered {s.Status} while down"));
        Assert.Contains(during, s => s.Status == 503);
        Assert.All(after, s => Assert.True(s.Status is > 0 and < 500, $"{s.Url} answered {s.Status} after recovery"));
    }
}
