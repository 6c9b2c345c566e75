using ClosedXML.Excel;

namespace Vigia.Core.RiskMap;

/// <summary>
/// The consolidated corruption risk map of a year as an XLSX workbook with the columns of the DAFP v5 matrix
/// (regulation.md §2.8): one row per control, the risk's own cells merged down over its controls, and for corruption
/// risks the four elements and the questionnaire's «sí» answers. Every text goes in with <c>SetValue</c> (see
/// <c>FollowUpXlsx</c>): ClosedXML 0.95 would read «1.1» as a number.
/// </summary>
public static class RiskMapXlsx
{
    public const string Sheet = "Mapa de riesgos";
    public const int HeaderRow = 3;

    /// <summary>The matrix's columns, in order. Those marked per control vary from row to row; the rest are merged.</summary>
    public static readonly IReadOnlyList<(string Header, bool PerControl)> Columns =
    [
        ("Referencia", false), ("Proceso", false), ("Objetivo del proceso", false), ("Tipo de riesgo", false), ("Impacto", false),
        ("Causa inmediata", false), ("Causa raíz", false), ("Descripción del riesgo", false), ("Clasificación del riesgo", false),
        ("Acción u omisión", false), ("Uso del poder", false), ("Desviación de la gestión de lo público", false), ("Beneficio privado", false),
        ("Frecuencia con la que se realiza la actividad", false), ("Probabilidad inherente", false), ("Probabilidad inherente (%)", false),
        ("Criterio(s) de impacto: preguntas con «sí»", false), ("Impacto inherente", false), ("Impacto inherente (%)", false),
        ("Zona de riesgo inherente", false),
        ("No. control", true), ("Descripción del control", true), ("Responsable del control (cargo)", true), ("Afectación", true), ("Tipo", true),
        ("Implementación", true), ("Calificación", true), ("Documentación", true), ("Frecuencia", true), ("Evidencia", true),
        ("Probabilidad residual", true),
        ("Probabilidad residual final", false), ("Probabilidad residual final (%)", false), ("Impacto residual final", false),
        ("Impacto residual final (%)", false), ("Zona de riesgo final", false), ("Tratamiento", false), ("Método de valoración", false),
    ];

    public static async Task WriteAsync(AppDbContext db, RiskMethodCatalog methods, int entityId, int year, Stream output, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(methods);
        ArgumentNullException.ThrowIfNull(output);
        var definitions = await methods.DefinitionsAsync(ct);
        var entity = await db.Entities.AsNoTracking().Where(e => e.Id == entityId).Select(e => e.Name).SingleAsync(ct);
        var risks = (await db.Risks.AsNoTracking().Include(r => r.Controls).Include(r => r.Process)
                .Where(r => r.Year == year && r.Process!.EntityId == entityId).ToListAsync(ct))
            .OrderBy(r => r.Process!.Name, SpanishText.NameOrder).ThenBy(r => r.Code, StringComparer.Ordinal).ToList();
        Write(risks, definitions, entity, year, output);
    }

    /// <summary>Writes risks already in order, live or from a published version (<see cref="RiskMapSnapshot.ToRisks"/>).
    /// <paramref name="version"/>, when given, is said under the title («Versión 2, publicada el …»).</summary>
    public static void Write(IReadOnlyList<Risk> risks, IReadOnlyDictionary<int, RiskMethodDefinition> definitions, string entity, int year,
        Stream output, string? version = null)
    {
        ArgumentNullException.ThrowIfNull(risks);
        ArgumentNullException.ThrowIfNull(definitions);
        ArgumentNullException.ThrowIfNull(output);
        using var workbook = new XLWorkbook();
        workbook.Properties.Title = $"Mapa de riesgos de corrupción {year} — {entity}";
        workbook.Properties.Author = "Vigía";
        var ws = workbook.AddWorksheet(Sheet);
        ws.Cell(1, 1).SetValue($"Mapa de riesgos de corrupción {year} — {entity}");
        ws.Cell(1, 1).Style.Font.SetBold().Font.SetFontSize(14);
        if (version is not null)
        {
            ws.Cell(2, 1).SetValue(version);
        }
        for (var c = 0; c < Columns.Count; c++)
        {
            var cell = ws.Cell(HeaderRow, c + 1);
            cell.SetValue(Columns[c].Header);
            cell.Style.Font.SetBold().Font.SetFontColor(XLColor.White).Fill.SetBackgroundColor(XLColor.FromHtml("#004884")).Alignment.SetWrapText();
            ws.Column(c + 1).Width = Columns[c].PerControl ? 18 : 22;
        }
        var row = HeaderRow + 1;
        foreach (var risk in risks)
        {
            var m = definitions[risk.MethodId];
            var controls = risk.Controls.OrderBy(c => c.Number).ToList();
            var span = Math.Max(1, controls.Count);
            var path = m.Controls is null ? null
                : RiskRules.Residual(m, new RiskPosition(risk.InherentProbability, risk.InherentImpact, risk.InherentZone), true, controls.Select(c => c.Choice()).ToList());
            var yes = risk.YesAnswers();
            object[] shared =
            [
                risk.Code, risk.Process!.Name, risk.Process.Objective ?? "", "Corrupción", risk.Consequences, risk.ImmediateCause, risk.RootCause,
                risk.Description, risk.Classification, YesNo(risk.ActionOrOmission), YesNo(risk.UseOfPower), YesNo(risk.DeviationFromPublicInterest),
                YesNo(risk.PrivateBenefit), risk.ActivityFrequency, m.Probability(risk.InherentProbability).Name, Fraction(m.Probability(risk.InherentProbability).Value),
                string.Join(", ", yes.Select(n => n.ToString(CultureInfo.InvariantCulture))), m.Impact(risk.InherentImpact).Name,
                Fraction(m.Impact(risk.InherentImpact).Value), m.Zone(risk.InherentZone).Name,
            ];
            object[] final =
            [
                m.Probability(risk.ResidualProbability).Name, Fraction(risk.ResidualProbabilityValue), m.Impact(risk.ResidualImpact).Name,
                Fraction(risk.ResidualImpactValue), m.Zone(risk.ResidualZone).Name, RiskText.Treatment(m, risk.Treatment), $"{m.Name} (revisión {m.Revision})",
            ];
            for (var i = 0; i < shared.Length; i++)
            {
                Put(ws, row, i + 1, shared[i], span);
            }
            var finalColumn = shared.Length + 11 + 1;
            for (var i = 0; i < final.Length; i++)
            {
                Put(ws, row, finalColumn + i, final[i], span);
            }
            for (var k = 0; k < controls.Count; k++)
            {
                var c = controls[k];
                var step = path?.Steps[k];
                object[] cells =
                [
                    c.Number, c.Description, c.ResponsiblePost, step is null ? "" : Affects(step.Affects), RiskText.Option(m, "tipo", c.Type),
                    RiskText.Option(m, "implementacion", c.Implementation), Fraction(c.Score), RiskText.Option(m, "documentacion", c.Documentation),
                    RiskText.Option(m, "frecuencia", c.Frequency), RiskText.Option(m, "evidencia", c.Evidence),
                    step is null ? "" : Fraction(step.ProbabilityAfter),
                ];
                for (var i = 0; i < cells.Length; i++)
                {
                    Put(ws, row + k, shared.Length + 1 + i, cells[i], 1);
                }
            }
            row += span;
        }
        ws.SheetView.FreezeRows(HeaderRow);
        workbook.SaveAs(output);
    }

    private static string YesNo(bool value) => value ? "Sí" : "No";

    private static string Affects(ControlEffect effect) => effect switch
    {
        ControlEffect.Probability => "Probabilidad",
        ControlEffect.Impact => "Impacto",
        _ => "Ninguna (impacto de corrupción)",
    };

    private static object Fraction(decimal percent) => percent / 100;

    private static void Put(IXLWorksheet ws, int row, int column, object value, int span)
    {
        var cell = ws.Cell(row, column);
        switch (value)
        {
            case string s:
                cell.SetValue(s);
                break;
            case int n:
                cell.SetValue(n);
                break;
            case decimal d:
                cell.SetValue(d);
                cell.Style.NumberFormat.Format = "0.##%";
                break;
        }
        cell.Style.Alignment.SetVertical(XLAlignmentVerticalValues.Top).Alignment.SetWrapText();
        if (span > 1)
        {
            ws.Range(row, column, row + span - 1, column).Merge();
        }
    }
}
