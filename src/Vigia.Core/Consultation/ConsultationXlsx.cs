using ClosedXML.Excel;

namespace Vigia.Core.Consultation;

/// <summary>The «informe de la consulta» as an XLSX workbook, one sheet «Informe»: the consultation's facts, then one row
/// per comment. Every text (codes, a citizen's words) goes in with <c>SetValue</c> of a string, so a comment that starts
/// with «=» stays text and no reader's culture turns a code into a date; dates are dates.</summary>
public static class ConsultationXlsx
{
    public const string Sheet = "Informe";

    /// <summary>Row of the comments' header; one row per comment follows.</summary>
    public const int HeaderRow = 9;

    public static readonly IReadOnlyList<string> Headers =
    [
        "N°", "Sobre", "Comentario", "Autor", "Recibido", "Respuesta", "Resultado", "Agrupado con", "Oculto: motivo",
    ];

    private static readonly XLColor HeaderFill = XLColor.FromHtml("#004884");

    /// <summary>Writes the sheet «Informe», then the open data's «datos» and «diccionario» (the registry's
    /// <see cref="OpenData.OpenDatasets.Consultation"/>, the same cells as the CSV), so the one XLSX is both the readable
    /// report and the dataset.</summary>
    public static void Write(ConsultationView report, Stream output, string? licence = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        using var workbook = new XLWorkbook();
        workbook.Properties.Title = ConsultationText.Title(report);
        workbook.Properties.Author = "Vigía";
        var ws = workbook.AddWorksheet(Sheet);
        ws.PageSetup.PaperSize = XLPaperSize.A4Paper;
        ws.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        ws.PageSetup.FitToPages(1, 0);

        ws.Cell(1, 1).SetValue(ConsultationText.Heading);
        ws.Range(1, 1, 1, Headers.Count).Merge().Style.Font.SetBold().Font.SetFontSize(14);
        Field(ws, 2, "Entidad", report.EntityName);
        Field(ws, 3, "Plan", $"{report.PlanTitle} {report.Year.ToString(CultureInfo.InvariantCulture)}");
        Field(ws, 4, "Versión consultada", report.VersionNumber.ToString(CultureInfo.InvariantCulture));
        DateField(ws, 5, "Apertura", report.OpensOn);
        DateField(ws, 6, "Cierre previsto", report.ClosesOn);
        if (report.ClosedOn is { } closed)
        {
            DateField(ws, 7, "Cerrada el", closed);
        }
        Field(ws, 8, "Resumen", ConsultationText.Summary(report));

        for (var i = 0; i < Headers.Count; i++)
        {
            var cell = ws.Cell(HeaderRow, i + 1);
            cell.SetValue(Headers[i]);
            cell.Style.Font.SetBold().Font.SetFontColor(XLColor.White).Fill.SetBackgroundColor(HeaderFill);
        }
        var row = HeaderRow;
        foreach (var c in report.Comments)
        {
            row++;
            ws.Cell(row, 1).Value = c.Number;
            ws.Cell(row, 2).SetValue(c.TargetLabel);
            ws.Cell(row, 3).SetValue(c.Text ?? ConsultationText.HiddenText);
            ws.Cell(row, 4).SetValue(c.Author ?? ConsultationText.Anonymous);
            ws.Cell(row, 5).Value = ColombianTime.DateOf(c.ReceivedAt).ToDateTime(TimeOnly.MinValue);
            ws.Cell(row, 5).Style.DateFormat.Format = "dd/mm/yyyy";
            ws.Cell(row, 6).SetValue(c.Answer ?? "");
            ws.Cell(row, 7).SetValue(c.Outcome);
            if (c.DuplicateOfNumber is { } lead)
            {
                ws.Cell(row, 8).Value = lead;
            }
            ws.Cell(row, 9).SetValue(c.HiddenReason ?? "");
        }
        ws.Column(1).Width = 6;
        ws.Column(2).Width = 40;
        ws.Column(3).Width = 60;
        ws.Column(4).Width = 28;
        ws.Column(5).Width = 12;
        ws.Column(6).Width = 60;
        ws.Column(7).Width = 36;
        ws.Column(8).Width = 12;
        ws.Column(9).Width = 36;
        ws.Range(HeaderRow + 1, 1, Math.Max(row, HeaderRow + 1), Headers.Count).Style.Alignment.SetWrapText().Alignment.SetVertical(XLAlignmentVerticalValues.Top);
        ws.SheetView.FreezeRows(HeaderRow);
        OpenData.DatasetXlsx.AddSheets(workbook, OpenData.OpenDatasets.Consultation,
            ConsultationOpenData.Rows(report).Select(ConsultationOpenData.ToCells), licence);
        workbook.SaveAs(output);
    }

    private static void Field(IXLWorksheet ws, int row, string label, string value)
    {
        ws.Cell(row, 1).SetValue(label);
        ws.Cell(row, 1).Style.Font.SetBold();
        ws.Cell(row, 2).SetValue(value);
        ws.Range(row, 2, row, Headers.Count).Merge();
    }

    private static void DateField(IXLWorksheet ws, int row, string label, DateOnly value)
    {
        ws.Cell(row, 1).SetValue(label);
        ws.Cell(row, 1).Style.Font.SetBold();
        ws.Cell(row, 2).Value = value.ToDateTime(TimeOnly.MinValue);
        ws.Cell(row, 2).Style.DateFormat.Format = "dd/mm/yyyy";
    }
}
