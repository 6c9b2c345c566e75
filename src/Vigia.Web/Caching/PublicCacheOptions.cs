namespace Vigia.Web.Caching;

/// <summary><c>Caching:*</c> settings (docs/caching.md).</summary>
public sealed class PublicCacheOptions
{
    /// <summary><c>Caching:Enabled</c>, on by default.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary><c>Caching:VersionCheckMilliseconds</c>: how often an instance reads the shared version row; the
    /// bound on how long a change made through another instance can go unseen here.</summary>
    public TimeSpan VersionCheckInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary><c>Caching:DurationMinutes</c>: how long an answer stays in memory. Freshness does not depend on it
    /// (the version is in the key); it bounds memory and any change the version cannot see.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary><c>Caching:MaximumMegabytes</c>: the bodies kept in memory; over it the store starts again empty.</summary>
    public long MaximumBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>An answer larger than this (32 MB) is served but not kept.</summary>
    public long MaximumAnswerBytes { get; init; } = 32L * 1024 * 1024;

    public static PublicCacheOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Caching");
        return new PublicCacheOptions
        {
            Enabled = section.GetValue("Enabled", true),
            VersionCheckInterval = TimeSpan.FromMilliseconds(section.GetValue("VersionCheckMilliseconds", 1000)),
            Duration = TimeSpan.FromMinutes(section.GetValue("DurationMinutes", 10)),
            MaximumBytes = section.GetValue("MaximumMegabytes", 256L) * 1024 * 1024,
        };
    }
}
