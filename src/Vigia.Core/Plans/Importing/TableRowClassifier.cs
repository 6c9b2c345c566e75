using System.Text.RegularExpressions;

namespace Vigia.Core.Plans.Importing;

/// <summary>Sorts the rows of the table (from its first header on) by kind: header, second header
/// row, component/subcomponent heading, loose text between pages, data row.</summary>
internal static partial class TableRowClassifier
{
    public enum RowKind
    {
        Header,
        SecondaryHeader,
        Heading,
        LooseText,
        Data,
    }

    public sealed record TableItem(RowKind Kind, SourceRow Row, TableLayout Layout, SourceRow? Secondary = null, StructureRow? Heading = null);

    /// <summary>Sorts the table's rows by kind, with the column layout in force at each (a repeated
    /// header may change it).</summary>
    public static IEnumerable<TableItem> Classify(IReadOnlyList<SourceRow> rows, int headerIndex)
    {
        TableLayout? current = null;
        for (var i = headerIndex; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.IsBlank)
            {
                continue;
            }

            if (TableLayout.IsPrimaryHeader(row))
            {
                var next = i + 1;
                while (next < rows.Count && rows[next].IsBlank)
                {
                    next++;
                }

                SourceRow? secondary = null;
                if (next < rows.Count && TableLayout.IsSecondaryHeader(rows[next]))
                {
                    secondary = rows[next];
                    i = next;
                }

                current = TableLayout.Build(row, secondary, out _) ?? current;
                yield return new TableItem(RowKind.Header, row, current!, secondary);
                if (current is null)
                {
                    yield break;
                }
            }
            else if (TableLayout.IsSecondaryHeader(row))
            {
                yield return new TableItem(RowKind.SecondaryHeader, row, current!);
            }
            else if (StructureRow.TryParse(row, current!) is { } heading)
            {
                yield return new TableItem(RowKind.Heading, row, current!, Heading: heading);
            }
            else
            {
                yield return new TableItem(IsLooseText(row, current!) ? RowKind.LooseText : RowKind.Data, row, current!);
            }
        }
    }

    /// <summary>A row whose only text is in the first column and is not a number of the plan:
    /// page numbers, initials, signature marks between pages.</summary>
    private static bool IsLooseText(SourceRow row, TableLayout layout)
    {
        var filled = row.FilledColumns.ToList();
        if (filled.Count != 1 || filled[0] > Math.Max(layout.Code, 0))
        {
            return false;
        }

        var isActivityNumber = PlanCode.TryParse(row.Cell(filled[0]), out _, out var segments) && segments.Length >= 2;
        return !isActivityNumber;
    }

    /// <summary>Notes a loose line: page marks and initials are skipped; a long text or an activity row
    /// that lost its tabs is reported.</summary>
    public static void NoteLooseText(SourceRow row, ImportNoteLog log)
    {
        var text = SpanishText.CollapseWhitespace(row.Text);
        var key = SpanishText.Fold(text);
        if (PageOfPages().IsMatch(text))
        {
            log.Skipped(row.Line, $"marca de página «{text}» omitida");
        }
        else if (PageNumber().IsMatch(text))
        {
            log.Skipped(row.Line, $"número de página «{text}» omitido");
        }
        else if (key.Contains("FIRMA", StringComparison.OrdinalIgnoreCase) || key.Contains("SIGNATURE", StringComparison.OrdinalIgnoreCase)
                 || key.Contains("INITIALS", StringComparison.OrdinalIgnoreCase) || key.Contains("RUBRICA", StringComparison.OrdinalIgnoreCase))
        {
            log.Skipped(row.Line, $"anotación de firma o iniciales «{text}» omitida");
        }
        else if (RowWithoutTabs().Match(text) is { Success: true } joined)
        {
            log.Error(row.Line, $"la fila de la actividad {joined.Groups[1].Value} no está separada en columnas (faltan los tabuladores entre celdas)");
        }
        else if (text.Length <= 12)
        {
            log.Skipped(row.Line, $"iniciales o marca «{text}» omitidas");
        }
        else
        {
            log.Warning(row.Line, $"texto fuera de la tabla omitido: «{PlanHeaderReader.Shorten(text)}»");
        }
    }

    [GeneratedRegex(@"^\d{1,4}\s*/\s*\d{1,4}$")]
    private static partial Regex PageOfPages();

    [GeneratedRegex(@"^\d{1,4}$")]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"^(\d{1,4}(?:\.\d{1,4})+)\.?\s+\p{L}")]
    private static partial Regex RowWithoutTabs();
}
