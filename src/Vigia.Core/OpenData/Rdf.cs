using System.Text;
using System.Text.Json;

namespace Vigia.Core.OpenData;

/// <summary>An RDF term: an IRI, a blank node or a literal (with a datatype or a language).</summary>
public abstract record RdfTerm;

public sealed record RdfIri(string Value) : RdfTerm;

public sealed record RdfBlank(string Id) : RdfTerm;

public sealed record RdfLiteral(string Value, string? Datatype = null, string? Language = null) : RdfTerm;

public sealed record RdfTriple(RdfTerm Subject, string Predicate, RdfTerm Value);

/// <summary>A small RDF graph written as Turtle or as JSON-LD from the same triples, so both serialisations of the
/// catalogue say exactly the same thing. Predicates and types are written as prefixed names of <see cref="Prefixes"/>;
/// an <see cref="RdfIri"/> is a prefixed name only when it starts with one of those prefixes and a colon, and an absolute
/// IRI otherwise (<c>https://…</c>, but also <c>mailto:…</c> and <c>urn:…</c>, which have no <c>//</c>).</summary>
/// <remarks>No RDF library is available on this NuGet mirror (dotNetRDF is not served); the graph Vigía publishes is
/// a few hundred triples of fixed shape, and the tests parse both files with a real RDF parser (rdflib).</remarks>
public sealed class RdfGraph
{
    public static readonly IReadOnlyList<(string Prefix, string Namespace)> Prefixes =
    [
        ("dcat", "http://www.w3.org/ns/dcat#"),
        ("dct", "http://purl.org/dc/terms/"),
        ("foaf", "http://xmlns.com/foaf/0.1/"),
        ("vcard", "http://www.w3.org/2006/vcard/ns#"),
        ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
        ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ];

    private readonly List<RdfTriple> triples = [];

    public IReadOnlyList<RdfTriple> Triples => triples;

    public void Add(RdfTerm subject, string predicate, RdfTerm? value)
    {
        if (value is not null)
        {
            triples.Add(new RdfTriple(subject, predicate, value));
        }
    }

    public void Add(RdfTerm subject, string predicate, string? text, string? datatype = null, string? language = null)
    {
        if (!string.IsNullOrEmpty(text))
        {
            triples.Add(new RdfTriple(subject, predicate, new RdfLiteral(text, datatype, language)));
        }
    }

    public static string Expand(string prefixed)
    {
        ArgumentNullException.ThrowIfNull(prefixed);
        return IsPrefixed(prefixed, out var expanded)
            ? expanded
            : throw new ArgumentException($"«{prefixed}» is not a prefixed name of this graph.", nameof(prefixed));
    }

    /// <summary>Whether <paramref name="iri"/> is a prefixed name of <see cref="Prefixes"/> (dcat:Dataset), with the
    /// absolute IRI it stands for.</summary>
    private static bool IsPrefixed(string iri, out string expanded)
    {
        var colon = iri.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && !iri.AsSpan(colon).StartsWith("://", StringComparison.Ordinal))
        {
            foreach (var (prefix, ns) in Prefixes)
            {
                if (iri.AsSpan(0, colon).SequenceEqual(prefix))
                {
                    expanded = ns + iri[(colon + 1)..];
                    return true;
                }
            }
        }
        expanded = iri;
        return false;
    }

    public string ToTurtle()
    {
        var text = new StringBuilder();
        foreach (var (prefix, ns) in Prefixes)
        {
            text.Append("@prefix ").Append(prefix).Append(": <").Append(ns).Append("> .\n");
        }
        foreach (var subject in triples.GroupBy(t => t.Subject))
        {
            text.Append('\n').Append(Term(subject.Key));
            var first = true;
            foreach (var t in subject)
            {
                text.Append(first ? "\n    " : " ;\n    ").Append(t.Predicate == "rdf:type" ? "a" : t.Predicate).Append(' ').Append(Term(t.Value));
                first = false;
            }
            text.Append(" .\n");
        }
        return text.ToString();
    }

    public string ToJsonLd()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            json.WriteStartObject();
            json.WriteStartObject("@context");
            foreach (var (prefix, ns) in Prefixes)
            {
                json.WriteString(prefix, ns);
            }
            json.WriteEndObject();
            json.WriteStartArray("@graph");
            foreach (var subject in triples.GroupBy(t => t.Subject))
            {
                json.WriteStartObject();
                json.WriteString("@id", Id(subject.Key));
                var types = subject.Where(t => t.Predicate == "rdf:type").Select(t => ((RdfIri)t.Value).Value).ToList();
                if (types.Count > 0)
                {
                    json.WriteStartArray("@type");
                    types.ForEach(json.WriteStringValue);
                    json.WriteEndArray();
                }
                foreach (var predicate in subject.Where(t => t.Predicate != "rdf:type").GroupBy(t => t.Predicate))
                {
                    json.WriteStartArray(predicate.Key);
                    foreach (var t in predicate)
                    {
                        json.WriteStartObject();
                        switch (t.Value)
                        {
                            case RdfLiteral literal:
                                json.WriteString("@value", literal.Value);
                                if (literal.Datatype is not null)
                                {
                                    json.WriteString("@type", literal.Datatype);
                                }
                                if (literal.Language is not null)
                                {
                                    json.WriteString("@language", literal.Language);
                                }
                                break;
                            default:
                                json.WriteString("@id", Id(t.Value));
                                break;
                        }
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Id(RdfTerm term) => term switch
    {
        RdfIri iri => IsPrefixed(iri.Value, out var expanded) ? expanded : iri.Value,
        RdfBlank blank => "_:" + blank.Id,
        _ => throw new InvalidOperationException("A literal has no identifier."),
    };

    private static string Term(RdfTerm term) => term switch
    {
        RdfIri iri when IsPrefixed(iri.Value, out _) => iri.Value,
        RdfIri iri => "<" + EscapeIri(iri.Value) + ">",
        RdfBlank blank => "_:" + blank.Id,
        RdfLiteral literal => "\"" + EscapeString(literal.Value) + "\""
            + (literal.Language is not null ? "@" + literal.Language : literal.Datatype is not null ? "^^" + literal.Datatype : ""),
        _ => throw new InvalidOperationException("Unknown RDF term."),
    };

    /// <summary>Percent-encodes what Turtle's IRIREF forbids; generated addresses never hold it, a configured one might.</summary>
    private static string EscapeIri(string iri)
    {
        var text = new StringBuilder(iri.Length);
        foreach (var c in iri)
        {
            if (c <= ' ' || "<>\"{}|^`\\".Contains(c, StringComparison.Ordinal))
            {
                text.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }
        return text.ToString();
    }

    private static string EscapeString(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            _ = c switch
            {
                '\\' => text.Append("\\\\"),
                '"' => text.Append("\\\""),
                '\n' => text.Append("\\n"),
                '\r' => text.Append("\\r"),
                '\t' => text.Append("\\t"),
                _ => text.Append(c),
            };
        }
        return text.ToString();
    }
}
