using ClosedXML.Excel;

namespace Vigia.Core.Plans;

/// <summary>What the document's heading says, from the live plan (the heading is not versioned).</summary>
public sealed record PlanDocumentHeading(string EntityName, int Year, string Title, string? DocumentCode, string? Objective, string? Scope,
    string? ResponsiblePerson, string? CoordinatingUnit, IReadOnlyList<string> ParticipatingUnits)
{
    public static async Task<PlanDocumentHeading> LoadAsync(AppDbContext db, int planId, CancellationToken ct)
    {
        var header = await PlanHeader.LoadAsync(db, planId, ct);
        return new PlanDocumentHeading(header.EntityName, header.Year, header.Title, header.DocumentCode, header.Objective, header.Scope,
            header.ResponsiblePerson, header.CoordinatingUnit, header.ParticipatingUnits);
    }
}

/// <summary>Writes a plan version as an XLSX in the seed document's own layout — the labelled heading, then the table
/// N°, ACTIVIDADES, DESCRIPCIÓN, METAS, MESES 1–12, PRODUCTOS, INDICADORES (FÓRMULA, RESULTADO), RESPONSABLES with
/// the component and subcomponent heading rows — so that the importer reads it back as the same plan. Cells are
/// typed: quantities are numbers, percentages numbers with a percent format. A second sheet carries the change log.</summary>
public static class PlanWorkbook
{
    public const string PlanSheet = "Plan";
    public const string ChangeLogSheet = "Control de cambios";
    public const string ChangesSheet = "Cambios por versión";

    private const int FirstMonthColumn = 5;
    private const int DeliverableColumn = 17;
    private const int FormulaColumn = 18;
    private const int ResultColumn = 19;
    private const int ResponsibleColumn = 20;

    /// <summary>The heading line that says the months are simulated (<c>ScheduleEntry.IsSimulated</c>): a label the
    /// importer does not know, so the file still reads back as the same plan.</summary>
    public const string SimulatedScheduleNotice =
        "AVISO: PROGRAMACIÓN SIMULADA. Los meses programados de esta versión son datos de demostración, no la programación de la entidad.";

    public static void Write(Stream output, PlanDocumentHeading heading, PlanSnapshot content, int versionNumber,
        IReadOnlyList<VersionSummary> changeLog, bool simulatedSchedule = false, IReadOnlyList<ChangeLogEntry>? changes = null)
    {
        ArgumentNullException.ThrowIfNull(heading);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(changeLog);
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet(PlanSheet);
        var row = WriteHeading(sheet, heading, versionNumber, simulatedSchedule);
        row = WriteTableHeader(sheet, row + 1);
        foreach (var component in content.Components)
        {
            sheet.Cell(row, 1).Value = component.Number;
            sheet.Cell(row, 2).SetValue(string.Create(CultureInfo.InvariantCulture, $"Componente {component.Number}: {component.Name}"));
            sheet.Range(row, 1, row, ResponsibleColumn).Style.Font.Bold = true;
            row++;
            string? subcomponent = null;
            foreach (var activity in component.Activities)
            {
                if (activity.SubcomponentCode is { } code && code != subcomponent)
                {
                    subcomponent = code;
                    sheet.Cell(row, 1).SetValue(code);
                    sheet.Cell(row, 2).SetValue($"Subcomponente {code[(code.LastIndexOf('.') + 1)..]}: {activity.SubcomponentName}");
                    sheet.Cell(row, 2).Style.Font.Italic = true;
                    row++;
                }
                row = WriteActivity(sheet, row, activity);
            }
        }
        sheet.Column(1).Width = 9;
        sheet.Columns(2, 4).Width = 40;
        sheet.Columns(FirstMonthColumn, FirstMonthColumn + 11).Width = 6;
        sheet.Columns(DeliverableColumn, ResponsibleColumn).Width = 30;
        WriteChangeLog(workbook.AddWorksheet(ChangeLogSheet), changeLog);
        if (changes is not null)
        {
            WriteChanges(workbook.AddWorksheet(ChangesSheet), changes);
        }
        workbook.SaveAs(output);
    }

    private static int WriteHeading(IXLWorksheet sheet, PlanDocumentHeading heading, int versionNumber, bool simulatedSchedule)
    {
        var row = 1;
        void Line(string text) => sheet.Cell(row++, 1).SetValue(text);
        Line(heading.EntityName);
        if (heading.DocumentCode is not null)
        {
            Line("CÓDIGO: " + heading.DocumentCode);
        }
        Line("PRODUCTO: " + heading.Title);
        Line(string.Create(CultureInfo.InvariantCulture, $"VIGENCIA: {heading.Year}"));
        // The version is written for the reader; the importer records its own versions and does not read it back.
        Line(string.Create(CultureInfo.InvariantCulture, $"Versión {versionNumber}"));
        if (simulatedSchedule)
        {
            sheet.Cell(row, 1).Style.Font.Bold = true;
            Line(SimulatedScheduleNotice);
        }
        if (heading.Objective is not null)
        {
            Line("OBJETIVO: " + heading.Objective);
        }
        if (heading.ResponsiblePerson is not null)
        {
            Line("NOMBRE Y CARGO DEL RESPONSABLE DEL PLAN: " + heading.ResponsiblePerson);
        }
        if (heading.CoordinatingUnit is not null)
        {
            Line("ORGANISMO COORDINADOR DE LA FORMULACIÓN DEL PLAN: " + heading.CoordinatingUnit);
        }
        if (heading.ParticipatingUnits.Count > 0)
        {
            Line("ORGANISMOS PARTICIPANTES EN LA FORMULACIÓN DEL PLAN:");
            foreach (var unit in heading.ParticipatingUnits)
            {
                Line(unit);
            }
        }
        if (heading.Scope is not null)
        {
            Line("ALCANCE: " + heading.Scope);
        }
        sheet.Cell(1, 1).Style.Font.Bold = true;
        return row;
    }

    private static int WriteTableHeader(IXLWorksheet sheet, int row)
    {
        string[] names = ["N°", "ACTIVIDADES", "DESCRIPCIÓN", "METAS", "MESES"];
        for (var i = 0; i < names.Length; i++)
        {
            sheet.Cell(row, i + 1).SetValue(names[i]);
        }
        sheet.Cell(row, DeliverableColumn).SetValue("PRODUCTOS (BIENES O SERVICIOS) ENTREGADOS");
        sheet.Cell(row, FormulaColumn).SetValue("INDICADORES");
        sheet.Cell(row, ResponsibleColumn).SetValue("RESPONSABLES");
        for (var month = 1; month <= 12; month++)
        {
            sheet.Cell(row + 1, FirstMonthColumn + month - 1).Value = month;
        }
        sheet.Cell(row + 1, FormulaColumn).SetValue("FÓRMULA");
        sheet.Cell(row + 1, ResultColumn).SetValue("RESULTADO");
        var header = sheet.Range(row, 1, row + 1, ResponsibleColumn);
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = XLColor.FromHtml("#D9E2F3");
        return row + 2;
    }

    /// <summary>The activity's first action on its own row, the others on the rows below without number or activity,
    /// as the document writes them.</summary>
    private static int WriteActivity(IXLWorksheet sheet, int row, ActivitySnapshot activity)
    {
        sheet.Cell(row, 1).SetValue(activity.Code);
        sheet.Cell(row, 2).SetValue(activity.Name);
        if (activity.Actions.Count == 0)
        {
            return row + 1;
        }
        foreach (var action in activity.Actions.OrderBy(a => a.Order))
        {
            sheet.Cell(row, 3).SetValue(action.Description);
            sheet.Cell(row, 4).SetValue(action.Goal);
            foreach (var (month, quantity) in action.Schedule)
            {
                sheet.Cell(row, FirstMonthColumn + month - 1).Value = quantity;
            }
            Text(sheet.Cell(row, DeliverableColumn), action.Deliverable);
            Text(sheet.Cell(row, FormulaColumn), action.IndicatorFormula);
            if (action.TargetQuantity is { } target)
            {
                var cell = sheet.Cell(row, ResultColumn);
                if (action.TargetUnit == TargetUnit.Percentage)
                {
                    cell.Value = target / 100m;
                    cell.Style.NumberFormat.Format = "0.##########%";
                }
                else
                {
                    cell.Value = target;
                }
            }
            Text(sheet.Cell(row, ResponsibleColumn), action.ResponsibleText);
            row++;
        }
        return row;
    }

    private static void Text(IXLCell cell, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            cell.SetValue(value);
        }
    }

    /// <summary>Each published version's difference from the one before (<see cref="PlanVersionDiff"/>): one row per field of
    /// each part added, removed, moved or changed, with the version's justification.</summary>
    private static void WriteChanges(IXLWorksheet sheet, IReadOnlyList<ChangeLogEntry> entries)
    {
        string[] names = ["Versión", "Cambio", "Parte", "Número", "Campo", "Antes", "Después", "Justificación"];
        for (var i = 0; i < names.Length; i++)
        {
            sheet.Cell(1, i + 1).SetValue(names[i]);
        }
        sheet.Row(1).Style.Font.Bold = true;
        var row = 2;
        foreach (var entry in entries)
        {
            foreach (var change in entry.Changes)
            {
                foreach (var field in change.Fields)
                {
                    sheet.Cell(row, 1).Value = entry.Version.Number;
                    sheet.Cell(row, 2).SetValue(change.KindName);
                    sheet.Cell(row, 3).SetValue(change.Item);
                    sheet.Cell(row, 4).SetValue(change.Label);
                    sheet.Cell(row, 5).SetValue(field.Field);
                    Text(sheet.Cell(row, 6), field.Before);
                    Text(sheet.Cell(row, 7), field.After);
                    sheet.Cell(row, 8).SetValue(entry.Version.Justification);
                    row++;
                }
            }
        }
        sheet.Columns(6, 8).Width = 50;
    }

    private static void WriteChangeLog(IXLWorksheet sheet, IReadOnlyList<VersionSummary> versions)
    {
        string[] names = ["Versión", "Estado", "Justificación", "Aprobado por", "Fecha de aprobación", "Publicada"];
        for (var i = 0; i < names.Length; i++)
        {
            sheet.Cell(1, i + 1).SetValue(names[i]);
        }
        sheet.Row(1).Style.Font.Bold = true;
        var row = 2;
        foreach (var v in versions)
        {
            sheet.Cell(row, 1).Value = v.Number;
            sheet.Cell(row, 2).SetValue(v.StatusName);
            sheet.Cell(row, 3).SetValue(v.Justification);
            Text(sheet.Cell(row, 4), v.ApprovedBy is null ? v.ApprovalNote : v.ApprovalNote is null ? v.ApprovedBy : $"{v.ApprovedBy} ({v.ApprovalNote})");
            if (v.ApprovedOn is { } on)
            {
                sheet.Cell(row, 5).Value = on.ToDateTime(TimeOnly.MinValue);
                sheet.Cell(row, 5).Style.DateFormat.Format = "dd/mm/yyyy";
            }
            Text(sheet.Cell(row, 6), v.PublishedAt is { } at ? SpanishFormat.DateTimeWithZone(at) : null);
            row++;
        }
        sheet.Column(3).Width = 60;
        sheet.Columns(4, 6).Width = 30;
    }
}
