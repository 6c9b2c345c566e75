using System.IO.Compression;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
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
        services.AddSingleton<PublicReadPolicy>();
        services.AddOutputCache(o =>
        {
            o.DefaultExpirationTimeSpan = options.Duration;
            // Large enough for the public pages and files of a few plans; least-used answers go first when full.
            o.SizeLimit = 256L * 1024 * 1024;
            o.MaximumBodySize = 32L * 1024 * 1024;
        });
        services.AddSingleton<IConfigureOptions<OutputCacheOptions>>(sp =>
            new ConfigureOptions<OutputCacheOptions>(o => o.AddBasePolicy(sp.GetRequiredService<PublicReadPolicy>())));
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

    /// <summary>Place before <c>UseRouting</c>, <c>UseAuthentication</c> and the audit actor: a cached answer is
    /// written without routing, authentication, session lookup or database. After the security headers and the
    /// status-code pages, so cached answers carry the same headers and errors keep their Spanish page.</summary>
    public static WebApplication UseVigiaPublicCache(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<PublicCacheOptions>().Enabled)
        {
            return app;
        }
        app.UseOutputCache();
        app.UseWhen(context => PublicReads.IsCacheable(context.Request), branch =>
        {
            branch.UseMiddleware<PublicResponseValidators>();
            branch.UseResponseCompression();
        });
        return app;
    }
}
