using System.Globalization;
using Vigia.Core.Organisation;

namespace Vigia.Web.Tests.Caching;

/// <summary>Issue 13 and ADR 021: two instances behind a load balancer share one PostgreSQL. A change committed through
/// instance A reaches instance B's cache through the version row, which B reads again at most every
/// <c>Caching:VersionCheckMilliseconds</c> of its clock.</summary>
public sealed class TwoInstancesTests : IAsyncLifetime
{
    private const int CheckMilliseconds = 500;
    private CachingApp a = null!;
    private CachingApp b = null!;

    public async Task InitializeAsync()
    {
        var interval = new Dictionary<string, string> { ["Caching:VersionCheckMilliseconds"] = CheckMilliseconds.ToString(CultureInfo.InvariantCulture) };
        a = await CachingApp.StartAsync(DatabaseProvider.Postgres, interval);
        _ = a.Services;
        b = await CachingApp.StartAsync(DatabaseProvider.Postgres, new Dictionary<string, string>(interval)
        {
            ["ConnectionStrings:Vigia"] = a.Database.ConnectionString,
            ["Audit:KeyFile"] = a.AuditKeyFile,
        });
    }

    public async Task DisposeAsync()
    {
        await b.DisposeAsync();
        await a.DisposeAsync();
    }

    [Fact]
    public async Task AChangeThroughA_IsSeenFreshOnB_WithinTheVersionCheckInterval()
    {
        await TestData.SmallPlanAsync(a);
        const string url = "/transparencia";
        var before = await b.Anonymous().GetStringAsync(url);
        b.Commands.Reset();
        Assert.Equal(before, await b.Anonymous().GetStringAsync(url));
        Assert.Equal(0, b.Commands.Count);

        const string phone = "602 885 6000";
        await using (var scope = a.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var entity = await db.Set<Entity>().SingleAsync();
            entity.Phone = phone;
            await db.SaveChangesAsync();
        }
        Assert.Contains(phone, await a.Anonymous().GetStringAsync(url), StringComparison.Ordinal);
        // Within the interval B keeps its cached page: that is the documented bound, not a miss.
        Assert.DoesNotContain(phone, await b.Anonymous().GetStringAsync(url), StringComparison.Ordinal);

        b.Clock.Advance(TimeSpan.FromMilliseconds(CheckMilliseconds));
        var waited = System.Diagnostics.Stopwatch.StartNew();
        string after;
        do
        {
            after = await b.Anonymous().GetStringAsync(url);
        }
        while (!after.Contains(phone, StringComparison.Ordinal) && waited.Elapsed < TimeSpan.FromSeconds(10));
        Assert.Contains(phone, after, StringComparison.Ordinal);
    }
}
