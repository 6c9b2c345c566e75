using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;
using Vigia.Core.FollowUps;

namespace Vigia.Core.Consultation;

/// <summary>The «informe de la consulta» as a tagged PDF (<see cref="TaggedPdf"/>, as the follow-up's): A4 portrait, the
/// title H1, the consultation's facts as paragraphs, and each comment as an H2 with its text, author, answer and outcome
/// as paragraphs; running footers and rules are artifacts. Text is drawn as text, so markup in a comment is just
/// characters.</summary>
public static class ConsultationPdf
{
    public static void Write(ConsultationView report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        PdfFonts.EnsureInstalled();
        // Tagging draws only on the current page, so a first pass counts the pages for «Página N de M».
        int pages;
        using (var counting = Render(report, 0))
        {
            pages = counting.PageCount;
        }
        using var pdf = Render(report, pages);
        pdf.Save(output, false);
    }

    private static PdfDocument Render(ConsultationView report, int totalPages)
    {
        var pdf = new PdfDocument();
        var tags = TaggedPdf.For(pdf, ConsultationText.Title(report));
        pdf.Info.Author = report.EntityName;
        pdf.Info.Creator = "Vigía";
        new Layout(pdf, tags, report, totalPages).Render();
        return pdf;
    }

    private sealed class Layout(PdfDocument pdf, TaggedPdf tags, ConsultationView report, int totalPages)
    {
        private const double PageWidth = 595;
        private const double PageHeight = 842;
        private const double Margin = 40;
        private const double ContentBottom = PageHeight - 46;

        private static readonly XColor Blue = XColor.FromArgb(0x00, 0x48, 0x84);
        private static readonly XColor Border = XColor.FromArgb(0x80, 0x80, 0x80);

        private readonly XFont title = new(PdfFonts.Family, 14, XFontStyleEx.Bold);
        private readonly XFont heading = new(PdfFonts.Family, 10, XFontStyleEx.Bold);
        private readonly XFont text = new(PdfFonts.Family, 9);
        private readonly XFont bold = new(PdfFonts.Family, 9, XFontStyleEx.Bold);
        private readonly XFont small = new(PdfFonts.Family, 7.5);

        private XGraphics gfx = null!;
        private double y;
        private double Width => PageWidth - 2 * Margin;

        public void Render()
        {
            NewPage();
            Block(PdfBlockLevelElementTag.Heading1, ConsultationText.Heading, title, new XSolidBrush(Blue));
            Block(PdfBlockLevelElementTag.Paragraph, $"Entidad: {report.EntityName}", text, XBrushes.Black);
            Block(PdfBlockLevelElementTag.Paragraph, $"Plan: {report.PlanTitle} {report.Year.ToString(CultureInfo.InvariantCulture)} · versión consultada {report.VersionNumber.ToString(CultureInfo.InvariantCulture)}", text, XBrushes.Black);
            Block(PdfBlockLevelElementTag.Paragraph, ConsultationText.Period(report), text, XBrushes.Black);
            if (report.ClosedOn is { } closed)
            {
                Block(PdfBlockLevelElementTag.Paragraph, $"Cerrada el {SpanishFormat.LongDate(closed)}.", text, XBrushes.Black);
            }
            Block(PdfBlockLevelElementTag.Paragraph, ConsultationText.Summary(report), bold, XBrushes.Black);
            y += 6;
            if (report.Comments.Count == 0)
            {
                Block(PdfBlockLevelElementTag.Paragraph, "La consulta no recibió comentarios.", text, XBrushes.Black);
            }
            foreach (var c in report.Comments)
            {
                if (y + 60 > ContentBottom)
                {
                    NewPage();
                }
                y += 4;
                Block(PdfBlockLevelElementTag.Heading2, $"Comentario {c.Number.ToString(CultureInfo.InvariantCulture)} · {c.TargetLabel}", heading, new XSolidBrush(Blue));
                Block(PdfBlockLevelElementTag.Paragraph, c.Text ?? $"{ConsultationText.HiddenText}. Motivo: {c.HiddenReason}", text, XBrushes.Black);
                Block(PdfBlockLevelElementTag.Paragraph,
                    $"{c.Author ?? ConsultationText.Anonymous} · recibido el {SpanishFormat.LongDate(ColombianTime.DateOf(c.ReceivedAt))}"
                    + (c.DuplicateOfNumber is { } lead ? $" · agrupado con el comentario {lead.ToString(CultureInfo.InvariantCulture)}" : ""),
                    small, XBrushes.Black);
                Block(PdfBlockLevelElementTag.Paragraph, $"Respuesta: {c.Answer ?? "sin respuesta"}", text, XBrushes.Black);
                Block(PdfBlockLevelElementTag.Paragraph, $"Resultado: {c.Outcome}", bold, XBrushes.Black);
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
                gfx.DrawString($"Vigía · {report.EntityName} · consulta ciudadana {report.Year.ToString(CultureInfo.InvariantCulture)}", small, XBrushes.Black,
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
