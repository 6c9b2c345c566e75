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
        Assert.Equal(2, types.Count(t => t == "Sect"));
        Assert.Equal(2, types.Count(t => t == "H2"));
        Assert.Equal(2, types.Count(t => t == "H3"));
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
