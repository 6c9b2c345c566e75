using ClosedXML.Excel;
using Vigia.Core.Compliance;

namespace Vigia.Core.FollowUps;

/// <summary>The official follow-up format as an XLSX workbook (ClosedXML): sheet «Seguimiento» with the header and
/// the summary per component, «Detalle» with one row per action, «Mapa de riesgos» as a placeholder. Column widths
/// are set by hand (auto-fit needs libgdiplus). Every text goes in with <c>SetValue</c>: ClosedXML 0.95 reads a string
/// given to <c>Value</c> as a number or a date in the current culture, which turned action 2.1.1 into 2 January 2001.</summary>
public static class FollowUpXlsx
{
    public const string SummarySheet = "Seguimiento";
    public const string DetailSheet = "Detalle";
    public const string RiskSheet = "Mapa de riesgos";

    /// <summary>Row of the summary table's header on <see cref="SummarySheet"/>; components follow, then «Total».</summary>
    public const int SummaryHeaderRow = 13;

    /// <summary>Columns of the summary table on <see cref="SummarySheet"/>.</summary>
    private const int Columns = 9;

    private const string PercentFormat = "0.0%";
    private const string DateFormat = "dd/mm/yyyy";
    private static readonly XLColor HeaderFill = XLColor.FromHtml("#004884");
    private static readonly XLColor DraftRed = XLColor.FromHtml("#B3261E");

    public static void Write(FollowUpDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var workbook = new XLWorkbook();
        var s = document.Snapshot;
        workbook.Properties.Title = $"{FollowUpText.Title(s)} — {s.Entity.Name} {s.Plan.Year}";
        workbook.Properties.Author = "Vigía";
        WriteSummary(workbook.AddWorksheet(SummarySheet), document);
        if (!s.CutOff.RiskMapOnly)
        {
            WriteDetail(workbook.AddWorksheet(DetailSheet), document);
        }
        WriteRiskMap(workbook.AddWorksheet(RiskSheet), document);
        workbook.SaveAs(output);
    }

    private static void WriteSummary(IXLWorksheet ws, FollowUpDocument document)
    {
        var s = document.Snapshot;
        Setup(ws, document);
        ws.Cell(1, 1).SetValue(FollowUpText.Title(s));
        ws.Range(1, 1, 1, Columns).Merge().Style.Font.SetBold().Font.SetFontSize(14).Alignment.SetWrapText();
        ws.Row(1).Height = 36;
        DraftBanner(ws, document, 2, Columns);
        var fields = new (string Label, object Value, string? Format)[]
        {
            ("Entidad", s.Entity.Name, null),
            ("Vigencia", s.Plan.Year, "0"),
            ("Fecha de publicación", document.IsDraft || document.PublishedOn is null ? FollowUpText.Publication(document) : document.PublishedOn.Value.ToDateTime(TimeOnly.MinValue), DateFormat),
            ("Corte", s.CutOff.Date.ToDateTime(TimeOnly.MinValue), DateFormat),
            ("Seguimiento", $"{FollowUpText.Ordinal(s.CutOff)} · versión {document.Version}", null),
            ("Plazo de publicación", s.CutOff.PublicationDeadline.ToDateTime(TimeOnly.MinValue), DateFormat),
            ("Plan", $"{s.Plan.Title} (versión {s.Plan.Version})", null),
            ("SHA-256 de la instantánea", document.Sha256 ?? "— (borrador: sin instantánea)", null),
            // The publication date cell is a real date, so the late mark the PDF prints next to it gets its own row.
            ("Oportunidad de la publicación", FollowUpText.Timeliness(document), null),
            ("Punto de control de la auditoría", document.IsDraft || s.AuditCheckpoint is null ? "—" : s.AuditCheckpoint, null),
        };
        for (var i = 0; i < fields.Length; i++)
        {
            var row = 3 + i;
            ws.Cell(row, 1).SetValue(fields[i].Label);
            ws.Cell(row, 1).Style.Font.SetBold();
            var cell = ws.Cell(row, 2);
            if (fields[i].Value is string text)
            {
                cell.SetValue(text);
            }
            else
            {
                cell.Value = fields[i].Value;
                if (fields[i].Format is { } format)
                {
                    cell.Style.NumberFormat.Format = format;
                }
            }
            cell.Style.Alignment.SetHorizontal(XLAlignmentHorizontalValues.Left);
            ws.Range(row, 2, row, Columns).Merge();
        }
        if (document.CorrectionReason is { } reason)
        {
            ws.Cell(3 + fields.Length, 1).SetValue("Motivo de la corrección");
            ws.Cell(3 + fields.Length, 1).Style.Font.SetBold();
            ws.Cell(3 + fields.Length, 2).SetValue(reason);
            ws.Range(3 + fields.Length, 2, 3 + fields.Length, Columns).Merge().Style.Alignment.SetWrapText();
        }
        if (s.CutOff.RiskMapOnly)
        {
            // A follow-up of the risk map alone judges no component: its content is the «Mapa de riesgos» sheet.
            ws.Column(1).Width = 42;
            ws.Column(2).Width = 14;
            return;
        }

        var headers = FollowUpText.SummaryHeaders.ToArray();
        var r = SummaryHeaderRow;
        HeaderRow(ws, r, headers);
        foreach (var c in s.Components)
        {
            r++;
            TotalsRow(ws, r, $"{c.Number}. {c.Name}", c.Totals, c.Observations ?? "");
        }
        r++;
        TotalsRow(ws, r, "Total", s.Totals, "");
        ws.Range(r, 1, r, Columns).Style.Font.SetBold().Border.SetTopBorder(XLBorderStyleValues.Double);
        ws.Range(SummaryHeaderRow, 1, r, Columns).Style.Border.SetOutsideBorder(XLBorderStyleValues.Thin).Border.SetInsideBorder(XLBorderStyleValues.Thin);
        ws.Cell(r + 2, 1).SetValue(FollowUpText.Computation(s.Bands));
        ws.Range(r + 2, 1, r + 2, Columns).Merge().Style.Alignment.SetWrapText().Font.SetItalic();
        ws.Row(r + 2).Height = 60;
        if (FollowUpText.Differences(s) is { } differences)
        {
            ws.Cell(r + 3, 1).SetValue(differences);
            ws.Range(r + 3, 1, r + 3, Columns).Merge().Style.Alignment.SetWrapText().Font.SetBold();
            ws.Row(r + 3).Height = 45;
        }
        double[] widths = [42, 14, 14, 12, 14, 14, 14, 10, 50];
        for (var i = 0; i < widths.Length; i++)
        {
            ws.Column(i + 1).Width = widths[i];
        }
        FitRowHeights(ws, SummaryHeaderRow + 1, r, Columns);
        ws.SheetView.FreezeRows(SummaryHeaderRow);
        ws.PageSetup.SetRowsToRepeatAtTop(SummaryHeaderRow, SummaryHeaderRow);
    }

    private static void TotalsRow(IXLWorksheet ws, int row, string name, SnapshotTotals totals, string observations)
    {
        ws.Cell(row, 1).SetValue(name);
        ws.Cell(row, 2).Value = totals.ProgrammedActivities;
        ws.Cell(row, 3).Value = totals.CompletedActivities;
        Percent(ws.Cell(row, 4), totals.CompliancePercent);
        ws.Cell(row, 5).Value = totals.ProgrammedActions;
        ws.Cell(row, 6).Value = totals.CompletedActions;
        Percent(ws.Cell(row, 7), totals.AverageProgress);
        Band(ws.Cell(row, 8), totals.Band);
        ws.Cell(row, 9).SetValue(observations);
        ws.Range(row, 1, row, Columns).Style.Alignment.SetVertical(XLAlignmentVerticalValues.Top).Alignment.SetWrapText();
    }

    private static void WriteDetail(IXLWorksheet ws, FollowUpDocument document)
    {
        var s = document.Snapshot;
        string[] headers =
        [
            "Componente", "Acción", "Actividad", "Meta", "Responsables", "Programación mensual", "Programado al corte",
            "Reportado y aceptado al corte", "Programada en el periodo", "Estado", "Avance verificado", "Cantidad verificada",
            "Observaciones de Control Interno", "Reportes (mes, estado, cantidad, revisión)", "Evidencias (SHA-256)",
            "Según programación y reportes aceptados",
        ];
        Setup(ws, document);
        ws.Cell(1, 1).SetValue($"Detalle por acción — {s.Entity.Name} — vigencia {s.Plan.Year} — corte {FollowUpText.Date(s.CutOff.Date)}");
        ws.Range(1, 1, 1, 8).Merge().Style.Font.SetBold().Font.SetFontSize(12);
        DraftBanner(ws, document, 2, headers.Length);
        const int headerRow = 3;
        HeaderRow(ws, headerRow, headers);
        var r = headerRow;
        foreach (var c in s.Components)
        {
            foreach (var a in c.Actions)
            {
                r++;
                ws.Cell(r, 1).SetValue($"{c.Number}. {c.Name}");
                ws.Cell(r, 2).SetValue(a.Code);
                ws.Cell(r, 3).SetValue($"{a.ActivityCode} {a.ActivityName}");
                ws.Cell(r, 4).SetValue(a.Goal);
                ws.Cell(r, 5).SetValue(string.Join("; ", a.ResponsibleUnits));
                ws.Cell(r, 6).SetValue(FollowUpText.Schedule(a.Schedule));
                if (a.Schedule.Count == 0)
                {
                    ws.Cell(r, 7).SetValue("Sin cronograma");
                }
                else
                {
                    Number(ws.Cell(r, 7), a.PlannedToCutOff);
                }
                Number(ws.Cell(r, 8), a.ReportedToCutOff);
                ws.Cell(r, 9).SetValue(a.Programmed ? "Sí" : "No");
                ws.Cell(r, 10).SetValue(FollowUpText.Status(a.Assessment));
                Percent(ws.Cell(r, 11), a.Assessment?.VerifiedPercent);
                Number(ws.Cell(r, 12), a.Assessment?.VerifiedQuantity);
                ws.Cell(r, 13).SetValue(a.Assessment?.Observations ?? "");
                ws.Cell(r, 14).SetValue(string.Join("\n", a.Reports.Select(rep =>
                    $"{FollowUpText.Month(rep.Month)}: {FollowUpText.ReportStatus(rep.Status)}, {FollowUpText.Number(rep.ExecutedQuantity)}"
                    + (rep.ReviewComment is { } comment ? $" — «{comment}»" : ""))));
                ws.Cell(r, 15).SetValue(string.Join("\n", a.Reports.SelectMany(rep => rep.Evidence)
                    .Select(e => $"{e.FileName ?? e.Url}: {e.Sha256 ?? "enlace"}")));
                ws.Cell(r, 16).SetValue(FollowUpText.FromReports(a) + (a.DiffersFromReports ? " (difiere de la valoración)" : ""));
            }
        }
        ws.Range(headerRow + 1, 1, Math.Max(r, headerRow + 1), headers.Length).Style
            .Alignment.SetVertical(XLAlignmentVerticalValues.Top).Alignment.SetWrapText()
            .Border.SetOutsideBorder(XLBorderStyleValues.Thin).Border.SetInsideBorder(XLBorderStyleValues.Thin);
        double[] widths = [28, 9, 36, 40, 32, 26, 12, 12, 12, 16, 11, 11, 48, 40, 40, 18];
        for (var i = 0; i < widths.Length; i++)
        {
            ws.Column(i + 1).Width = widths[i];
        }
        FitRowHeights(ws, headerRow + 1, r, headers.Length);
        ws.SheetView.FreezeRows(headerRow);
        ws.PageSetup.SetRowsToRepeatAtTop(headerRow, headerRow);
        if (r > headerRow)
        {
            ws.Range(headerRow, 1, r, headers.Length).SetAutoFilter();
        }
    }

    private static void WriteRiskMap(IXLWorksheet ws, FollowUpDocument document)
    {
        Setup(ws, document);
        ws.Cell(1, 1).SetValue("Seguimiento al mapa de riesgos de corrupción");
        ws.Cell(1, 1).Style.Font.SetBold().Font.SetFontSize(12);
        DraftBanner(ws, document, 2, 1);
        var s = document.Snapshot;
        ws.Cell(3, 1).SetValue(FollowUpRiskText.Intro(s));
        ws.Range(3, 1, 3, FollowUpRiskText.Headers.Length).Merge().Style.Alignment.SetWrapText().Alignment.SetVertical(XLAlignmentVerticalValues.Top);
        ws.Row(3).Height = 45;
        double[] widths = [12, 28, 20, 60, 50, 20, 48];
        for (var i = 0; i < widths.Length; i++)
        {
            ws.Column(i + 1).Width = widths[i];
        }
        if (s.RiskMap.Items.Count == 0)
        {
            return;
        }
        const int headerRow = 5;
        HeaderRow(ws, headerRow, FollowUpRiskText.Headers);
        var r = headerRow;
        foreach (var risk in s.RiskMap.Items)
        {
            r++;
            ws.Cell(r, 1).SetValue(risk.Code);
            ws.Cell(r, 2).SetValue(risk.Process);
            ws.Cell(r, 3).SetValue(FollowUpRiskText.Zones(risk));
            ws.Cell(r, 4).SetValue(FollowUpRiskText.Controls(risk));
            ws.Cell(r, 5).SetValue(FollowUpRiskText.Materializations(risk));
            ws.Cell(r, 6).SetValue(FollowUpRiskText.Assessment(risk));
            ws.Cell(r, 7).SetValue(risk.Assessment?.Observations ?? "");
        }
        ws.Range(headerRow + 1, 1, r, FollowUpRiskText.Headers.Length).Style
            .Alignment.SetVertical(XLAlignmentVerticalValues.Top).Alignment.SetWrapText()
            .Border.SetOutsideBorder(XLBorderStyleValues.Thin).Border.SetInsideBorder(XLBorderStyleValues.Thin);
        FitRowHeights(ws, headerRow + 1, r, FollowUpRiskText.Headers.Length);
        ws.SheetView.FreezeRows(headerRow);
        ws.PageSetup.SetRowsToRepeatAtTop(headerRow, headerRow);
    }

    private static void Setup(IXLWorksheet ws, FollowUpDocument document)
    {
        ws.PageSetup.PaperSize = XLPaperSize.A4Paper;
        ws.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        ws.PageSetup.FitToPages(1, 0);
        ws.PageSetup.Margins.SetLeft(0.5).SetRight(0.5).SetTop(0.7).SetBottom(0.7);
        var s = document.Snapshot;
        var header = $"{s.Entity.Name} · vigencia {s.Plan.Year} · corte {s.CutOff.Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}";
        ws.PageSetup.Header.Left.AddText(header);
        if (document.IsDraft)
        {
            ws.PageSetup.Header.Right.AddText(FollowUpText.DraftMark);
        }
        ws.PageSetup.Footer.Right.AddText("Página ");
        ws.PageSetup.Footer.Right.AddText(XLHFPredefinedText.PageNumber);
        ws.PageSetup.Footer.Right.AddText(" de ");
        ws.PageSetup.Footer.Right.AddText(XLHFPredefinedText.NumberOfPages);
    }

    /// <summary>Wrapped text does not grow a row by itself in every reader (LibreOffice keeps the stored height), so
    /// each row gets the height of its longest cell, estimated from the column width in characters.</summary>
    private static void FitRowHeights(IXLWorksheet ws, int firstRow, int lastRow, int columns)
    {
        const double lineHeight = 12.75;
        for (var row = firstRow; row <= lastRow; row++)
        {
            var lines = 1;
            for (var column = 1; column <= columns; column++)
            {
                var text = ws.Cell(row, column).GetString();
                var perLine = Math.Max(1, (int)(ws.Column(column).Width * 1.1));
                lines = Math.Max(lines, text.Split('\n').Sum(part => Math.Max(1, (int)Math.Ceiling(part.Length / (double)perLine))));
            }
            ws.Row(row).Height = Math.Min(409, lines * lineHeight + 2);
        }
    }

    private static void DraftBanner(IXLWorksheet ws, FollowUpDocument document, int row, int columns)
    {
        var notices = new[] { document.IsDraft ? FollowUpText.DraftNotice : null, document.Snapshot.Simulated ? FollowUpText.SimulatedNotice : null }
            .OfType<string>().ToList();
        if (notices.Count == 0)
        {
            return;
        }
        ws.Cell(row, 1).SetValue(string.Join(" ", notices));
        ws.Range(row, 1, row, Math.Max(columns, 1)).Merge().Style.Font.SetBold().Font.SetFontColor(DraftRed);
    }

    private static void HeaderRow(IXLWorksheet ws, int row, string[] headers)
    {
        for (var i = 0; i < headers.Length; i++)
        {
            ws.Cell(row, i + 1).SetValue(headers[i]);
        }
        ws.Range(row, 1, row, headers.Length).Style
            .Font.SetBold().Font.SetFontColor(XLColor.White).Fill.SetBackgroundColor(HeaderFill)
            .Alignment.SetWrapText().Alignment.SetVertical(XLAlignmentVerticalValues.Center)
            .Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);
        ws.Row(row).Height = 45;
    }

    private static void Percent(IXLCell cell, decimal? percent)
    {
        if (percent is { } p)
        {
            cell.Value = p / 100m;
            cell.Style.NumberFormat.Format = PercentFormat;
        }
        else
        {
            cell.SetValue("—");
            cell.Style.Alignment.SetHorizontal(XLAlignmentHorizontalValues.Right);
        }
    }

    private static void Number(IXLCell cell, decimal? value)
    {
        if (value is { } v)
        {
            cell.Value = v;
            cell.Style.NumberFormat.Format = "#,##0.##";
        }
        else
        {
            cell.SetValue("—");
            cell.Style.Alignment.SetHorizontal(XLAlignmentHorizontalValues.Right);
        }
    }

    private static void Band(IXLCell cell, string? band)
    {
        cell.SetValue(FollowUpText.Band(band));
        var (fill, font) = ComplianceLevels.FromCode(band) switch
        {
            ComplianceLevel.High => ("#067A3F", "#FFFFFF"),
            ComplianceLevel.Medium => ("#F5B700", "#1A1A1A"),
            ComplianceLevel.Low => ("#B3261E", "#FFFFFF"),
            _ => ((string?)null, (string?)null),
        };
        if (fill is not null)
        {
            cell.Style.Fill.SetBackgroundColor(XLColor.FromHtml(fill)).Font.SetFontColor(XLColor.FromHtml(font!)).Font.SetBold();
        }
        cell.Style.Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);
    }
}
