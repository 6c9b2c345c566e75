namespace Vigia.Core.OpenData;

/// <summary>The absolute addresses the catalogue points at, made by the host's routing (Core knows no HTTP).</summary>
/// <param name="Catalogue">The catalogue's own address (/datos/catalogo).</param>
/// <param name="Homepage">The open-data page (/datos).</param>
/// <param name="DatasetPage">A dataset's page (/datos/conjuntos/{slug}).</param>
/// <param name="Download">A file: the entry, its year (null for an installation-wide dataset) and the format.</param>
public sealed record CatalogAddresses(string Catalogue, string Homepage, Func<OpenDataset, string> DatasetPage,
    Func<CatalogEntry, int?, string, string> Download);

/// <summary>The DCAT-AP 2 catalogue of every dataset (<see cref="OpenDataCatalog"/>): one <c>dcat:Dataset</c> per
/// dataset and entity, one <c>dcat:Distribution</c> per year and format with its <c>dcat:downloadURL</c>, the licence,
/// publisher, update date and frequency. Written with the properties CKAN's DCAT harvester (ckanext-dcat, profile
/// euro_dcat_ap_2) reads: dct:title, dct:description, dcat:keyword, dct:identifier, dct:publisher (foaf:name),
/// dcat:contactPoint (vcard:fn, vcard:hasEmail), dct:modified, dct:accrualPeriodicity, dcat:landingPage, dct:language,
/// and per distribution dct:title, dcat:accessURL, dcat:downloadURL, dcat:mediaType, dct:format, dct:license.</summary>
public static class DcatCatalog
{
    private const string Language = "http://publications.europa.eu/resource/authority/language/SPA";
    private const string Theme = "http://publications.europa.eu/resource/authority/data-theme/GOVE";

    private static readonly RdfIri Type = new("rdf:type");

    public static RdfGraph Build(IReadOnlyList<CatalogEntry> entries, OpenDataOptions licence, CatalogAddresses addresses, string installationName)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(licence);
        ArgumentNullException.ThrowIfNull(addresses);
        var g = new RdfGraph();
        var catalogue = new RdfIri(addresses.Catalogue);
        var licenceIri = new RdfIri(licence.LicenceUrl);
        g.Add(catalogue, "rdf:type", new RdfIri("dcat:Catalog"));
        g.Add(catalogue, "dct:title", $"Datos abiertos de {installationName}", language: "es");
        g.Add(catalogue, "dct:description",
            "Los planes anticorrupción, sus seguimientos de Control Interno, el mapa de riesgos de corrupción y los puntos de control "
            + "de la bitácora de auditoría, publicados por Vigía en CSV, JSON y XLSX.", language: "es");
        g.Add(catalogue, "foaf:homepage", new RdfIri(addresses.Homepage));
        g.Add(catalogue, "dct:language", new RdfIri(Language));
        g.Add(catalogue, "dct:license", licenceIri);
        if (entries.Count > 0)
        {
            g.Add(catalogue, "dct:publisher", Publisher(g, entries[0], "editor"));
        }
        if (entries.Select(e => e.Modified).Max() is { } modified)
        {
            g.Add(catalogue, "dct:modified", DateTime(modified), "xsd:dateTime");
        }
        g.Add(new RdfIri(licence.LicenceUrl), "rdf:type", new RdfIri("dct:LicenseDocument"));
        g.Add(new RdfIri(licence.LicenceUrl), "dct:title", licence.LicenceName, language: "es");

        foreach (var entry in entries)
        {
            var d = entry.Dataset;
            var page = addresses.DatasetPage(d);
            var dataset = new RdfIri(DatasetUri(page, entry));
            g.Add(catalogue, "dcat:dataset", dataset);
            g.Add(dataset, "rdf:type", new RdfIri("dcat:Dataset"));
            g.Add(dataset, "dct:identifier", dataset.Value);
            g.Add(dataset, "dct:title", $"{d.Title} — {entry.Label}", language: "es");
            g.Add(dataset, "dct:description", d.Description, language: "es");
            foreach (var keyword in d.Keywords)
            {
                g.Add(dataset, "dcat:keyword", keyword, language: "es");
            }
            g.Add(dataset, "dcat:theme", new RdfIri(Theme));
            g.Add(dataset, "dct:publisher", Publisher(g, entry, $"editor-{d.Slug}-{entry.Key}"));
            var contact = new RdfBlank($"contacto-{d.Slug}-{entry.Key}");
            g.Add(dataset, "dcat:contactPoint", contact);
            g.Add(contact, "rdf:type", new RdfIri("vcard:Organization"));
            g.Add(contact, "vcard:fn", entry.EntityName);
            if (entry.EntityEmail is { Length: > 0 } email)
            {
                g.Add(contact, "vcard:hasEmail", new RdfIri("mailto:" + email));
            }
            g.Add(dataset, "dcat:landingPage", new RdfIri(page));
            g.Add(dataset, "dct:language", new RdfIri(Language));
            g.Add(dataset, "dct:license", licenceIri);
            g.Add(dataset, "dct:accrualPeriodicity", new RdfIri(d.Frequency.Uri));
            if (entry.Modified is { } at)
            {
                g.Add(dataset, "dct:modified", DateTime(at), "xsd:dateTime");
            }
            IReadOnlyList<int?> years = d.Scope == DatasetScope.Installation ? [null] : [.. entry.Years.Select(y => (int?)y)];
            foreach (var year in years)
            {
                foreach (var format in OpenDataset.Formats)
                {
                    var download = addresses.Download(entry, year, format);
                    var distribution = new RdfIri($"{dataset.Value}-{(year is { } y ? y.ToString(CultureInfo.InvariantCulture) + "-" : "")}{format}");
                    g.Add(dataset, "dcat:distribution", distribution);
                    g.Add(distribution, "rdf:type", new RdfIri("dcat:Distribution"));
                    g.Add(distribution, "dct:title", $"{d.Title}{(year is null ? "" : $" {year}")} ({format.ToUpperInvariant()})", language: "es");
                    g.Add(distribution, "dcat:accessURL", new RdfIri(download));
                    g.Add(distribution, "dcat:downloadURL", new RdfIri(download));
                    g.Add(distribution, "dcat:mediaType", new RdfIri("http://www.iana.org/assignments/media-types/" + OpenDataset.MediaType(format)));
                    g.Add(distribution, "dct:format", new RdfIri("http://publications.europa.eu/resource/authority/file-type/" + format.ToUpperInvariant()));
                    g.Add(distribution, "dct:license", licenceIri);
                }
            }
        }
        return g;
    }

    /// <summary>A dataset of one entity: the dataset's page with the entity as the fragment.</summary>
    public static string DatasetUri(string page, CatalogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return page + "#" + entry.Key;
    }

    private static RdfBlank Publisher(RdfGraph g, CatalogEntry entry, string id)
    {
        var agent = new RdfBlank(id);
        g.Add(agent, "rdf:type", new RdfIri("foaf:Agent"));
        g.Add(agent, "foaf:name", entry.EntityName);
        if (entry.EntityWebsite is { Length: > 0 } site && Uri.TryCreate(site, UriKind.Absolute, out _))
        {
            g.Add(agent, "foaf:homepage", new RdfIri(site));
        }
        return agent;
    }

    private static string DateTime(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
