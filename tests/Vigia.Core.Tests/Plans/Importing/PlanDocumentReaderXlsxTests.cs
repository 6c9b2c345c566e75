using ClosedXML.Excel;
using Vigia.Core.Plans;
using Vigia.Core.Plans.Importing;

namespace Vigia.Core.Tests.Plans.Importing;

/// <summary>Reading a workbook through the same pipeline as text.</summary>
public class PlanDocumentReaderXlsxTests
{
    private static readonly ImportResult TextResult = PlanDocumentReader.ReadTextFile(Seed.Path);

    /// <summary>The seed's rows written cell by cell into a sheet (row n = line n). RESULTADO cells
    /// become numbers (percentages with a % format), as in a real spreadsheet, and some month cells
    /// get planned quantities.</summary>
    private static MemoryStream SeedWorkbook(Action<IXLWorksheet>? change = null, bool extraSheet = false)
    {
        using var workbook = new XLWorkbook();
        if (extraSheet)
        {
            workbook.AddWorksheet("Instrucciones").Cell(1, 1).SetValue("Diligencie la hoja PAAC");
        }

        var sheet = workbook.AddWorksheet("PAAC");
        for (var line = 1; line <= Seed.Lines.Count; line++)
        {
            var cells = Seed.Line(line).Split('\t');
            for (var column = 0; column < cells.Length; column++)
            {
                var text = cells[column];
                if (text.Length == 0)
                {
                    continue;
                }

                var cell = sheet.Cell(line, column + 1);
                if (line > 49 && column >= 18 && SpanishNumber.TryParse(text, out var number, out var unit) && !text.StartsWith('('))
                {
                    cell.SetValue(unit == TargetUnit.Percentage ? (double)number / 100 : (double)number);
                    if (unit == TargetUnit.Percentage)
                    {
                        cell.Style.NumberFormat.NumberFormatId = 9;
                    }
                }
                else
                {
                    cell.SetValue(text);
                }
            }
        }

        // 1.1.1 (row 52): March and September. 3.1.4's first action (row 103): 500 a month, January to October.
        // Months 1…12 are columns E…P, as in the header's second row.
        sheet.Cell(52, 4 + 3).SetValue(1);
        sheet.Cell(52, 4 + 9).SetValue(0.5);
        for (var month = 1; month <= 10; month++)
        {
            sheet.Cell(103, 4 + month).SetValue(500);
        }

        change?.Invoke(sheet);
        var stream = new MemoryStream();
        workbook.SaveAs(stream);
        stream.Position = 0;
        return stream;
    }

    [Fact]
    public void ReadXlsx_SeedWorkbook_YieldsTheSameStructureAsText()
    {
        using var stream = SeedWorkbook();
        var result = PlanDocumentReader.ReadXlsx(stream);
        Assert.True(result.Succeeded, string.Join("\n", result.Notes.Where(n => n.Kind == ImportNoteKind.Error).Select(n => n.Message)));
        var plan = result.Plan!;
        Assert.Equal(TextResult.Plan!.Shape(), plan.Shape());
        Assert.Equal(86, plan.Actions().Count());
        Assert.Equal(62, plan.Activities().Count());
        Assert.Equal("Alcaldía de Santiago de Cali", plan.EntityName);
        Assert.Equal(2022, plan.Year);
    }

    [Fact]
    public void ReadXlsx_SeedWorkbook_ReadsNumbersAndPercentagesFromNumericCells()
    {
        using var stream = SeedWorkbook();
        var plan = PlanDocumentReader.ReadXlsx(stream).Plan!;
        Assert.Equal([5000m, 2200m, 5000m, 700m, 400m], plan.Activity("3.1.4").Actions.Select(a => a.TargetQuantity));
        Assert.Equal(104m, plan.Activity("4.4.3").Actions[0].TargetQuantity);
        var percentage = plan.Activity("1.3.4").Actions[0];
        Assert.Equal(100m, percentage.TargetQuantity);
        Assert.Equal(TargetUnit.Percentage, percentage.TargetUnit);
    }

    [Fact]
    public void ReadXlsx_MonthCells_GoToTheSchedule()
    {
        using var stream = SeedWorkbook();
        var result = PlanDocumentReader.ReadXlsx(stream);
        var plan = result.Plan!;
        Assert.Equal(new Dictionary<int, decimal> { [3] = 1m, [9] = 0.5m }, plan.Activity("1.1.1").Actions[0].Schedule);
        var publications = plan.Activity("3.1.4").Actions[0].Schedule;
        Assert.Equal(Enumerable.Range(1, 10), publications.Keys.Order());
        Assert.All(publications.Values, v => Assert.Equal(500m, v));
        Assert.Empty(plan.Activity("3.1.4").Actions[1].Schedule);

        var unscheduled = result.Notes.Where(n => n.Kind == ImportNoteKind.Unscheduled).Select(n => n.Line).ToList();
        Assert.Equal(84, unscheduled.Count);
        Assert.DoesNotContain(52, unscheduled);
        Assert.DoesNotContain(103, unscheduled);
        Assert.Contains(104, unscheduled);
    }

    [Fact]
    public void ReadXlsx_SeedWorkbook_NotesNameTheSheetRow()
    {
        using var stream = SeedWorkbook();
        var result = PlanDocumentReader.ReadXlsx(stream);
        Assert.Equal("Fila 110: marca de página «9/14» omitida", Assert.Single(result.Notes, n => n.Line == 110).Message);
        Assert.Contains(result.Notes, n => n.Line == 176 && n.Kind == ImportNoteKind.DuplicateSkipped);
        Assert.Contains(result.Notes, n => n.Line == 144 && n.Kind == ImportNoteKind.Inferred);
    }

    [Fact]
    public void ReadXlsx_PlanOnSecondSheet_IsFoundAndOtherSheetsNoted()
    {
        using var stream = SeedWorkbook(extraSheet: true);
        var result = PlanDocumentReader.ReadXlsx(stream);
        Assert.True(result.Succeeded);
        Assert.Contains(result.Notes, n => n.Kind == ImportNoteKind.Skipped && n.Message.Contains("«Instrucciones»", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadXlsx_NonNumericTarget_IsAnErrorOnItsRow()
    {
        using var stream = SeedWorkbook(sheet => sheet.Cell(64, 20).SetValue("cinco"));
        var result = PlanDocumentReader.ReadXlsx(stream);
        Assert.Null(result.Plan);
        Assert.Equal(64, Assert.Single(result.Notes, n => n.Kind == ImportNoteKind.Error).Line);
    }

    [Fact]
    public void ReadXlsx_AlignedWorkbookWithMergedCells_InfersMergedValues()
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Plan");
        sheet.Cell(1, 1).SetValue("GOBERNACION DE BOYACA");
        sheet.Cell(2, 1).SetValue("VIGENCIA:");
        sheet.Cell(2, 2).SetValue(2024);
        sheet.Cell(3, 1).SetValue("PRODUCTO: Plan Anticorrupción y de Atención al Ciudadano");
        string[] header = ["N°", "ACTIVIDADES", "DESCRIPCIÓN", "METAS", "ENE", "FEB", "MAR", "ABR", "MAY", "JUN", "JUL", "AGO", "SEP", "OCT", "NOV", "DIC", "PRODUCTOS", "FÓRMULA", "RESULTADO", "RESPONSABLES"];
        for (var i = 0; i < header.Length; i++)
        {
            sheet.Cell(5, i + 1).SetValue(header[i]);
        }

        sheet.Cell(6, 1).SetValue("1");
        sheet.Cell(6, 2).SetValue("Primer Componente: GESTIÓN DEL RIESGO");
        sheet.Cell(7, 1).SetValue("1.1");
        sheet.Cell(7, 2).SetValue("Subcomponente 1: Política");
        sheet.Cell(8, 1).SetValue("1.1.1");
        sheet.Cell(8, 2).SetValue("Actualizar la política");
        sheet.Cell(8, 3).SetValue("Revisar la política");
        sheet.Cell(8, 4).SetValue("Una (1) política revisada");
        sheet.Cell(8, 4 + 6).SetValue(1);
        sheet.Cell(8, 17).SetValue("Política revisada");
        sheet.Cell(8, 18).SetValue("Número de políticas");
        sheet.Cell(8, 19).SetValue(1);
        sheet.Cell(8, 20).SetValue("Secretaría de Planeación\nOficina de Control Interno");
        sheet.Cell(9, 3).SetValue("Socializar la política");
        sheet.Cell(9, 4).SetValue("Dos (2) socializaciones");
        sheet.Cell(9, 4 + 7).SetValue(1);
        sheet.Cell(9, 4 + 11).SetValue(1);
        sheet.Cell(9, 17).SetValue("Actas");
        sheet.Cell(9, 19).SetValue(2);
        sheet.Range(8, 18, 9, 18).Merge();
        sheet.Range(8, 20, 9, 20).Merge();
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        stream.Position = 0;

        var result = PlanDocumentReader.ReadXlsx(stream);

        Assert.True(result.Succeeded, string.Join("\n", result.Notes.Select(n => n.Message)));
        var plan = result.Plan!;
        Assert.Equal("Gobernación de Boyacá", plan.EntityName);
        Assert.Equal(2024, plan.Year);
        var actions = plan.Activity("1.1.1").Actions;
        Assert.Equal(2, actions.Count);
        Assert.Equal(new Dictionary<int, decimal> { [6] = 1m }, actions[0].Schedule);
        Assert.Equal(new Dictionary<int, decimal> { [7] = 1m, [11] = 1m }, actions[1].Schedule);
        Assert.Equal(2m, actions[1].TargetQuantity);
        Assert.Equal("Número de políticas", actions[1].IndicatorFormula);
        Assert.Equal([["Secretaría de Planeación"], ["Oficina de Control Interno"]], actions[1].ResponsibleUnits.Select(u => u.Path.ToArray()));
        Assert.Contains(result.Notes, n => n.Line == 9 && n.Kind == ImportNoteKind.Inferred && n.Message.StartsWith("Fila 9: la fórmula", StringComparison.Ordinal));
        Assert.Contains(result.Notes, n => n.Line == 9 && n.Kind == ImportNoteKind.Inferred && n.Message.Contains("responsables", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Notes, n => n.Kind is ImportNoteKind.Realigned or ImportNoteKind.Unscheduled);
    }

    [Fact]
    public void ReadXlsx_NotAWorkbook_IsAnError()
    {
        using var stream = new MemoryStream("esto no es un libro de Excel"u8.ToArray());
        var result = PlanDocumentReader.ReadXlsx(stream);
        Assert.Null(result.Plan);
        Assert.Equal(1, Assert.Single(result.Notes, n => n.Kind == ImportNoteKind.Error).Line);
    }

    [Fact]
    public void Read_ByFileName_ChoosesTheXlsxReader()
    {
        using var stream = SeedWorkbook();
        var result = PlanDocumentReader.Read(stream, "PAAC 2022.XLSX");
        Assert.Equal(TextResult.Plan!.Shape(), result.Plan!.Shape());
    }
}
