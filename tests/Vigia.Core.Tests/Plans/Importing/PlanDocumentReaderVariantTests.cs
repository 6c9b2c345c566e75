using System.Text;
using Vigia.Core.Plans;
using Vigia.Core.Plans.Importing;

namespace Vigia.Core.Tests.Plans.Importing;

/// <summary>Variants of the seed made in the test: the reader must give the same plan, or a clear
/// error naming the line.</summary>
public class PlanDocumentReaderVariantTests
{
    private static readonly ImportResult Original = Seed.Read(Seed.Text);

    private static void AssertSamePlan(ImportResult result)
    {
        Assert.True(result.Succeeded, string.Join("\n", result.Notes.Where(n => n.Kind == ImportNoteKind.Error).Select(n => n.Message)));
        Assert.Equal(Original.Plan!.Shape(), result.Plan!.Shape());
        Assert.Equal(86, result.Plan!.Actions().Count());
    }

    private static ImportNote SingleError(ImportResult result)
    {
        Assert.Null(result.Plan);
        Assert.False(result.Succeeded);
        return Assert.Single(result.Notes, n => n.Kind == ImportNoteKind.Error);
    }

    [Fact]
    public void ReadText_CrLfLineEndings_SamePlanAndLines()
    {
        var result = Seed.Read(Seed.Join(Seed.Lines, "\r\n"));
        AssertSamePlan(result);
        Assert.Equal(Original.Notes, result.Notes);
    }

    [Fact]
    public void ReadText_StreamWithUtf8ByteOrderMark_SamePlan()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Seed.Text)).ToArray();
        using var stream = new MemoryStream(bytes);
        var result = PlanDocumentReader.ReadText(stream);
        AssertSamePlan(result);
        Assert.Equal("Alcaldía de Santiago de Cali", result.Plan!.EntityName);
        Assert.Equal(Original.Notes, result.Notes);
    }

    [Fact]
    public void ReadText_TextReaderWithByteOrderMarkCharacter_SamePlan()
    {
        var result = Seed.Read("\uFEFF" + Seed.Text);
        AssertSamePlan(result);
        Assert.Equal("Alcaldía de Santiago de Cali", result.Plan!.EntityName);
    }

    [Fact]
    public void ReadText_Latin1Stream_IsReadWithAWarning()
    {
        using var stream = new MemoryStream(Encoding.Latin1.GetBytes(Seed.Text));
        var result = PlanDocumentReader.ReadText(stream);
        AssertSamePlan(result);
        Assert.Contains(result.Notes, n => n.Kind == ImportNoteKind.Warning && n.Message.Contains("UTF-8", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadText_PageWithoutRepeatedHeader_SamePlan()
    {
        var result = Seed.Read(Seed.Without(113, 114));
        AssertSamePlan(result);
        Assert.DoesNotContain(result.Notes, n => n.Message.Contains("encabezado de la tabla repetido", StringComparison.Ordinal) && n.Line == 113);
    }

    [Fact]
    public void ReadText_FirstTwoPagesSwapped_RowsArePlacedByTheirNumber()
    {
        // Page 1 of the table is lines 48–56 (component 1, subcomponents 1.1 and 1.2); page 2 is
        // lines 58–67 (1.2.3, subcomponent 1.3). With page 2 first, 1.2.3 arrives before the
        // headings of component 1 and subcomponent 1.2.
        var lines = Seed.Lines.ToList();
        var page1 = lines.GetRange(47, 9);
        var page2 = lines.GetRange(57, 10);
        var swapped = lines.Take(47).Concat(page2).Append("").Concat(page1).Concat(lines.Skip(67));
        var result = Seed.Read(Seed.Join(swapped));
        AssertSamePlan(result);
        Assert.Contains(result.Notes, n => n.Kind == ImportNoteKind.Warning && n.Message.Contains("retrocede", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadText_MiddlePagesSwapped_SamePlan()
    {
        // Lines 113–120 (subcomponent 3.2, 3.2.1) and 122–133 (3.2.2 … 3.3.3) change places.
        var lines = Seed.Lines.ToList();
        var first = lines.GetRange(112, 8);
        var second = lines.GetRange(121, 12);
        var swapped = lines.Take(112).Concat(second).Append("").Concat(first).Concat(lines.Skip(133));
        AssertSamePlan(Seed.Read(Seed.Join(swapped)));
    }

    [Fact]
    public void ReadText_AnotherEntity_NameIsPresentedInTitleCase()
    {
        var result = Seed.Read(Seed.WithLine(5, "GOBERNACION DEL VALLE DEL CAUCA"));
        Assert.True(result.Succeeded);
        Assert.Equal("Gobernación del Valle del Cauca", result.Plan!.EntityName);
    }

    [Fact]
    public void ReadText_EntityWrittenInMixedCase_IsKeptAsWritten()
    {
        var result = Seed.Read(Seed.WithLine(5, "Municipio de Jamundí"));
        Assert.Equal("Municipio de Jamundí", result.Plan!.EntityName);
    }

    [Fact]
    public void ReadText_RepeatedBlockWithDifferentContent_IsAnErrorOnThatLine()
    {
        var changed = Seed.Line(182).Replace("\t104\t", "\t105\t", StringComparison.Ordinal);
        Assert.NotEqual(Seed.Line(182), changed);
        var error = SingleError(Seed.Read(Seed.WithLine(182, changed)));
        Assert.Equal(182, error.Line);
        Assert.Contains("4.4.3", error.Message, StringComparison.Ordinal);
        Assert.Contains("línea 163", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadText_RepeatedContinuationRowWithDifferentContent_IsAnError()
    {
        var changed = Seed.Line(186).Replace("Tres (3) informes.", "Cuatro (4) informes.", StringComparison.Ordinal);
        var error = SingleError(Seed.Read(Seed.WithLine(186, changed)));
        Assert.Equal(186, error.Line);
    }

    [Fact]
    public void ReadText_RepeatedHeadingWithAnotherName_IsAnError()
    {
        var error = SingleError(Seed.Read(Seed.WithLine(179, Seed.Line(179).Replace("Normativo", "Otro", StringComparison.Ordinal))));
        Assert.Equal(179, error.Line);
    }

    [Fact]
    public void ReadText_NonNumericTarget_IsAnErrorOnThatLine()
    {
        var changed = Seed.Line(64).Replace("\t5\t", "\tcinco\t", StringComparison.Ordinal);
        Assert.NotEqual(Seed.Line(64), changed);
        var error = SingleError(Seed.Read(Seed.WithLine(64, changed)));
        Assert.Equal(64, error.Line);
        Assert.Equal("Línea 64: el resultado «cinco» no es un número (p. ej. 5.000 o 100%)", error.Message);
    }

    [Fact]
    public void ReadText_SpanishDecimalTarget_IsRead()
    {
        var changed = Seed.Line(64).Replace("\t5\t", "\t1.234,5\t", StringComparison.Ordinal);
        var result = Seed.Read(Seed.WithLine(64, changed));
        Assert.Equal(1234.5m, Assert.Single(result.Plan!.Activity("1.3.3").Actions).TargetQuantity);
    }

    [Fact]
    public void ReadText_GarbageDocument_IsAnErrorNamingTheLine()
    {
        var error = SingleError(Seed.Read("Lista de mercado\n\nleche\thuevos\npan\n"));
        Assert.Equal(4, error.Line);
        Assert.Contains("encabezado de la tabla", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadText_EmptyDocument_IsAnError()
    {
        var error = SingleError(Seed.Read(""));
        Assert.Contains("vacío", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadText_ActionRowBeforeAnyComponent_IsAnErrorOnThatLine()
    {
        // Right after the table header, a continuation row with no activity above it.
        var lines = Seed.Lines.ToList();
        lines.Insert(49, "\t\tDescripción suelta\tUna (1) meta\t\t\t\t\t\t\t\t\t\t\t\t\t\tProducto\tFórmula\t1\tOficina X");
        var result = Seed.Read(Seed.Join(lines));
        var error = SingleError(result);
        Assert.Equal(50, error.Line);
    }

    [Fact]
    public void ReadText_ActivityOfAComponentThatNeverAppears_IsAnErrorOnItsLine()
    {
        var lines = Seed.Lines.ToList();
        lines.Insert(222, "7.1\tActividad huérfana\tDescripción\tUna (1) meta\t\t\t\t\t\t\t\t\t\t\t\t\t\tProducto\tFórmula\t1\tOficina X");
        var error = SingleError(Seed.Read(Seed.Join(lines)));
        Assert.Equal(223, error.Line);
        Assert.Contains("componente 7", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadText_TableHeaderWithoutGoalColumn_IsAnError()
    {
        var error = SingleError(Seed.Read(Seed.WithLine(48, Seed.Line(48).Replace("METAS", "OTRA", StringComparison.Ordinal))));
        Assert.Equal(48, error.Line);
        Assert.Contains("«METAS»", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadText_MonthQuantitiesInText_GoToTheSchedule()
    {
        // 1.1.1 (line 52) planned in March and September; the months are under the header's 3 and 9.
        var cells = Seed.Line(52).Split('\t');
        cells[6] = "1";
        cells[12] = "0,5";
        var result = Seed.Read(Seed.WithLine(52, string.Join('\t', cells)));
        var action = Assert.Single(result.Plan!.Activity("1.1.1").Actions);
        Assert.Equal(new Dictionary<int, decimal> { [3] = 1m, [9] = 0.5m }, action.Schedule);
        Assert.DoesNotContain(result.Notes, n => n.Line == 52 && n.Kind == ImportNoteKind.Unscheduled);
        Assert.Equal(ImportNoteKind.Unscheduled, Assert.Single(result.Notes, n => n.Line == 53 && n.Kind == ImportNoteKind.Unscheduled).Kind);
    }

    [Fact]
    public void ReadText_MonthMarkedWithX_IsAWarningNotAQuantity()
    {
        var cells = Seed.Line(52).Split('\t');
        cells[6] = "X";
        var result = Seed.Read(Seed.WithLine(52, string.Join('\t', cells)));
        Assert.Empty(Assert.Single(result.Plan!.Activity("1.1.1").Actions).Schedule);
        Assert.Contains(result.Notes, n => n.Line == 52 && n.Kind == ImportNoteKind.Warning && n.Message.Contains("mes 3", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadText_LooseTextInsideTheTable_IsAWarningNotSilence()
    {
        var lines = Seed.Lines.ToList();
        lines.Insert(109, "Este texto largo apareció entre dos páginas del documento");
        var result = Seed.Read(Seed.Join(lines));
        Assert.True(result.Succeeded);
        Assert.Contains(result.Notes, n => n.Line == 110 && n.Kind == ImportNoteKind.Warning);
    }

    [Fact]
    public void ReadText_ActivityRowWithoutTabs_IsAnErrorNotALooseLine()
    {
        var error = SingleError(Seed.Read(Seed.WithLine(53, Seed.Line(53).Replace('\t', ' '))));
        Assert.Equal(53, error.Line);
        Assert.Contains("1.1.2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadText_StreamConvenience_MatchesTextReader()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Seed.Text));
        var result = PlanDocumentReader.Read(stream, "plan.txt");
        Assert.Equal(Original.Plan!.Shape(), result.Plan!.Shape());
        Assert.Equal(TargetUnit.Percentage, result.Plan!.Activity("1.3.4").Actions[0].TargetUnit);
    }

    [Fact]
    public void ReadText_SingleHeaderRowWithMonthNumbers_ReadsASmallPlan()
    {
        string[] lines =
        [
            "PERSONERIA MUNICIPAL DE TULUA",
            "VIGENCIA: 2025",
            "PRODUCTO: Programa de Transparencia y Etica Publica",
            "",
            "No.\tActividad\tDescripción\tMeta\t1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11\t12\tProducto\tFórmula\tResultado\tResponsable",
            "1\tPrimer Componente: Riesgos",
            "1.1.1\tPublicar el mapa\tPublicación en la web\tUn (1) mapa\t\t1\t\t\t\t\t\t\t\t\t\t\tMapa publicado\tMapas publicados\t1\tOficina Jurídica",
            "1.1\tSubcomponente 1: Mapa",
        ];
        var result = Seed.Read(string.Join('\n', lines));
        Assert.True(result.Succeeded, string.Join("\n", result.Notes.Select(n => n.Message)));
        var plan = result.Plan!;
        Assert.Equal("Personería Municipal de Tuluá", plan.EntityName);
        Assert.Equal(2025, plan.Year);
        Assert.Equal("Programa de Transparencia y Ética Pública", plan.Title);
        var action = Assert.Single(plan.Activity("1.1.1").Actions);
        Assert.Equal(new Dictionary<int, decimal> { [2] = 1m }, action.Schedule);
        Assert.Equal("Mapa", Assert.Single(plan.Components[0].Subcomponents).Name);
        Assert.DoesNotContain(result.Notes, n => n.Kind == ImportNoteKind.Realigned);
    }
}
