using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;
using Vigia.Core.FollowUps;

namespace Vigia.Core.RiskMap;

/// <summary>
/// The consolidated corruption risk map of a published version as a tagged PDF (<see cref="TaggedPdf"/>: title,
/// es-CO, structure): title H1, one H2 section per process, one H3 per risk with its causes, inherent zone, each
/// control and the residual zone in paragraphs, so a screen reader reads the path from inherent to residual in order.
/// Before the risks, for the entity and again for each process, the inherent and residual heat maps (the 5×5 grid of
/// the current method, each cell saying how many risks sit in it and its zone in words, not by colour alone) and a table
/// of the number of risks in each zone, all tagged as tables with their header cells.
/// </summary>
public static class RiskMapPdf
{
    private const double PageWidth = 595;
    private const double PageHeight = 842;
    private const double Margin = 48;
    private const double Width = PageWidth - 2 * Margin;
    private static readonly XColor Blue = XColor.FromArgb(0x00, 0x48, 0x84);

    public static string Title(RiskMapSnapshot map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return $"Mapa de riesgos de corrupción {map.Year} — {map.Entity}";
    }

    /// <param name="version">The version line under the title («Versión 2, publicada el …»).</param>
    public static void Write(RiskMapSnapshot map, string version, IReadOnlyDictionary<int, RiskMethodDefinition> methods, Stream output)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(methods);
        ArgumentNullException.ThrowIfNull(output);
        PdfFonts.EnsureInstalled();
        using var pdf = new PdfDocument();
        var tags = TaggedPdf.For(pdf, Title(map));
        pdf.Info.Author = map.Entity;
        pdf.Info.Creator = "Vigía";
        var layout = new Layout(pdf, tags);
        layout.Text(Title(map), layout.TitleFont, PdfBlockLevelElementTag.Heading1);
        layout.Text(version, layout.Body);
        var grid = GridMethod(methods);
        using (tags.Group(PdfGroupingElementTag.Section))
        {
            layout.Text("Mapas de calor de la entidad", layout.Heading, PdfBlockLevelElementTag.Heading2);
            HeatMaps(layout, grid, map.Risks, "de la entidad", "en la entidad");
        }
        foreach (var process in map.Risks.GroupBy(r => r.Process))
        {
            using var section = tags.Group(PdfGroupingElementTag.Section);
            layout.Text($"Proceso: {process.Key}", layout.Heading, PdfBlockLevelElementTag.Heading2);
            HeatMaps(layout, grid, process.ToList(), $"del proceso {process.Key}", $"en el proceso {process.Key}");
            foreach (var risk in process)
            {
                var m = methods[risk.MethodId];
                layout.Text($"{risk.Code} — {risk.Description}", layout.Bold, PdfBlockLevelElementTag.Heading3);
                layout.Text($"Clasificación: {risk.Classification}. Causa inmediata: {risk.ImmediateCause}. Causa raíz: {risk.RootCause}. Consecuencias: {risk.Consequences}.", layout.Body);
                layout.Text($"Riesgo inherente: {RiskText.Describe(RiskPositionText.Of(m, risk.InherentProbability, risk.InherentImpact, risk.InherentZone))}.", layout.Body);
                if (risk.Controls.Count == 0)
                {
                    layout.Text("Sin controles.", layout.Body);
                }
                foreach (var c in risk.Controls)
                {
                    layout.Text($"Control {c.Number}: {c.Description} Responsable: {c.ResponsiblePost}. {RiskText.Option(m, "tipo", c.Type)}, "
                        + $"{RiskText.Option(m, "implementacion", c.Implementation)}, calificación {RiskText.Percent(c.Score)}.", layout.Body);
                }
                layout.Text($"Riesgo residual: {RiskText.Describe(RiskPositionText.Of(m, risk.ResidualProbability, risk.ResidualImpact, risk.ResidualZone))}. "
                    + $"Tratamiento: {RiskText.Treatment(m, risk.Treatment)}.", layout.Body);
            }
        }
        layout.End();
        pdf.Save(output, false);
    }

    /// <summary>The grid is drawn with the current method, as the public page draws it; each risk sits where its
    /// own assessment put it.</summary>
    private static RiskMethodDefinition GridMethod(IReadOnlyDictionary<int, RiskMethodDefinition> methods) =>
        methods.Values.Where(m => m.Code == RiskMethodCatalog.CurrentCode).MaxBy(m => m.Revision)
        ?? methods.Values.OrderBy(m => m.Code, StringComparer.Ordinal).ThenByDescending(m => m.Revision).First();

    private static void HeatMaps(Layout layout, RiskMethodDefinition method, IReadOnlyList<RiskSnapshot> risks, string of, string within)
    {
        var inherent = HeatMapGrid.Build(method, risks.Select(r => (r.InherentProbability, r.InherentImpact)));
        var residual = HeatMapGrid.Build(method, risks.Select(r => (r.ResidualProbability, r.ResidualImpact)));
        layout.Text($"Mapa de calor del riesgo inherente {of} ({Count(inherent.Total)})", layout.Bold, PdfBlockLevelElementTag.Heading3);
        HeatMap(layout, inherent);
        layout.Text($"Mapa de calor del riesgo residual {of} ({Count(residual.Total)})", layout.Bold, PdfBlockLevelElementTag.Heading3);
        HeatMap(layout, residual);
        layout.Text($"Riesgos por zona {within}", layout.Bold, PdfBlockLevelElementTag.Heading3);
        var header = new[] { Layout.Header("Zona"), Layout.Header("Riesgo inherente"), Layout.Header("Riesgo residual") };
        var rows = method.Zones.OrderByDescending(z => z.Rank).Select(z => new[]
        {
            Layout.Header(z.Name, Fill(z)),
            Layout.Data(Number(risks.Count(r => r.InherentZone == z.Code))),
            Layout.Data(Number(risks.Count(r => r.ResidualZone == z.Code))),
        }).Append([Layout.Header("Total"), Layout.Data(Number(risks.Count)), Layout.Data(Number(risks.Count))]).ToList();
        layout.Table(header, rows, [Width / 3, Width / 3, Width / 3]);
    }

    /// <summary>Rows from the highest probability down, columns from the lowest impact; each cell «2 riesgos» over the
    /// zone's name, on the zone's colour softened so black text keeps its contrast.</summary>
    private static void HeatMap(Layout layout, HeatMapGrid grid)
    {
        var header = new[] { Layout.Header("Probabilidad /\nimpacto") }.Concat(grid.Columns.Select(c => Layout.Header(c.Name))).ToArray();
        var rows = grid.Rows.Select(r => new[] { Layout.Header(r.Name) }
            .Concat(grid.Columns.Select(c => grid.Cell(r.Level, c.Level)).Select(cell => Layout.Data($"{Count(cell.Risks)}\n{cell.Zone.Name}", Fill(cell.Zone))))
            .ToArray()).ToList();
        var first = 90.0;
        var other = (Width - first) / grid.Columns.Count;
        layout.Table(header, rows, [first, .. Enumerable.Repeat(other, grid.Columns.Count)]);
    }

    private static string Count(int risks) => risks == 1 ? "1 riesgo" : $"{Number(risks)} riesgos";

    private static string Number(int value) => value.ToString("N0", SpanishFormat.Culture);

    private static XColor Fill(RiskZoneDefinition zone)
    {
        var rgb = Convert.ToInt32(zone.Colour.TrimStart('#'), 16);
        // A quarter of the zone's colour over white: the word, not the colour, carries the zone.
        static int Soft(int channel) => 255 - (255 - channel) / 4;
        return XColor.FromArgb(Soft((rgb >> 16) & 0xFF), Soft((rgb >> 8) & 0xFF), Soft(rgb & 0xFF));
    }

    private sealed record TableCell(string Text, bool Header, XColor? Fill);

    private sealed class Layout(PdfDocument pdf, TaggedPdf tags)
    {
        private const double Padding = 3;
        public static TableCell Header(string text, XColor? fill = null) => new(text, true, fill);
        public static TableCell Data(string text, XColor? fill = null) => new(text, false, fill);

        public readonly XFont TitleFont = new(PdfFonts.Family, 14, XFontStyleEx.Bold);
        public readonly XFont Heading = new(PdfFonts.Family, 11, XFontStyleEx.Bold);
        public readonly XFont Bold = new(PdfFonts.Family, 9, XFontStyleEx.Bold);
        public readonly XFont Body = new(PdfFonts.Family, 9);
        private XGraphics? gfx;
        private double y;

        public void Text(string value, XFont font, PdfBlockLevelElementTag tag = PdfBlockLevelElementTag.Paragraph)
        {
            var lineHeight = font.Size * 1.35;
            if (gfx is null || y + lineHeight * 2 > PageHeight - Margin)
            {
                NewPage();
            }
            using (tags.Element(tag))
            {
                foreach (var line in Wrap(value, font))
                {
                    if (y + lineHeight > PageHeight - Margin)
                    {
                        NewPage();
                    }
                    gfx!.DrawString(line, font, tag == PdfBlockLevelElementTag.Paragraph ? XBrushes.Black : new XSolidBrush(Blue),
                        new XRect(Margin, y, Width, lineHeight), XStringFormats.TopLeft);
                    y += lineHeight;
                }
            }
            y += font.Size * 0.5;
        }

        /// <summary>A small table kept on one page: header cells tagged TH, data cells TD, borders and fills artifacts.</summary>
        public void Table(TableCell[] header, IReadOnlyList<TableCell[]> rows, double[] widths)
        {
            var lineHeight = Body.Size * 1.3;
            double Height(TableCell[] row) => row.Max(c => c.Text.Split('\n').Length) * lineHeight + 2 * Padding;
            var total = Height(header) + rows.Sum(Height);
            if (gfx is null || y + total > PageHeight - Margin)
            {
                NewPage();
            }
            using (tags.Element(PdfBlockLevelElementTag.Table))
            {
                foreach (var row in rows.Prepend(header))
                {
                    var height = Height(row);
                    var x = Margin;
                    using (tags.Element(PdfBlockLevelElementTag.TableRow))
                    {
                        for (var i = 0; i < row.Length; i++)
                        {
                            var cell = row[i];
                            using var element = tags.Element(cell.Header ? PdfBlockLevelElementTag.TableHeaderCell : PdfBlockLevelElementTag.TableDataCell);
                            var rect = new XRect(x, y, widths[i], height);
                            using (tags.Artifact())
                            {
                                var fill = cell.Fill ?? (cell.Header ? XColor.FromArgb(0xE8, 0xEE, 0xF6) : XColors.White);
                                gfx!.DrawRectangle(new XPen(XColors.Gray, 0.5), new XSolidBrush(fill), rect);
                            }
                            var ly = y + Padding;
                            foreach (var line in cell.Text.Split('\n'))
                            {
                                gfx!.DrawString(line, cell.Header ? Bold : Body, XBrushes.Black, new XRect(x + Padding, ly, widths[i] - 2 * Padding, lineHeight),
                                    XStringFormats.TopLeft);
                                ly += lineHeight;
                            }
                            x += widths[i];
                        }
                    }
                    y += height;
                }
            }
            y += Body.Size;
        }

        public void End()
        {
            if (gfx is not null)
            {
                tags.EndPage();
                gfx.Dispose();
                gfx = null;
            }
        }

        private void NewPage()
        {
            End();
            var page = pdf.AddPage();
            page.Width = XUnit.FromPoint(PageWidth);
            page.Height = XUnit.FromPoint(PageHeight);
            gfx = XGraphics.FromPdfPage(page);
            y = Margin;
        }

        private List<string> Wrap(string value, XFont font)
        {
            var lines = new List<string>();
            var line = "";
            foreach (var word in value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && gfx!.MeasureString(candidate, font).Width > Width)
                {
                    lines.Add(line);
                    line = word;
                }
                else
                {
                    line = candidate;
                }
            }
            lines.Add(line);
            return lines;
        }
    }
}
