using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;

namespace Vigia.Core.FollowUps;

/// <summary>Makes a PDFsharp document a tagged PDF (PDF/UA structure) that a screen reader can read: the title shown
/// by the viewer, the language es-CO, /MarkInfo /Marked true and a structure tree built while drawing. Any PDF writer
/// can use it; create it right after the <see cref="PdfDocument"/>, before the first page.</summary>
/// <remarks>PDFsharp tags whatever is drawn while an element is open, so every drawing call must happen inside
/// <see cref="Element"/> or <see cref="Artifact"/> (it throws otherwise). Only the current page can be drawn on:
/// draw page footers while the page is still current, and call <see cref="EndPage"/> before disposing its
/// <c>XGraphics</c>.</remarks>
public sealed class TaggedPdf
{
    public const string Language = "es-CO";

    private readonly StructureBuilder builder;

    private TaggedPdf(StructureBuilder builder) => this.builder = builder;

    public static TaggedPdf For(PdfDocument document, string title)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        document.Info.Title = title;
        var manager = UAManager.ForDocument(document);
        manager.SetDocumentLanguage(Language);
        document.ViewerPreferences.DisplayDocTitle = true;
        return new TaggedPdf(manager.StructureBuilder);
    }

    /// <summary>Opens a block-level element (heading, paragraph, table, row, cell); dispose the result to close it.</summary>
    public Scope Element(PdfBlockLevelElementTag tag)
    {
        builder.BeginElement(tag);
        return new Scope(builder);
    }

    /// <summary>Opens a grouping element (section, division); dispose the result to close it.</summary>
    public Scope Group(PdfGroupingElementTag tag)
    {
        builder.BeginElement(tag);
        return new Scope(builder);
    }

    /// <summary>Marks what is drawn until disposal as an artifact: decoration, backgrounds, rules, running headers
    /// and footers, repeated table headers. A screen reader skips it.</summary>
    public Scope Artifact()
    {
        builder.BeginArtifact();
        return new Scope(builder);
    }

    /// <summary>Either <paramref name="tag"/> or, when <paramref name="artifact"/>, an artifact: for content drawn on
    /// every page that only the first occurrence should carry (a running title).</summary>
    public Scope ElementOrArtifact(PdfBlockLevelElementTag tag, bool artifact) => artifact ? Artifact() : Element(tag);

    /// <summary>The open table cell spans this many columns.</summary>
    public void ColumnSpan(int columns) => builder.SetColSpan(columns);

    /// <summary>Closes the marked content of the current page; call it before disposing the page's XGraphics.</summary>
    public void EndPage() => builder.EndMarkedContentsWithId();

    public sealed class Scope : IDisposable
    {
        private readonly StructureBuilder builder;
        private bool ended;

        internal Scope(StructureBuilder builder) => this.builder = builder;

        public void Dispose()
        {
            if (!ended)
            {
                ended = true;
                builder.End();
            }
        }
    }
}
