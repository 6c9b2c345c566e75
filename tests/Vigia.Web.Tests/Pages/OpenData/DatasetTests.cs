using System.Text.Json;
using Vigia.Core.OpenData;
using Vigia.Web.Tests.OpenData;

namespace Vigia.Web.Tests.Pages.OpenData;

/// <summary>Issue 13: a dataset's page (/datos/conjuntos/{slug}) with its dictionary, licence and files, and schema.org
/// <c>Dataset</c> markup that says the same.</summary>
public abstract class DatasetTests(VigiaFactory app)
{
    private readonly TestClient client = app.Anonymous();

    [Fact]
    public async Task Get_ShowsTheDictionaryTheLicenceAndEveryFile()
    {
        await OpenDataArrange.EverythingAsync(app);

        var page = await client.GetPageAsync("/datos/conjuntos/seguimientos");

        Assert.Equal(OpenDatasets.FollowUps.Title, page.QuerySelector("h1")!.TextContent.Trim());
        var dictionary = page.QuerySelectorAll("tbody th code").Select(c => c.TextContent).ToList();
        Assert.Equal(OpenDatasets.FollowUps.ColumnNames, dictionary);
        Assert.Equal("https://creativecommons.org/licenses/by-sa/4.0/", page.QuerySelector("a[rel='license']")!.GetAttribute("href"));
        Assert.Equal(["/datos/alcaldia-de-prueba/2022/seguimientos.csv", "/datos/alcaldia-de-prueba/2022/seguimientos.json", "/datos/alcaldia-de-prueba/2022/seguimientos.xlsx"],
            page.QuerySelectorAll("ul.downloads a").Select(a => a.GetAttribute("href")));
        Assert.Contains("Tres veces al año", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_CarriesSchemaOrgDatasetMarkup_WithTheDictionaryAndTheDownloads()
    {
        await OpenDataArrange.EverythingAsync(app);

        var page = await client.GetPageAsync("/datos/conjuntos/riesgos");

        using var json = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.Equal("https://schema.org", json.RootElement.GetProperty("@context").GetString());
        var dataset = Assert.Single(json.RootElement.GetProperty("@graph").EnumerateArray());
        Assert.Equal("Dataset", dataset.GetProperty("@type").GetString());
        Assert.Equal("https://creativecommons.org/licenses/by-sa/4.0/", dataset.GetProperty("license").GetString());
        Assert.Equal("Alcaldía de Prueba", dataset.GetProperty("publisher").GetProperty("name").GetString());
        Assert.Equal(OpenDatasets.Risks.ColumnNames, dataset.GetProperty("variableMeasured").EnumerateArray().Select(v => v.GetProperty("name").GetString()));
        var downloads = dataset.GetProperty("distribution").EnumerateArray().ToList();
        Assert.Equal(["text/csv", "application/json", OpenDataset.MediaType("xlsx")], downloads.Select(d => d.GetProperty("encodingFormat").GetString()));
        foreach (var d in downloads)
        {
            var response = await client.GetAsync(new Uri(d.GetProperty("contentUrl").GetString()!).PathAndQuery);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        Assert.True(dataset.TryGetProperty("dateModified", out _));
    }

    [Fact]
    public async Task Get_EveryDatasetOfTheRegistry_HasAPageWithItsDictionary()
    {
        foreach (var dataset in OpenDatasets.All)
        {
            var page = await client.GetPageAsync($"/datos/conjuntos/{dataset.Slug}");

            Assert.Equal(dataset.ColumnNames, page.QuerySelectorAll("tbody th code").Select(c => c.TextContent));
            Assert.Equal(dataset.Columns.Select(c => c.TypeName), page.QuerySelectorAll("tbody td[data-label='Tipo']").Select(c => c.TextContent));
        }
    }

    [Fact]
    public async Task Get_UnknownDataset_Is404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/datos/conjuntos/no-existe")).StatusCode);
    }
}

[Collection(SharedHosts.SqliteOpenData)]
public sealed class SqliteDatasetTests(SqliteApp app) : DatasetTests(app);

[Collection(SharedHosts.PostgresOpenData)]
public sealed class PostgresDatasetTests(PostgresApp app) : DatasetTests(app);
