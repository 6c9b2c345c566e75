using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Vigia.Web.Caching;

/// <summary>Gives a public answer its validators, computed once when it is produced (the output cache stores them
/// with the body): a strong <c>ETag</c> from the SHA-256 of the bytes sent (after compression, so each encoding has
/// its own), <c>Last-Modified</c>, <c>Content-Length</c> and a <c>Cache-Control</c> that lets browsers and proxies
/// keep it but ask again each time. Answers <c>304</c> to a matching <c>If-None-Match</c> (or, without one, an
/// <c>If-Modified-Since</c> not older than the data). Cached answers get the same from the output cache.</summary>
public sealed class PublicResponseValidators(RequestDelegate next, TimeProvider clock)
{
    public const string CacheControl = "public, no-cache";

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        var original = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = original;
        }
        if (response.StatusCode != StatusCodes.Status200OK || response.HasStarted)
        {
            buffer.Position = 0;
            await buffer.CopyToAsync(original, context.RequestAborted);
            return;
        }

        var length = (int)buffer.Length;
        var bytes = buffer.GetBuffer().AsMemory(0, length);
        var etag = new EntityTagHeaderValue("\"" + Base64Url(SHA256.HashData(bytes.Span)) + "\"");
        var headers = response.GetTypedHeaders();
        headers.ETag = etag;
        if (context.Items[PublicReadPolicy.SnapshotItem] is PublicDataGeneration.Snapshot snapshot)
        {
            headers.LastModified = PublicReadPolicy.LastModified(snapshot, clock);
        }
        if (response.Headers.CacheControl.Count == 0)
        {
            response.Headers.CacheControl = CacheControl;
        }
        if (IsNotModified(context.Request.GetTypedHeaders(), etag, headers.LastModified))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            response.ContentLength = null;
            response.Headers.ContentEncoding = default;
            return;
        }
        response.ContentLength = length;
        // HEAD: the same headers, Content-Length included, and no body (the stored HEAD answer has none either).
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await original.WriteAsync(bytes, context.RequestAborted);
        }
    }

    private static bool IsNotModified(Microsoft.AspNetCore.Http.Headers.RequestHeaders request, EntityTagHeaderValue etag, DateTimeOffset? lastModified)
    {
        if (request.IfNoneMatch is { Count: > 0 } tags)
        {
            return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false));
        }
        return request.IfModifiedSince is { } since && lastModified is { } modified && modified <= since;
    }

    private static string Base64Url(byte[] hash) =>
        Convert.ToBase64String(hash).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
