using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Time.Testing;
using Vigia.Core.Accounts;
using Vigia.Core.Audit;
using Vigia.Core.Caching;
using Vigia.Core.Organisation;
using Vigia.Core.Plans;

namespace Vigia.Core.Tests.Caching;

/// <summary>Issue 13: every save that changes public data gives the shared version row a new stamp in the same
/// transaction, and tells this process once the change is committed; nothing else does.</summary>
public abstract class PublicDataVersionTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(TestTime.Written);
    private readonly PublicDataSignal signal = new();
    private TestDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.CreateMigratedContextAsync();
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private AppDbContext Context()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, provider, database.ConnectionString, new AuditInterceptor(new AuditScope(), clock),
            new PublicDataVersionInterceptor(clock, signal));
        return new AppDbContext(options.Options);
    }

    private async Task<PublicDataVersion> VersionAsync()
    {
        await using var db = database.CreateContext();
        return await db.PublicDataVersions.AsNoTracking().SingleAsync();
    }

    [Fact]
    public async Task TheMigrationWritesTheRow()
    {
        Assert.Equal(PublicDataVersion.InitialStamp, (await VersionAsync()).Stamp);
    }

    [Fact]
    public async Task APublicChange_GetsANewStampAndTime_AndSignalsOnce()
    {
        clock.Advance(TimeSpan.FromHours(1));
        await using (var db = Context())
        {
            db.Entities.Add(new Entity { Name = "Alcaldía de Prueba", Slug = "alcaldia-de-prueba" });
            await db.SaveChangesAsync();
        }
        var first = await VersionAsync();
        Assert.NotEqual(PublicDataVersion.InitialStamp, first.Stamp);
        Assert.Equal(clock.GetUtcNow(), first.ChangedAt);
        Assert.Equal(1, signal.Count);

        await using (var db = Context())
        {
            var entity = await db.Entities.SingleAsync();
            entity.Phone = "602 885 6000";
            await db.SaveChangesAsync();
        }
        Assert.NotEqual(first.Stamp, (await VersionAsync()).Stamp);
        Assert.Equal(2, signal.Count);
    }

    [Fact]
    public async Task ASaveThatFails_LeavesTheStampAndSignalsNothing()
    {
        await using (var db = Context())
        {
            db.Entities.Add(new Entity { Name = "Alcaldía de Prueba", Slug = "alcaldia-de-prueba" });
            await db.SaveChangesAsync();
        }
        var before = await VersionAsync();
        var signals = signal.Count;

        await using (var db = Context())
        {
            var entity = await db.Entities.SingleAsync();
            // A plan without its required title is refused by the database.
            db.Plans.Add(new Plan { Entity = entity, Year = 2031, Title = null!, CreatedAt = TestTime.Written });
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        Assert.Equal(before.Stamp, (await VersionAsync()).Stamp);
        Assert.Equal(signals, signal.Count);
    }

    [Fact]
    public async Task InsideTheCallersTransaction_TheSignalWaitsForTheCommit_AndARollbackKeepsTheStamp()
    {
        await using (var db = Context())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Entities.Add(new Entity { Name = "Alcaldía de Prueba", Slug = "alcaldia-de-prueba" });
            await db.SaveChangesAsync();
            Assert.Equal(0, signal.Count);
            await transaction.RollbackAsync();
        }
        Assert.Equal(PublicDataVersion.InitialStamp, (await VersionAsync()).Stamp);
        Assert.Equal(0, signal.Count);

        await using (var db = Context())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Entities.Add(new Entity { Name = "Alcaldía de Prueba", Slug = "alcaldia-de-prueba" });
            await db.SaveChangesAsync();
            Assert.Equal(0, signal.Count);
            await transaction.CommitAsync();
        }
        Assert.Equal(1, signal.Count);
        Assert.NotEqual(PublicDataVersion.InitialStamp, (await VersionAsync()).Stamp);
    }

    [Theory]
    [InlineData(typeof(Plan), true)]
    [InlineData(typeof(Entity), true)]
    [InlineData(typeof(PublishedCheckpoint), true)]
    [InlineData(typeof(AppSetting), true)]
    [InlineData(typeof(UserSession), false)]
    [InlineData(typeof(AppUser), false)]
    [InlineData(typeof(IdentityUserRole<string>), false)]
    [InlineData(typeof(AccountToken), false)]
    [InlineData(typeof(AuditEntry), false)]
    public void OnlyWhatThePublicNeverSeesIsLeftOut(Type type, bool isPublic) =>
        Assert.Equal(isPublic, PublicDataVersionInterceptor.IsPublic(type));
}

public sealed class SqlitePublicDataVersionTests() : PublicDataVersionTests(DatabaseProvider.Sqlite);

public sealed class PostgresPublicDataVersionTests() : PublicDataVersionTests(DatabaseProvider.Postgres);
