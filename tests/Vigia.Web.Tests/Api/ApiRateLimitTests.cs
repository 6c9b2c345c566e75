using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Vigia.Web.Tests.Api;

/// <summary>Issue 13: the API's rate limits (Api:RateLimit), per address without a token and per token with one, answered with
/// 429, Retry-After and problem details in Spanish; pages never count.</summary>
public abstract class ApiRateLimitTests(DatabaseProvider provider)
{
    [Fact]
    public async Task AnonymousReads_ArePerAddress_TokenCalls_PerToken_AndPagesAreNotLimited()
    {
        await using var app = await VigiaFactory.StartAsync(provider, new(Settings: new Dictionary<string, string>
        {
            ["Api:RateLimit:AnonymousPerMinute"] = "3",
            ["Api:RateLimit:TokenPerMinute"] = "2",
        }));
        var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var planning = await app.SignInAsAsync(Roles.Planning);
        var created = await planning.PostFormAsync("/cuenta/tokens?handler=Create",
            [new("Name", "Lectura"), new("ExpiresOn", "2026-12-31"), new("Scopes", TokenScopes.Read)], "/cuenta/tokens");
        var secret = (await TestClient.ParseAsync(created)).QuerySelector("#token-secret")!.GetAttribute("value")!;
        var withToken = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        withToken.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);

        // Distinct queries, so that no answer comes from the output cache (a cached read costs nothing and is not counted).
        var anonymousCodes = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            anonymousCodes.Add((await anonymous.GetAsync(new Uri($"/api/v1/risk-methods?n={i.ToString(CultureInfo.InvariantCulture)}", UriKind.Relative))).StatusCode);
        }
        var limited = await anonymous.GetAsync(new Uri("/api/risk-methods?n=alias", UriKind.Relative));
        var tokenCodes = new List<HttpStatusCode>();
        for (var i = 0; i < 2; i++)
        {
            tokenCodes.Add((await withToken.GetAsync(new Uri($"/api/v1/risk-methods?t={i.ToString(CultureInfo.InvariantCulture)}", UriKind.Relative))).StatusCode);
        }
        var tokenLimited = await withToken.GetAsync(new Uri("/api/v1/risk-methods?t=x", UriKind.Relative));
        var pages = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            pages.Add((await anonymous.GetAsync(new Uri($"/transparencia?p={i.ToString(CultureInfo.InvariantCulture)}", UriKind.Relative))).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], anonymousCodes);
        var body = await ApiTokensTests.ProblemAsync(limited, HttpStatusCode.TooManyRequests);
        Assert.Equal("Demasiadas solicitudes", body.GetProperty("title").GetString());
        Assert.Contains("por dirección", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture) is > 0 and <= 60);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], tokenCodes);
        var tokenBody = await ApiTokensTests.ProblemAsync(tokenLimited, HttpStatusCode.TooManyRequests);
        Assert.Contains("por token", tokenBody.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(tokenLimited.Headers.Contains("Retry-After"));
        Assert.All(pages, p => Assert.Equal(HttpStatusCode.OK, p));
    }
}

public sealed class SqliteApiRateLimitTests() : ApiRateLimitTests(DatabaseProvider.Sqlite);

public sealed class PostgresApiRateLimitTests() : ApiRateLimitTests(DatabaseProvider.Postgres);
