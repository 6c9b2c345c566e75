using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;
using Vigia.Core.Compliance;

namespace Vigia.Core.FollowUps;

/// <summary>The consolidated follow-up of a year as a tagged PDF (<see cref="TaggedPdf"/>): A4 landscape, title H1, the
/// state of each cut-off as paragraphs, and one table (TR/TH/TD) with the cut-offs side by side and the year; running
/// footers, rules and cell backgrounds are artifacts, and the header rows repeated on a continuation page too.</summary>
public static class ConsolidatedPdf
{
    public static void Write(ConsolidatedFollowUp consolidated, Stream output)
    {
        ArgumentNullException.ThrowIfNull(consolidated);
        ArgumentNullException.ThrowIfNull(output);
        PdfFonts.EnsureInstalled();
        // As in FollowUpPdf: tagging draws only on the current page, so a first pass counts the pages for «Página N de M».
        int pages;
        using (var counting = Render(consolidated, 0))
        {
            pages = counting.PageCount;
        }
        using var pdf = Render(consolidated, pages);
        pdf.Save(output, false);
    }

    public static string Title(ConsolidatedFollowUp consolidated)
    {
        ArgumentNullException.ThrowIfNull(consolidated);
        return $"{ConsolidatedFollowUp.Title(consolidated.PlanKind)} — {consolidated.EntityName} {consolidated.PlanYear.ToString(CultureInfo.InvariantCulture)}";
    }

    private static PdfDocument Render(ConsolidatedFollowUp consolidated, int totalPages)
    {
        var pdf = new PdfDocument();
        var tags = TaggedPdf.For(pdf, Title(consolidated));
        pdf.Info.Author = consolidated.EntityName;
        pdf.Info.Creator = "Vigía";
        new Layout(pdf, tags, consolidated, totalPages).Render();
        return pdf;
    }

    private sealed record Cell(string Text, bool Bold = false, XColor? Fill = null, XColor? Color = null, int Span = 1, bool Header = false);

    private sealed class Layout(PdfDocument pdf, TaggedPdf tags, ConsolidatedFollowUp consolidated, int totalPages)
    {
        private const double PageWidth = 842;
        private const double PageHeight = 595;
        private const double Margin = 34;
        private const double ContentBottom = PageHeight - 40;
        private const double Padding = 2.5;
        private const double FirstColumn = 142;

        private static readonly XColor Blue = XColor.FromArgb(0x00, 0x48, 0x84);
        private static readonly XColor Red = XColor.FromArgb(0xB3, 0x26, 0x1E);
        private static readonly XColor Border = XColor.FromArgb(0x80, 0x80, 0x80);

        private readonly XFont title = new(PdfFonts.Family, 11, XFontStyleEx.Bold);
        private readonly XFont text = new(PdfFonts.Family, 7.5);
        private readonly XFont bold = new(PdfFonts.Family, 7, XFontStyleEx.Bold);
        private readonly XFont cellFont = new(PdfFonts.Family, 7);

        private XGraphics gfx = null!;
        private double y;
        private List<Cell[]> headerRows = [];
        private double Width => PageWidth - 2 * Margin;

        public void Render()
        {
            NewPage();
            using (tags.Element(PdfBlockLevelElementTag.Heading1))
            {
                foreach (var line in Wrap(ConsolidatedFollowUp.Title(consolidated.PlanKind), title, Width))
                {
                    gfx.DrawString(line, title, new XSolidBrush(Blue), new XRect(Margin, y, Width, 14), XStringFormats.TopLeft);
                    y += 14;
                }
            }
            Paragraph($"Entidad: {consolidated.EntityName}   ·   Vigencia: {consolidated.PlanYear.ToString(CultureInfo.InvariantCulture)}   ·   {consolidated.PlanTitle}", text, XBrushes.Black);
            if (consolidated.Simulated)
            {
                Paragraph(ConsolidatedText.SimulatedNotice, bold, new XSolidBrush(Red));
            }
            y += 4;
            foreach (var c in consolidated.CutOffs)
            {
                Paragraph($"{ConsolidatedText.CutOff(c)}. {ConsolidatedText.Status(c)}", text, c.Published?.Late == true ? new XSolidBrush(Red) : XBrushes.Black);
            }
            y += 6;
            Table();
            y += 4;
            Paragraph(ConsolidatedText.Computation, text, XBrushes.Black);
            EndPage();
        }

        private void Table()
        {
            var groups = consolidated.CutOffs.Select(ConsolidatedText.CutOff).Append(ConsolidatedText.Year(consolidated)).ToList();
            var columns = groups.Count * ConsolidatedText.CutOffHeaders.Count;
            var widths = new[] { FirstColumn }.Concat(Enumerable.Repeat((Width - FirstColumn) / columns, columns)).ToArray();
            headerRows =
            [
                [new Cell("Corte", true, Blue, XColors.White, Header: true), .. groups.Select(g => new Cell(g, true, Blue, XColors.White, ConsolidatedText.CutOffHeaders.Count, true))],
                [new Cell("Componente", true, Blue, XColors.White, Header: true),
                    .. groups.SelectMany(_ => ConsolidatedText.CutOffHeaders.Select(h => new Cell(h, true, Blue, XColors.White, Header: true)))],
            ];
            using var table = tags.Element(PdfBlockLevelElementTag.Table);
            foreach (var header in headerRows)
            {
                DrawRow(header, widths, repeated: false);
            }
            var cutOffs = consolidated.CutOffs.Append(consolidated.Year).ToList();
            foreach (var line in consolidated.Components.Append(consolidated.Total))
            {
                var isTotal = line.Number is null;
                var totals = line.AtCutOff.Append(line.AtCutOff[^1]).ToList();
                var cells = new List<Cell> { new(line.Label, true, Header: true) };
                for (var g = 0; g < cutOffs.Count; g++)
                {
                    if (totals[g] is not { } t)
                    {
                        cells.Add(new Cell(ConsolidatedText.Missing(cutOffs[g]), isTotal, Span: ConsolidatedText.CutOffHeaders.Count));
                        continue;
                    }
                    cells.Add(new Cell(t.ProgrammedActivities.ToString(SpanishFormat.Culture), isTotal));
                    cells.Add(new Cell(t.CompletedActivities.ToString(SpanishFormat.Culture), isTotal));
                    cells.Add(new Cell(FollowUpText.Percent(t.CompliancePercent), isTotal));
                    cells.Add(BandCell(t.Band));
                }
                DrawRow([.. cells], widths, repeated: false);
            }
        }

        private static Cell BandCell(string? band) => ComplianceLevels.FromCode(band) switch
        {
            ComplianceLevel.High => new(FollowUpText.Band(band), true, XColor.FromArgb(0x06, 0x7A, 0x3F), XColors.White),
            ComplianceLevel.Medium => new(FollowUpText.Band(band), true, XColor.FromArgb(0xF5, 0xB7, 0x00), XColor.FromArgb(0x1A, 0x1A, 0x1A)),
            ComplianceLevel.Low => new(FollowUpText.Band(band), true, Red, XColors.White),
            _ => new(FollowUpText.Band(band)),
        };

        /// <summary>A row moves whole to the next page, where the header rows are drawn again as artifacts.</summary>
        private void DrawRow(Cell[] row, double[] widths, bool repeated)
        {
            var lineHeight = cellFont.Size * 1.25;
            var spans = new List<double>();
            var column = 0;
            foreach (var cell in row)
            {
                spans.Add(widths.Skip(column).Take(cell.Span).Sum());
                column += cell.Span;
            }
            var lines = row.Select((c, i) => Wrap(c.Text, c.Bold ? bold : cellFont, spans[i] - 2 * Padding)).ToList();
            var height = lines.Max(l => l.Count) * lineHeight + 2 * Padding;
            if (!repeated && y + height > ContentBottom && headerRows.Count > 0 && !headerRows.Contains(row))
            {
                NewPage();
                foreach (var header in headerRows)
                {
                    DrawRow(header, widths, repeated: true);
                }
            }
            var x = Margin;
            using (repeated ? tags.Artifact() : tags.Element(PdfBlockLevelElementTag.TableRow))
            {
                for (var i = 0; i < row.Length; i++)
                {
                    var cell = row[i];
                    using var cellElement = repeated ? null
                        : tags.Element(cell.Header ? PdfBlockLevelElementTag.TableHeaderCell : PdfBlockLevelElementTag.TableDataCell);
                    if (!repeated && cell.Span > 1)
                    {
                        tags.ColumnSpan(cell.Span);
                    }
                    var rect = new XRect(x, y, spans[i], height);
                    using (repeated ? null : tags.Artifact())
                    {
                        if (cell.Fill is { } fill)
                        {
                            gfx.DrawRectangle(new XSolidBrush(fill), rect);
                        }
                        gfx.DrawRectangle(new XPen(Border, 0.5), rect);
                    }
                    var brush = cell.Color is { } color ? new XSolidBrush(color) : XBrushes.Black;
                    var ly = y + Padding;
                    foreach (var line in lines[i])
                    {
                        gfx.DrawString(line, cell.Bold ? bold : cellFont, brush, new XRect(x + Padding, ly, spans[i] - 2 * Padding, lineHeight),
                            i == 0 || cell.Span > 1 || cell.Header ? XStringFormats.TopLeft : XStringFormats.TopRight);
                        ly += lineHeight;
                    }
                    x += spans[i];
                }
            }
            y += height;
        }

        private void Paragraph(string value, XFont font, XBrush brush)
        {
            var lineHeight = font.Size * 1.35;
            using var element = tags.Element(PdfBlockLevelElementTag.Paragraph);
            foreach (var line in Wrap(value, font, Width))
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
            var footerY = PageHeight - 28;
            using (tags.Artifact())
            {
                gfx.DrawLine(new XPen(Border, 0.5), Margin, footerY - 3, PageWidth - Margin, footerY - 3);
                gfx.DrawString($"Vigía · {consolidated.EntityName} · seguimiento consolidado {consolidated.PlanYear.ToString(CultureInfo.InvariantCulture)}"
                    + (consolidated.Simulated ? " · DATOS SIMULADOS" : ""), cellFont, XBrushes.Black, new XRect(Margin, footerY, Width - 90, 10), XStringFormats.TopLeft);
                gfx.DrawString($"Página {pdf.PageCount} de {totalPages}", text, XBrushes.Black, new XRect(Margin, footerY, Width, 10), XStringFormats.TopRight);
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
