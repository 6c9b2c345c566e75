using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;
using Vigia.Core.FollowUps;

namespace Vigia.Core.RiskMap;

/// <summary>
/// The consolidated corruption risk map of a published version as a tagged PDF (<see cref="TaggedPdf"/>: title,
/// es-CO, structure): title H1, one H2 section per process, one H3 per risk with its causes, inherent zone, each
/// control and the residual zone in paragraphs, so a screen reader reads the path from inherent to residual in order.
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
        foreach (var process in map.Risks.GroupBy(r => r.Process))
        {
            using var section = tags.Group(PdfGroupingElementTag.Section);
            layout.Text($"Proceso: {process.Key}", layout.Heading, PdfBlockLevelElementTag.Heading2);
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

    private sealed class Layout(PdfDocument pdf, TaggedPdf tags)
    {
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
