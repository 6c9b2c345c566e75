using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using Xunit.Abstractions;
using static Vigia.Web.Tests.Pages.Progress.ReportingData;

namespace Vigia.Web.Tests.Resilience;

/// <summary><c>kill -9</c> of the server while a Responsable's 40 report submissions with evidence are in flight
/// (issue 14): after a restart every acknowledged submission (a redirect to its report) is whole, with its file on disk
/// and that file's SHA-256 as stored; no report row points to a missing file; and once the start-up sweep has run no
/// file is left that no row points to.</summary>
public abstract class CrashDuringSubmissionsTests(DatabaseProvider provider, ITestOutputHelper output)
{
    private const int Submissions = 40;

    /// <summary>The kill comes after this many acknowledgements, with the rest still in flight.</summary>
    private const int KillAfter = 10;

    [Fact]
    public async Task KilledDuringConcurrentSubmissions_EveryAcknowledgedReportIsWholeAfterRestart_AndNoOrphanFileRemains()
    {
        await using var scenario = await ProcessScenario.CreateAsync(provider);
        var slots = (from number in Enumerable.Range(1, 4) from month in Enumerable.Range(1, 10) select (Action: scenario.Plan.Action("3.1.4", number), Month: month))
            .ToList();
        var acknowledged = new ConcurrentDictionary<int, (int Action, int Month, byte[] File)>();
        var failures = new ConcurrentBag<string>();
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        await using (var first = await VigiaProcess.StartAsync(scenario.Settings()))
        {
            var client = await first.SignInAsync(scenario.ResponsibleEmail);
            var url = (int action, int month) => $"/gestion/acciones/{action}/reportar?mes={month}";
            var submissions = slots.Select((slot, i) => Task.Run(async () =>
            {
                var file = EvidencePdf(i);
                try
                {
                    var response = await ReportAsync(client, slot.Action, slot.Month, "1", $"Reporte {i} enviado durante la prueba de caída.", ($"soporte-{i}.pdf", file));
                    if (response.StatusCode == HttpStatusCode.Redirect
                        && response.Headers.Location?.OriginalString is { } location && location.StartsWith("/gestion/reportes/", StringComparison.Ordinal))
                    {
                        acknowledged[int.Parse(location["/gestion/reportes/".Length..], CultureInfo.InvariantCulture)] = (slot.Action, slot.Month, file);
                        if (acknowledged.Count >= KillAfter)
                        {
                            enough.TrySetResult();
                        }
                    }
                    else
                    {
                        failures.Add($"{url(slot.Action, slot.Month)}: {(int)response.StatusCode}");
                    }
                }
                catch (HttpRequestException e)
                {
                    failures.Add($"{url(slot.Action, slot.Month)}: {e.Message}");
                }
            })).ToList();
            var all = Task.WhenAll(submissions);
            await Task.WhenAny(enough.Task, all);
            await first.KillAsync();
            await all;
        }
        output.WriteLine($"{acknowledged.Count} of {Submissions} submissions acknowledged before the kill; {failures.Count} cut or refused.");
        output.WriteLine($"Files on disk after the kill: {scenario.FilesOnDisk().Count}.");
        Assert.NotEmpty(acknowledged);

        await using var second = await VigiaProcess.StartAsync(scenario.Settings());
        var reports = await scenario.ReportsAsync();
        foreach (var (id, sent) in acknowledged)
        {
            var report = Assert.Single(reports, r => r.Id == id);
            Assert.Equal((sent.Action, sent.Month, 1m), (report.ActionId, report.Month, report.ExecutedQuantity));
            var evidence = Assert.Single(report.Evidence);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(sent.File)), evidence.Sha256);
            Assert.Equal(sent.File.Length, evidence.SizeBytes);
        }
        // No row without its file, acknowledged or not (a row committed just before the kill).
        foreach (var evidence in reports.SelectMany(r => r.Evidence))
        {
            var path = Path.Combine(scenario.UploadRoot, evidence.StorageKey!);
            Assert.True(File.Exists(path), $"Report {evidence.ReportId}: its file {evidence.StorageKey} is missing.");
            Assert.Equal(evidence.Sha256, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(path))));
        }
        // The start-up sweep runs in the background: wait (generously) for it, not for a fixed time.
        var referenced = reports.SelectMany(r => r.Evidence).Select(e => e.StorageKey!).ToHashSet(StringComparer.Ordinal);
        var orphans = await PollAsync(() => scenario.FilesOnDisk().Where(f => !referenced.Contains(f)).ToList(), o => o.Count == 0, TimeSpan.FromMinutes(1));
        Assert.True(orphans.Count == 0, $"Orphan files after the sweep: {string.Join(", ", orphans)}\n{second.Output}");

        // And the application serves an acknowledged report's evidence, byte for byte.
        var again = await second.SignInAsync(scenario.ResponsibleEmail);
        var (firstId, firstSent) = acknowledged.OrderBy(a => a.Key).First();
        var page = await again.GetPageAsync($"/gestion/reportes/{firstId}");
        var link = page.QuerySelector("a[href^='/gestion/evidencias/']")?.GetAttribute("href");
        Assert.NotNull(link);
        var download = await again.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(firstSent.File, await download.Content.ReadAsByteArrayAsync());
    }

    /// <summary>A valid PDF whose bytes differ by submission (its content stream carries the number), so each hash is
    /// its own.</summary>
    internal static byte[] EvidencePdf(int i)
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n3 0 obj << /Length 12 >> stream\nsoporte {i,4:D4}\nendstream endobj\ntrailer << /Size 4 /Root 1 0 R >>\n%%EOF\n");
        return System.Text.Encoding.ASCII.GetBytes(text);
    }

    internal static async Task<T> PollAsync<T>(Func<T> read, Func<T, bool> done, TimeSpan timeout)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var value = read();
            if (done(value) || watch.Elapsed > timeout)
            {
                return value;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }
}

public sealed class SqliteCrashDuringSubmissionsTests(ITestOutputHelper output) : CrashDuringSubmissionsTests(DatabaseProvider.Sqlite, output);

public sealed class PostgresCrashDuringSubmissionsTests(ITestOutputHelper output) : CrashDuringSubmissionsTests(DatabaseProvider.Postgres, output);
