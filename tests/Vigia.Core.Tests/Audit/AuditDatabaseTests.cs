using System.Text.Json;
using Vigia.Core.Audit;
using Vigia.Core.Organisation;
using Vigia.Core.Plans;
using Vigia.Core.Schedule;

namespace Vigia.Core.Tests.Audit;

/// <summary>A fresh, migrated database per test, and contexts with and
/// without the audit interceptor (the latter stand for someone working behind the application's back).</summary>
public abstract class AuditDatabaseTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase database = null!;

    protected AuditScope Audit { get; } = new();

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.CreateMigratedContextAsync();
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    protected AppDbContext Audited(TimeProvider? clock = null, AuditScope? scope = null, AuditOptions? auditOptions = null)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, provider, database.ConnectionString, new AuditInterceptor(scope ?? Audit, clock, options: auditOptions));
        return new AppDbContext(options.Options);
    }

    /// <summary>A context without the interceptor: what raw SQL or another tool sees.</summary>
    protected AppDbContext Raw() => database.CreateContext();

    protected async Task<List<AuditEntry>> EntriesAsync()
    {
        await using var db = Raw();
        return await db.AuditEntries.OrderBy(e => e.Sequence).ToListAsync();
    }

    protected async Task<Entity> CreateEntityAsync(string name, string? slug = null)
    {
        await using var db = Audited();
        var entity = new Entity { Name = name, Slug = slug ?? Guid.NewGuid().ToString("N") };
        db.Entities.Add(entity);
        await db.SaveChangesAsync();
        return entity;
    }

    /// <summary>A plan with one component, one activity, one action and its schedule for March.</summary>
    protected async Task<Plan> CreatePlanAsync(PlanStatus status = PlanStatus.Draft)
    {
        await using var db = Audited();
        var plan = new Plan
        {
            Entity = new Entity { Name = "Alcaldía de Prueba", Slug = Guid.NewGuid().ToString("N") },
            Year = 2024,
            Title = "Plan Anticorrupción 2024",
            Status = status,
            CreatedAt = TestTime.Written,
            Components =
            [
                new Component
                {
                    Number = 1,
                    Name = "Gestión del riesgo de corrupción",
                    Activities =
                    [
                        new Activity
                        {
                            Code = "1.1",
                            Name = "Actualizar la política de riesgos",
                            Actions =
                            [
                                new PlanAction
                                {
                                    Description = "Revisar la política",
                                    Goal = "Una política actualizada",
                                    TargetQuantity = 1,
                                    Schedule = [new ScheduleEntry { Month = 3, PlannedQuantity = 1 }],
                                },
                            ],
                        },
                    ],
                },
            ],
        };
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        return plan;
    }

    protected static JsonElement Field(AuditEntry entry, string name) =>
        JsonDocument.Parse(entry.Changes).RootElement.GetProperty(name);

    protected static string[] FieldNames(AuditEntry entry) =>
        JsonDocument.Parse(entry.Changes).RootElement.EnumerateObject().Select(p => p.Name).ToArray();
}

/// <summary>A clock the test sets.</summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>A clock that fails: the interceptor reads it only after the changes are written, so it makes
/// the append fail at the worst moment.</summary>
public sealed class BrokenClock : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => throw new InvalidOperationException("reloj averiado");
}
