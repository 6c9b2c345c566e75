using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Vigia.Testing;

namespace Vigia.Web.Tests.Infrastructure;

/// <summary>The whole application on a real, fresh database of one provider, with the bundled plan loaded at start-up.</summary>
public abstract class VigiaFactory(DatabaseProvider provider) : WebApplicationFactory<Program>, IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync() => Database = await TestDatabase.CreateAsync(provider);

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", provider.ToString());
        builder.UseSetting("ConnectionStrings:Vigia", Database.ConnectionString);
        // Many sign-ins from one test "address": the rate limits have their own test with their real values.
        builder.UseSetting("Security:SignInAttemptsPerMinute", "100000");
        builder.UseSetting("Security:PublicFormPostsPerMinute", "100000");
        builder.UseSetting("Uploads:Root", Path.Combine(Path.GetTempPath(), "vigia-test-uploads", Guid.NewGuid().ToString("N")));
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Extra configuration for a factory subclass (SMTP listener, small upload limit…).</summary>
    protected virtual IEnumerable<(string Key, string Value)> Settings => [];

    public async Task<IHtmlDocument> GetPageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} returned {(int)response.StatusCode}");
        return await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }
}

public sealed class SqliteVigiaFactory() : VigiaFactory(DatabaseProvider.Sqlite);

public sealed class PostgresVigiaFactory() : VigiaFactory(DatabaseProvider.Postgres);
