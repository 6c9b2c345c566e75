using ClosedXML.Excel;

namespace Vigia.Core.Tests.RiskMap;

/// <summary>A risk in a matrix built by a test: its own cells (written on its first row, merged down over its controls
/// when <paramref name="Merge"/>) and one dictionary of cells per control row.</summary>
internal sealed record MatrixRisk(Dictionary<string, object> Cells, IReadOnlyList<Dictionary<string, object>> Controls, bool Merge = true);

/// <summary>Builds matrices the way other entities write them: any column order, extra columns, a title row.</summary>
internal static class RiskMatrix
{
    public const int HeaderRow = 2;

    public static byte[] Build(IReadOnlyList<string> headers, params MatrixRisk[] risks)
    {
        using var workbook = new XLWorkbook();
        var ws = workbook.AddWorksheet("Matriz");
        ws.Cell(1, 1).SetValue("Matriz de riesgos de corrupción");
        for (var c = 0; c < headers.Count; c++)
        {
            ws.Cell(HeaderRow, c + 1).SetValue(headers[c]);
        }
        var row = HeaderRow + 1;
        foreach (var risk in risks)
        {
            var span = Math.Max(1, risk.Controls.Count);
            foreach (var (header, value) in risk.Cells)
            {
                var column = Column(headers, header);
                Put(ws.Cell(row, column), value);
                if (risk.Merge && span > 1)
                {
                    ws.Range(row, column, row + span - 1, column).Merge();
                }
            }
            for (var k = 0; k < risk.Controls.Count; k++)
            {
                foreach (var (header, value) in risk.Controls[k])
                {
                    Put(ws.Cell(row + k, Column(headers, header)), value);
                }
            }
            row += span;
        }
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>A corruption risk with every required cell: all four elements, «Reducir (mitigar)».</summary>
    public static Dictionary<string, object> Risk(string code, string process, int frequency, object yes) => new(StringComparer.Ordinal)
    {
        ["Referencia"] = code,
        ["Proceso"] = process,
        ["Tipo de riesgo"] = "Corrupción",
        ["Descripción del riesgo"] = $"Posibilidad de favorecer a un tercero ({code})",
        ["Clasificación del riesgo"] = "Fraude interno",
        ["Causa inmediata"] = "Presión de terceros",
        ["Causa raíz"] = "Criterios ambiguos",
        ["Impacto"] = "Pérdida de recursos públicos",
        ["Acción u omisión"] = "Sí",
        ["Uso del poder"] = "Sí",
        ["Desviación de la gestión de lo público"] = "SI",
        ["Beneficio privado"] = "sí",
        ["Frecuencia con la que se realiza la actividad"] = frequency,
        ["Criterio(s) de impacto: preguntas con «sí»"] = yes,
        ["Tratamiento"] = "Reducir (mitigar)",
    };

    public static Dictionary<string, object> Control(string type, string implementation, string description = "El profesional verifica la lista de chequeo") =>
        new(StringComparer.Ordinal)
        {
            ["Descripción del control"] = description,
            ["Responsable del control (cargo)"] = "Profesional especializado",
            ["Tipo"] = type,
            ["Implementación"] = implementation,
            ["Documentación"] = "Documentado",
            ["Frecuencia"] = "Continua",
            ["Evidencia"] = "Con registro",
        };

    /// <summary>The required columns in an order of their own, with an extra column the importer must ignore.</summary>
    public static readonly string[] ShuffledHeaders =
    [
        "Proceso", "Observaciones", "Referencia", "Descripción del riesgo", "Tipo de riesgo", "Clasificación del riesgo", "Causa inmediata", "Causa raíz",
        "Impacto", "Beneficio privado", "Uso del poder", "Acción u omisión", "Desviación de la gestión de lo público",
        "Frecuencia con la que se realiza la actividad", "Criterio(s) de impacto: preguntas con «sí»", "Zona de riesgo inherente", "Tratamiento",
        "Tipo", "Descripción del control", "Implementación", "Responsable del control (cargo)", "Evidencia", "Documentación", "Frecuencia",
        "Probabilidad residual", "Zona de riesgo final",
    ];

    private static int Column(IReadOnlyList<string> headers, string header)
    {
        var index = headers.ToList().IndexOf(header);
        return index >= 0 ? index + 1 : throw new ArgumentException($"No column {header}", nameof(header));
    }

    private static void Put(IXLCell cell, object value)
    {
        switch (value)
        {
            case string s:
                cell.SetValue(s);
                break;
            case int n:
                cell.SetValue(n);
                break;
            case double d:
                cell.SetValue(d);
                break;
            default:
                throw new ArgumentException($"Unsupported cell value {value}", nameof(value));
        }
    }
}
