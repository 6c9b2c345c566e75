using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;

namespace Vigia.Web.Tests.Api;

/// <summary>Issue 13: the OpenAPI 3 document (/openapi/v1.json) lists every public read with a Spanish summary, and the
/// reference page (/api/referencia) loads nothing from another origin.</summary>
public abstract partial class ApiReferenceTests(VigiaFactory app)
{
    private readonly TestClient client = app.Anonymous();

    [GeneratedRegex(@"\{(\w+)(:[^}]*(\{[^}]*\}[^}]*)*)?\}", RegexOptions.CultureInvariant)]
    private static partial Regex Parameter();

    /// <summary>The public reads of the API and open data, from the routing itself: every GET endpoint under /api or
    /// /datos that is not a Razor page nor the reference page.</summary>
    private List<string> PublicReads() => app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
        .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is { } m && m.HttpMethods.Contains(HttpMethods.Get))
        .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is null)
        // The unversioned /api aliases of v1 are left out of the document on purpose (ADR 034).
        .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
        .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
        .Where(p => (p.StartsWith("/api/", StringComparison.Ordinal) || p.StartsWith("/datos/", StringComparison.Ordinal))
            && !p.StartsWith("/api/referencia", StringComparison.Ordinal))
        .Select(p => Parameter().Replace(p, "{$1}"))
        .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task Document_IsOpenApi3_AndListsEveryPublicReadWithASpanishSummary()
    {
        var response = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = doc.RootElement;
        Assert.StartsWith("3.", root.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Equal("API pública de Vigía", root.GetProperty("info").GetProperty("title").GetString());
        Assert.Equal("v1", root.GetProperty("info").GetProperty("version").GetString());
        var paths = root.GetProperty("paths").EnumerateObject().ToList();
        var reads = PublicReads();
        Assert.Contains("/api/v1/plans/{year}", reads);
        Assert.DoesNotContain("/api/plans/{year}", reads);
        Assert.Contains("/datos/{entity}/{year}/acciones.{format}", reads);
        Assert.Equal(reads, paths.Select(p => p.Name).Where(reads.Contains).Order(StringComparer.Ordinal));
        foreach (var path in paths.Where(p => reads.Contains(p.Name)))
        {
            var get = path.Value.GetProperty("get");
            Assert.True(get.TryGetProperty("summary", out var summary) && summary.GetString()!.Length > 10, $"{path.Name} has no summary");
        }
        Assert.Equal(HttpStatusCode.OK, (await client.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri("/openapi/v1.json", UriKind.Relative)))).StatusCode);
    }

    [Fact]
    public async Task Document_ReadByMicrosoftOpenApi_HasNoErrors_DeclaresTheBearerScheme_AndListsTheWriteEndpoint()
    {
        var text = await client.GetStringAsync("/openapi/v1.json");

        var read = Microsoft.OpenApi.OpenApiDocument.Parse(text, "json");
        Assert.Empty(read.Diagnostic!.Errors);
        var document = read.Document!;
        var scheme = document.Components!.SecuritySchemes!["Bearer"];
        Assert.Equal(Microsoft.OpenApi.SecuritySchemeType.Http, scheme.Type);
        Assert.Equal("bearer", scheme.Scheme);
        var write = document.Paths["/api/v1/plans/{year}/actions/{actionId}/reports"].Operations![HttpMethod.Post];
        Assert.Contains("avances:escribir", write.Summary, StringComparison.Ordinal);
        Assert.Contains("multipart/form-data", write.RequestBody!.Content!.Keys);
        Assert.Contains("files", write.RequestBody.Content["multipart/form-data"].Schema!.Properties!.Keys, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(["201", "400", "401", "403", "404", "409", "422", "429"], write.Responses!.Keys.Order(StringComparer.Ordinal));
        Assert.Contains(write.Security!, r => r.Keys.Any(k => k.Reference.Id == "Bearer"));
        var publicRead = document.Paths["/api/v1/plans/{year}"].Operations![HttpMethod.Get];
        Assert.True(publicRead.Security is null || publicRead.Security.Count == 0);
        Assert.DoesNotContain("/api/plans/{year}", document.Paths.Keys);
        Assert.Contains("alias", document.Info.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AliasWithoutVersion_AnswersTheSameBytesAsV1()
    {
        var v1 = await client.GetStringAsync("/api/v1/plans/2022");
        var alias = await client.GetStringAsync("/api/plans/2022");

        Assert.Equal(v1, alias);
    }

    [Fact]
    public async Task ReferencePage_LoadsItsScriptFromThisServer_AndTheInlineOneCarriesThePolicysNonce()
    {
        var response = await client.GetAsync("/api/referencia/v1");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var sources = page.QuerySelectorAll("script[src], link[href]").Select(e => e.GetAttribute("src") ?? e.GetAttribute("href")!).ToList();
        Assert.NotEmpty(sources);
        Assert.All(sources, s => Assert.DoesNotMatch("^(https?:)?//", s));
        Assert.DoesNotContain("cdn.jsdelivr", html, StringComparison.Ordinal);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        var inline = page.QuerySelectorAll("script:not([src])").ToList();
        Assert.All(inline, s => Assert.Contains($"'nonce-{s.GetAttribute("nonce")}'", policy, StringComparison.Ordinal));
        foreach (var src in sources.Where(s => s.EndsWith(".js", StringComparison.Ordinal)))
        {
            var script = await client.GetAsync(src.StartsWith('/') ? src : "/api/referencia/" + src.TrimStart('.', '/'));
            Assert.True(script.StatusCode == HttpStatusCode.OK, $"{src}: {script.StatusCode}");
        }
        // Every other page keeps the policy without inline script.
        var home = await client.GetAsync("/datos");
        Assert.DoesNotContain("nonce-", home.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }
}

[Collection(SharedHosts.SqliteBundledPlan)]
public sealed class SqliteApiReferenceTests(SqliteBundledPlanApp app) : ApiReferenceTests(app);

[Collection(SharedHosts.PostgresBundledPlan)]
public sealed class PostgresApiReferenceTests(PostgresBundledPlanApp app) : ApiReferenceTests(app);
