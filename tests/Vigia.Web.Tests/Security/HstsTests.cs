using Microsoft.AspNetCore.Mvc.Testing;

namespace Vigia.Web.Tests.Security;

/// <summary>Strict-Transport-Security is sent over HTTPS when <c>Security:RequireHttps</c> is on, and only then (issue 14).</summary>
public abstract class HstsTests(VigiaFactory app)
{
    private const string Header = "Strict-Transport-Security";

    /// <summary>A request over HTTPS to the entity's public name (HSTS is never sent to localhost).</summary>
    private static async Task<HttpResponseMessage> GetOverHttpsAsync(VigiaFactory host)
    {
        using var client = host.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://vigia.entidad.gov.co"),
            AllowAutoRedirect = false,
        });
        return await client.GetAsync(new Uri("/", UriKind.Relative));
    }

    [Fact]
    public async Task With_RequireHttps_on_the_header_pins_https_for_a_year_with_subdomains()
    {
        await using var secure = await VigiaFactory.StartAsync(app.Provider, new(Settings: new Dictionary<string, string>
        {
            ["Security:RequireHttps"] = "true",
        }));

        var response = await GetOverHttpsAsync(secure);

        Assert.True(response.Headers.TryGetValues(Header, out var values), "no Strict-Transport-Security header");
        Assert.Equal("max-age=31536000; includeSubDomains", Assert.Single(values));
    }

    [Fact]
    public async Task With_RequireHttps_off_there_is_no_header()
    {
        var response = await GetOverHttpsAsync(app);

        Assert.False(response.Headers.Contains(Header));
    }
}

[Collection(SharedHosts.SqliteSmallPlan)]
public sealed class SqliteHstsTests(SqliteApp app) : HstsTests(app);

[Collection(SharedHosts.PostgresSmallPlan)]
public sealed class PostgresHstsTests(PostgresApp app) : HstsTests(app);
