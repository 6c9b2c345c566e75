using System.Text.Json;
using Vigia.Core.OpenData;

namespace Vigia.Core.Tests.OpenData;

/// <summary>The catalogue's RDF writer: prefixed names only for the graph's own prefixes; every other IRI — a web
/// address, a contact's mailto:, a urn: — written whole in both serialisations (a harvester found a bare mailto: in the
/// Turtle, which no parser reads, and the JSON-LD failed on it).</summary>
public sealed class RdfGraphTests
{
    private static RdfGraph ContactGraph()
    {
        var g = new RdfGraph();
        var contact = new RdfBlank("contacto");
        g.Add(contact, "rdf:type", new RdfIri("vcard:Organization"));
        g.Add(contact, "vcard:hasEmail", new RdfIri("mailto:contactenos@cali.gov.co"));
        g.Add(contact, "dct:identifier", new RdfIri("urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66"));
        g.Add(contact, "foaf:homepage", new RdfIri("https://www.cali.gov.co/"));
        return g;
    }

    [Fact]
    public void Turtle_WritesOtherSchemesWhole_AndItsOwnPrefixesAsPrefixedNames()
    {
        var turtle = ContactGraph().ToTurtle();

        Assert.Contains("vcard:hasEmail <mailto:contactenos@cali.gov.co>", turtle, StringComparison.Ordinal);
        Assert.Contains("dct:identifier <urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66>", turtle, StringComparison.Ordinal);
        Assert.Contains("foaf:homepage <https://www.cali.gov.co/>", turtle, StringComparison.Ordinal);
        Assert.Contains("a vcard:Organization", turtle, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonLd_WritesOtherSchemesAsTheirOwnIds()
    {
        using var json = JsonDocument.Parse(ContactGraph().ToJsonLd());
        var node = json.RootElement.GetProperty("@graph")[0];

        Assert.Equal("mailto:contactenos@cali.gov.co", node.GetProperty("vcard:hasEmail")[0].GetProperty("@id").GetString());
        Assert.Equal("urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66", node.GetProperty("dct:identifier")[0].GetProperty("@id").GetString());
        Assert.Equal("vcard:Organization", node.GetProperty("@type")[0].GetString());
    }

    [Theory]
    [InlineData("dcat:Dataset", "http://www.w3.org/ns/dcat#Dataset")]
    [InlineData("vcard:hasEmail", "http://www.w3.org/2006/vcard/ns#hasEmail")]
    public void Expand_ResolvesTheGraphsPrefixes(string prefixed, string iri) => Assert.Equal(iri, RdfGraph.Expand(prefixed));

    [Theory]
    [InlineData("mailto:contactenos@cali.gov.co")]
    [InlineData("https://www.cali.gov.co/")]
    public void Expand_RefusesWhatIsNotOneOfItsPrefixedNames(string iri) =>
        Assert.Throws<ArgumentException>(() => RdfGraph.Expand(iri));
}
