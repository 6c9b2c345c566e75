using System.Globalization;
using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using Vigia.Cli;
using Vigia.Cli.Commands;
using Vigia.Core.Audit;
using Vigia.Core.Compliance;
using Vigia.Core.FollowUps;
using Vigia.Core.Monitoring;
using Vigia.Core.Organisation;
using Vigia.Core.Plans;
using Vigia.Core.Plans.Importing;
using Vigia.Core.Progress;
using Vigia.Core.Schedule;
using Vigia.Core.Synthetic;

namespace Vigia.Core.Tests.Synthetic;

/// <summary><c>synthetic generate</c> on a real database of each provider: the same request gives the same rows, the
/// rows obey the domain's rules, a second run adds entities, and a usage error writes nothing.</summary>
public abstract class SyntheticGeneratorTests(DatabaseProvider provider) : IAsyncLifetime
{
    // The test clock's day (26 November 2026) makes 2026 the current year: its reference date is today.
    private readonly FakeTimeProvider clock = new(TestTime.Written);
    private readonly AuditScope scope = new();
    private readonly List<TestDatabase> databases = [];

    private static readonly Lazy<ParsedPlan> Template = new(() =>
    {
        using var reader = File.OpenText(Path.Combine(AppContext.BaseDirectory, "data", "paac-cali-2022.txt"));
        return PlanDocumentReader.ReadText(reader).Plan!;
    });

    private static readonly Type[] Generated =
    [
        typeof(Entity), typeof(Unit), typeof(Plan), typeof(PlanVersion), typeof(Component), typeof(Subcomponent), typeof(Activity),
        typeof(PlanAction), typeof(ActionUnit), typeof(ScheduleEntry), typeof(ProgressReport), typeof(Evidence), typeof(MonitoringRecord),
        typeof(FollowUp), typeof(FollowUpAssessment),
    ];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var database in databases)
        {
            await database.DisposeAsync();
        }
    }

    private async Task<TestDatabase> NewDatabaseAsync()
    {
        var database = await TestDatabase.CreateAsync(provider);
        databases.Add(database);
        await (await database.CreateMigratedContextAsync()).DisposeAsync();
        return database;
    }

    private AppDbContext Audited(TestDatabase database)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, provider, database.ConnectionString, new AuditInterceptor(scope, clock));
        return new AppDbContext(options.Options);
    }

    private async Task<SyntheticSummary> GenerateAsync(TestDatabase database, int entities, int year, int seed, DateOnly? at = null)
    {
        await using var db = Audited(database);
        var request = new SyntheticRequest(entities, year, seed, at ?? SyntheticRequest.DefaultAt(year, ColombianTime.Today(clock)));
        return await new SyntheticGenerator(db, scope, clock).GenerateAsync(request, Template.Value);
    }

    [Fact]
    public async Task SameRequest_OnTwoEmptyDatabases_GivesTheSameRows()
    {
        var first = await NewDatabaseAsync();
        var second = await NewDatabaseAsync();

        await GenerateAsync(first, 4, 2025, 7);
        await GenerateAsync(second, 4, 2025, 7);

        await using var a = first.CreateContext();
        await using var b = second.CreateContext();
        var dumpA = await DumpAsync(a);
        Assert.Equal(dumpA, await DumpAsync(b));
        Assert.Contains("Gobernación de Antioquia", dumpA, StringComparison.Ordinal);

        // Another seed gives other data.
        var third = await NewDatabaseAsync();
        await GenerateAsync(third, 4, 2025, 8);
        await using var c = third.CreateContext();
        Assert.NotEqual(dumpA, await DumpAsync(c));
    }

    [Fact]
    public async Task GeneratedData_ObeysTheDomainRules()
    {
        var database = await NewDatabaseAsync();
        var today = ColombianTime.Today(clock);
        await using (var before = database.CreateContext())
        {
            Assert.Equal(0, await before.AuditEntries.CountAsync());
        }

        var summary = await GenerateAsync(database, 5, 2026, 11);

        await using var db = database.CreateContext();
        var horizon = clock.GetUtcNow();
        var entities = await db.Entities.AsNoTracking().ToListAsync();
        Assert.Equal(5, entities.Count);
        Assert.Equal(5, summary.Entities);
        Assert.All(entities, e => Assert.True(e.IsSimulated));
        Assert.All(entities, e => Assert.Contains(Departments.All, d => d.Id == e.DepartmentId));
        Assert.Equal(entities.Count, entities.Select(e => e.Slug).Distinct().Count());
        foreach (var hosted in entities.Where(e => e.HostEntityId is not null))
        {
            var host = entities.Single(e => e.Id == hosted.HostEntityId);
            Assert.Equal(host.DepartmentId, hosted.DepartmentId);
            Assert.Null(host.HostEntityId);
        }
        Assert.All(entities.Where(e => e.HostEntityId is null), e => Assert.StartsWith("Gobernación de ", e.Name, StringComparison.Ordinal));

        // Every plan is published, with a published version, and its units are the entity's own.
        var plans = await db.Plans.AsNoTracking().Include(p => p.Versions).ToListAsync();
        Assert.Equal(5, plans.Count);
        Assert.All(plans, p => Assert.Equal(PlanStatus.Published, p.Status));
        Assert.All(plans, p => Assert.Contains(p.Versions, v => v.Status == VersionStatus.Published && v.PublishedAt <= horizon));
        var foreignLinks = await db.ActionUnits.CountAsync(l => l.Unit!.EntityId != l.Action!.Activity!.Component!.Plan!.EntityId);
        Assert.Equal(0, foreignLinks);
        Assert.All(await db.Actions.Select(a => a.Activity!.Component!.Plan!.Id).GroupBy(id => id).Select(g => g.Count()).ToListAsync(),
            count => Assert.InRange(count, 70, 110));
        Assert.True(await db.Units.AnyAsync(u => u.ParentId != null), "some units are nested");

        // Reports: only in scheduled months, none after the reference date, every one simulated.
        var scheduled = (await db.ScheduleEntries.Select(s => new { s.ActionId, s.Month }).ToListAsync())
            .Select(s => (s.ActionId, s.Month)).ToHashSet();
        var reports = await db.ProgressReports.AsNoTracking().Include(r => r.Evidence).ToListAsync();
        Assert.NotEmpty(reports);
        Assert.All(reports, r => Assert.Contains((r.ActionId, r.Month), scheduled));
        Assert.All(reports, r => Assert.True(r.IsSimulated));
        Assert.All(reports, r => Assert.True(r.SubmittedAt <= horizon && (r.ReviewedAt ?? r.SubmittedAt) <= horizon));
        Assert.All(reports, r => Assert.True(ProgressCalendar.HasBegun(2026, r.Month, today)));
        Assert.All(reports, r => Assert.True(r.Month <= ComplianceCalculator.MonthsCounted(2026, today)));
        Assert.Contains(reports, r => r.Status == ReportStatus.Returned || r.Status == ReportStatus.Superseded);
        Assert.Contains(reports, r => r.IsLate);
        // Evidence: metadata for every quantity above zero, and no file behind it.
        Assert.All(reports, r => Assert.Equal(r.ExecutedQuantity > 0, r.Evidence.Count > 0));
        Assert.All(reports.SelectMany(r => r.Evidence), e =>
        {
            Assert.Null(e.StorageKey);
            Assert.Equal(SyntheticGenerator.EvidenceDescription, e.Description);
        });
        var compliance = new ComplianceService(db);
        foreach (var plan in plans)
        {
            Assert.True(await compliance.HasSimulatedDataAsync(plan.Id));
        }

        // Monitoring closes after its month.
        var monitoring = await db.MonitoringRecords.AsNoTracking().ToListAsync();
        Assert.NotEmpty(monitoring);
        Assert.All(monitoring, m => Assert.True(ColombianTime.DateOf(m.ClosedAt) > new DateOnly(2026, m.Month, 1).AddMonths(1).AddDays(-1) && m.ClosedAt <= horizon));

        // Follow-ups: only at cut-offs that have passed, closed and published after the cut-off, with the real close's totals.
        var followUps = await db.Set<FollowUp>().AsNoTracking().Include(f => f.Assessments).ToListAsync();
        var passed = CutOffSchedule.Paac.For(2026).Where(c => c.CutOffDate < today).ToList();
        Assert.Equal(plans.Count * passed.Count, followUps.Count);
        var actionsOf = (await db.Actions.Select(a => new { a.Id, a.Activity!.Component!.PlanId }).ToListAsync()).ToLookup(a => a.PlanId, a => a.Id);
        foreach (var f in followUps)
        {
            Assert.Contains(passed, c => c.CutOffDate == f.CutOffDate && c.PublicationDeadline == f.PublicationDeadline);
            Assert.True(ColombianTime.DateOf(f.ClosedAt!.Value) > f.CutOffDate);
            Assert.True(f.ClosedAt <= horizon);
            Assert.NotNull(f.SnapshotJson);
            Assert.Equal(SnapshotJson.Sha256(f.SnapshotJson!), f.SnapshotSha256);
            Assert.NotNull(f.ProgrammedCount);
            Assert.NotNull(f.ComplianceBand);
            Assert.Equal(actionsOf[f.PlanId].Order(), f.Assessments.Select(a => a.ActionId).Order());
            Assert.All(f.Assessments, a => Assert.Empty(AssessmentRules.Validate(new AssessmentInput(a.Status, a.VerifiedPercent, a.VerifiedQuantity, a.Observations))));
            if (f.Status == FollowUpStatus.Published)
            {
                Assert.True(f.PublishedOn > f.CutOffDate && f.PublishedOn <= today && f.PublishedAt >= f.ClosedAt);
                Assert.Equal(f.PublishedOn > f.PublicationDeadline, f.PublishedLate);
            }
            else
            {
                Assert.Equal(FollowUpStatus.Closed, f.Status);
                Assert.Null(f.PublishedAt);
            }
        }
        Assert.Contains(followUps, f => f.Status == FollowUpStatus.Published);

        // One audit entry for the whole generation, through the interceptor.
        var audit = await db.AuditEntries.AsNoTracking().ToListAsync();
        var entry = Assert.Single(audit);
        Assert.StartsWith("Datos simulados (synthetic generate --entities 5 --year 2026 --seed 11 --at 2026-11-26)", entry.Reason, StringComparison.Ordinal);
        Assert.Equal(SyntheticGenerator.Actor.Name, entry.ActorName);

        // The identity sequences moved past the assigned ids: an ordinary insert still works.
        await using var write = database.CreateContext();
        write.Entities.Add(new Entity { Name = "Entidad real", Slug = "entidad-real" });
        await write.SaveChangesAsync();
        Assert.Equal(entities.Max(e => e.Id) + 1, await write.Entities.Where(e => e.Slug == "entidad-real").Select(e => e.Id).SingleAsync());
    }

    [Fact]
    public async Task SecondRun_AddsEntities_WithUniqueSlugs_UnderTheSameHosts()
    {
        var database = await NewDatabaseAsync();
        await GenerateAsync(database, 40, 2025, 3, new DateOnly(2025, 3, 31));

        var second = await GenerateAsync(database, 40, 2025, 3, new DateOnly(2025, 3, 31));

        await using var db = database.CreateContext();
        var entities = await db.Entities.AsNoTracking().ToListAsync();
        Assert.Equal(80, entities.Count);
        Assert.Equal(41, second.FirstEntityId);
        Assert.Equal(80, entities.Select(e => e.Slug).Distinct().Count());
        // One host per department: the second run's entities hang from the first run's hosts.
        Assert.All(entities.Where(e => e.HostEntityId is null).GroupBy(e => e.DepartmentId), g => Assert.Single(g));
        Assert.All(entities.Where(e => e.Id > 40), e => Assert.True(e.HostEntityId is > 0 and <= 40));
        Assert.All(entities.GroupBy(e => (e.DepartmentId, e.Name)), g => Assert.Single(g));
        // Before the first cut-off there is no follow-up.
        Assert.Equal(0, await db.Set<FollowUp>().CountAsync());
        Assert.Equal(2, await db.AuditEntries.CountAsync());
    }

    [Theory]
    [InlineData("synthetic", "generate", "--year", "2025")]
    [InlineData("synthetic", "generate", "--entities", "0", "--year", "2025")]
    [InlineData("synthetic", "generate", "--entities", "-3", "--year", "2025")]
    [InlineData("synthetic", "generate", "--entities", "tres", "--year", "2025")]
    [InlineData("synthetic", "generate", "--entities", "3", "--year", "20x5")]
    [InlineData("synthetic", "generate", "--entities", "3", "--year", "2031")]
    [InlineData("synthetic", "generate", "--entities", "3")]
    [InlineData("synthetic", "generate", "--entities", "3", "--year", "2025", "--at", "2024-12-31")]
    [InlineData("synthetic", "generate", "--entities", "3", "--year", "2026", "--at", "2026-12-31")]
    [InlineData("synthetic", "generar", "--entities", "3", "--year", "2025")]
    public async Task UsageErrors_ReturnTheUsageCode_AndWriteNothing(params string[] args)
    {
        var database = await NewDatabaseAsync();

        var (exit, _, error) = await RunCliAsync(database, args);

        Assert.True(exit == ExitCodes.Usage, error);
        Assert.Contains("Uso: ", error, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Entities.CountAsync());
        Assert.Equal(0, await db.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task Cli_GeneratesAndSaysWhat()
    {
        var database = await NewDatabaseAsync();

        var (exit, output, error) = await RunCliAsync(database, "synthetic", "generate", "--entities", "2", "--year", "2025", "--seed", "5");

        Assert.True(exit == ExitCodes.Success, error);
        Assert.Contains("Generado: 2 entidades (ids 1–2)", output, StringComparison.Ordinal);
        Assert.Contains("Fecha de referencia 2025-12-31; semilla 5;", output, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Equal(2, await db.Plans.CountAsync(p => p.Year == 2025 && p.Status == PlanStatus.Published));
    }

    private async Task<(int ExitCode, string Out, string Error)> RunCliAsync(TestDatabase database, params string[] args)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Vigia"] = database.ConnectionString,
            ["Audit:KeyFile"] = Path.Combine(Path.GetTempPath(), "vigia-tests", Guid.NewGuid().ToString("N"), "audit-key"),
        }).Build();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, new CliContext(output, error, CancellationToken.None), [new SyntheticCommand(configuration, clock)]);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Every generated table, row by row in key order, every column in the model's order, invariantly written.</summary>
    private static async Task<string> DumpAsync(AppDbContext db)
    {
        var text = new StringBuilder();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        foreach (var clr in Generated)
        {
            var type = db.Model.FindEntityType(clr)!;
            var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
            var columns = type.GetProperties().Select(p => "\"" + p.GetColumnName(table) + "\"").ToList();
            var keys = type.FindPrimaryKey()!.Properties.Select(p => "\"" + p.GetColumnName(table) + "\"");
            await using DbCommand command = connection.CreateCommand();
            command.CommandText = $"SELECT {string.Join(", ", columns)} FROM \"{table.Name}\" ORDER BY {string.Join(", ", keys)}";
            await using var reader = await command.ExecuteReaderAsync();
            text.Append(table.Name).Append('\n');
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    text.Append(reader.IsDBNull(i) ? "∅" : reader.GetValue(i) switch
                    {
                        DateTimeOffset d => d.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                        DateTime d => d.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
                        decimal d => d.ToString("0.########", CultureInfo.InvariantCulture),
                        var v => Convert.ToString(v, CultureInfo.InvariantCulture),
                    }).Append('|');
                }
                text.Append('\n');
            }
        }
        return text.ToString();
    }
}

public sealed class SqliteSyntheticGeneratorTests() : SyntheticGeneratorTests(DatabaseProvider.Sqlite);

public sealed class PostgresSyntheticGeneratorTests() : SyntheticGeneratorTests(DatabaseProvider.Postgres);
