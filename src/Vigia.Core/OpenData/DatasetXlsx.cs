using ClosedXML.Excel;

namespace Vigia.Core.OpenData;

/// <summary>Any dataset of <see cref="OpenDatasets"/> as an XLSX workbook: sheet «datos» with the same header and the
/// same cells as the CSV, each cell typed by its column in the dictionary (codes as text, numbers as numbers, dates as
/// dates), and sheet «diccionario» with the dictionary itself.</summary>
/// <remarks>The cells arrive as the CSV's text (invariant numbers, ISO dates), so one row source feeds both files; a
/// cell that does not read as its column's type is a programming error and throws, rather than being written as text
/// that a reader would take for the type.</remarks>
public static class DatasetXlsx
{
    public const string DataSheet = "datos";
    public const string DictionarySheet = "diccionario";

    private static readonly XLColor HeaderFill = XLColor.FromHtml("#004884");

    public static void Write(Stream output, OpenDataset dataset, IEnumerable<IReadOnlyList<string>> rows, string? licence = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(rows);
        using var workbook = new XLWorkbook();
        workbook.Properties.Title = dataset.Title;
        workbook.Properties.Author = "Vigía";
        AddSheets(workbook, dataset, rows, licence);
        workbook.SaveAs(output);
    }

    /// <summary>Adds the sheets «datos» and «diccionario» to a workbook that may hold others (the consultation's report
    /// puts its «Informe» first).</summary>
    public static void AddSheets(XLWorkbook workbook, OpenDataset dataset, IEnumerable<IReadOnlyList<string>> rows, string? licence = null)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(rows);
        var ws = workbook.AddWorksheet(DataSheet);
        for (var c = 0; c < dataset.Columns.Count; c++)
        {
            ws.Cell(1, c + 1).SetValue(dataset.Columns[c].Name);
        }
        Header(ws.Range(1, 1, 1, dataset.Columns.Count));
        var r = 2;
        foreach (var row in rows)
        {
            if (row.Count != dataset.Columns.Count)
            {
                throw new InvalidOperationException($"A row of «{dataset.Slug}» has {row.Count} cells for {dataset.Columns.Count} columns.");
            }
            for (var c = 0; c < row.Count; c++)
            {
                Set(ws.Cell(r, c + 1), dataset.Columns[c], row[c]);
            }
            r++;
        }
        ws.SheetView.FreezeRows(1);
        for (var c = 1; c <= dataset.Columns.Count; c++)
        {
            ws.Column(c).Width = dataset.Columns[c - 1].Type == ColumnType.Text ? 30 : 16;
        }

        var dictionary = workbook.AddWorksheet(DictionarySheet);
        dictionary.Cell(1, 1).SetValue("columna");
        dictionary.Cell(1, 2).SetValue("tipo");
        dictionary.Cell(1, 3).SetValue("descripcion");
        Header(dictionary.Range(1, 1, 1, 3));
        for (var i = 0; i < dataset.Columns.Count; i++)
        {
            var column = dataset.Columns[i];
            dictionary.Cell(i + 2, 1).SetValue(column.Name);
            dictionary.Cell(i + 2, 2).SetValue(column.TypeName);
            dictionary.Cell(i + 2, 3).SetValue(column.Meaning);
        }
        if (licence is not null)
        {
            dictionary.Cell(dataset.Columns.Count + 3, 1).SetValue("Licencia");
            dictionary.Cell(dataset.Columns.Count + 3, 3).SetValue(licence);
        }
        dictionary.Column(1).Width = 30;
        dictionary.Column(2).Width = 28;
        dictionary.Column(3).Width = 90;
    }

    private static void Header(IXLRange range) =>
        range.Style.Font.SetBold().Font.SetFontColor(XLColor.White).Fill.SetBackgroundColor(HeaderFill);

    private static void Set(IXLCell cell, DatasetColumn column, string text)
    {
        if (text.Length == 0)
        {
            return;
        }
        switch (column.Type)
        {
            case ColumnType.WholeNumber:
                cell.SetValue(long.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
                break;
            case ColumnType.DecimalNumber:
                cell.SetValue(decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture));
                break;
            case ColumnType.Date:
                cell.SetValue(DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToDateTime(TimeOnly.MinValue));
                cell.Style.DateFormat.Format = "yyyy-mm-dd";
                break;
            case ColumnType.DateTimeUtc:
                cell.SetValue(DateTime.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal));
                cell.Style.DateFormat.Format = "yyyy-mm-dd hh:mm:ss";
                break;
            default:
                cell.SetValue(text);
                break;
        }
    }
}
