using System.Data.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Vigia.Web.Tests.Caching;

/// <summary>Counts the database commands the host runs while it answers HTTP requests (not its start-up or its jobs):
/// a read answered from the cache runs none.</summary>
public sealed class RequestCommandCounter : DbCommandInterceptor
{
    private static readonly AsyncLocal<RequestCommandCounter?> InRequest = new();
    private int count;

    public int Count => Volatile.Read(ref count);

    public void Reset() => Interlocked.Exchange(ref count, 0);

    /// <summary>Marks the whole pipeline, the output cache included, as "in a request" of this counter's host.</summary>
    internal sealed class Marker(RequestCommandCounter counter) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                InRequest.Value = counter;
                await nextMiddleware(context);
            });
            next(app);
        };
    }

    private void Seen()
    {
        if (InRequest.Value == this)
        {
            Interlocked.Increment(ref count);
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Seen();
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Seen();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Seen();
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Seen();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Seen();
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Seen();
        return ValueTask.FromResult(result);
    }
}

/// <summary>A host whose database commands during requests are counted (<see cref="Commands"/>).</summary>
public class CachingApp(DatabaseProvider provider, VigiaFactoryOptions? options = null) : VigiaFactory(provider, options)
{
    public RequestCommandCounter Commands { get; } = new();

    public static async Task<CachingApp> StartAsync(DatabaseProvider provider, IReadOnlyDictionary<string, string> settings)
    {
        var app = new CachingApp(provider, new VigiaFactoryOptions(Settings: settings));
        await app.InitializeAsync();
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IStartupFilter>(new RequestCommandCounter.Marker(Commands));
            services.ConfigureDbContext<AppDbContext>(o => o.AddInterceptors(Commands));
        });
    }
}

/// <summary>The version row is read again only when a change was committed in this host or a day went by, and an
/// answer is kept for a day of the test clock, so a test that moves the clock by hours sees what the cache does for
/// the Colombian day, not the periodic check or the memory bound.</summary>
public sealed class SqliteCachingApp() : CachingApp(DatabaseProvider.Sqlite, new(Settings: CachingSettings.SlowVersionCheck));

public sealed class PostgresCachingApp() : CachingApp(DatabaseProvider.Postgres, new(Settings: CachingSettings.SlowVersionCheck));

internal static class CachingSettings
{
    public static readonly IReadOnlyDictionary<string, string> SlowVersionCheck = new Dictionary<string, string>
    {
        ["Caching:VersionCheckMilliseconds"] = "86400000",
        ["Caching:DurationMinutes"] = "1440",
    };
}
