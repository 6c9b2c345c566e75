using System.Security.Claims;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Vigia.Core.Audit;
using Vigia.Core.Organisation;

namespace Vigia.Core.Tests.Audit;

/// <summary>The wiring a host gets from <c>AddVigiaDatabase</c>: one interceptor per scope, so each request's
/// actor lands in its own entries.</summary>
public abstract class AuditSetupTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase database = null!;
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Vigia"] = database.ConnectionString,
        }).Build();
        services = new ServiceCollection().AddVigiaDatabase(configuration).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await database.DisposeAsync();
    }

    private async Task<IModelSource> SaveAsAsync(AuditActor actor, string slug)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditScope>().SetActor(actor);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Entities.Add(new Entity { Name = slug, Slug = slug });
        await db.SaveChangesAsync();
        // A singleton of EF Core's internal provider: the same one means no provider is built per scope.
        return db.GetService<IModelSource>();
    }

    [Fact]
    public async Task EachScope_WritesItsOwnActor_AndSharesEfCoreInternals()
    {
        var first = await SaveAsAsync(new AuditActor("ana", "Ana Pérez"), "cali");
        var second = await SaveAsAsync(new AuditActor("luis", "Luis Gómez"), "valle");

        await using var db = database.CreateContext();
        var actors = await db.AuditEntries.OrderBy(e => e.Sequence).Select(e => e.ActorName).ToListAsync();
        Assert.Equal(["Ana Pérez", "Luis Gómez"], actors);
        Assert.Same(first, second);
    }

    [Fact]
    public void Actor_OfAnonymousRequest_IsTheSystem()
    {
        Assert.Same(AuditActor.System, AuditActor.From(new ClaimsPrincipal(new ClaimsIdentity())));
        Assert.Equal("sistema", AuditActor.System.Name);
    }
}

public class SqliteAuditSetupTests() : AuditSetupTests(DatabaseProvider.Sqlite);

public class PostgresAuditSetupTests() : AuditSetupTests(DatabaseProvider.Postgres);
