using Vigia.Core.Plans.Importing;

namespace Vigia.Core.Tests.Plans.Importing;

/// <summary>A workbook in the DAFP template's layout read through the same pipeline as text and the seed's layout.</summary>
public class DafpWorkbookReaderTests
{
    private static string Report(ImportResult result) => string.Join("\n", result.Notes.Select(n => n.Message));

    [Fact]
    public void Read_DafpWorkbook_TakesEntityYearAndComponentsFromTheHeadings()
    {
        using var stream = DafpWorkbook.Build();

        var result = PlanDocumentReader.Read(stream, "PAAC Pasto 2023.xlsx");

        Assert.True(result.Succeeded, Report(result));
        var plan = result.Plan!;
        Assert.Equal(DafpWorkbook.Entity, plan.EntityName);
        Assert.Equal(2023, plan.Year);
        Assert.Equal("Plan Anticorrupción y de Atención al Ciudadano", plan.Title);
        Assert.Equal([(1, "Gestión del Riesgo de Corrupción - Mapa de Riesgos de Corrupción"), (2, "Racionalización de Trámites")],
            plan.Components.Select(c => (c.Number, c.Name)));
        Assert.Equal([("1.1", "Política de Administración de Riesgos"), ("1.2", "Construcción del Mapa de Riesgos de Corrupción")],
            plan.Components[0].Subcomponents.Select(s => (s.Code, s.Name)));
        Assert.Equal([("2.1", "Identificación de trámites")], plan.Components[1].Subcomponents.Select(s => (s.Code, s.Name)));
        Assert.Equal(["1.1.1", "1.1.2", "1.2.1", "2.1.1", "2.1.2"], plan.Activities().Select(a => a.Code));
    }

    [Fact]
    public void Read_DafpWorkbook_DatesInWordsAsDateCellsAndNumericBecomeTheScheduledMonth()
    {
        using var stream = DafpWorkbook.Build();

        var plan = PlanDocumentReader.ReadXlsx(stream).Plan!;

        Assert.Equal(new Dictionary<int, decimal> { [3] = 1m }, plan.Activity("1.1.1").Actions.Single().Schedule);
        Assert.Equal(new Dictionary<int, decimal> { [4] = 1m }, plan.Activity("1.1.2").Actions.Single().Schedule);
        Assert.Equal(new Dictionary<int, decimal> { [5] = 1m }, plan.Activity("1.2.1").Actions.Single().Schedule);
        Assert.Equal(new Dictionary<int, decimal> { [3] = 1m }, plan.Activity("2.1.1").Actions.Single().Schedule);
        var first = plan.Activity("1.1.1").Actions.Single();
        Assert.Equal("Política actualizada y publicada", first.Goal);
        Assert.Equal("Política actualizada y publicada", first.Deliverable);
        Assert.Equal("Actualizar la política de administración del riesgo de corrupción", first.Description);
        Assert.Equal(1m, first.TargetQuantity);
        Assert.Equal([["Secretaría de Planeación"]], first.ResponsibleUnits.Select(u => u.Path.ToArray()));
    }

    [Fact]
    public void Read_DafpWorkbook_MergedActivityIsOneActivityWithAnActionPerGoal()
    {
        using var stream = DafpWorkbook.Build();

        var result = PlanDocumentReader.ReadXlsx(stream);

        var activity = result.Plan!.Activity("2.1.2");
        Assert.Equal("Inscribir los trámites en el SUIT", activity.Name);
        Assert.Equal(["Tres trámites inscritos", "Informe de inscripción"], activity.Actions.Select(a => a.Goal));
        Assert.Equal([6, 7], activity.Actions.Select(a => a.Schedule.Keys.Single()));
        Assert.All(activity.Actions, a => Assert.Equal("Oficina de Sistemas", a.ResponsibleText));
        // The description of the merged activity's second row comes from the first, and the report says so, by sheet and row.
        Assert.Equal("Inscribir los trámites en el SUIT", activity.Actions[1].Description);
        Assert.Contains(result.Notes, n => n.Kind == ImportNoteKind.Inferred
            && n.Message.StartsWith("Hoja «Racionalización», fila 6: la descripción se toma de la acción de la fila 5 de la hoja «Racionalización»", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_DafpWorkbook_NotesNameTheSheetAndRow()
    {
        using var stream = DafpWorkbook.Build();

        var result = PlanDocumentReader.ReadXlsx(stream);

        Assert.Contains(result.Notes, n => n.Kind == ImportNoteKind.Skipped && n.Message.StartsWith("Hoja «Portada», fila 1:", StringComparison.Ordinal));
        Assert.Contains(result.Notes, n => n.Kind == ImportNoteKind.Inferred && n.Message.StartsWith("Hoja «Componente 1», fila 4: la plantilla del DAFP no trae cantidades", StringComparison.Ordinal));
        Assert.All(result.Notes, n => Assert.StartsWith("Hoja «", n.Message, StringComparison.Ordinal));
        Assert.Equal("Hoja «Componente 1», fila 4", ImportNoteKinds.Place(result.Notes.First(n => n.Message.Contains("no trae cantidades", StringComparison.Ordinal))));
    }

    [Fact]
    public void Read_DafpWorkbook_WithoutAHeading_HasNoEntityNorYearAndSaysSo()
    {
        using var stream = DafpWorkbook.Build(heading: "Formato de seguimiento");

        var result = PlanDocumentReader.ReadXlsx(stream);

        Assert.True(result.Succeeded, Report(result));
        Assert.Null(result.Plan!.EntityName);
        Assert.Null(result.Plan.Year);
        Assert.Contains(result.Notes, n => n.Kind == ImportNoteKind.Warning && n.Message.Contains("la VIGENCIA", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_DafpWorkbook_UnreadableDate_IsAnErrorBySheetRowAndColumn()
    {
        using var stream = DafpWorkbook.Build(wb => wb.Worksheet("Racionalización").Cell(4, 5).SetValue("Por definir"));

        var result = PlanDocumentReader.ReadXlsx(stream);

        Assert.Null(result.Plan);
        var error = Assert.Single(result.Notes, n => n.Kind == ImportNoteKind.Error);
        Assert.StartsWith("Hoja «Racionalización», fila 4: la columna «Fecha programada» (E) dice «Por definir», que no es una fecha, un mes ni una frecuencia", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DafpWorkbook_FrequenciesRangesAndDemand_AreSpreadOverMonths_AndTheReportSaysHowEachWasRead()
    {
        using var stream = DafpWorkbook.Build(wb =>
        {
            wb.Worksheet("Componente 1").Cell(5, 6).SetValue("Trimestral");
            wb.Worksheet("Componente 1").Cell(6, 6).SetValue("Del 1 de marzo al 30 de junio");
            wb.Worksheet("Componente 1").Cell(7, 6).SetValue("Cada vez que se requiera");
            wb.Worksheet("Racionalización").Cell(4, 5).SetValue("Permanente");
        });

        var result = PlanDocumentReader.ReadXlsx(stream);

        Assert.True(result.Succeeded, Report(result));
        var plan = result.Plan!;
        var quarterly = plan.Activity("1.1.1").Actions.Single();
        Assert.Equal(new Dictionary<int, decimal> { [3] = 0.25m, [6] = 0.25m, [9] = 0.25m, [12] = 0.25m }, quarterly.Schedule);
        Assert.Equal(1m, quarterly.TargetQuantity);
        Assert.Equal(new Dictionary<int, decimal> { [3] = 0.25m, [4] = 0.25m, [5] = 0.25m, [6] = 0.25m }, plan.Activity("1.1.2").Actions.Single().Schedule);
        Assert.Empty(plan.Activity("1.2.1").Actions.Single().Schedule);
        var permanent = plan.Activity("2.1.1").Actions.Single().Schedule;
        Assert.Equal(Enumerable.Range(1, 12), permanent.Keys.Order());
        Assert.Equal(1m, permanent.Values.Sum());
        Assert.Equal(0.0837m, permanent[12]);
        Assert.Contains(result.Notes, n => n.Kind == ImportNoteKind.Inferred && n.Message ==
            "Hoja «Componente 1», fila 5: la fecha programada «Trimestral» se lee como marzo, junio, septiembre y diciembre: el resultado 1 se reparte entre esos meses (0,25 en cada mes)");
        Assert.Contains(result.Notes, n => n.Kind == ImportNoteKind.Inferred && n.Message ==
            "Hoja «Componente 1», fila 7: la fecha programada «Cada vez que se requiera» se lee como ningún mes fijo (a demanda): la acción queda sin meses programados; prográmela en el borrador");
        Assert.Contains(result.Notes, n => n.Kind == ImportNoteKind.Inferred && n.Message ==
            "Hoja «Racionalización», fila 4: la fecha programada «Permanente» se lee como todos los meses (enero a diciembre): el resultado 1 se reparte entre esos meses (0,0833 en cada mes y 0,0837 en diciembre)");
    }

    [Fact]
    public void Read_DafpWorkbook_ActivityWithoutNumber_IsAnError()
    {
        using var stream = DafpWorkbook.Build(wb => wb.Worksheet("Componente 1").Cell(7, 2).SetValue("uno"));

        var result = PlanDocumentReader.ReadXlsx(stream);

        Assert.Null(result.Plan);
        Assert.Contains(result.Notes, n => n.Kind == ImportNoteKind.Error
            && n.Message.StartsWith("Hoja «Componente 1», fila 7: la columna «N°» (B) dice «uno»", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_SeedLayoutWorkbook_IsNotTakenForTheTemplate()
    {
        using var workbook = new ClosedXML.Excel.XLWorkbook();
        var sheet = workbook.AddWorksheet("Plan");
        string[] header = ["N°", "ACTIVIDADES", "DESCRIPCIÓN", "METAS", "ENE", "FEB", "MAR", "ABR", "MAY", "JUN", "JUL", "AGO", "SEP", "OCT", "NOV", "DIC", "PRODUCTOS", "FÓRMULA", "RESULTADO", "RESPONSABLES"];
        for (var i = 0; i < header.Length; i++)
        {
            sheet.Cell(2, i + 1).SetValue(header[i]);
        }

        Assert.False(DafpWorkbookReader.IsDafpLayout(workbook));
    }
}
