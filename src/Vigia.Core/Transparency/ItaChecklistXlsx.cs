using ClosedXML.Excel;

namespace Vigia.Core.Transparency;

/// <summary>One row of the ITA checklist with its address resolved for the entity (null for «No lo publica Vigía»).</summary>
public sealed record ItaChecklistRow(Anexo2Entry Entry, string? Url)
{
    public string SectionName => Anexo2.Sections[Entry.Numeral.Section];

    public string? Note => Anexo2.PlacementNote(Entry);
}

/// <summary>The checklist the Procuraduría's ITA matrix asks for (regulation.md §4.4) as an XLSX: one sheet «matriz-ita»,
/// a row per Anexo 2 item, its Vigía address or «No lo publica Vigía». Every cell is text (a numeral «4.10» must not
/// become the number 4.1).</summary>
public static class ItaChecklistXlsx
{
    public const string Sheet = "matriz-ita";

    public static readonly IReadOnlyList<string> Headers =
        ["Numeral", "Sección", "Ítem del Anexo 2", "Qué publica Vigía", "URL", "Frecuencia de actualización", "Nota"];

    private static readonly XLColor HeaderFill = XLColor.FromHtml("#004884");

    public static void Write(Stream output, string entityName, IReadOnlyList<ItaChecklistRow> rows)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(rows);
        using var workbook = new XLWorkbook();
        workbook.Properties.Title = $"Matriz ITA: publicaciones de {entityName} en Vigía";
        workbook.Properties.Author = "Vigía";
        var ws = workbook.AddWorksheet(Sheet);
        ws.Cell(1, 1).SetValue($"Matriz ITA — {entityName}");
        ws.Cell(1, 1).Style.Font.SetBold();
        ws.Cell(2, 1).SetValue($"Ítems de la {Anexo2.Source} que Vigía publica, con su dirección permanente; «{Anexo2.NotPublished}»: la entidad lo publica en otro lugar.");
        for (var c = 0; c < Headers.Count; c++)
        {
            ws.Cell(4, c + 1).SetValue(Headers[c]);
        }
        ws.Range(4, 1, 4, Headers.Count).Style.Font.SetBold().Font.SetFontColor(XLColor.White).Fill.SetBackgroundColor(HeaderFill);
        var r = 5;
        foreach (var row in rows)
        {
            string?[] cells = [row.Entry.Numeral.Numeral, row.SectionName, row.Entry.Numeral.Name, row.Entry.Publishes, row.Url, row.Entry.Frequency, row.Note];
            for (var c = 0; c < cells.Length; c++)
            {
                var cell = ws.Cell(r, c + 1);
                cell.Style.NumberFormat.Format = "@";
                if (!string.IsNullOrEmpty(cells[c]))
                {
                    cell.SetValue(cells[c]);
                }
            }
            if (row.Url is not null && Uri.TryCreate(row.Url, UriKind.Absolute, out var uri))
            {
                ws.Cell(r, 5).Hyperlink = new XLHyperlink(uri);
            }
            r++;
        }
        ws.SheetView.FreezeRows(4);
        double[] widths = [10, 30, 45, 70, 60, 30, 50];
        for (var c = 0; c < widths.Length; c++)
        {
            ws.Column(c + 1).Width = widths[c];
        }
        workbook.SaveAs(output);
    }
}
