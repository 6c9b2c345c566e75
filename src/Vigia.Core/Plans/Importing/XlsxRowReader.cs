using ClosedXML.Excel;

namespace Vigia.Core.Plans.Importing;

/// <summary>Turns an Excel workbook (.xlsx) into numbered rows: the worksheet that holds the plan
/// table (the first one if none does), one row per sheet row, numbers written the Colombian way so
/// the shared pipeline reads them like text ("0,5", "5000", "100%"). Merged cells keep their value
/// in the top-left cell only, as in a PDF, so the pipeline infers the rest and says so.</summary>
internal static class XlsxRowReader
{
    /// <summary>The rows of the chosen sheet, its name and the names of the other non-empty sheets.</summary>
    public sealed record Sheet(string Name, List<SourceRow> Rows, IReadOnlyList<string> IgnoredSheets);

    /// <summary>Reads the workbook; throws whatever ClosedXML throws for a file that is not a workbook.</summary>
    public static Sheet Read(Stream stream)
    {
        using var workbook = new XLWorkbook(stream);
        return Read(workbook);
    }

    /// <summary>Reads an opened workbook.</summary>
    public static Sheet Read(IXLWorkbook workbook)
    {
        var sheets = workbook.Worksheets.Select(ws => (ws.Name, Rows: ReadSheet(ws))).Where(s => s.Rows.Count > 0).ToList();
        if (sheets.Count == 0)
        {
            return new Sheet(workbook.Worksheets.FirstOrDefault()?.Name ?? "", [], []);
        }

        var chosen = sheets.FirstOrDefault(s => s.Rows.Any(TableLayout.IsPrimaryHeader));
        if (chosen.Rows is null)
        {
            chosen = sheets[0];
        }

        return new Sheet(chosen.Name, chosen.Rows, sheets.Where(s => s.Name != chosen.Name).Select(s => s.Name).ToList());
    }

    private static List<SourceRow> ReadSheet(IXLWorksheet sheet)
    {
        var rows = new List<SourceRow>();
        var lastRow = sheet.LastRowUsed()?.RowNumber() ?? 0;
        var lastColumn = sheet.LastColumnUsed()?.ColumnNumber() ?? 0;
        for (var r = 1; r <= lastRow; r++)
        {
            var cells = new string[lastColumn];
            for (var c = 1; c <= lastColumn; c++)
            {
                cells[c - 1] = CellText(sheet.Cell(r, c));
            }

            var width = cells.Length;
            while (width > 0 && cells[width - 1].Length == 0)
            {
                width--;
            }

            rows.Add(new SourceRow(r, cells[..width]));
        }

        return rows.Any(r => !r.IsBlank) ? rows : [];
    }

    internal static string CellText(IXLCell cell)
    {
        if (cell.IsEmpty())
        {
            return "";
        }

        object value;
        try
        {
            value = cell.Value;
        }
        catch (Exception)
        {
            // A formula ClosedXML cannot evaluate: use what Excel saved.
            value = cell.CachedValue;
        }

        return value switch
        {
            double d => NumberText(d, IsPercentFormat(cell)),
            int or long or decimal or float => NumberText(Convert.ToDouble(value, CultureInfo.InvariantCulture), IsPercentFormat(cell)),
            string s => s.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\u00A0', ' ').Trim(),
            _ => cell.GetFormattedString().Trim(),
        };
    }

    private static bool IsPercentFormat(IXLCell cell)
    {
        var format = cell.Style.NumberFormat;
        return format.NumberFormatId is 9 or 10 || (format.Format?.Contains('%', StringComparison.Ordinal) ?? false);
    }

    private static string NumberText(double number, bool percent)
    {
        if (percent)
        {
            number *= 100;
        }

        var text = Math.Abs(number) < 1e15
            ? ((decimal)number).ToString("0.##########", CultureInfo.InvariantCulture)
            : number.ToString("R", CultureInfo.InvariantCulture);
        return text.Replace('.', ',') + (percent ? "%" : "");
    }
}
