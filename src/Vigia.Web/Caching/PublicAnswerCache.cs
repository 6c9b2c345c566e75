using System.Buffers;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Vigia.Web.Layout;

namespace Vigia.Web.Caching;

/// <summary>The public answers, produced once per version of the public data and per Colombian day, kept in memory
/// as the exact bytes and headers sent, and written back from here. Only for requests <see cref="PublicReads.IsCacheable"/>
/// lets through (<see cref="PublicCacheSetup.UseVigiaPublicCache"/>) (docs/caching.md, ADR 021 and 030).</summary>
/// <remarks>
/// It sits at the front of the pipeline: a hit runs no routing, rate limit, authentication, session, localization,
/// status-code page or audit actor, and touches no database. The key is the address (scheme, host, path and query),
/// <c>Accept</c>, <c>Accept-Encoding</c> (the stored body is already compressed) and the display preferences; the
/// entry remembers the <see cref="Vigia.Core.Caching.PublicDataVersion"/> stamp and the Colombian day it was produced
/// for, and is used only while both are the current ones. A miss renders through the rest of the pipeline into a
/// buffer, gets its validators (a strong <c>ETag</c> from the SHA-256 of the bytes sent, <c>Last-Modified</c>,
/// <c>Content-Length</c>, <c>Cache-Control</c>) and is stored when it is a complete public answer: a 200 without
/// <c>Set-Cookie</c>, <c>no-store</c> or <c>private</c>, from a GET. HEAD is answered from a stored GET, or rendered
/// and never stored (its body may be empty). <c>If-None-Match</c> (or, without it, <c>If-Modified-Since</c>) gets a
/// 304 on hits and misses.
/// </remarks>
public sealed class PublicAnswerCache
{
    public const string CacheControl = "public, no-cache";

    /// <summary>Headers the server writes itself on every answer, never replayed from the store.</summary>
    private static readonly HashSet<string> NotStored = new([HeaderNames.Date, HeaderNames.Server, HeaderNames.TransferEncoding, HeaderNames.Connection],
        StringComparer.OrdinalIgnoreCase);

    private readonly RequestDelegate next;
    private readonly PublicDataGeneration generation;
    private readonly TimeProvider clock;
    private readonly PublicCacheOptions options;
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    /// <summary>The same store looked up by a key written into a stack buffer: a hit allocates no key string.</summary>
    private readonly ConcurrentDictionary<string, Entry>.AlternateLookup<ReadOnlySpan<char>> lookup;

    /// <summary>The renders under way, by key: concurrent misses of one answer wait for the first one's instead of
    /// each rendering it (after a publication, 64 readers of the plan page cost one render).</summary>
    private readonly ConcurrentDictionary<string, Task<Entry?>> rendering = new(StringComparer.Ordinal);
    private long storedBytes;

    /// <summary>Keys longer than this (a long query string, a very long <c>Accept</c>) are written into a rented
    /// buffer instead of the stack.</summary>
    private const int StackKeyLength = 512;

    public PublicAnswerCache(RequestDelegate next, PublicDataGeneration generation, TimeProvider clock, PublicCacheOptions options)
    {
        this.next = next;
        this.generation = generation;
        this.clock = clock;
        this.options = options;
        lookup = entries.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private sealed record Entry(string Stamp, DateOnly Day, DateTimeOffset StoredAt, KeyValuePair<string, StringValues>[] Headers,
        byte[] Body, EntityTagHeaderValue ETag, DateTimeOffset? LastModified);

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var snapshot = await generation.GetAsync();
        var now = clock.GetUtcNow();
        var day = ColombianTime.DateOf(now);
        var isHead = HttpMethods.IsHead(request.Method);
        var found = Find(request);
        if (found is not null && IsCurrent(found, snapshot, day, now))
        {
            await WriteAsync(context, found, isHead);
            return;
        }
        var key = Key(request);
        if (found is not null)
        {
            Remove(key, found);
        }
        if (isHead)
        {
            await RenderAsync(context, key, snapshot, day, now, isHead: true);
            return;
        }
        var mine = new TaskCompletionSource<Entry?>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (rendering.TryAdd(key, mine.Task))
        {
            Entry? stored = null;
            try
            {
                stored = await RenderAsync(context, key, snapshot, day, now, isHead: false);
            }
            finally
            {
                rendering.TryRemove(new KeyValuePair<string, Task<Entry?>>(key, mine.Task));
                mine.SetResult(stored);
            }
            return;
        }
        if (rendering.TryGetValue(key, out var other)
            && await other.WaitAsync(context.RequestAborted) is { } rendered && IsCurrent(rendered, snapshot, day, now))
        {
            await WriteAsync(context, rendered, isHead: false);
            return;
        }
        // The other render was not shareable (a 404, a personal answer) or is for an older version: render this one.
        await RenderAsync(context, key, snapshot, day, now, isHead: false);
    }

    private bool IsCurrent(Entry entry, PublicDataGeneration.Snapshot snapshot, DateOnly day, DateTimeOffset now) =>
        entry.Stamp == snapshot.Stamp && entry.Day == day && now - entry.StoredAt < options.Duration;

    /// <summary>How many answers and bytes the store holds (for the tests and the bench).</summary>
    public (int Answers, long Bytes) Size => (entries.Count, Interlocked.Read(ref storedBytes));

    /// <summary>The stored answer for the request's key, if any, found without allocating the key.</summary>
    private Entry? Find(HttpRequest request)
    {
        var parts = KeyParts.Of(request);
        var length = parts.Length;
        char[]? rented = null;
        Span<char> buffer = length <= StackKeyLength ? stackalloc char[StackKeyLength] : (rented = ArrayPool<char>.Shared.Rent(length));
        try
        {
            parts.Write(buffer);
            return lookup.TryGetValue(buffer[..length], out var entry) ? entry : null;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private static string Key(HttpRequest request)
    {
        var parts = KeyParts.Of(request);
        return string.Create(parts.Length, parts, static (span, p) => p.Write(span));
    }

    /// <summary>What the key is made of, joined by line feeds (no address or header value holds one).</summary>
    private readonly record struct KeyParts(string Scheme, string Host, string PathBase, string Path, string Query, string Accept,
        string Encoding, string Preferences)
    {
        public static KeyParts Of(HttpRequest request) => new(request.Scheme, request.Host.Value ?? "", request.PathBase.Value ?? "",
            request.Path.Value ?? "", request.QueryString.Value ?? "", request.Headers.Accept.ToString(), request.Headers.AcceptEncoding.ToString(),
            request.Headers.Cookie.Count == 0 ? "" : DisplayPreferences.FromRequest(request).CookieValue);

        public int Length => Scheme.Length + Host.Length + PathBase.Length + Path.Length + Query.Length + Accept.Length + Encoding.Length
            + Preferences.Length + 7;

        public void Write(Span<char> span)
        {
            var at = 0;
            foreach (var part in (ReadOnlySpan<string>)[Scheme, Host, PathBase, Path, Query, Accept, Encoding, Preferences])
            {
                if (at > 0)
                {
                    span[at++] = '\n';
                }
                part.CopyTo(span[at..]);
                at += part.Length;
            }
        }
    }

    private static Task WriteAsync(HttpContext context, Entry entry, bool isHead)
    {
        var response = context.Response;
        var notModified = HasValidators(context.Request) && IsNotModified(context.Request.GetTypedHeaders(), entry.ETag, entry.LastModified);
        response.StatusCode = notModified ? StatusCodes.Status304NotModified : StatusCodes.Status200OK;
        var headers = response.Headers;
        foreach (var (name, value) in entry.Headers)
        {
            if (notModified && (name.Equals(HeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase)
                || name.Equals(HeaderNames.ContentEncoding, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }
            headers[name] = value;
        }
        return notModified || isHead ? Task.CompletedTask : response.Body.WriteAsync(entry.Body, context.RequestAborted).AsTask();
    }

    /// <summary>Renders through the rest of the pipeline and answers; returns the entry stored, if any.</summary>
    private async Task<Entry?> RenderAsync(HttpContext context, string key, PublicDataGeneration.Snapshot snapshot, DateOnly day, DateTimeOffset now, bool isHead)
    {
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
            return null;
        }

        var body = buffer.ToArray();
        var etag = new EntityTagHeaderValue("\"" + Base64Url(SHA256.HashData(body)) + "\"");
        var typed = response.GetTypedHeaders();
        typed.ETag = etag;
        typed.LastModified = LastModified(snapshot, clock);
        if (response.Headers.CacheControl.Count == 0)
        {
            response.Headers.CacheControl = CacheControl;
        }
        response.ContentLength = body.Length;
        var notModified = IsNotModified(context.Request.GetTypedHeaders(), etag, typed.LastModified);
        if (notModified)
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            response.ContentLength = null;
            response.Headers.ContentEncoding = default;
        }
        // Start the answer first: the headers set when it starts (security headers, Vary) are then the ones stored.
        await response.StartAsync(context.RequestAborted);
        Entry? stored = null;
        if (!isHead && !notModified && IsShareable(response))
        {
            stored = new Entry(snapshot.Stamp, day, now, StoredHeaders(response, body.Length), body, etag, typed.LastModified);
            Store(key, stored);
        }
        if (!notModified && !isHead)
        {
            await original.WriteAsync(body, context.RequestAborted);
        }
        return stored;
    }

    /// <summary>Only a complete public answer is shared: a 404 is cheap and caching every mistyped address would let
    /// anyone fill the memory; a cookie or a "no-store" (an antiforgery token in the body) makes it personal.</summary>
    private static bool IsShareable(HttpResponse response) =>
        response.Headers.SetCookie.Count == 0
        && !response.Headers.CacheControl.Any(v => v is not null
            && (v.Contains("no-store", StringComparison.OrdinalIgnoreCase) || v.Contains("private", StringComparison.OrdinalIgnoreCase)));

    private static KeyValuePair<string, StringValues>[] StoredHeaders(HttpResponse response, int length)
    {
        var stored = new List<KeyValuePair<string, StringValues>>(response.Headers.Count + 1);
        foreach (var header in response.Headers)
        {
            if (!NotStored.Contains(header.Key) && !header.Key.Equals(HeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase))
            {
                stored.Add(header);
            }
        }
        stored.Add(new(HeaderNames.ContentLength, length.ToString(CultureInfo.InvariantCulture)));
        return [.. stored];
    }

    private void Store(string key, Entry entry)
    {
        if (entry.Body.Length > options.MaximumAnswerBytes)
        {
            return;
        }
        if (Interlocked.Add(ref storedBytes, entry.Body.Length) > options.MaximumBytes)
        {
            // Over the cap (many addresses, or an attacker varying queries): start again empty. Every entry is
            // produced again on its next read; nothing is served stale.
            Clear();
            Interlocked.Add(ref storedBytes, entry.Body.Length);
        }
        entries.AddOrUpdate(key, entry, (_, old) =>
        {
            Interlocked.Add(ref storedBytes, -old.Body.Length);
            return entry;
        });
    }

    private void Remove(string key, Entry entry)
    {
        if (entries.TryRemove(new KeyValuePair<string, Entry>(key, entry)))
        {
            Interlocked.Add(ref storedBytes, -entry.Body.Length);
        }
    }

    private void Clear()
    {
        foreach (var (key, entry) in entries)
        {
            Remove(key, entry);
        }
    }

    /// <summary>Whether the request asks a conditional question at all (most first visits do not).</summary>
    private static bool HasValidators(HttpRequest request) =>
        request.Headers.IfNoneMatch.Count > 0 || request.Headers.IfModifiedSince.Count > 0;

    private static bool IsNotModified(Microsoft.AspNetCore.Http.Headers.RequestHeaders request, EntityTagHeaderValue etag, DateTimeOffset? lastModified)
    {
        if (request.IfNoneMatch is { Count: > 0 } tags)
        {
            return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false));
        }
        return request.IfModifiedSince is { } since && lastModified is { } modified && modified <= since;
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

    private static string Base64Url(byte[] hash) =>
        Convert.ToBase64String(hash).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
