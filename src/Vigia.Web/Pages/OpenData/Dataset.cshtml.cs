using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Vigia.Core.OpenData;
using Vigia.Web.OpenData;

namespace Vigia.Web.Pages.OpenData;

/// <summary>/datos/conjuntos/{slug}: one dataset of the registry with its dictionary, licence, publisher, update date,
/// frequency and every file, and the same described as schema.org <c>Dataset</c> (JSON-LD) for search engines.</summary>
public class DatasetModel(OpenDataCatalog catalog, LinkGenerator links, IOptions<OpenDataOptions> licence) : PageModel
{
    public OpenDataset Dataset { get; private set; } = OpenDatasets.Actions;

    /// <summary>The entities that publish the dataset, each with its years.</summary>
    public IReadOnlyList<CatalogEntry> Entries { get; private set; } = [];

    public OpenDataOptions Licence => licence.Value;

    /// <summary>The schema.org description, already serialised (its encoder escapes &lt; and &gt;, so it cannot end the script element).</summary>
    public string StructuredData { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (OpenDatasets.Find(slug) is not { } dataset)
        {
            return NotFound();
        }
        Dataset = dataset;
        Entries = [.. (await catalog.LoadAsync(ct)).Where(e => e.Dataset == dataset)];
        StructuredData = SchemaOrg(HttpContext, dataset, Entries, links, licence.Value);
        return Page();
    }

    public static IReadOnlyList<int?> YearsOf(CatalogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Dataset.Scope == DatasetScope.Installation ? [null] : [.. entry.Years.Select(y => (int?)y)];
    }

    private static string SchemaOrg(HttpContext http, OpenDataset dataset, IReadOnlyList<CatalogEntry> entries, LinkGenerator links, OpenDataOptions licence)
    {
        var page = CatalogueEndpoints.DatasetPageUri(http, links, dataset);
        var variables = new JsonArray([.. dataset.Columns.Select(c => (JsonNode)new JsonObject
        {
            ["@type"] = "PropertyValue",
            ["name"] = c.Name,
            ["description"] = c.Meaning,
            ["unitText"] = c.TypeName,
        })]);
        var described = entries.Count == 0 ? [null] : entries.Select(e => (CatalogEntry?)e).ToList();
        var graph = new JsonArray([.. described.Select(e =>
        {
            var node = new JsonObject
            {
                ["@type"] = "Dataset",
                ["@id"] = e is null ? page : DcatCatalog.DatasetUri(page, e),
                ["name"] = e is null ? dataset.Title : $"{dataset.Title} — {e.Label}",
                ["description"] = dataset.Description,
                ["url"] = page,
                ["keywords"] = new JsonArray([.. dataset.Keywords.Select(k => (JsonNode)k)]),
                ["license"] = licence.LicenceUrl,
                ["isAccessibleForFree"] = true,
                ["inLanguage"] = "es-CO",
                ["variableMeasured"] = variables.DeepClone(),
                ["includedInDataCatalog"] = new JsonObject { ["@type"] = "DataCatalog", ["url"] = links.GetUriByPage(http, "/OpenData/Catalogue") },
            };
            if (e is not null)
            {
                var publisher = new JsonObject { ["@type"] = "GovernmentOrganization", ["name"] = e.EntityName };
                if (e.EntityWebsite is { Length: > 0 } site)
                {
                    publisher["url"] = site;
                }
                node["publisher"] = publisher;
                node["creator"] = publisher.DeepClone();
                if (e.Modified is { } m)
                {
                    node["dateModified"] = m.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                }
                if (e.Years.Count > 0)
                {
                    node["temporalCoverage"] = string.Create(CultureInfo.InvariantCulture, $"{e.Years.Min()}-01-01/{e.Years.Max()}-12-31");
                }
                node["distribution"] = new JsonArray([.. YearsOf(e).SelectMany(year => OpenDataset.Formats.Select(format => (JsonNode)new JsonObject
                {
                    ["@type"] = "DataDownload",
                    ["name"] = $"{dataset.Title}{(year is null ? "" : $" {year}")} ({format.ToUpperInvariant()})",
                    ["encodingFormat"] = OpenDataset.MediaType(format),
                    ["contentUrl"] = DatasetRoutes.Uri(http, links, dataset, e.Key, year, format),
                }))]);
            }
            return (JsonNode)node;
        })]);
        var root = new JsonObject { ["@context"] = "https://schema.org", ["@graph"] = graph };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
