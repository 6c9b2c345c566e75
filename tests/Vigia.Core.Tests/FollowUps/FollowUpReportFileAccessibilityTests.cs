using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;
using Vigia.Core.FollowUps;

namespace Vigia.Core.Tests.FollowUps;

/// <summary>The official follow-up PDF is a tagged PDF a screen reader can read: read back with PDFsharp's reader.</summary>
public class FollowUpReportFileAccessibilityTests() : FollowUpDatabaseTests(DatabaseProvider.Sqlite)
{
    private static PdfDocument Read(FollowUpDocument document)
    {
        var buffer = new MemoryStream();
        FollowUpPdf.Write(document, buffer);
        buffer.Position = 0;
        return PdfReader.Open(buffer, PdfDocumentOpenMode.Import);
    }

    private static PdfItem? Resolve(PdfItem? item) => item is PdfReference reference ? reference.Value : item;

    /// <summary>The structure elements of the tree in reading order, each with its children's structure types.</summary>
    private static List<(string Type, List<string> Children)> Structure(PdfDocument pdf)
    {
        var root = pdf.Internals.Catalog.Elements.GetDictionary("/StructTreeRoot");
        Assert.NotNull(root);
        Assert.Equal("/StructTreeRoot", root.Elements.GetName("/Type"));
        var result = new List<(string, List<string>)>();
        Walk(root.Elements["/K"], result);
        return result;
    }

    private static IEnumerable<PdfDictionary> Kids(PdfItem? k) => Resolve(k) switch
    {
        PdfArray array => array.Elements.Select(Resolve).OfType<PdfDictionary>().Where(d => d.Elements.ContainsKey("/S")),
        PdfDictionary dictionary when dictionary.Elements.ContainsKey("/S") => [dictionary],
        _ => [],
    };

    private static void Walk(PdfItem? k, List<(string, List<string>)> result)
    {
        foreach (var element in Kids(k))
        {
            var kids = Kids(element.Elements["/K"]).ToList();
            result.Add((element.Elements.GetName("/S").TrimStart('/'), kids.Select(c => c.Elements.GetName("/S").TrimStart('/')).ToList()));
            Walk(element.Elements["/K"], result);
        }
    }

    [Fact]
    public async Task Pdf_OfAClosedFollowUp_IsTaggedWithTitleLanguageAndStructure()
    {
        var document = await ClosedAprilAsync();

        using var pdf = Read(document);

        var catalog = pdf.Internals.Catalog.Elements;
        Assert.Equal("es-CO", catalog.GetString("/Lang"));
        Assert.True(catalog.GetDictionary("/MarkInfo")!.Elements.GetBoolean("/Marked"));
        Assert.True(catalog.GetDictionary("/ViewerPreferences")!.Elements.GetBoolean("/DisplayDocTitle"));
        Assert.Equal("FORMATO SEGUIMIENTO AL PLAN ANTICORRUPCIÓN Y DE ATENCIÓN AL CIUDADANO — Alcaldía de Prueba 2026, corte 30 de abril de 2026",
            pdf.Info.Title);
        Assert.Equal(FollowUpPdf.Title(document), pdf.Info.Title);

        var structure = Structure(pdf);
        var top = Assert.Single(structure, e => e.Type == "Document");
        Assert.Equal("H1", top.Children[0]);
        // The running title is read once, not on every page.
        Assert.Single(structure, e => e.Type == "H1");
        Assert.Equal(4, top.Children.Count(c => c == "H2"));
        Assert.Contains("P", top.Children);
        var tables = structure.Where(e => e.Type == "Table").ToList();
        Assert.Equal(3, tables.Count);
        Assert.All(tables, t => Assert.All(t.Children, c => Assert.Equal("TR", c)));
        var rows = structure.Where(e => e.Type == "TR").ToList();
        // Summary: the header row (9 column headers), one row per component and the total.
        Assert.Equal(Enumerable.Repeat("TH", 9), rows[0].Children);
        Assert.Equal(Enumerable.Repeat("TD", 9), rows[1].Children);
        Assert.Equal(1 + 2 + 1, tables[0].Children.Count);
        // Detail: a spanning header cell opens each component.
        Assert.Contains(rows, r => r.Children is ["TH"]);
        Assert.All(Enumerable.Range(0, pdf.PageCount).Select(i => pdf.Pages[i]), page => Assert.True(page.Elements.ContainsKey("/StructParents")));
    }

    [Fact]
    public async Task Pdf_OfAMultiPageDraft_IsTagged_AndItsRunningHeaderIsReadOnce()
    {
        var db = Db();
        for (var i = 0; i < 6; i++)
        {
            await Service(db).AssessAsync(FollowUpFixture.InternalControl, Seeded.PlanId, FollowUpFixture.April, Seeded.Actions["B3"],
                new AssessmentInput(AssessmentStatus.InProgress, 40, null, string.Concat(Enumerable.Repeat("Observación extensa con tildes: acción, gestión, público. ", 40))));
        }
        var document = (await Documents().ForCutOffAsync(Seeded.PlanId, FollowUpFixture.April))!;

        using var pdf = Read(document);

        Assert.True(pdf.PageCount >= 2);
        Assert.Equal("es-CO", pdf.Internals.Catalog.Elements.GetString("/Lang"));
        var structure = Structure(pdf);
        Assert.Single(structure, e => e.Type == "H1");
        Assert.Equal(3, structure.Count(e => e.Type == "Table"));
        Assert.All(Enumerable.Range(0, pdf.PageCount).Select(i => pdf.Pages[i]), page => Assert.True(page.Elements.ContainsKey("/StructParents")));
    }
}
