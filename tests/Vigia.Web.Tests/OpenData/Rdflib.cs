using System.Diagnostics;
using System.Text.Json;

namespace Vigia.Web.Tests.OpenData;

/// <summary>What a real RDF parser reads in a document: Python's rdflib (Debian's python3-rdflib, which
/// scripts/test.sh installs), since no RDF library for .NET is served on the NuGet mirror.</summary>
public sealed record RdfSummary(int Triples, int Catalogs, int Datasets, int Distributions, IReadOnlyList<string> DownloadUrls,
    IReadOnlyList<string> Licences, IReadOnlyList<string> Publishers);

internal static class Rdflib
{
    private const string Script = """
        import json, sys, rdflib
        from rdflib.namespace import RDF, DCTERMS, FOAF
        DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")
        g = rdflib.Graph()
        g.parse(data=sys.stdin.read(), format=sys.argv[1])
        print(json.dumps({
            "triples": len(g),
            "catalogs": len(set(g.subjects(RDF.type, DCAT.Catalog))),
            "datasets": len(set(g.subjects(RDF.type, DCAT.Dataset))),
            "distributions": len(set(g.subjects(RDF.type, DCAT.Distribution))),
            "downloadUrls": sorted(str(o) for o in g.objects(None, DCAT.downloadURL)),
            "licences": sorted(set(str(o) for o in g.objects(None, DCTERMS.license))),
            "publishers": sorted(set(str(n) for p in g.objects(None, DCTERMS.publisher) for n in g.objects(p, FOAF.name))),
        }))
        """;

    public static async Task<RdfSummary> ParseAsync(string document, string format)
    {
        // Debian's interpreter, where python3-rdflib lands; a python3 earlier on the PATH (pyenv, a venv) does not see it.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("VIGIA_PYTHON") ?? "/usr/bin/python3")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new System.Text.UTF8Encoding(false),
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add(format);
        using var python = Process.Start(start)!;
        var output = python.StandardOutput.ReadToEndAsync();
        var errors = python.StandardError.ReadToEndAsync();
        await python.StandardInput.WriteAsync(document);
        python.StandardInput.Close();
        await python.WaitForExitAsync();
        Assert.True(python.ExitCode == 0, $"rdflib could not parse the {format}: {await errors}");
        using var json = JsonDocument.Parse(await output);
        var root = json.RootElement;
        static List<string> Strings(JsonElement e) => [.. e.EnumerateArray().Select(x => x.GetString()!)];
        return new RdfSummary(root.GetProperty("triples").GetInt32(), root.GetProperty("catalogs").GetInt32(), root.GetProperty("datasets").GetInt32(),
            root.GetProperty("distributions").GetInt32(), Strings(root.GetProperty("downloadUrls")), Strings(root.GetProperty("licences")),
            Strings(root.GetProperty("publishers")));
    }
}
