using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Vigia.Core.Audit;
using Vigia.Core.Compliance;
using Vigia.Core.Compliance.Stored;
using Vigia.Core.Consolidation;
using Vigia.Core.FollowUps;
using Vigia.Core.Plans.Importing;
using Vigia.Core.Synthetic;

namespace Vigia.Core.Tests.Consolidation;

/// <summary>Issue 15: on a generated nation (two dozen simulated entities over several departments, a year of reports and
/// follow-ups), the set-based consolidated views (<see cref="SqlConsolidatedCompliance"/>, over the stored verdicts) give
/// exactly what the plain computation gives (<see cref="InMemoryConsolidatedCompliance"/>: every plan through
/// <see cref="ComplianceService.ComputeAsync"/>, the entity's own dashboard), at several dates, for the nation, each
/// department, a search and the open-data stream.</summary>
public abstract class GeneratedNationTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const int Year = 2025;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly FakeTimeProvider clock = new(TestTime.Written);
    private TestDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        await (await database.CreateMigratedContextAsync()).DisposeAsync();
        using var reader = File.OpenText(Path.Combine(AppContext.BaseDirectory, "data", "paac-cali-2022.txt"));
        var template = PlanDocumentReader.ReadText(reader).Plan!;
        var audit = new AuditScope();
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, provider, database.ConnectionString, new AuditInterceptor(audit, clock));
        await using var db = new AppDbContext(options.Options);
        await new SyntheticGenerator(db, audit, clock).GenerateAsync(new SyntheticRequest(24, Year, 3, new DateOnly(Year, 12, 31)), template);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private (IConsolidatedCompliance Sql, IConsolidatedCompliance Plain, AppDbContext A, AppDbContext B) Both()
    {
        var a = database.CreateContext();
        var b = database.CreateContext();
        return (new SqlConsolidatedCompliance(a, new ComplianceStateStore(a, clock)),
            new InMemoryConsolidatedCompliance(b, new ComplianceService(b), new FollowUpCalendar(b, clock)), a, b);
    }

    private static string Dump(object value) => JsonSerializer.Serialize(value, Json);

    [Theory]
    [InlineData("2025-03-31")]
    [InlineData("2025-05-20")]
    [InlineData("2025-09-30")]
    [InlineData("2025-12-31")]
    public async Task EveryViewAndFigure_IsTheSameAsThePlainComputation(string date)
    {
        var at = DateOnly.Parse(date, CultureInfo.InvariantCulture);
        var (sql, plain, a, b) = Both();
        await using (a)
        await using (b)
        {
            var nation = new ConsolidatedQuery(Year, at, PageSize: ConsolidatedQuery.MaxPageSize);
            var view = await sql.ViewAsync(nation);

            Assert.True(view.Plans >= 24, $"{view.Plans} plans");
            Assert.True(view.Page.Select(s => s.DepartmentId).Distinct().Count() > 3);
            Assert.Equal(Dump(await plain.ViewAsync(nation)), Dump(view));
            Assert.Equal(Dump(await plain.DepartmentsAsync(Year, at)), Dump(await sql.DepartmentsAsync(Year, at)));
            foreach (var department in view.Page.Select(s => s.DepartmentId).Distinct())
            {
                var query = new ConsolidatedQuery(Year, at, department, PageSize: 5, Page: 2);
                Assert.Equal(Dump(await plain.ViewAsync(query)), Dump(await sql.ViewAsync(query)));
            }
            var search = nation with { Search = "GOBERNACION", PageSize = 3 };
            Assert.Equal(Dump(await plain.ViewAsync(search)), Dump(await sql.ViewAsync(search)));
            Assert.Equal(Dump(await plain.StreamAsync(nation).ToListAsync()), Dump(await sql.StreamAsync(nation).ToListAsync()));
        }
    }

    [Fact]
    public async Task AnEntityWithAPaacAndAPtepOfTheYear_IsRankedOnce_OnItsPaac()
    {
        int entity;
        await using (var db = database.CreateContext())
        {
            entity = await db.Entities.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
            db.Plans.Add(new Vigia.Core.Plans.Plan
            {
                EntityId = entity,
                Kind = Vigia.Core.Plans.PlanKind.Ptep,
                Year = Year,
                Status = Vigia.Core.Plans.PlanStatus.Published,
                Title = "Programa de Transparencia y Ética Pública 2025",
                CreatedAt = TestTime.Written,
            });
            await db.SaveChangesAsync();
        }
        var at = new DateOnly(Year, 6, 30);
        var (sql, plain, a, b) = Both();
        await using (a)
        await using (b)
        {
            var nation = new ConsolidatedQuery(Year, at, PageSize: ConsolidatedQuery.MaxPageSize);
            var view = await sql.ViewAsync(nation);

            Assert.Single(view.Page, s => s.EntityId == entity);
            Assert.Equal(Dump(await plain.ViewAsync(nation)), Dump(view));
        }
    }

    [Fact]
    public async Task EachRow_IsTheEntitysOwnDashboardFigure()
    {
        var at = new DateOnly(Year, 8, 31);
        var (sql, _, a, b) = Both();
        await using (a)
        await using (b)
        {
            var service = new ComplianceService(b);
            foreach (var row in (await sql.ViewAsync(new ConsolidatedQuery(Year, at, PageSize: ConsolidatedQuery.MaxPageSize))).Page)
            {
                Assert.Equal((await service.ComputeAsync(row.PlanId, at))!.Plan.Official, row.Official);
                Assert.True(row.Simulated);
            }
        }
    }
}

public sealed class SqliteGeneratedNationTests() : GeneratedNationTests(DatabaseProvider.Sqlite);

public sealed class PostgresGeneratedNationTests() : GeneratedNationTests(DatabaseProvider.Postgres);
