using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Vigia.Core.Audit;
using Vigia.Core.Compliance;
using Vigia.Core.Data;
using Vigia.Core.FollowUps;
using Vigia.Core.Plans;
using Vigia.Core.Plans.Importing;

namespace Vigia.Benchmarks;

/// <summary>The hot paths of the public side, in process, on a SQLite file: importing the bundled Cali 2022 plan,
/// the official compliance of that plan, and the follow-up report as XLSX and PDF.</summary>
[MemoryDiagnoser]
public class HotPaths
{
    private static readonly DateTimeOffset Now = new(2022, 12, 31, 12, 0, 0, TimeSpan.Zero);
    private readonly string folder = Path.Combine(Path.GetTempPath(), "vigia-bench", Guid.NewGuid().ToString("N"));
    private string template = "";
    private string planDatabase = "";
    private string importDatabase = "";
    private int planId;
    private FollowUpDocument document = null!;

    private static readonly FixedClock Clock = new(Now);

    private static AppDbContext Context(string file)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, $"Data Source={file}", new AuditInterceptor(new AuditScope(), Clock));
        return new AppDbContext(options.Options);
    }

    private static ImportResult ReadSeed()
    {
        using var reader = File.OpenText(Path.Combine(AppContext.BaseDirectory, "data", "paac-cali-2022.txt"));
        return PlanDocumentReader.ReadText(reader);
    }

    [GlobalSetup]
    public async Task SetUp()
    {
        Directory.CreateDirectory(folder);
        template = Path.Combine(folder, "template.db");
        await using (var db = Context(template))
        {
            await db.Database.MigrateAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        planDatabase = Path.Combine(folder, "plan.db");
        File.Copy(template, planDatabase);
        await using (var db = Context(planDatabase))
        {
            var imported = await new PlanImportService(db, Clock).ImportAsync(ReadSeed(),
                new PlanImportOptions(Published: new PublicationApproval(null, null, "Original firmado")), "bench");
            if (!imported.Succeeded)
            {
                throw new InvalidOperationException("The bundled plan did not import.");
            }
            planId = await db.Plans.Where(p => p.Year == 2022).Select(p => p.Id).SingleAsync();
            document = await new FollowUpDocuments(db, new FollowUpCalendar(db, Clock)).ForCutOffAsync(planId, new DateOnly(2022, 4, 30))
                ?? throw new InvalidOperationException("The plan has no 30 April cut-off.");
        }
    }

    [IterationSetup(Target = nameof(ImportSeed))]
    public void FreshDatabase()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        importDatabase = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"import-{Guid.NewGuid():N}.db"));
        File.Copy(template, importDatabase);
    }

    [Benchmark]
    public async Task<bool> ImportSeed()
    {
        await using var db = Context(importDatabase);
        var imported = await new PlanImportService(db, Clock).ImportAsync(ReadSeed(),
            new PlanImportOptions(Published: new PublicationApproval(null, null, "Original firmado")), "bench");
        return imported.Succeeded;
    }

    [Benchmark]
    public async Task<PlanCompliance?> ComplianceOfThePlan()
    {
        await using var db = Context(planDatabase);
        return await new ComplianceService(db).ComputeAsync(planId, new DateOnly(2022, 12, 31));
    }

    [Benchmark]
    public long FollowUpXlsxFile()
    {
        using var output = new MemoryStream();
        FollowUpXlsx.Write(document, output);
        return output.Length;
    }

    [Benchmark]
    public long FollowUpPdfFile()
    {
        using var output = new MemoryStream();
        FollowUpPdf.Write(document, output);
        return output.Length;
    }

    [GlobalCleanup]
    public void CleanUp()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>The benchmarks' "now": the end of the plan's year, so every month counts.</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
