using Vigia.Core.FollowUps;

namespace Vigia.Core.Tests.FollowUps;

/// <summary>A migrated database with <see cref="FollowUpFixture"/> seeded, and services on a fixed clock.</summary>
public abstract class FollowUpDatabaseTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase database = null!;
    private readonly List<AppDbContext> contexts = [];

    protected FixedClock Clock { get; } = FixedClock.At(2026, 5, 5);
    protected FollowUpFixture.Seeded Seeded { get; private set; } = null!;
    protected DatabaseProvider Provider => provider;
    protected string ConnectionString => database.ConnectionString;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.CreateMigratedContextAsync();
        Seeded = await FollowUpFixture.SeedAsync(db);
    }

    public async Task DisposeAsync()
    {
        foreach (var c in contexts)
        {
            await c.DisposeAsync();
        }
        await database.DisposeAsync();
    }

    /// <summary>A fresh context whose saves write the audit trail, as the application's do.</summary>
    protected AppDbContext AuditedDb()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, database.Provider, database.ConnectionString, new Vigia.Core.Audit.AuditInterceptor(new Vigia.Core.Audit.AuditScope(), Clock));
        var db = new AppDbContext(options.Options);
        contexts.Add(db);
        return db;
    }

    /// <summary>A fresh context, as a new request would have.</summary>
    protected AppDbContext Db()
    {
        var db = database.CreateContext();
        contexts.Add(db);
        return db;
    }

    protected FollowUpService Service(AppDbContext? db = null)
    {
        db ??= Db();
        return new FollowUpService(db, new FollowUpCalendar(db, Clock), Clock);
    }

    protected FollowUpLifecycle Lifecycle(AppDbContext? db = null)
    {
        db ??= Db();
        return new FollowUpLifecycle(db, new FollowUpCalendar(db, Clock), Clock);
    }

    protected FollowUpDocuments Documents(AppDbContext? db = null)
    {
        db ??= Db();
        return new FollowUpDocuments(db, new FollowUpCalendar(db, Clock));
    }

    protected async Task<FollowUpDocument> ClosedAprilAsync()
    {
        await FollowUpFixture.AssessAllAsync(Service(), Seeded, FollowUpFixture.April);
        var closed = await Lifecycle().CloseAsync(FollowUpFixture.InternalControl, Seeded.PlanId, FollowUpFixture.April);
        Assert.True(closed.Succeeded, string.Join("; ", closed.Errors.Values));
        return (await Documents().ForCutOffAsync(Seeded.PlanId, FollowUpFixture.April))!;
    }

    protected Task<int> FollowUpCountAsync() => Db().Set<FollowUp>().CountAsync();
}
