using Vigia.Core.OpenData;
using Vigia.Web.Tests.OpenData;

namespace Vigia.Web.Tests.Pages.OpenData;

/// <summary>Issue 13: the DCAT catalogue (/datos/catalogo): JSON-LD and Turtle by the Accept header (and at fixed
/// addresses), parsed by a real RDF parser, every downloadURL answering; HTML otherwise.</summary>
public abstract class CatalogueTests(VigiaFactory app)
{
    private readonly TestClient client = app.Anonymous();

    private async Task<HttpResponseMessage> AskAsync(string url, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.Accept.ParseAdd(accept);
        return await client.Http.SendAsync(request);
    }

    [Theory]
    [InlineData("application/ld+json", "application/ld+json", "json-ld")]
    [InlineData("text/turtle", "text/turtle", "turtle")]
    [InlineData("text/turtle;q=0.5, application/ld+json", "application/ld+json", "json-ld")]
    public async Task Catalogue_AskedForRdf_ParsesWithEveryDatasetAndDistribution(string accept, string served, string format)
    {
        await OpenDataArrange.EverythingAsync(app);

        var response = await AskAsync("/datos/catalogo", accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(served, response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Accept", response.Headers.Vary);
        var rdf = await Rdflib.ParseAsync(await response.Content.ReadAsStringAsync(), format);
        Assert.Equal(1, rdf.Catalogs);
        // One dataset per registry dataset (one entity); the plan, follow-ups and map of one year each, the audit trail once.
        Assert.Equal(OpenDatasets.All.Count, rdf.Datasets);
        Assert.Equal(OpenDatasets.All.Count * OpenDataset.Formats.Count, rdf.Distributions);
        Assert.Equal(rdf.Distributions, rdf.DownloadUrls.Count);
        Assert.Equal(["https://creativecommons.org/licenses/by-sa/4.0/"], rdf.Licences);
        Assert.Equal(["Alcaldía de Prueba"], rdf.Publishers);
    }

    [Fact]
    public async Task Catalogue_BothSerialisations_SayTheSame_AndEveryDownloadUrlAnswersWithItsType()
    {
        await OpenDataArrange.EverythingAsync(app);

        var jsonLd = await Rdflib.ParseAsync(await client.GetStringAsync("/datos/catalogo.jsonld"), "json-ld");
        var turtle = await Rdflib.ParseAsync(await client.GetStringAsync("/datos/catalogo.ttl"), "turtle");

        Assert.Equal(jsonLd, turtle with { DownloadUrls = jsonLd.DownloadUrls, Licences = jsonLd.Licences, Publishers = jsonLd.Publishers });
        Assert.Equal(jsonLd.DownloadUrls, turtle.DownloadUrls);
        foreach (var url in jsonLd.DownloadUrls)
        {
            var uri = new Uri(url);
            var response = await client.GetAsync(uri.PathAndQuery);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
            var extension = uri.AbsolutePath[(uri.AbsolutePath.LastIndexOf('.') + 1)..];
            Assert.Equal(OpenDataset.MediaType(extension), response.Content.Headers.ContentType!.MediaType);
        }
    }

    [Fact]
    public async Task Catalogue_ForABrowser_IsAPageListingEveryDataset()
    {
        await OpenDataArrange.EverythingAsync(app);

        var response = await AskAsync("/datos/catalogo", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        var page = await TestClient.ParseAsync(response);

        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Accept", response.Headers.Vary);
        var rows = page.QuerySelectorAll("table tbody tr");
        Assert.Equal(OpenDatasets.All.Count, rows.Length);
        Assert.NotNull(page.QuerySelector("a[href='/datos/catalogo.ttl']"));
        Assert.NotNull(page.QuerySelector("a[href='/datos/conjuntos/riesgos']"));
        Assert.Equal(HttpStatusCode.OK, (await client.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri("/datos/catalogo.ttl", UriKind.Relative)))).StatusCode);
    }

    [Fact]
    public async Task Catalogue_WithNothingAskedFor_IsHtml()
    {
        var response = await client.GetAsync("/datos/catalogo");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
    }
}

[Collection(SharedHosts.SqliteOpenData)]
public sealed class SqliteCatalogueTests(SqliteApp app) : CatalogueTests(app);

[Collection(SharedHosts.PostgresOpenData)]
public sealed class PostgresCatalogueTests(PostgresApp app) : CatalogueTests(app);
