using Vigia.Web.Tests.Infrastructure;

namespace Vigia.Web.Tests.Accounts;

/// <summary>The application with the production-like sign-in limit of a few attempts a minute.</summary>
public sealed class TightLimitsFactory() : VigiaFactory(DatabaseProvider.Sqlite)
{
    protected override IEnumerable<(string Key, string Value)> Settings =>
        [("Security:SignInAttemptsPerMinute", "3"), ("Security:PublicFormPostsPerMinute", "3")];
}

public class RateLimitTests(TightLimitsFactory factory) : IClassFixture<TightLimitsFactory>
{
    [Fact]
    public async Task SignIn_PastTheLimit_Answers429InSpanish()
    {
        var client = TestAccounts.Anonymous(factory);
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 5; i++)
        {
            last = await client.PostAsync("/cuenta/ingresar", new FormUrlEncodedContent([new("Email", "x@prueba.gov.co"), new("Password", "nada")]));
            statuses.Add(last.StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(3));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Contains("Demasiados intentos", await last!.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/planes/2022")).StatusCode);
    }
}
