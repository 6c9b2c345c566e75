using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;
using Vigia.Core.FollowUps;

namespace Vigia.Core.Plans;

/// <summary>The plan's change log («control de cambios») as a tagged PDF (<see cref="TaggedPdf"/>, as the follow-up's and
/// the consultation's): A4 portrait, the title H1, each published version an H2 with its justification, approval and
/// publication as paragraphs, then each changed item an H3 with one paragraph per field («Antes: … · Ahora: …»). Running
/// footers and rules are artifacts; text is drawn as text.</summary>
public static class PlanChangeLogPdf
{
    public const string Heading = "Control de cambios";

    public static void Write(PlanChangeLog log, Stream output)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(output);
        PdfFonts.EnsureInstalled();
        // Tagging draws only on the current page, so a first pass counts the pages for «Página N de M».
        int pages;
        using (var counting = Render(log, 0))
        {
            pages = counting.PageCount;
        }
        using var pdf = Render(log, pages);
        pdf.Save(output, false);
    }

    /// <summary>How a version's approval reads: who, how and when, as the public versions page says it.</summary>
    public static string Approval(VersionSummary v)
    {
        ArgumentNullException.ThrowIfNull(v);
        var parts = new List<string>();
        if (v.ApprovedBy is not null)
        {
            parts.Add($"Aprobada por {v.ApprovedBy}");
        }
        if (v.ApprovalNote is not null)
        {
            parts.Add(v.ApprovalNote);
        }
        parts.Add(v.ApprovedOn is { } on ? $"el {SpanishFormat.LongDate(on)}" : "el documento no indica la fecha de aprobación");
        return string.Join(" · ", parts) + ".";
    }

    private static PdfDocument Render(PlanChangeLog log, int totalPages)
    {
        var pdf = new PdfDocument();
        var tags = TaggedPdf.For(pdf, log.Title);
        pdf.Info.Author = log.EntityName;
        pdf.Info.Creator = "Vigía";
        pdf.Info.Subject = $"Versiones publicadas del {log.PlanTitle} {log.Year.ToString(CultureInfo.InvariantCulture)}, con su justificación y sus cambios";
        new Layout(pdf, tags, log, totalPages).Render();
        return pdf;
    }

    private sealed class Layout(PdfDocument pdf, TaggedPdf tags, PlanChangeLog log, int totalPages)
    {
        private const double PageWidth = 595;
        private const double PageHeight = 842;
        private const double Margin = 40;
        private const double ContentBottom = PageHeight - 46;

        private static readonly XColor Blue = XColor.FromArgb(0x00, 0x48, 0x84);
        private static readonly XColor Border = XColor.FromArgb(0x80, 0x80, 0x80);

        private readonly XFont title = new(PdfFonts.Family, 14, XFontStyleEx.Bold);
        private readonly XFont heading = new(PdfFonts.Family, 11, XFontStyleEx.Bold);
        private readonly XFont subheading = new(PdfFonts.Family, 9.5, XFontStyleEx.Bold);
        private readonly XFont text = new(PdfFonts.Family, 9);
        private readonly XFont small = new(PdfFonts.Family, 7.5);

        private XGraphics gfx = null!;
        private double y;
        private double Width => PageWidth - 2 * Margin;

        public void Render()
        {
            NewPage();
            Block(PdfBlockLevelElementTag.Heading1, $"{Heading} — {log.PlanTitle} {log.Year.ToString(CultureInfo.InvariantCulture)}", title, new XSolidBrush(Blue));
            Block(PdfBlockLevelElementTag.Paragraph, $"Entidad: {log.EntityName}", text, XBrushes.Black);
            Block(PdfBlockLevelElementTag.Paragraph,
                "Después de publicado, el plan solo cambia mediante una nueva versión con su justificación (Ley 1474 de 2011, art. 73; Decreto 124 de 2016). "
                + "Cada versión publicada sigue disponible; aquí se listan todas, con lo que cambió respecto de la anterior.", text, XBrushes.Black);
            if (log.Entries.Count == 0)
            {
                Block(PdfBlockLevelElementTag.Paragraph, "El plan aún no tiene versiones publicadas.", text, XBrushes.Black);
            }
            foreach (var entry in log.Entries)
            {
                if (y + 80 > ContentBottom)
                {
                    NewPage();
                }
                y += 8;
                var v = entry.Version;
                Block(PdfBlockLevelElementTag.Heading2, $"Versión {v.Number.ToString(CultureInfo.InvariantCulture)}", heading, new XSolidBrush(Blue));
                Block(PdfBlockLevelElementTag.Paragraph, $"Justificación: {v.Justification}", text, XBrushes.Black);
                Block(PdfBlockLevelElementTag.Paragraph, Approval(v), text, XBrushes.Black);
                Block(PdfBlockLevelElementTag.Paragraph, v.PublishedAt is { } at
                    ? $"Publicada el {SpanishFormat.DateTimeWithZone(at)}."
                    : "Publicada por la entidad; la fecha no consta en el documento.", text, XBrushes.Black);
                if (v.ReviewErrorsAccepted is { } accepted)
                {
                    Block(PdfBlockLevelElementTag.Paragraph,
                        $"Publicada con {(accepted == 1 ? "1 error" : $"{accepted.ToString(CultureInfo.InvariantCulture)} errores")} de la revisión de calidad sin resolver. Motivo: {v.ReviewAcceptanceReason}",
                        text, XBrushes.Black);
                }
                if (entry.PreviousNumber is not { } previous)
                {
                    Block(PdfBlockLevelElementTag.Paragraph, "Primera versión publicada del plan.", text, XBrushes.Black);
                    continue;
                }
                var count = entry.Changes.Count;
                Block(PdfBlockLevelElementTag.Paragraph, count == 0
                    ? $"Sin cambios de contenido respecto de la versión {previous.ToString(CultureInfo.InvariantCulture)}."
                    : $"{(count == 1 ? "1 cambio" : $"{count.ToString(CultureInfo.InvariantCulture)} cambios")} respecto de la versión {previous.ToString(CultureInfo.InvariantCulture)}:",
                    text, XBrushes.Black);
                foreach (var change in entry.Changes)
                {
                    if (y + 40 > ContentBottom)
                    {
                        NewPage();
                    }
                    y += 3;
                    Block(PdfBlockLevelElementTag.Heading3, $"{change.Item} {change.Label} · {change.KindName}", subheading, XBrushes.Black);
                    foreach (var field in change.Fields)
                    {
                        var value = change.Kind switch
                        {
                            ChangeKind.Added => $"{field.Field}: {field.After}",
                            ChangeKind.Removed => $"{field.Field}: {field.Before}",
                            _ => $"{field.Field}. Antes: {field.Before ?? "(vacío)"} · Ahora: {field.After ?? "(vacío)"}",
                        };
                        Block(PdfBlockLevelElementTag.Paragraph, value, text, XBrushes.Black);
                    }
                }
            }
            EndPage();
        }

        private void Block(PdfBlockLevelElementTag tag, string value, XFont font, XBrush brush)
        {
            var lineHeight = font.Size * 1.35;
            using var element = tags.Element(tag);
            foreach (var line in value.Split('\n').SelectMany(l => Wrap(l, font, Width)))
            {
                if (y + lineHeight > ContentBottom)
                {
                    NewPage();
                }
                gfx.DrawString(line, font, brush, new XRect(Margin, y, Width, lineHeight), XStringFormats.TopLeft);
                y += lineHeight;
            }
        }

        private void NewPage()
        {
            if (gfx is not null)
            {
                EndPage();
            }
            var page = pdf.AddPage();
            page.Width = XUnit.FromPoint(PageWidth);
            page.Height = XUnit.FromPoint(PageHeight);
            gfx = XGraphics.FromPdfPage(page);
            y = Margin;
        }

        private void EndPage()
        {
            var footerY = PageHeight - 30;
            using (tags.Artifact())
            {
                gfx.DrawLine(new XPen(Border, 0.5), Margin, footerY - 3, PageWidth - Margin, footerY - 3);
                gfx.DrawString($"Vigía · {log.EntityName} · control de cambios {log.Year.ToString(CultureInfo.InvariantCulture)}", small, XBrushes.Black,
                    new XRect(Margin, footerY, Width - 90, 10), XStringFormats.TopLeft);
                gfx.DrawString($"Página {pdf.PageCount.ToString(CultureInfo.InvariantCulture)} de {totalPages.ToString(CultureInfo.InvariantCulture)}", small, XBrushes.Black,
                    new XRect(Margin, footerY, Width, 10), XStringFormats.TopRight);
            }
            tags.EndPage();
            gfx.Dispose();
        }

        private List<string> Wrap(string value, XFont font, double width)
        {
            var result = new List<string>();
            var line = "";
            foreach (var word in value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (gfx.MeasureString(candidate, font).Width <= width)
                {
                    line = candidate;
                    continue;
                }
                if (line.Length > 0)
                {
                    result.Add(line);
                }
                line = word;
                while (gfx.MeasureString(line, font).Width > width && line.Length > 1)
                {
                    var cut = line.Length - 1;
                    while (cut > 1 && gfx.MeasureString(line[..cut], font).Width > width)
                    {
                        cut--;
                    }
                    result.Add(line[..cut]);
                    line = line[cut..];
                }
            }
            result.Add(line);
            return result;
        }
    }
}
