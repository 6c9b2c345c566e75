using ClosedXML.Excel;
using Vigia.Core.Compliance;

namespace Vigia.Core.FollowUps;

/// <summary>The consolidated follow-up of a year as an XLSX workbook, one sheet «Consolidado»: the cut-offs with their
/// publication (dates as dates, the late mark in words), then each component with programadas, cumplidas, % and zona
/// at each cut-off and for the year. As in <see cref="FollowUpXlsx"/>, every text goes in with <c>SetValue</c> and every
/// number and date as its own type, so no reader's culture turns a code into a date.</summary>
public static class ConsolidatedXlsx
{
    public const string Sheet = "Consolidado";

    /// <summary>Row of the cut-offs table's header; one row per cut-off follows.</summary>
    public const int CutOffsHeaderRow = 7;

    private const string DateFormat = "dd/mm/yyyy";
    private const string PercentFormat = "0.0%";
    private static readonly XLColor HeaderFill = XLColor.FromHtml("#004884");
    private static readonly XLColor Red = XLColor.FromHtml("#B3261E");

    /// <summary>Row of the first of the two header rows of the table by component.</summary>
    public static int TableHeaderRow(ConsolidatedFollowUp consolidated)
    {
        ArgumentNullException.ThrowIfNull(consolidated);
        return CutOffsHeaderRow + consolidated.CutOffs.Count + 2;
    }

    /// <summary>First column of a cut-off's group (0-based index in the cut-offs; the count of cut-offs is the year).</summary>
    public static int GroupColumn(int index) => 2 + index * ConsolidatedText.CutOffHeaders.Count;

    public static void Write(ConsolidatedFollowUp consolidated, Stream output)
    {
        ArgumentNullException.ThrowIfNull(consolidated);
        using var workbook = new XLWorkbook();
        workbook.Properties.Title = $"{ConsolidatedFollowUp.Title(consolidated.PlanKind)} — {consolidated.EntityName} {consolidated.PlanYear}";
        workbook.Properties.Author = "Vigía";
        var ws = workbook.AddWorksheet(Sheet);
        var groups = consolidated.CutOffs.Count + 1;
        var lastColumn = GroupColumn(groups) - 1;
        Setup(ws, consolidated);

        ws.Cell(1, 1).SetValue(ConsolidatedFollowUp.Title(consolidated.PlanKind));
        ws.Range(1, 1, 1, lastColumn).Merge().Style.Font.SetBold().Font.SetFontSize(14);
        if (consolidated.Simulated)
        {
            ws.Cell(2, 1).SetValue(ConsolidatedText.SimulatedNotice);
            ws.Range(2, 1, 2, lastColumn).Merge().Style.Font.SetBold().Font.SetFontColor(Red).Alignment.SetWrapText();
            ws.Row(2).Height = 30;
        }
        Field(ws, 3, "Entidad", consolidated.EntityName, lastColumn);
        Field(ws, 4, "Vigencia", consolidated.PlanYear, lastColumn);
        Field(ws, 5, "Plan", consolidated.PlanTitle, lastColumn);

        WriteCutOffs(ws, consolidated);
        WriteTable(ws, consolidated, lastColumn);

        ws.Column(1).Width = 44;
        for (var c = 2; c <= Math.Max(lastColumn, 8); c++)
        {
            ws.Column(c).Width = 13;
        }
        workbook.SaveAs(output);
    }

    private static void Field(IXLWorksheet ws, int row, string label, object value, int lastColumn)
    {
        ws.Cell(row, 1).SetValue(label);
        ws.Cell(row, 1).Style.Font.SetBold();
        if (value is int number)
        {
            ws.Cell(row, 2).Value = number;
            ws.Cell(row, 2).Style.NumberFormat.Format = "0";
        }
        else
        {
            ws.Cell(row, 2).SetValue((string)value);
        }
        ws.Cell(row, 2).Style.Alignment.SetHorizontal(XLAlignmentHorizontalValues.Left);
        ws.Range(row, 2, row, lastColumn).Merge();
    }

    private static void WriteCutOffs(IXLWorksheet ws, ConsolidatedFollowUp consolidated)
    {
        string[] headers = ["Seguimiento", "Fecha de corte", "Plazo de publicación", "Estado", "Fecha de publicación", "Versión",
            "Oportunidad de la publicación", "SHA-256 de la instantánea"];
        Header(ws, CutOffsHeaderRow, 1, headers);
        var row = CutOffsHeaderRow;
        foreach (var c in consolidated.CutOffs)
        {
            row++;
            ws.Cell(row, 1).SetValue(FollowUpText.Ordinal(c.Number));
            Date(ws.Cell(row, 2), c.Date);
            Date(ws.Cell(row, 3), c.PublicationDeadline);
            ws.Cell(row, 4).SetValue(c.Pending ? ConsolidatedText.Pending : "Publicado");
            if (c.Published is { } p)
            {
                Date(ws.Cell(row, 5), p.PublishedOn);
                ws.Cell(row, 6).Value = p.Version;
                ws.Cell(row, 7).SetValue((p.Late ? $"Publicado fuera del plazo (vencía el {FollowUpText.Date(c.PublicationDeadline)})" : "Publicado dentro del plazo")
                    + (p.Simulated ? " · Datos simulados" : ""));
                ws.Cell(row, 8).SetValue(p.Sha256 ?? "");
                // The fingerprint wraps in its narrow column; LibreOffice keeps the stored height, so the row is sized for it.
                ws.Row(row).Height = 66;
                if (p.Late)
                {
                    ws.Cell(row, 7).Style.Font.SetBold().Font.SetFontColor(Red);
                }
            }
            else
            {
                ws.Cell(row, 5).SetValue("—");
                ws.Cell(row, 6).SetValue("—");
                ws.Cell(row, 7).SetValue("Sin seguimiento publicado");
                ws.Cell(row, 8).SetValue("—");
            }
        }
        ws.Range(CutOffsHeaderRow, 1, row, headers.Length).Style.Border.SetOutsideBorder(XLBorderStyleValues.Thin)
            .Border.SetInsideBorder(XLBorderStyleValues.Thin).Alignment.SetWrapText().Alignment.SetVertical(XLAlignmentVerticalValues.Top);
    }

    private static void WriteTable(IXLWorksheet ws, ConsolidatedFollowUp consolidated, int lastColumn)
    {
        var top = TableHeaderRow(consolidated);
        ws.Cell(top, 1).SetValue("Componente");
        ws.Range(top, 1, top + 1, 1).Merge();
        var groupNames = consolidated.CutOffs.Select(ConsolidatedText.CutOff).Append(ConsolidatedText.Year(consolidated)).ToList();
        for (var g = 0; g < groupNames.Count; g++)
        {
            var first = GroupColumn(g);
            ws.Cell(top, first).SetValue(groupNames[g]);
            ws.Range(top, first, top, first + ConsolidatedText.CutOffHeaders.Count - 1).Merge();
            for (var i = 0; i < ConsolidatedText.CutOffHeaders.Count; i++)
            {
                ws.Cell(top + 1, first + i).SetValue(ConsolidatedText.CutOffHeaders[i]);
            }
        }
        StyleHeader(ws.Range(top, 1, top + 1, lastColumn));
        ws.Row(top).Height = 32;
        ws.Row(top + 1).Height = 32;
        var row = top + 1;
        foreach (var line in consolidated.Components.Append(consolidated.Total))
        {
            row++;
            ws.Cell(row, 1).SetValue(line.Label);
            var cutOffs = consolidated.CutOffs.Append(consolidated.Year).ToList();
            var totals = line.AtCutOff.Append(line.AtCutOff[^1]).ToList();
            for (var g = 0; g < cutOffs.Count; g++)
            {
                Figures(ws, row, GroupColumn(g), cutOffs[g], totals[g]);
            }
            ws.Range(row, 1, row, lastColumn).Style.Alignment.SetVertical(XLAlignmentVerticalValues.Top).Alignment.SetWrapText();
        }
        ws.Range(row, 1, row, lastColumn).Style.Font.SetBold().Border.SetTopBorder(XLBorderStyleValues.Double);
        ws.Range(top, 1, row, lastColumn).Style.Border.SetOutsideBorder(XLBorderStyleValues.Thin).Border.SetInsideBorder(XLBorderStyleValues.Thin);
        ws.Cell(row + 2, 1).SetValue(ConsolidatedText.Computation);
        ws.Range(row + 2, 1, row + 2, lastColumn).Merge().Style.Alignment.SetWrapText().Font.SetItalic();
        ws.Row(row + 2).Height = 45;
        ws.SheetView.FreezeRows(top + 1);
    }

    private static void Figures(IXLWorksheet ws, int row, int column, ConsolidatedCutOff cutOff, SnapshotTotals? totals)
    {
        if (totals is null)
        {
            ws.Cell(row, column).SetValue(ConsolidatedText.Missing(cutOff));
            ws.Range(row, column, row, column + ConsolidatedText.CutOffHeaders.Count - 1).Merge().Style
                .Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center).Font.SetItalic();
            return;
        }
        ws.Cell(row, column).Value = totals.ProgrammedActivities;
        ws.Cell(row, column + 1).Value = totals.CompletedActivities;
        var percent = ws.Cell(row, column + 2);
        if (totals.CompliancePercent is { } p)
        {
            percent.Value = p / 100m;
            percent.Style.NumberFormat.Format = PercentFormat;
        }
        else
        {
            percent.SetValue("—");
            percent.Style.Alignment.SetHorizontal(XLAlignmentHorizontalValues.Right);
        }
        var band = ws.Cell(row, column + 3);
        band.SetValue(FollowUpText.Band(totals.Band));
        var (fill, font) = ComplianceLevels.FromCode(totals.Band) switch
        {
            ComplianceLevel.High => ("#067A3F", "#FFFFFF"),
            ComplianceLevel.Medium => ("#F5B700", "#1A1A1A"),
            ComplianceLevel.Low => ("#B3261E", "#FFFFFF"),
            _ => ((string?)null, (string?)null),
        };
        if (fill is not null)
        {
            band.Style.Fill.SetBackgroundColor(XLColor.FromHtml(fill)).Font.SetFontColor(XLColor.FromHtml(font!)).Font.SetBold();
        }
        band.Style.Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);
    }

    private static void Date(IXLCell cell, DateOnly date)
    {
        cell.Value = date.ToDateTime(TimeOnly.MinValue);
        cell.Style.NumberFormat.Format = DateFormat;
        cell.Style.Alignment.SetHorizontal(XLAlignmentHorizontalValues.Left);
    }

    private static void Header(IXLWorksheet ws, int row, int column, string[] headers)
    {
        for (var i = 0; i < headers.Length; i++)
        {
            ws.Cell(row, column + i).SetValue(headers[i]);
        }
        StyleHeader(ws.Range(row, column, row, column + headers.Length - 1));
        ws.Row(row).Height = 32;
    }

    private static void StyleHeader(IXLRange range) => range.Style
        .Font.SetBold().Font.SetFontColor(XLColor.White).Fill.SetBackgroundColor(HeaderFill)
        .Alignment.SetWrapText().Alignment.SetVertical(XLAlignmentVerticalValues.Center)
        .Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);

    private static void Setup(IXLWorksheet ws, ConsolidatedFollowUp consolidated)
    {
        ws.PageSetup.PaperSize = XLPaperSize.A4Paper;
        ws.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        ws.PageSetup.FitToPages(1, 0);
        ws.PageSetup.Margins.SetLeft(0.5).SetRight(0.5).SetTop(0.7).SetBottom(0.7);
        ws.PageSetup.Header.Left.AddText($"{consolidated.EntityName} · vigencia {consolidated.PlanYear.ToString(CultureInfo.InvariantCulture)} · seguimiento consolidado");
        if (consolidated.Simulated)
        {
            ws.PageSetup.Header.Right.AddText("DATOS SIMULADOS");
        }
        ws.PageSetup.Footer.Right.AddText("Página ");
        ws.PageSetup.Footer.Right.AddText(XLHFPredefinedText.PageNumber);
        ws.PageSetup.Footer.Right.AddText(" de ");
        ws.PageSetup.Footer.Right.AddText(XLHFPredefinedText.NumberOfPages);
    }
}
