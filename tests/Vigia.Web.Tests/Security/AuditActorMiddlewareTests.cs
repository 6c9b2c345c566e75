using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Vigia.Core.Audit;
using Vigia.Web.Security;

namespace Vigia.Web.Tests.Security;

/// <summary>The web host's middleware makes the signed-in person the actor of the request's audit entries.</summary>
public abstract class AuditActorMiddlewareTests(DatabaseProvider provider) : IAsyncLifetime
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

    [Fact]
    public async Task Middleware_MakesTheSignedInPersonTheActor()
    {
        await using var scope = services.CreateAsyncScope();
        var context = new DefaultHttpContext
        {
            RequestServices = scope.ServiceProvider,
            User = new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.NameIdentifier, "u-9"), new Claim(ClaimTypes.Name, "ana"), new Claim(AuditActor.DisplayNameClaimType, "Ana Pérez")],
                "prueba")),
        };
        AuditActor? seen = null;
        var app = new ApplicationBuilder(scope.ServiceProvider);
        app.UseVigiaAuditActor();
        app.Run(c =>
        {
            seen = c.RequestServices.GetRequiredService<AuditScope>().Actor;
            return Task.CompletedTask;
        });

        await app.Build()(context);

        Assert.Equal(new AuditActor("u-9", "Ana Pérez"), seen);
    }
}

public class SqliteAuditActorMiddlewareTests() : AuditActorMiddlewareTests(DatabaseProvider.Sqlite);

public class PostgresAuditActorMiddlewareTests() : AuditActorMiddlewareTests(DatabaseProvider.Postgres);
