using System.Text.RegularExpressions;

namespace Vigia.Core.Plans.Importing;

/// <summary>Where each column of the plan table is, found by name in the header row(s):
/// "N°, ACTIVIDADES, DESCRIPCIÓN, METAS, MESES 1…12, PRODUCTOS, INDICADORES (FÓRMULA, RESULTADO),
/// RESPONSABLES". Columns are 0-based; -1 when the header does not have them.</summary>
internal sealed partial class TableLayout
{
    private TableLayout()
    {
    }

    public int Code { get; private init; } = -1;
    public int Activity { get; private init; } = -1;
    public int Description { get; private init; } = -1;
    public int Goal { get; private init; } = -1;
    public int Deliverable { get; private init; } = -1;
    public int Formula { get; private init; } = -1;
    public int Result { get; private init; } = -1;
    public int Responsible { get; private init; } = -1;

    /// <summary>Column of month 1…12 (index 0…11), -1 when missing.</summary>
    public IReadOnlyList<int> Months { get; private init; } = [];

    /// <summary>Named header columns this reader does not import (e.g. "OBSERVACIONES").</summary>
    public IReadOnlyDictionary<int, string> Others { get; private init; } = new Dictionary<int, string>();

    /// <summary>The last column of the left block (number, activity, description, goal).</summary>
    public int LeftEnd => Math.Max(Math.Max(Code, Activity), Math.Max(Description, Goal));

    /// <summary>The right block's columns (deliverable, formula, result, responsible and any other
    /// named column after the months): the block that PDF extraction sometimes shifts.</summary>
    public IReadOnlyList<int> RightColumns =>
        new[] { Deliverable, Formula, Result, Responsible }.Concat(Others.Keys.Where(k => k > LeftEnd))
            .Where(c => c > LeftEnd).Distinct().Order().ToList();

    public bool HasMonths => Months.Any(m => m >= 0);

    /// <summary>True for the first (or only) header row: at least three column names of the plan
    /// table, and no number (a data row has its activity number and its result).</summary>
    public static bool IsPrimaryHeader(SourceRow row)
    {
        var roles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cell in row.Cells.Where(c => c.Length > 0))
        {
            var isMonthNumber = MonthOf(SpanishText.Fold(cell), allowNumbers: true) > 0;
            if (!isMonthNumber && (SpanishNumber.TryParse(cell, out _, out _) || PlanCode.TryParse(cell, out _, out _)))
            {
                return false;
            }

            var key = SpanishText.Fold(cell);
            if (RoleOf(key) is { } role && role is not "code" and not "formula" and not "result")
            {
                roles.Add(role);
            }
        }

        return roles.Count >= 3;
    }

    /// <summary>True for a second header row: months 1…12 (or their names) and/or FÓRMULA/RESULTADO,
    /// and nothing that looks like data.</summary>
    public static bool IsSecondaryHeader(SourceRow row)
    {
        var months = 0;
        var lastMonth = 0;
        var names = 0;
        foreach (var cell in row.Cells.Where(c => c.Length > 0))
        {
            var key = SpanishText.Fold(cell);
            var month = MonthOf(key, allowNumbers: true);
            if (month > lastMonth)
            {
                // Months in order, as a header has them; quantities of a data row are not.
                months++;
                lastMonth = month;
            }
            else if (month > 0)
            {
                return false;
            }
            else if (RoleOf(key) is "formula" or "result" or "indicator")
            {
                names++;
            }
            else
            {
                return false;
            }
        }

        return months >= 6 || (names > 0 && months == 0);
    }

    /// <summary>Builds the layout from the header row and its optional second row; null (and the
    /// names of the missing columns) when the number, activity or goal column is missing.</summary>
    public static TableLayout? Build(SourceRow primary, SourceRow? secondary, out IReadOnlyList<string> missing)
    {
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        var months = Enumerable.Repeat(-1, 12).ToArray();
        var others = new Dictionary<int, string>();
        var width = Math.Max(primary.Cells.Count, secondary?.Cells.Count ?? 0);
        for (var column = 0; column < width; column++)
        {
            foreach (var row in secondary is null ? new[] { primary } : [primary, secondary])
            {
                var cell = row.Cell(column);
                if (cell.Length == 0)
                {
                    continue;
                }

                var key = SpanishText.Fold(cell);
                var month = MonthOf(key, allowNumbers: true);
                if (month > 0 && months[month - 1] < 0)
                {
                    months[month - 1] = column;
                }
                else if (RoleOf(key) is { } role)
                {
                    found.TryAdd(role, column);
                }
                else if (month == 0 && !key.StartsWith("MES", StringComparison.OrdinalIgnoreCase) && !key.StartsWith("CRONOGRAMA", StringComparison.OrdinalIgnoreCase))
                {
                    others.TryAdd(column, cell);
                }
            }
        }

        var missingNames = new List<string>();
        if (!found.ContainsKey("code"))
        {
            missingNames.Add("N°");
        }

        if (!found.ContainsKey("activity"))
        {
            missingNames.Add("ACTIVIDADES");
        }

        if (!found.ContainsKey("goal"))
        {
            missingNames.Add("METAS");
        }

        missing = missingNames;
        if (missingNames.Count > 0)
        {
            return null;
        }

        int Get(string role) => found.TryGetValue(role, out var c) ? c : -1;

        // INDICADORES is usually the group title over FÓRMULA and RESULTADO; alone, it is the formula.
        var formula = Get("formula") >= 0 ? Get("formula") : Get("indicator");
        return new TableLayout
        {
            Code = Get("code"),
            Activity = Get("activity"),
            Description = Get("description"),
            Goal = Get("goal"),
            Deliverable = Get("deliverable"),
            Formula = formula,
            Result = Get("result"),
            Responsible = Get("responsible"),
            Months = months,
            Others = others,
        };
    }

    private static string? RoleOf(string key) => key.Length > 50 ? null : key switch
    {
        _ when CodeHeader().IsMatch(key) => "code",
        _ when key.StartsWith("ACTIVIDAD", StringComparison.OrdinalIgnoreCase) => "activity",
        _ when key.StartsWith("DESCRIPCION", StringComparison.OrdinalIgnoreCase) => "description",
        _ when key.StartsWith("META", StringComparison.OrdinalIgnoreCase) => "goal",
        _ when key.StartsWith("PRODUCTO", StringComparison.OrdinalIgnoreCase) => "deliverable",
        _ when key.StartsWith("FORMULA", StringComparison.OrdinalIgnoreCase) => "formula",
        _ when key.StartsWith("INDICADOR", StringComparison.OrdinalIgnoreCase) => "indicator",
        _ when key.StartsWith("RESULTADO", StringComparison.OrdinalIgnoreCase) => "result",
        _ when key.StartsWith("RESPONSABLE", StringComparison.OrdinalIgnoreCase) => "responsible",
        _ => null,
    };

    /// <summary>1…12 for a month name (or number, in a second header row), else 0.</summary>
    private static int MonthOf(string key, bool allowNumbers)
    {
        if (allowNumbers && int.TryParse(key, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 12
            && key == number.ToString(CultureInfo.InvariantCulture))
        {
            return number;
        }

        return SpanishMonths.FromName(key) ?? 0;
    }

    [GeneratedRegex(@"^(N\s*\.?\s*[°º]?\.?|N\.?\s*O\.?|#|NUM\.?|NUMERO|ITEM|CODIGO)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CodeHeader();
}
