using Vigia.Core.RiskMap.Tracking;

namespace Vigia.Core.OpenData;

/// <summary>The published risk map's monitoring and materializations as open-data rows: the cells of
/// <see cref="OpenDatasets.RiskMonitoring"/> and <see cref="OpenDatasets.RiskMaterializations"/>, in their columns'
/// order, as text (invariant numbers, ISO dates), so CSV, XLSX and JSON come from the same cells.</summary>
public static class RiskTrackingRows
{
    public static IReadOnlyList<string> Monitoring(PublicControlMonitoring m, int version)
    {
        ArgumentNullException.ThrowIfNull(m);
        return
        [
            m.RiskCode, m.Process, m.Risk, Int(m.ControlNumber), m.Control, m.ResponsiblePost, Int(m.Year), Int(m.Month), m.Period,
            m.Executed ? "si" : "no", m.Note, m.ReviewComment ?? "", Iso(m.ReviewedOn), Int(version),
        ];
    }

    public static IReadOnlyList<string> Materialization(PublicMaterialization m, int version)
    {
        ArgumentNullException.ThrowIfNull(m);
        return
        [
            m.RiskCode, m.Process, m.Risk, Iso(m.OccurredOn), m.Description, string.Join(" | ", m.InformedTo), Iso(m.ReportedOn),
            m.ReassessedOn is null ? "no" : "si", m.ReassessedOn is { } on ? Iso(on) : "", m.ReassessmentNote ?? "",
            Int(m.Actions.Count), Actions(m.Actions), m.WithdrawnOn is null ? "no" : "si", m.WithdrawnOn is { } gone ? Iso(gone) : "",
            m.WithdrawalReason ?? "", Int(version),
        ];
    }

    /// <summary>«1. Descripción (Unidad; 2026-03-01 a 2026-06-30; entregable: …) | 2. …».</summary>
    public static string Actions(IReadOnlyList<PublicImprovementAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        return string.Join(" | ", actions.Select((a, i) =>
            $"{Int(i + 1)}. {a.Description} ({a.Unit}; {Iso(a.StartDate)} a {Iso(a.EndDate)}; entregable: {a.Deliverable})"));
    }

    /// <summary>The JSON form of <paramref name="cells"/>: the dataset's columns as keys, whole and decimal numbers as
    /// numbers, an empty cell as null, everything else as the CSV's text.</summary>
    public static Dictionary<string, object?> Json(OpenDataset dataset, IReadOnlyList<string> cells)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(cells);
        var row = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var i = 0; i < dataset.Columns.Count; i++)
        {
            var column = dataset.Columns[i];
            var text = cells[i];
            row[column.Name] = text.Length == 0 ? null : column.Type switch
            {
                ColumnType.WholeNumber => long.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
                ColumnType.DecimalNumber => decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture),
                _ => text,
            };
        }
        return row;
    }

    /// <summary>The improvement plan as JSON objects, for the «acciones_mejora» key.</summary>
    public static IReadOnlyList<Dictionary<string, string>> ActionsJson(IReadOnlyList<PublicImprovementAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        return actions.Select(a => new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["descripcion"] = a.Description,
            ["responsable"] = a.Unit,
            ["fecha_inicio"] = Iso(a.StartDate),
            ["fecha_fin"] = Iso(a.EndDate),
            ["entregable"] = a.Deliverable,
        }).ToList();
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
