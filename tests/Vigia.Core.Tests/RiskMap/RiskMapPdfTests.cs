using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;
using Vigia.Core.RiskMap;

namespace Vigia.Core.Tests.RiskMap;

/// <summary>The consolidated map as a tagged PDF, read back: title, es-CO, one section per process, and the text
/// of each risk's path from inherent to residual (PdfPig). No database: the PDF is drawn from a snapshot.</summary>
public class RiskMapPdfTests
{
    private static readonly RiskMethodDefinition V6 = RiskMethodTests.Method("dafp-v6");

    private static RiskSnapshot Risk(int process, string processName, string code, params ControlSnapshot[] controls) => new(process, processName, null, code,
        $"Posibilidad de favorecer a un tercero ({code})", "Fraude interno", true, true, true, true, "Presión de terceros", "Criterios ambiguos",
        "Pérdida de recursos", 1000, "1,2,3", 1, 4, 3, "alto", controls.Length == 0 ? 4 : 3, 3, controls.Length == 0 ? "alto" : "moderado",
        controls.Length == 0 ? 80 : 48, 60, "reducir", controls);

    private static readonly RiskMapSnapshot Map = new("Alcaldía de Prueba", 2026,
    [
        Risk(1, "Gestión de la Contratación", "RC-01", new ControlSnapshot(1, "El profesional verifica los requisitos con la lista de chequeo.",
            "Profesional de contratación", "preventivo", "manual", "documentado", "continua", "con-registro", 40)),
        Risk(2, "Gestión Financiera", "RC-02"),
    ]);

    private static byte[] Pdf()
    {
        using var buffer = new MemoryStream();
        RiskMapPdf.Write(Map, "Versión 1, publicada el 26 de noviembre de 2026", new Dictionary<int, RiskMethodDefinition> { [1] = V6 }, buffer);
        return buffer.ToArray();
    }

    private static IEnumerable<PdfDictionary> Elements(PdfItem? k)
    {
        var item = k is PdfReference r ? r.Value : k;
        var kids = item switch
        {
            PdfArray array => array.Elements.Select(e => e is PdfReference x ? x.Value : e).OfType<PdfDictionary>(),
            PdfDictionary d => [d],
            _ => [],
        };
        foreach (var kid in kids.Where(d => d.Elements.ContainsKey("/S")))
        {
            yield return kid;
            foreach (var inner in Elements(kid.Elements["/K"]))
            {
                yield return inner;
            }
        }
    }

    [Fact]
    public void Pdf_IsTaggedWithTitleLanguageAndOneSectionPerProcess()
    {
        using var pdf = PdfReader.Open(new MemoryStream(Pdf()), PdfDocumentOpenMode.Import);

        var catalog = pdf.Internals.Catalog.Elements;
        Assert.Equal("es-CO", catalog.GetString("/Lang"));
        Assert.True(catalog.GetDictionary("/MarkInfo")!.Elements.GetBoolean("/Marked"));
        Assert.Equal("Mapa de riesgos de corrupción 2026 — Alcaldía de Prueba", pdf.Info.Title);
        var types = Elements(catalog.GetDictionary("/StructTreeRoot")!.Elements["/K"]).Select(e => e.Elements.GetName("/S").TrimStart('/')).ToList();
        Assert.Single(types, t => t == "H1");
        // The entity's heat maps, then one section per process.
        Assert.Equal(3, types.Count(t => t == "Sect"));
        Assert.Equal(3, types.Count(t => t == "H2"));
        // Two risks, and for the entity and each process two heat maps and the table by zone.
        Assert.Equal(2 + 3 * 3, types.Count(t => t == "H3"));
        Assert.Equal(3 * 3, types.Count(t => t == "Table"));
        // A heat map: a header row of six TH, then five rows of a TH and five TD; the table by zone: three TH, then four
        // zones and the total, each a TH and two TD.
        Assert.Equal(3 * (6 + 6 + 6), types.Count(t => t == "TR"));
        Assert.Equal(3 * (25 + 25 + 10), types.Count(t => t == "TD"));
        Assert.Equal(3 * (11 + 11 + 8), types.Count(t => t == "TH"));
    }

    [Fact]
    public void Pdf_DrawsTheHeatMapsWithTheCountAndTheZoneInEachCell_AndCountsRisksByZone_ForTheEntityAndEachProcess()
    {
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(Pdf());

        var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));

        var entity = text.IndexOf("Mapa de calor del riesgo inherente de la entidad (2 riesgos)", StringComparison.Ordinal);
        var residual = text.IndexOf("Mapa de calor del riesgo residual de la entidad (2 riesgos)", StringComparison.Ordinal);
        Assert.True(entity >= 0 && residual > entity, text);
        var inherent = text[entity..residual];
        void Has(string part, string within) => Assert.True(within.Contains(part, StringComparison.Ordinal), $"«{part}» not in: {text}");
        // PdfPig reads line by line: a row's counts, then the zones under them.
        Has("(2 riesgos) Probabilidad / Leve Menor Moderado Mayor Catastrófico impacto Muy alta 0 riesgos 0 riesgos 0 riesgos 0 riesgos 0 riesgos Alto Alto Alto Alto Extremo", inherent);
        // Both risks sit at Alta × Moderado before their controls; RC-01's control brings it down to Media × Moderado.
        Has("Alta 0 riesgos 0 riesgos 2 riesgos 0 riesgos 0 riesgos Moderado Moderado Alto Alto Extremo", inherent);
        Has("Alta 0 riesgos 0 riesgos 1 riesgo 0 riesgos 0 riesgos Moderado Moderado Alto Alto Extremo Media 0 riesgos 0 riesgos 1 riesgo 0 riesgos 0 riesgos Moderado Moderado Moderado Alto Extremo",
            text[residual..]);
        Has("Riesgos por zona en la entidad Zona Riesgo inherente Riesgo residual Extremo 0 0 Alto 2 1 Moderado 0 1 Bajo 0 0 Total 2 2", text);
        Has("Mapa de calor del riesgo inherente del proceso Gestión Financiera (1 riesgo)", text);
        Has("Riesgos por zona en el proceso Gestión de la Contratación Zona Riesgo inherente Riesgo residual Extremo 0 0 Alto 1 0 Moderado 0 1 Bajo 0 0 Total 1 1", text);
        Has("Riesgos por zona en el proceso Gestión Financiera Zona Riesgo inherente Riesgo residual Extremo 0 0 Alto 1 1 Moderado 0 0 Bajo 0 0 Total 1 1", text);
    }

    [Fact]
    public void Pdf_ReadsEachRiskFromInherentThroughItsControlsToResidual()
    {
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(Pdf());

        var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));

        Assert.Contains("Proceso: Gestión de la Contratación", text, StringComparison.Ordinal);
        Assert.Contains("Proceso: Gestión Financiera", text, StringComparison.Ordinal);
        var inherent = text.IndexOf("Riesgo inherente: probabilidad alta, impacto moderado: zona alto.", StringComparison.Ordinal);
        var control = text.IndexOf("Control 1: El profesional verifica", StringComparison.Ordinal);
        var residual = text.IndexOf("Riesgo residual: probabilidad media, impacto moderado: zona moderado.", StringComparison.Ordinal);
        Assert.True(inherent >= 0 && inherent < control && control < residual, text);
        Assert.Contains("Sin controles.", text, StringComparison.Ordinal);
        Assert.Contains("Versión 1, publicada el 26 de noviembre de 2026", text, StringComparison.Ordinal);
    }
}
