using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Vigia.Web.Layout;

namespace Vigia.Web.Caching;

/// <summary>The one output-cache policy: anonymous public reads (<see cref="PublicReads"/>) are stored once per
/// version of the public data, per Colombian day, per representation; nothing else is looked up or stored.</summary>
/// <remarks>The key: method, path and query (ASP.NET Core's own), plus <c>Accept</c> (content negotiation) and
/// <c>Accept-Encoding</c> (the stored body is already compressed), the display preferences, the
/// <see cref="Vigia.Core.Caching.PublicDataVersion"/> stamp and today's date in Colombia, so a page that depends on "today" is never
/// served from yesterday.</remarks>
public sealed class PublicReadPolicy(PublicDataGeneration generation, TimeProvider clock, PublicCacheOptions options) : IOutputCachePolicy
{
    public const string Tag = "publico";

    /// <summary>Where the policy leaves the version it keyed the request by, for <c>Last-Modified</c>.</summary>
    public const string SnapshotItem = "Vigia.PublicData";

    private static readonly StringValues VaryHeaders = new([HeaderNames.Accept, HeaderNames.AcceptEncoding]);

    async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        if (!PublicReads.IsCacheable(http.Request))
        {
            context.EnableOutputCaching = false;
            return;
        }
        var snapshot = await generation.GetAsync();
        http.Items[SnapshotItem] = snapshot;
        // HEAD is rendered every time (it is rare: link checkers, harvesters): the output cache would store its empty
        // body and answer a later HEAD with "Content-Length: 0" instead of the GET's length.
        if (HttpMethods.IsHead(http.Request.Method))
        {
            context.EnableOutputCaching = false;
            return;
        }
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = options.Duration;
        context.Tags.Add(Tag);
        var vary = context.CacheVaryByRules;
        vary.QueryKeys = "*";
        vary.HeaderNames = VaryHeaders;
        vary.VaryByValues["version"] = snapshot.Stamp;
        vary.VaryByValues["dia"] = ColombianTime.Today(clock).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        vary.VaryByValues["preferencias"] = DisplayPreferences.FromRequest(http.Request).CookieValue;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        // Only a complete public answer is shared: a 404 is cheap and caching every mistyped address would let
        // anyone fill the memory; a cookie or a "no-store" (an antiforgery token in the body) makes it personal.
        if (response.StatusCode != StatusCodes.Status200OK
            || response.Headers.SetCookie.Count > 0
            || response.Headers.CacheControl.Any(v => v is not null
                && (v.Contains("no-store", StringComparison.OrdinalIgnoreCase) || v.Contains("private", StringComparison.OrdinalIgnoreCase))))
        {
            context.AllowCacheStorage = false;
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>The Colombian date and the version the request was keyed by, as the last moment its body could have
    /// changed: the later of the last change and the start of today.</summary>
    public static DateTimeOffset LastModified(PublicDataGeneration.Snapshot snapshot, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var startOfToday = ColombianTime.StartOfDay(ColombianTime.Today(clock));
        var last = snapshot.ChangedAt > startOfToday ? snapshot.ChangedAt : startOfToday;
        return new DateTimeOffset(last.UtcTicks - last.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
    }
}
