using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Vigia.Core.Caching;

namespace Vigia.Web.Caching;

/// <summary>Public pages and downloads produced once per change and served from memory (docs/caching.md, ADR 021).</summary>
public static class PublicCacheSetup
{
    /// <summary>What compression is worth spending on: text. XLSX and PDF are already compressed.</summary>
    private static readonly string[] CompressedTypes =
    [
        "text/html", "text/csv", "text/plain", "text/turtle", "text/css", "image/svg+xml",
        "application/json", "application/ld+json", "application/problem+json", "application/xml",
    ];

    public static IServiceCollection AddVigiaPublicCache(this IServiceCollection services, IConfiguration configuration)
    {
        var options = PublicCacheOptions.From(configuration);
        services.AddSingleton(options);
        services.TryAddSingleton<PublicDataSignal>();
        services.AddSingleton<PublicDataGeneration>();
        services.AddResponseCompression(o =>
        {
            // Only public answers reach the compression (UseVigiaPublicCache): no secret sits in a body an
            // attacker could probe by its compressed size (BREACH), so HTTPS is compressed too.
            o.EnableForHttps = true;
            o.MimeTypes = CompressedTypes;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        return services;
    }

    /// <summary>Place at the front, after the forwarded headers and before the security headers, localization, status-code
    /// pages, routing, authentication and the audit actor: a cached answer is written with the headers it was stored
    /// with and nothing else runs. A miss renders through all of them, with the compression inside the store's buffer.</summary>
    public static WebApplication UseVigiaPublicCache(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<PublicCacheOptions>().Enabled)
        {
            return app;
        }
        app.UseWhen(context => PublicReads.IsCacheable(context.Request), branch =>
        {
            branch.UseMiddleware<PublicAnswerCache>();
            branch.UseResponseCompression();
        });
        return app;
    }
}
