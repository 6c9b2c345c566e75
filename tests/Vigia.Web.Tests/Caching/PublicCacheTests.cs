using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Headers;
using Vigia.Core.FollowUps;
using Vigia.Core.Plans;
using static Vigia.Web.Tests.Pages.FollowUps.FollowUpsData;

namespace Vigia.Web.Tests.Caching;

/// <summary>Issue 13: anonymous public reads are produced once per change and then served from memory, without the
/// database; a change committed through the application is seen by the next request; signed-in and personal
/// answers are never shared; validators, compression and HEAD.</summary>
public abstract class PublicCacheTests(CachingApp app)
{
    private const string Entity = "alcaldia-de-prueba";

    private static HttpRequestMessage Get(string url, string? acceptEncoding = null, HttpMethod? method = null)
    {
        var request = new HttpRequestMessage(method ?? HttpMethod.Get, new Uri(url, UriKind.Relative));
        if (acceptEncoding is not null)
        {
            request.Headers.AcceptEncoding.ParseAdd(acceptEncoding);
        }
        return request;
    }

    private async Task<(HttpResponseMessage Response, byte[] Body, int Commands)> FetchAsync(HttpRequestMessage request)
    {
        app.Commands.Reset();
        var client = app.Anonymous();
        var response = await client.Http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        return (response, body, app.Commands.Count);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/planes/2022")]
    [InlineData("/planes/2022/componente/3")]
    [InlineData("/tablero")]
    [InlineData("/seguimientos")]
    [InlineData("/datos/2022/acciones.csv")]
    [InlineData("/api/plans/2022")]
    public async Task RepeatedAnonymousGet_IsServedFromTheCache_WithoutTouchingTheDatabase(string url)
    {
        await TestData.SmallPlanAsync(app);

        var first = await FetchAsync(Get(url));
        var second = await FetchAsync(Get(url));

        // The first request renders (or was already cached by an earlier test of this host); the second never renders.
        Assert.Equal(HttpStatusCode.OK, first.Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.Response.StatusCode);
        Assert.Equal(0, second.Commands);
        Assert.Equal(first.Body, second.Body);
        Assert.Equal(first.Response.Headers.ETag, second.Response.Headers.ETag);
        Assert.Equal(first.Response.Content.Headers.ContentType, second.Response.Content.Headers.ContentType);
    }

    [Fact]
    public async Task EntityInFront_AndQuery_AreTheirOwnEntries()
    {
        await TestData.SmallPlanAsync(app);
        await FetchAsync(Get("/planes/2022"));

        var prefixed = await FetchAsync(Get($"/planes/{Entity}/2022"));
        var withQuery = await FetchAsync(Get("/planes/2022?pagina=2"));

        Assert.Equal(HttpStatusCode.OK, prefixed.Response.StatusCode);
        Assert.True(prefixed.Commands > 0);
        Assert.True(withQuery.Commands > 0);
    }

    [Fact]
    public async Task SignedInRequests_AreNeverAnsweredFromTheCache_NorStored()
    {
        await TestData.SmallPlanAsync(app);
        await FetchAsync(Get("/planes/2022"));
        var staff = await app.SignInAsAsync(Roles.Planning);

        app.Commands.Reset();
        var signedIn = await staff.GetPageAsync("/planes/2022");
        Assert.True(app.Commands.Count > 0);
        Assert.NotNull(signedIn.QuerySelector("form[action='/cuenta/salir']"));

        var anonymous = await app.Anonymous().GetPageAsync("/planes/2022");
        Assert.Null(anonymous.QuerySelector("form[action='/cuenta/salir']"));
    }

    [Fact]
    public async Task OtherCookiesAndStaffAddresses_AreNotCached_NorNotFound()
    {
        await TestData.SmallPlanAsync(app);
        await FetchAsync(Get("/tablero"));

        var withCookie = Get("/tablero");
        withCookie.Headers.Add("Cookie", ".AspNetCore.Mvc.CookieTempDataProvider=algo");
        Assert.True((await FetchAsync(withCookie)).Commands > 0);

        await FetchAsync(Get("/planes/2099"));
        var missing = await FetchAsync(Get("/planes/2099"));
        Assert.Equal(HttpStatusCode.NotFound, missing.Response.StatusCode);
        Assert.True(missing.Commands > 0, "A 404 is not stored: every mistyped address would take memory.");

        Assert.False(Web.Caching.PublicReads.IsPublicPath(new Microsoft.AspNetCore.Http.PathString("/seguimientos/gestion")));
        Assert.False(Web.Caching.PublicReads.IsPublicPath(new Microsoft.AspNetCore.Http.PathString("/mapa-riesgos/gestion/publicacion")));
        Assert.False(Web.Caching.PublicReads.IsPublicPath(new Microsoft.AspNetCore.Http.PathString("/gestion/planes/2022/borrador")));
        Assert.True(Web.Caching.PublicReads.IsPublicPath(new Microsoft.AspNetCore.Http.PathString("/mapa-riesgos/2022")));
        Assert.False(Web.Caching.PublicReads.IsPublicPath(new Microsoft.AspNetCore.Http.PathString("/planes/GESTION")));
        Assert.False(Web.Caching.PublicReads.IsPublicPath(new Microsoft.AspNetCore.Http.PathString("/planes//gestion/")));
        Assert.True(Web.Caching.PublicReads.IsPublicPath(new Microsoft.AspNetCore.Http.PathString("/planes/gestionar/2022/")));
        Assert.False(Web.Caching.PublicReads.IsPublicPath(new Microsoft.AspNetCore.Http.PathString("/planeses/2022")));
    }

    [Fact]
    public async Task AKeyLongerThanTheStackBuffer_IsFoundAgain_AndKeptApartFromAnother()
    {
        await TestData.SmallPlanAsync(app);
        // Over 512 characters: the key is written into a rented buffer, not the stack.
        var longQuery = "/planes/2022?campo=" + new string('a', 700);
        var otherQuery = "/planes/2022?campo=" + new string('a', 699) + "b";

        var first = await FetchAsync(Get(longQuery));
        var again = await FetchAsync(Get(longQuery));
        var other = await FetchAsync(Get(otherQuery));

        Assert.Equal(HttpStatusCode.OK, first.Response.StatusCode);
        Assert.True(first.Commands > 0);
        Assert.Equal(0, again.Commands);
        Assert.Equal(first.Body, again.Body);
        Assert.True(other.Commands > 0, "A key that differs only in its last character is its own entry.");
    }

    [Fact]
    public async Task DisplayPreferences_AreInTheKey()
    {
        await TestData.SmallPlanAsync(app);
        await FetchAsync(Get("/transparencia"));

        var contrast = Get("/transparencia");
        contrast.Headers.Add("Cookie", "vigia-prefs=high-contrast");
        var high = await FetchAsync(contrast);
        var plain = await FetchAsync(Get("/transparencia"));

        Assert.True(high.Commands > 0);
        Assert.Contains("high-contrast", System.Text.Encoding.UTF8.GetString(high.Body), StringComparison.Ordinal);
        Assert.Equal(0, plain.Commands);
        Assert.DoesNotContain("class=\"high-contrast", System.Text.Encoding.UTF8.GetString(plain.Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishingAFollowUp_TheNextGetHasTheFreshBody()
    {
        await TestData.SmallPlanAsync(app);
        var url = "/seguimientos/2022/consolidado";
        var before = await app.Anonymous().GetPageAsync(url);
        Assert.All(before.QuerySelectorAll("table.consolidated tbody td"), td => Assert.Equal("Pendiente", td.TextContent.Trim()));
        Assert.Equal(0, (await FetchAsync(Get(url))).Commands);

        var planId = await PlanIdAsync(app);
        await using (var scope = app.Scope())
        {
            var service = scope.ServiceProvider.GetRequiredService<FollowUpService>();
            var lifecycle = scope.ServiceProvider.GetRequiredService<FollowUpLifecycle>();
            var actor = new Actor("ci-cache", "Control Interno", new HashSet<string> { Roles.InternalControl });
            var cutOff = new DateOnly(2022, 4, 30);
            foreach (var action in await ActionIdsAsync(app, planId))
            {
                Assert.True((await service.AssessAsync(actor, planId, cutOff, action, new AssessmentInput(AssessmentStatus.Completed, 100, null, null))).Succeeded);
            }
            Assert.True((await lifecycle.CloseAsync(actor, planId, cutOff)).Succeeded);
            Assert.True((await lifecycle.PublishAsync(actor, planId, cutOff)).Succeeded);
        }

        var after = await app.Anonymous().GetPageAsync(url);
        Assert.Contains(after.QuerySelectorAll("table.consolidated tbody td"), td => td.TextContent.Trim() != "Pendiente");
    }

    [Fact]
    public async Task PublishingAPlan_TheNextGetHasTheFreshBody()
    {
        await TestData.SmallPlanAsync(app);
        var draft = await TestData.CreatePlanAsync(app, p => p
            .ForYear(2031)
            .WithComponent(1, "GESTIÓN DEL RIESGO DE CORRUPCIÓN - MAPA DE RIESGOS DE CORRUPCIÓN")
            .WithActivity("1.1.1", "Actualizar la política de administración del riesgo")
            .WithAction(x => x.Target(1).Responsible(TestData.Organisation)));
        var url = "/planes/2031";
        var before = (await app.Anonymous().GetPageAsync(url)).QuerySelector("main dl")!.TextContent;
        Assert.Equal(0, (await FetchAsync(Get(url))).Commands);

        await using (var scope = app.Scope())
        {
            // The installation-wide administrator and Planeación: no entity of its own, so it publishes any entity's plan.
            var user = await TestPeople.CreateInstallationPlannerAsync(app.Services);
            var planner = new Actor(user.Id, "Ana Planeación", new HashSet<string> { Roles.Administrator, Roles.Planning });
            var published = await scope.ServiceProvider.GetRequiredService<PlanLifecycleService>()
                .PublishAsync(draft.Id, new PublicationApproval("Alcalde", ColombianDate(), null, true,
                    "Se publica con los errores de la revisión de calidad para probar la caché"), planner);
            Assert.True(published.Succeeded, string.Join("; ", published.Errors.Values));
        }

        var after = (await app.Anonymous().GetPageAsync(url)).QuerySelector("main dl")!.TextContent;
        Assert.NotEqual(before, after);
    }

    private DateOnly ColombianDate() => DateOnly.Parse(TestTime.ColombianDate(app.Clock), CultureInfo.InvariantCulture);

    [Fact]
    public async Task TheColombianDayIsInTheKey_AndAnUnchangedBodyAnswers304()
    {
        await TestData.SmallPlanAsync(app);
        var url = "/datos/2022/acciones.csv";
        var first = await FetchAsync(Get(url));
        var start = app.Clock.GetUtcNow();
        var endOfDay = new DateTimeOffset(start.ToOffset(TestTime.ColombiaOffset).Date.AddDays(1).AddMinutes(-1), TestTime.ColombiaOffset);
        // The fake clock only moves forward: the rest of this class's tests run on the next day, which they do not mind.
        app.Clock.SetUtcNow(endOfDay.ToUniversalTime());
        Assert.Equal(0, (await FetchAsync(Get(url))).Commands);

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var conditional = Get(url);
        conditional.Headers.IfNoneMatch.Add(first.Response.Headers.ETag!);
        var nextDay = await FetchAsync(conditional);

        Assert.True(nextDay.Commands > 0, "A new Colombian day renders again: a page about \"today\" is never yesterday's.");
        Assert.Equal(HttpStatusCode.NotModified, nextDay.Response.StatusCode);
        Assert.Empty(nextDay.Body);
    }

    [Fact]
    public async Task Validators_ETagLastModifiedAndCacheControl_And304()
    {
        await TestData.SmallPlanAsync(app);
        var url = "/planes/2022/componente/3";
        var first = await FetchAsync(Get(url));
        var etag = first.Response.Headers.ETag!;

        Assert.False(etag.IsWeak);
        Assert.NotNull(first.Response.Content.Headers.LastModified);
        Assert.True(first.Response.Headers.CacheControl!.Public);
        Assert.True(first.Response.Headers.CacheControl.NoCache);
        Assert.Equal(first.Body.Length, first.Response.Content.Headers.ContentLength);

        var matching = Get(url);
        matching.Headers.IfNoneMatch.Add(etag);
        var notModified = await FetchAsync(matching);
        Assert.Equal(HttpStatusCode.NotModified, notModified.Response.StatusCode);
        Assert.Empty(notModified.Body);
        Assert.Equal(0, notModified.Commands);

        var other = Get(url);
        other.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"otra\""));
        Assert.Equal(HttpStatusCode.OK, (await FetchAsync(other)).Response.StatusCode);

        var since = Get(url);
        since.Headers.IfModifiedSince = first.Response.Content.Headers.LastModified;
        Assert.Equal(HttpStatusCode.NotModified, (await FetchAsync(since)).Response.StatusCode);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task LargeTextIsCompressed_AndEachEncodingHasItsOwnETag(string encoding)
    {
        await TestData.SmallPlanAsync(app);
        var url = "/datos/2022/acciones.csv";
        var plain = await FetchAsync(Get(url));

        var compressed = await FetchAsync(Get(url, encoding));
        var again = await FetchAsync(Get(url, encoding));

        Assert.Equal(encoding, Assert.Single(compressed.Response.Content.Headers.ContentEncoding));
        Assert.Contains("Accept-Encoding", compressed.Response.Headers.Vary);
        Assert.NotEqual(plain.Response.Headers.ETag, compressed.Response.Headers.ETag);
        Assert.Equal(plain.Body, Decompress(encoding, compressed.Body));
        Assert.Equal(0, again.Commands);
        Assert.Equal(compressed.Body, again.Body);
        Assert.Empty(plain.Response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task AlreadyCompressedFiles_AreNotCompressedAgain()
    {
        await TestData.SmallPlanAsync(app);
        var xlsx = await FetchAsync(Get("/datos/2022/plan.xlsx", "br, gzip"));
        Assert.Equal(HttpStatusCode.OK, xlsx.Response.StatusCode);
        Assert.Empty(xlsx.Response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task Head_HasTheSameHeadersAsGet_AndNoBody()
    {
        await TestData.SmallPlanAsync(app);
        var url = "/api/plans/2022";
        var get = await FetchAsync(Get(url));
        // HEAD is rendered every time (docs/caching.md), so both answers have the GET's length.
        foreach (var attempt in new[] { "primera", "segunda" })
        {
            var head = await FetchAsync(Get(url, method: HttpMethod.Head));
            Assert.Equal(HttpStatusCode.OK, head.Response.StatusCode);
            Assert.Empty(head.Body);
            Assert.Equal(get.Response.Headers.ETag, head.Response.Headers.ETag);
            Assert.Equal(get.Response.Content.Headers.ContentType, head.Response.Content.Headers.ContentType);
            Assert.True(get.Body.Length == head.Response.Content.Headers.ContentLength,
                $"HEAD {attempt}: Content-Length {head.Response.Content.Headers.ContentLength}, GET {get.Body.Length}");
            Assert.Equal(get.Response.Content.Headers.LastModified, head.Response.Content.Headers.LastModified);
        }
    }

    private static byte[] Decompress(string encoding, byte[] body)
    {
        using var input = new MemoryStream(body);
        using Stream decoder = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }
}

public sealed class SqlitePublicCacheTests(SqliteCachingApp app) : PublicCacheTests(app), IClassFixture<SqliteCachingApp>;

public sealed class PostgresPublicCacheTests(PostgresCachingApp app) : PublicCacheTests(app), IClassFixture<PostgresCachingApp>;
