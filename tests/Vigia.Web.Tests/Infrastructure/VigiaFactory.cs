using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Vigia.Core.Data;
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
    }

    public async Task<IHtmlDocument> GetPageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} returned {(int)response.StatusCode}");
        return await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }
}

public sealed class SqliteVigiaFactory() : VigiaFactory(DatabaseProvider.Sqlite);

public sealed class PostgresVigiaFactory() : VigiaFactory(DatabaseProvider.Postgres);
