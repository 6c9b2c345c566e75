using Vigia.Core.Plans;
using Vigia.Core.Plans.Importing;

namespace Vigia.Core.Tests.Plans.Importing;

/// <summary>Reading the Cali 2022 seed as it is.</summary>
public class PlanDocumentReaderSeedTests
{
    private static readonly ImportResult Result = PlanDocumentReader.ReadTextFile(Seed.Path);

    private static ParsedPlan Plan => Result.Plan!;

    private static IEnumerable<ImportNote> NotesAt(int line) => Result.Notes.Where(n => n.Line == line);

    [Fact]
    public void ReadText_Seed_Succeeds()
    {
        Assert.True(Result.Succeeded, string.Join("\n", Result.Notes.Where(n => n.Kind == ImportNoteKind.Error).Select(n => n.Message)));
        Assert.DoesNotContain(Result.Notes, n => n.Kind == ImportNoteKind.Error);
    }

    [Fact]
    public void ReadText_Seed_Yields6Components17Subcomponents62Activities86Actions()
    {
        Assert.Equal([1, 2, 3, 4, 5, 6], Plan.Components.Select(c => c.Number));
        Assert.Equal(17, Plan.Components.Sum(c => c.Subcomponents.Count));
        Assert.Equal(62, Plan.Activities().Count());
        Assert.Equal(86, Plan.Actions().Count());
    }

    [Fact]
    public void ReadText_Seed_Yields86Actions()
    {
        Assert.Equal(86, Plan.Actions().Count());
    }

    [Fact]
    public void ReadText_Seed_Components2And6HaveNoSubcomponents()
    {
        var second = Plan.Components.Single(c => c.Number == 2);
        var sixth = Plan.Components.Single(c => c.Number == 6);
        Assert.Empty(second.Subcomponents);
        Assert.Equal(["2.1", "2.2", "2.3", "2.4", "2.5"], second.Activities.Select(a => a.Code));
        Assert.Equal("RACIONALIZACIÓN DE TRÁMITES", second.Name);
        Assert.Equal(84, second.Line);
        Assert.Empty(sixth.Subcomponents);
        Assert.Equal(["6.1", "6.2", "6.3"], sixth.Activities.Select(a => a.Code));
        Assert.Equal("INICIATIVAS ADICIONALES", sixth.Name);
    }

    [Fact]
    public void ReadText_Seed_SubcomponentsIncludeDamagedHeadings()
    {
        var subs = Plan.Components.SelectMany(c => c.Subcomponents).ToDictionary(s => s.Code);
        Assert.Equal(
            ["1.1", "1.2", "1.3", "1.4", "1.5", "3.1", "3.2", "3.3", "4.1", "4.2", "4.3", "4.4", "4.5", "5.1", "5.2", "5.3", "5.4"],
            subs.Keys);
        Assert.Equal("Política de Administración de Riesgos", subs["1.1"].Name);
        Assert.Equal("Seguimiento", subs["1.5"].Name);
        Assert.Equal("Normativo y Procedimental", subs["4.4"].Name);
        Assert.Equal(160, subs["4.4"].Line);
        Assert.Empty(subs["4.1"].Activities);
    }

    [Fact]
    public void ReadText_Seed_Activity314HasFiveActionsWithSpanishThousands()
    {
        var activity = Plan.Activity("3.1.4");
        Assert.Equal([5000m, 2200m, 5000m, 700m, 400m], activity.Actions.Select(a => a.TargetQuantity));
        Assert.All(activity.Actions, a => Assert.Equal(TargetUnit.Count, a.TargetUnit));
        Assert.Equal([103, 104, 105, 106, 107], activity.Actions.Select(a => a.Line));
        Assert.All(activity.Actions, a => Assert.Equal(["Oficina de Comunicaciones"], a.ResponsibleUnits.Single().Path));
    }

    [Fact]
    public void ReadText_Seed_Activity443HasTarget104AndTheRowWithoutGoalCompletesItsDescription()
    {
        var action = Assert.Single(Plan.Activity("4.4.3").Actions);
        Assert.Equal(104m, action.TargetQuantity);
        Assert.Equal(TargetUnit.Count, action.TargetUnit);
        Assert.StartsWith("Analizar informe de seguimiento trimestral", action.Description, StringComparison.Ordinal);
        Assert.Contains("Definir acciones y responsables de su ejecución", action.Description, StringComparison.Ordinal);
        Assert.Contains(NotesAt(164), n => n.Kind == ImportNoteKind.Inferred && n.Message.Contains("línea 163", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadText_Seed_Activity134HasTarget100Percent()
    {
        var action = Assert.Single(Plan.Activity("1.3.4").Actions);
        Assert.Equal(100m, action.TargetQuantity);
        Assert.Equal(TargetUnit.Percentage, action.TargetUnit);
    }

    [Fact]
    public void ReadText_Seed_ActionFieldsComeFromTheirColumns()
    {
        var action = Assert.Single(Plan.Activity("1.1.1").Actions);
        Assert.Equal(52, action.Line);
        Assert.StartsWith("Corresponde a la actualización de la política", action.Description, StringComparison.Ordinal);
        Assert.Equal("Actualizar (01) política de administración del riesgo de la entidad", action.Goal);
        Assert.Equal("Política de administración del riesgo de la entidad actualizada", action.Deliverable);
        Assert.Equal("Número de políticas de administración del riesgo de la entidad actualizada", action.IndicatorFormula);
        Assert.Equal(1m, action.TargetQuantity);
        Assert.Equal("Departamento Administrativo de Desarrollo e Innovación Institucional / Subdirección de Gestión Organizacional.", action.ResponsibleText);
        Assert.Equal(
            ["Departamento Administrativo de Desarrollo e Innovación Institucional", "Subdirección de Gestión Organizacional"],
            Assert.Single(action.ResponsibleUnits).Path);
        Assert.Empty(action.Schedule);
    }

    [Fact]
    public void ReadText_Seed_RowsShiftedLeftAreRealigned()
    {
        // 2.3's rows sit two cells left of most rows: PRODUCTOS falls under month 12.
        var actions = Plan.Activity("2.3").Actions;
        Assert.Equal("Soporte de publicación por trámite racionalizado", actions[0].Deliverable);
        Assert.Equal(100m, actions[0].TargetQuantity);
        Assert.Equal(TargetUnit.Percentage, actions[0].TargetUnit);
        Assert.Equal(28m, actions[1].TargetQuantity);
        Assert.Equal("Organismos que suscriben plan de racionalización 2021", actions[0].ResponsibleText);
        Assert.Contains(NotesAt(88), n => n.Kind == ImportNoteKind.Realigned && n.Message.Contains("2 celdas a la izquierda", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadText_Seed_Metadata()
    {
        Assert.Equal("Alcaldía de Santiago de Cali", Plan.EntityName);
        Assert.Equal(2022, Plan.Year);
        Assert.Equal("Plan Anticorrupción y de Atención al Ciudadano", Plan.Title);
        Assert.Equal("REDE01.05.02.P025.F014", Plan.DocumentCode);
        Assert.StartsWith("Determinar las estrategias de prevencion", Plan.Objective, StringComparison.Ordinal);
        Assert.EndsWith("Sistemas de Gestion y Control Integrados.", Plan.Objective, StringComparison.Ordinal);
        Assert.StartsWith("El Plan Anticorrupcion y de Atencion al Ciudadano en el cual", Plan.Scope, StringComparison.Ordinal);
        Assert.Equal("JORGE IVÁN OSPINA GÓMEZ - ALCALDE MUNICIPAL", Plan.ResponsiblePerson);
        Assert.Equal("Departamento Administrativo de Desarrollo e Innovación Institucional", Plan.CoordinatingUnit);
        Assert.Equal(7, Plan.ParticipatingUnits.Count);
        Assert.Equal(
            "Departamento Administrativo de Desarrollo e Innovación Institucional (Subdirección de Gestión Organizacional - Subdirección de Trámites, Servicios y Gestión Documental)",
            Plan.ParticipatingUnits[0]);
        Assert.Equal("Secretaría de Desarrollo Territorial y Participación Ciudadana", Plan.ParticipatingUnits[^1]);
    }

    [Theory]
    [InlineData(6, "DIRECCIONAMIENTO ESTRATEGICO")]
    [InlineData(15, "VERSIÓN")]
    [InlineData(17, "001")]
    [InlineData(19, "DIMENSION DEL MODELO")]
    [InlineData(32, "Original Firmado")]
    public void ReadText_Seed_HeaderLinesNotImportedAreNoted(int line, string text)
    {
        var note = Assert.Single(NotesAt(line));
        Assert.Equal(ImportNoteKind.Skipped, note.Kind);
        Assert.Contains(text, note.Message, StringComparison.Ordinal);
        Assert.StartsWith($"Línea {line}: ", note.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(80, "Handwritten signature or initials.")]
    [InlineData(110, "9/14")]
    [InlineData(111, "Jm")]
    [InlineData(135, "94")]
    [InlineData(171, "9")]
    [InlineData(215, "9 J")]
    public void ReadText_Seed_PageMarksAreSkipped(int line, string text)
    {
        var note = Assert.Single(NotesAt(line));
        Assert.Equal(ImportNoteKind.Skipped, note.Kind);
        Assert.Contains($"«{text}»", note.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadText_Seed_PageMarkNoteMessage()
    {
        Assert.Equal("Línea 110: marca de página «9/14» omitida", Assert.Single(NotesAt(110)).Message);
    }

    [Theory]
    [InlineData(58)]
    [InlineData(59)]
    [InlineData(113)]
    [InlineData(114)]
    [InlineData(217)]
    [InlineData(218)]
    public void ReadText_Seed_RepeatedTableHeadersAreSkipped(int line)
    {
        Assert.Equal(ImportNoteKind.Skipped, Assert.Single(NotesAt(line)).Kind);
    }

    [Fact]
    public void ReadText_Seed_FirstTableHeaderIsConsumedWithoutNote()
    {
        Assert.Empty(NotesAt(48));
        Assert.Empty(NotesAt(49));
    }

    [Theory]
    [InlineData(102, "1 celda a la derecha")]
    [InlineData(104, "1 celda a la derecha")]
    [InlineData(147, "1 celda a la derecha")]
    [InlineData(86, "1 celda a la izquierda")]
    [InlineData(124, "1 celda a la izquierda")]
    public void ReadText_Seed_ShiftedRowsAreRealigned(int line, string shift)
    {
        Assert.Contains(NotesAt(line), n => n.Kind == ImportNoteKind.Realigned && n.Message.Contains(shift, StringComparison.Ordinal));
    }

    [Fact]
    public void ReadText_Seed_CommonShiftIsNotedOnceAndRowsFollowingItAreNotNoted()
    {
        var summary = Assert.Single(NotesAt(52), n => n.Kind == ImportNoteKind.Realigned);
        Assert.Contains("1 celda a la derecha", summary.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(NotesAt(53), n => n.Kind == ImportNoteKind.Realigned);
        Assert.DoesNotContain(NotesAt(103), n => n.Kind == ImportNoteKind.Realigned);
    }

    [Fact]
    public void ReadText_Seed_MergedCellsAreInferredOnePerValue()
    {
        var at144 = NotesAt(144).Where(n => n.Kind == ImportNoteKind.Inferred).ToList();
        Assert.Equal(3, at144.Count);
        Assert.Contains(at144, n => n.Message.Contains("fórmula", StringComparison.Ordinal));
        Assert.Contains(at144, n => n.Message.Contains("resultado", StringComparison.Ordinal));
        Assert.Contains(at144, n => n.Message.Contains("responsables", StringComparison.Ordinal));
        Assert.All(at144, n => Assert.Contains("línea 143", n.Message, StringComparison.Ordinal));

        var action = Plan.Activity("4.2.2").Actions[1];
        Assert.Equal(1m, action.TargetQuantity);
        Assert.Equal("Número total de publicaciones", action.IndicatorFormula);
        Assert.Equal("Soporte de la publicación realizada", action.Deliverable);
        Assert.Equal(Plan.Activity("4.2.2").Actions[0].ResponsibleText, action.ResponsibleText);

        Assert.Contains(NotesAt(147), n => n.Kind == ImportNoteKind.Inferred && n.Message.Contains("responsables", StringComparison.Ordinal));
        Assert.Equal("Secretaría de Desarrollo Territorial y Participación Ciudadana.", Plan.Activity("4.2.3").Actions[2].ResponsibleText);
        Assert.Contains(NotesAt(91), n => n.Kind == ImportNoteKind.Inferred);
    }

    [Fact]
    public void ReadText_Seed_DamagedHeadingsAreNoted()
    {
        Assert.Contains(NotesAt(84), n => n.Kind == ImportNoteKind.Inferred && n.Message.Contains("«Segundo»", StringComparison.Ordinal));
        Assert.Contains(NotesAt(75), n => n.Kind == ImportNoteKind.Inferred && n.Message.Contains("1.5", StringComparison.Ordinal));
        Assert.Contains(NotesAt(140), n => n.Kind == ImportNoteKind.Warning && n.Message.Contains("4.1", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadText_Seed_PagePrintedTwiceIsImportedOnce()
    {
        Assert.Single(Plan.Activity("4.3.2").Actions, a => a.Goal == "Cuatro (4) jornadas al año.");
        Assert.Equal(2, Plan.Activity("4.3.2").Actions.Count);
        Assert.Equal(3, Plan.Activity("4.5.1").Actions.Count);
        for (var line = 175; line <= 188; line++)
        {
            Assert.Equal(ImportNoteKind.DuplicateSkipped, Assert.Single(NotesAt(line)).Kind);
        }

        Assert.Contains("línea 157", Assert.Single(NotesAt(176)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadText_Seed_EachActionWithoutMonthsHasAnUnscheduledNoteOnItsLine()
    {
        var unscheduled = Result.Notes.Where(n => n.Kind == ImportNoteKind.Unscheduled).Select(n => n.Line).ToList();
        Assert.Equal(Plan.Actions().Select(a => a.Line).Order(), unscheduled.Order());
        Assert.All(Plan.Actions(), a => Assert.Empty(a.Schedule));
    }

    [Fact]
    public void ReadText_Seed_EveryNonEmptyTableLineIsImportedOrNoted()
    {
        var covered = new HashSet<int>(Result.Notes.Select(n => n.Line)) { 48, 49 };
        foreach (var component in Plan.Components)
        {
            covered.Add(component.Line);
            covered.UnionWith(component.Subcomponents.Select(s => s.Line));
        }

        covered.UnionWith(Plan.Activities().Select(a => a.Line));
        covered.UnionWith(Plan.Actions().Select(a => a.Line));
        var missing = Enumerable.Range(48, Seed.Lines.Count - 47)
            .Where(line => !string.IsNullOrWhiteSpace(Seed.Line(line).Replace('\t', ' ')) && !covered.Contains(line))
            .ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void ReadText_Seed_NotesAreInLineOrderAndNameTheirLine()
    {
        Assert.Equal(Result.Notes.Select(n => n.Line).Order(), Result.Notes.Select(n => n.Line));
        Assert.All(Result.Notes, n => Assert.StartsWith($"Línea {n.Line}: ", n.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void ReadText_Seed_ActivitiesAreInNumberOrder()
    {
        var codes = Plan.Activities().Select(a => a.Code).ToList();
        Assert.Equal("1.1.1", codes[0]);
        Assert.Equal("6.3", codes[^1]);
        Assert.Equal(codes.Distinct().Count(), codes.Count);
    }
}
