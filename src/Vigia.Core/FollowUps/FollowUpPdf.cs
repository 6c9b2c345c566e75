using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;
using Vigia.Core.Compliance;

namespace Vigia.Core.FollowUps;

/// <summary>The official follow-up format as a PDF (PDFsharp): A4 landscape, the header and «Página N de M» on
/// every page, tables whose long texts wrap and whose rows continue on the next page with the header repeated.
/// The PDF is tagged (<see cref="TaggedPdf"/>): title H1, section headings H2, paragraphs P, tables with TR/TH/TD;
/// running headers and footers, repeated table headers, rules, cell backgrounds and the draft watermark are artifacts.</summary>
public static class FollowUpPdf
{
    public static void Write(FollowUpDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        PdfFonts.EnsureInstalled();
        // PDFsharp's tagging only draws on the current page, so «Página N de M» cannot be added afterwards: a first
        // pass counts the pages (the layout does not depend on the footer), the second draws each footer in place.
        int pages;
        using (var counting = Render(document, 0))
        {
            pages = counting.PageCount;
        }
        using var pdf = Render(document, pages);
        pdf.Save(output, false);
    }

    /// <summary>The document title (metadata, shown by the viewer instead of the file name).</summary>
    public static string Title(FollowUpDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var s = document.Snapshot;
        return $"{FollowUpText.Title(s)} — {s.Entity.Name} {s.Plan.Year}, corte {FollowUpText.Date(s.CutOff.Date)}";
    }

    private static PdfDocument Render(FollowUpDocument document, int totalPages)
    {
        var pdf = new PdfDocument();
        var tags = TaggedPdf.For(pdf, Title(document));
        pdf.Info.Author = document.Snapshot.Entity.Name;
        pdf.Info.Creator = "Vigía";
        new Layout(pdf, tags, document, totalPages).Render();
        return pdf;
    }

    private sealed record Cell(string Text, bool Bold = false, XColor? Fill = null, XColor? Color = null, bool Right = false);

    private sealed class Layout(PdfDocument pdf, TaggedPdf tags, FollowUpDocument document, int totalPages)
    {
        private const double PageWidth = 842;
        private const double PageHeight = 595;
        private const double Margin = 34;
        private const double ContentTop = 92;
        private const double ContentBottom = PageHeight - 40;
        private const double Padding = 3;

        private static readonly XColor Blue = XColor.FromArgb(0x00, 0x48, 0x84);
        private static readonly XColor Red = XColor.FromArgb(0xB3, 0x26, 0x1E);
        private static readonly XColor Grey = XColor.FromArgb(0xF2, 0xF2, 0xF2);
        private static readonly XColor Border = XColor.FromArgb(0x80, 0x80, 0x80);

        private readonly XFont title = new(PdfFonts.Family, 11, XFontStyleEx.Bold);
        private readonly XFont heading = new(PdfFonts.Family, 10.5, XFontStyleEx.Bold);
        private readonly XFont text = new(PdfFonts.Family, 8);
        private readonly XFont bold = new(PdfFonts.Family, 8, XFontStyleEx.Bold);
        private readonly XFont small = new(PdfFonts.Family, 7);
        private readonly XFont draft = new(PdfFonts.Family, 13, XFontStyleEx.Bold);
        private readonly XFont watermark = new(PdfFonts.Family, 90, XFontStyleEx.Bold);

        private XGraphics gfx = null!;
        private double y;
        private double Width => PageWidth - 2 * Margin;
        private FollowUpSnapshot S => document.Snapshot;

        public void Render()
        {
            NewPage();
            if (!S.CutOff.RiskMapOnly)
            {
                Summary();
                Detail();
                Reports();
            }
            RiskMap();
            EndPage();
        }

        private void Summary()
        {
            if (S.Simulated)
            {
                Paragraph(FollowUpText.SimulatedNotice, text);
            }
            Heading("Resumen por componente");
            double[] widths = [200, 62, 62, 55, 58, 58, 62, 50, 163];
            var headers = FollowUpText.SummaryHeaders.ToArray();
            var rows = S.Components.Select(c => TotalsRow($"{c.Number}. {c.Name}", c.Totals, c.Observations ?? "", false))
                .Append(TotalsRow("Total", S.Totals, "", true));
            Table(headers, widths, rows);
            y += 4;
            Paragraph(FollowUpText.Computation(S.Bands), small);
            if (FollowUpText.Differences(S) is { } differences)
            {
                Paragraph(differences, text);
            }
            if (document.CorrectionReason is { } reason)
            {
                Paragraph($"Versión {document.Version}. Motivo de la corrección: {reason}", text);
            }
            if (!document.IsDraft && S.AuditCheckpoint is { } checkpoint)
            {
                Paragraph(FollowUpText.SealedCheckpoint(checkpoint), small);
            }
        }

        private static Cell[] TotalsRow(string name, SnapshotTotals t, string observations, bool total) =>
        [
            new(name, total),
            new(t.ProgrammedActivities.ToString(SpanishFormat.Culture), total, Right: true),
            new(t.CompletedActivities.ToString(SpanishFormat.Culture), total, Right: true),
            new(FollowUpText.Percent(t.CompliancePercent), total, Right: true),
            new(t.ProgrammedActions.ToString(SpanishFormat.Culture), total, Right: true),
            new(t.CompletedActions.ToString(SpanishFormat.Culture), total, Right: true),
            new(FollowUpText.Percent(t.AverageProgress), total, Right: true),
            BandCell(t.Band),
            new(observations),
        ];

        private static Cell BandCell(string? band) => ComplianceLevels.FromCode(band) switch
        {
            ComplianceLevel.High => new(FollowUpText.Band(band), true, XColor.FromArgb(0x06, 0x7A, 0x3F), XColors.White),
            ComplianceLevel.Medium => new(FollowUpText.Band(band), true, XColor.FromArgb(0xF5, 0xB7, 0x00), XColor.FromArgb(0x1A, 0x1A, 0x1A)),
            ComplianceLevel.Low => new(FollowUpText.Band(band), true, Red, XColors.White),
            _ => new(FollowUpText.Band(band)),
        };

        private void Detail()
        {
            NewPageIfBelow(120);
            y += 8;
            Heading("Detalle por acción");
            double[] widths = [40, 150, 115, 62, 58, 72, 52, 221];
            string[] headers = ["Acción", "Meta", "Responsables", "Programado al corte", "Reportado y aceptado", "Estado", "Avance verificado", "Observaciones de Control Interno"];
            var rows = new List<Cell[]>();
            foreach (var c in S.Components)
            {
                rows.Add([new Cell($"Componente {c.Number}. {c.Name}", true, Grey)]);
                rows.AddRange(c.Actions.Select(a => new Cell[]
                {
                    new(a.Code, true),
                    new(a.Goal),
                    new(string.Join("; ", a.ResponsibleUnits)),
                    new(a.Schedule.Count == 0 ? "Sin cronograma" : FollowUpText.Number(a.PlannedToCutOff), Right: true),
                    new(FollowUpText.Number(a.ReportedToCutOff), Right: true),
                    new(FollowUpText.Status(a.Assessment) + (a.Programmed ? "" : " (no cuenta)")
                        + (a.DiffersFromReports ? $" (según los reportes: {FollowUpText.FromReports(a).ToLowerInvariant()})" : "")),
                    new(FollowUpText.Percent(a.Assessment?.VerifiedPercent), Right: true),
                    new(a.Assessment?.Observations ?? ""),
                }));
            }
            Table(headers, widths, rows);
        }

        private void Reports()
        {
            NewPageIfBelow(120);
            y += 8;
            Heading("Reportes de avance y evidencias revisados");
            var rows = new List<Cell[]>();
            foreach (var a in S.Actions.Where(a => a.Reports.Count > 0))
            {
                rows.AddRange(a.Reports.Select(r => new Cell[]
                {
                    new(a.Code, true),
                    new(FollowUpText.Month(r.Month)),
                    new(FollowUpText.ReportStatus(r.Status)),
                    new(FollowUpText.Number(r.ExecutedQuantity), Right: true),
                    new(r.ReviewComment ?? ""),
                    new(r.Evidence.Count == 0 ? "Sin evidencias" : string.Join("\n", r.Evidence.Select(e => $"{e.FileName ?? e.Url}: {e.Sha256 ?? "enlace"}"))),
                }));
            }
            if (rows.Count == 0)
            {
                Paragraph("No hay reportes de avance hasta el corte.", text);
                return;
            }
            Table(["Acción", "Mes", "Estado del reporte", "Cantidad", "Comentario de revisión", "Evidencias (SHA-256)"], [40, 60, 70, 55, 215, 334], rows);
        }

        private void RiskMap()
        {
            NewPageIfBelow(60);
            y += 8;
            Heading("Seguimiento al mapa de riesgos de corrupción");
            Paragraph(FollowUpRiskText.Intro(S), text);
            if (S.RiskMap.Items.Count == 0)
            {
                return;
            }
            Table(FollowUpRiskText.Headers, [45, 90, 70, 200, 170, 70, 125], S.RiskMap.Items.Select(r => new Cell[]
            {
                new(r.Code, true),
                new(r.Process),
                new(FollowUpRiskText.Zones(r)),
                new(FollowUpRiskText.Controls(r)),
                new(FollowUpRiskText.Materializations(r)),
                new(FollowUpRiskText.Assessment(r)),
                new(r.Assessment?.Observations ?? ""),
            }).ToList());
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
            // The header is read once, on the first page; its repetitions are artifacts.
            var running = pdf.PageCount > 1;
            if (document.IsDraft)
            {
                using var watermarkArtifact = tags.Artifact();
                var state = gfx.Save();
                gfx.RotateAtTransform(-25, new XPoint(PageWidth / 2, PageHeight / 2));
                gfx.DrawString(FollowUpText.DraftMark, watermark, new XSolidBrush(XColor.FromArgb(40, 0xB3, 0x26, 0x1E)),
                    new XRect(0, PageHeight / 2 - 60, PageWidth, 120), XStringFormats.Center);
                gfx.Restore(state);
            }
            var top = Margin - 8;
            var titleWidth = document.IsDraft ? Width - 120 : Width;
            using (tags.ElementOrArtifact(PdfBlockLevelElementTag.Heading1, running))
            {
                foreach (var line in Wrap(FollowUpText.Title(S), title, titleWidth))
                {
                    gfx.DrawString(line, title, new XSolidBrush(Blue), new XRect(Margin, top, titleWidth, 14), XStringFormats.TopLeft);
                    top += 14;
                }
            }
            if (document.IsDraft)
            {
                using var draftMark = tags.ElementOrArtifact(PdfBlockLevelElementTag.Paragraph, running);
                gfx.DrawString(FollowUpText.DraftMark, draft, new XSolidBrush(Red), new XRect(Margin, Margin - 8, Width, 16), XStringFormats.TopRight);
            }
            var info = $"Entidad: {S.Entity.Name}   ·   Vigencia: {S.Plan.Year}   ·   Corte: {FollowUpText.Date(S.CutOff.Date)} ({FollowUpText.Ordinal(S.CutOff).ToLowerInvariant()}, versión {document.Version})";
            var publication = $"Fecha de publicación: {FollowUpText.Publication(document)}   ·   Plazo: {FollowUpText.Date(S.CutOff.PublicationDeadline)}";
            using (tags.ElementOrArtifact(PdfBlockLevelElementTag.Paragraph, running))
            {
                gfx.DrawString(info, text, XBrushes.Black, new XRect(Margin, top + 2, Width, 10), XStringFormats.TopLeft);
            }
            using (tags.ElementOrArtifact(PdfBlockLevelElementTag.Paragraph, running))
            {
                gfx.DrawString(publication, text, XBrushes.Black, new XRect(Margin, top + 13, Width, 10), XStringFormats.TopLeft);
            }
            var ruleY = Math.Max(top + 27, ContentTop - 8);
            using (tags.Artifact())
            {
                gfx.DrawLine(new XPen(Blue, 1.2), Margin, ruleY, PageWidth - Margin, ruleY);
            }
            y = ContentTop;
        }

        /// <summary>Draws the current page's footer (an artifact, like every running footer) and closes the page.</summary>
        private void EndPage()
        {
            var left = document.IsDraft
                ? FollowUpText.DraftNotice
                : $"Vigía · SHA-256 de la instantánea: {document.Sha256}";
            var footerY = PageHeight - 28;
            using (tags.Artifact())
            {
                gfx.DrawLine(new XPen(Border, 0.5), Margin, footerY - 3, PageWidth - Margin, footerY - 3);
                gfx.DrawString(left, small, document.IsDraft ? new XSolidBrush(Red) : XBrushes.Black, new XRect(Margin, footerY, Width - 90, 10), XStringFormats.TopLeft);
                gfx.DrawString($"Página {pdf.PageCount} de {totalPages}", text, XBrushes.Black, new XRect(Margin, footerY, Width, 10), XStringFormats.TopRight);
            }
            tags.EndPage();
            gfx.Dispose();
        }

        private void NewPageIfBelow(double needed)
        {
            if (y + needed > ContentBottom)
            {
                NewPage();
            }
        }

        private void Heading(string value)
        {
            NewPageIfBelow(40);
            using var element = tags.Element(PdfBlockLevelElementTag.Heading2);
            gfx.DrawString(value, heading, new XSolidBrush(Blue), new XRect(Margin, y, Width, 14), XStringFormats.TopLeft);
            y += 17;
        }

        private void Paragraph(string value, XFont font)
        {
            var lineHeight = font.Size * 1.3;
            using var element = tags.Element(PdfBlockLevelElementTag.Paragraph);
            foreach (var line in Wrap(value, font, Width))
            {
                NewPageIfBelow(lineHeight);
                gfx.DrawString(line, font, XBrushes.Black, new XRect(Margin, y, Width, lineHeight), XStringFormats.TopLeft);
                y += lineHeight;
            }
        }

        /// <summary>Draws a table; a row whose cells do not fit the page goes on the next one, split line by line
        /// when it is taller than a page (then it is tagged as two rows). A row with a single cell spans every column
        /// and is tagged as a header cell; the header repeated on a continuation page is an artifact.</summary>
        private void Table(string[] headers, double[] widths, IEnumerable<Cell[]> rows)
        {
            var lineHeight = text.Size * 1.25;
            using var table = tags.Element(PdfBlockLevelElementTag.Table);
            DrawRow(headers.Select(h => new Cell(h, true, Blue, XColors.White)).ToArray(), widths, lineHeight, header: true, headers);
            foreach (var row in rows)
            {
                DrawRow(row, widths, lineHeight, header: false, headers);
            }
            y += 6;
        }

        private void DrawRow(Cell[] row, double[] widths, double lineHeight, bool header, string[] headers, bool repeated = false)
        {
            var spans = row.Length == 1 ? [widths.Sum()] : widths;
            var lines = row.Select((c, i) => Wrap(c.Text, c.Bold ? bold : text, spans[i] - 2 * Padding)).ToList();
            var done = 0;
            var total = lines.Max(l => l.Count);
            while (true)
            {
                var available = (int)Math.Floor((ContentBottom - y - 2 * Padding) / lineHeight);
                var remaining = Math.Max(total - done, 1);
                // A row moves whole to the next page unless it is taller than a page; a group heading (a single
                // spanning cell) keeps a few lines of the next row with it.
                var pageCapacity = (int)Math.Floor((ContentBottom - ContentTop - 2 * Padding) / lineHeight) - 4;
                var needed = row.Length == 1 && !header ? remaining + 4 : remaining;
                if (available < needed && (remaining <= pageCapacity || available < 3))
                {
                    NewPage();
                    if (!header)
                    {
                        DrawRow(headers.Select(h => new Cell(h, true, Blue, XColors.White)).ToArray(), widths, lineHeight, true, headers, repeated: true);
                    }
                    continue;
                }
                var take = Math.Min(remaining, available);
                var height = take * lineHeight + 2 * Padding;
                var x = Margin;
                using (repeated ? tags.Artifact() : tags.Element(PdfBlockLevelElementTag.TableRow))
                {
                    for (var i = 0; i < row.Length; i++)
                    {
                        var cell = row[i];
                        using var cellElement = repeated ? null
                            : tags.Element(header || row.Length == 1 ? PdfBlockLevelElementTag.TableHeaderCell : PdfBlockLevelElementTag.TableDataCell);
                        if (row.Length == 1 && !repeated)
                        {
                            tags.ColumnSpan(widths.Length);
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
                        var font = cell.Bold ? bold : text;
                        var ly = y + Padding;
                        foreach (var line in lines[i].Skip(done).Take(take))
                        {
                            gfx.DrawString(line, font, brush, new XRect(x + Padding, ly, spans[i] - 2 * Padding, lineHeight),
                                cell.Right ? XStringFormats.TopRight : XStringFormats.TopLeft);
                            ly += lineHeight;
                        }
                        x += spans[i];
                    }
                }
                y += height;
                done += take;
                if (done >= total)
                {
                    return;
                }
                NewPage();
                DrawRow(headers.Select(h => new Cell(h, true, Blue, XColors.White)).ToArray(), widths, lineHeight, true, headers, repeated: true);
            }
        }

        private List<string> Wrap(string value, XFont font, double width)
        {
            var result = new List<string>();
            foreach (var paragraph in value.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
            {
                var line = "";
                foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var candidate = line.Length == 0 ? word : line + " " + word;
                    if (Measure(candidate, font) <= width)
                    {
                        line = candidate;
                        continue;
                    }
                    if (line.Length > 0)
                    {
                        result.Add(line);
                    }
                    line = word;
                    while (Measure(line, font) > width && line.Length > 1)
                    {
                        var cut = line.Length - 1;
                        while (cut > 1 && Measure(line[..cut], font) > width)
                        {
                            cut--;
                        }
                        result.Add(line[..cut]);
                        line = line[cut..];
                    }
                }
                result.Add(line);
            }
            return result;
        }

        private double Measure(string value, XFont font) => gfx.MeasureString(value, font).Width;
    }
}
