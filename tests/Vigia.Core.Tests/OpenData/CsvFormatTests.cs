using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Vigia.Core.FollowUps;
using Vigia.Core.OpenData;

namespace Vigia.Core.Tests.OpenData;

/// <summary>A table of at least two columns whose cells are drawn from the characters that matter to CSV.</summary>
public sealed record AnyTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    public override string ToString() => string.Join(" / ", new[] { Header }.Concat(Rows).Select(r => string.Join("|", r.Select(c => $"[{c}]"))));
}

public static class CsvArbitraries
{
    private static readonly Gen<string> Cell = Gen.Elements(
            "", " ", "a", "Ñandú", ",", "\"", "\r", "\n", "\r\n", "'", "=", "-", "+", "@", "\t", "0", "1.5", " | ", "#", ";")
        .ListOf().Select(parts => string.Concat(parts.Take(6)));

    public static Arbitrary<AnyTable> Table() => (
        from columns in Gen.Choose(2, 6)
        from header in Cell.ArrayOf(columns)
        from count in Gen.Choose(0, 5)
        from rows in Cell.ArrayOf(columns).ArrayOf(count)
        select new AnyTable(header, rows.Select(r => (IReadOnlyList<string>)r).ToList())).ToArbitrary();
}

/// <summary>The CSV that Vigía publishes must not change by a byte when the writer changes: each test here compares
/// with what the hand-written writer of before issue 8 produced (<see cref="HandWrittenCsv"/>), or with literal text
/// that it produced.</summary>
public class CsvFormatTests
{
    private static async Task<string> WriteAsync(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        await CsvFormat.WriteAsync(writer, header, rows);
        return writer.ToString();
    }

    // Issue 14 changed this oracle on purpose: a cell that starts like a formula is now written as the hand-written
    // writer would have written the text with a ' in front, always quoted; every other cell is still byte-for-byte.
    [Property(Arbitrary = [typeof(CsvArbitraries)], MaxTest = 300)]
    public bool Write_AnyTable_IsByteForByteWhatTheHandWrittenWriterProduced(AnyTable table)
    {
        var written = WriteAsync(table.Header, table.Rows).GetAwaiter().GetResult();
        return written == HandWrittenCsv.Write(table.Header, table.Rows, neutraliseFormulas: true);
    }

    [Property(Arbitrary = [typeof(CsvArbitraries)], MaxTest = 300)]
    public bool Write_AnyTable_ReadsBackCellByCellAfterUnescaping(AnyTable table)
    {
        var expected = new[] { table.Header }.Concat(table.Rows).ToList();
        if (expected.SelectMany(r => r).Any(c => c.Length >= 2 && c[0] == '\'' && CsvFormat.Unescape(c) != c))
        {
            return true; // already looks neutralised: see Unescape_DropsOnlyTheQuoteInFrontOfAFormulaStart
        }
        var written = WriteAsync(table.Header, table.Rows).GetAwaiter().GetResult();
        var read = ReadBack(written);
        return read.Count == expected.Count
            && read.Zip(expected).All(p => p.First.SequenceEqual(p.Second, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")")]
    [InlineData("+57 300")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    [InlineData("\tTab")]
    public async Task Write_TextThatStartsLikeAFormula_GetsAQuoteInFront(string text)
    {
        var csv = await WriteAsync(["texto"], [[text]]);

        Assert.Equal("texto\r\n\"'" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"\r\n", csv);
        Assert.Equal(text, CsvFormat.Unescape(ReadBack(csv)[1][0]));
    }

    [Theory]
    [InlineData("'", "'")]
    [InlineData("'a", "'a")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    // The one text that does not survive: it already looks neutralised (OWASP's escape cannot tell), so it reads back
    // without its quote. Imported documents keep their own text; only this reading of a published file is lossy.
    [InlineData("'=x", "=x")]
    public void Unescape_DropsOnlyTheQuoteInFrontOfAFormulaStart(string field, string expected) =>
        Assert.Equal(expected, CsvFormat.Unescape(field));

    /// <summary>Parses RFC 4180 text (no library: the test must not share the writer's code) and un-escapes each cell.</summary>
    internal static List<List<string>> ReadBack(string csv)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') { quoted = false; }
                else { cell.Append(c); }
            }
            else if (c == '"') { quoted = true; }
            else if (c == ',') { row.Add(CsvFormat.Unescape(cell.ToString())); cell.Clear(); }
            else if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
            {
                row.Add(CsvFormat.Unescape(cell.ToString()));
                cell.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else { cell.Append(c); }
        }
        return rows;
    }

    [Fact]
    public async Task Write_QuotesOnlyFieldsWithCommaQuoteOrLineBreak_AndEndsEveryRecordWithCrLf()
    {
        var csv = await WriteAsync(["a", "b"], [
            ["uno, dos", "dice \"sí\""],
            ["línea\nnueva", "retorno\rsolo"],
            [" espacios ", "=SUMA(A1)"],
            ["", "-3"],
        ]);

        // Issue 14: "=SUMA(A1)" and "-3" arrive as text and start like formulas, so they now go out neutralised.
        Assert.Equal(
            "a,b\r\n\"uno, dos\",\"dice \"\"sí\"\"\"\r\n\"línea\nnueva\",\"retorno\rsolo\"\r\n espacios ,\"'=SUMA(A1)\"\r\n,\"'-3\"\r\n",
            csv);
    }

    [Fact]
    public async Task Write_Stream_IsUtf8WithoutByteOrderMark()
    {
        using var stream = new MemoryStream();

        await CsvFormat.WriteAsync(stream, ["año", "acción"], [["2022", "Señal"]]);

        Assert.Equal(new UTF8Encoding(false).GetBytes("año,acción\r\n2022,Señal\r\n"), stream.ToArray());
    }

    [Fact]
    public async Task Write_FollowUpRow_FormatsNumbersDatesAndEmptyValuesAsPublished()
    {
        var row = FollowUpOpenData.Columns.ToDictionary(c => c, object? (c) => c);
        row["vigencia"] = 2022;
        row["seguimiento"] = 1;
        row["version"] = 2;
        row["fecha_publicacion"] = null;
        row["accion"] = 3;
        row["avance_verificado_porcentaje"] = 66.66666m;
        row["cantidad_verificada"] = 1500.50m;
        row["observaciones"] = "Revisado, \"con soporte\"";

        var csv = await WriteAsync(FollowUpOpenData.Columns, [FollowUpOpenData.ToCells(row)]);

        Assert.Equal(
            string.Join(',', FollowUpOpenData.Columns) + "\r\n"
            + "entidad,2022,corte,1,2,,fecha_limite_publicacion,publicado_a_tiempo,sha256_instantanea,componente,actividad_codigo,actividad,"
            + "3,meta,responsables,programada_en_el_periodo,estado,66.6667,1500.5,\"Revisado, \"\"con soporte\"\"\",cumplida,segun_reportes,datos_simulados\r\n",
            csv);
    }

    [Fact]
    public async Task Write_ActionRow_FormatsTargetUnitsAndScheduleAsPublished()
    {
        var row = new ActionRow(1, "1.1", "1. Gestión del riesgo", "1.1 Política", "1.1.1", "Actualizar, socializar", 2, "Descripción",
            "Meta \"once\"", null, null, 2.5m, Vigia.Core.Plans.TargetUnit.Percentage, ["Unidad A", "Padre / Hija"],
            [new ScheduledMonth(3, 1m), new ScheduledMonth(6, 0.3333m), new ScheduledMonth(12, 1500m)]);

        var csv = await WriteAsync(ActionRow.Columns, [row.ToCells()]);

        Assert.Equal(
            string.Join(',', ActionRow.Columns) + "\r\n"
            + "1. Gestión del riesgo,1.1 Política,1.1.1,\"Actualizar, socializar\",2,Descripción,\"Meta \"\"once\"\"\",,,2.5,porcentaje,"
            + "Unidad A | Padre / Hija,3:1 | 6:0.3333 | 12:1500,no\r\n",
            csv);
    }
}

/// <summary>The writer Vigía used before issue 8 (src/Vigia.Core/OpenData/CsvFormat.cs at that time), kept verbatim as
/// the oracle that the library-backed writer must match.</summary>
internal static class HandWrittenCsv
{
    public static string Write(IEnumerable<string> header, IEnumerable<IReadOnlyList<string>> rows, bool neutraliseFormulas = false)
    {
        var sb = new StringBuilder(Line(header, neutraliseFormulas));
        foreach (var row in rows)
        {
            sb.Append(Line(row, neutraliseFormulas));
        }
        return sb.ToString();
    }

    private static string Line(IEnumerable<string> cells, bool neutraliseFormulas) =>
        string.Join(',', cells.Select(c => neutraliseFormulas && StartsLikeAFormula(c) ? Quote("'" + c) : Escape(c))) + "\r\n";

    // OWASP's list, which is CsvHelper's default: written independently here so the oracle does not share the writer's code.
    private static bool StartsLikeAFormula(string value) => value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal);

    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Escape(string value)
    {
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            return value;
        }
        var sb = new StringBuilder(value.Length + 2).Append('"');
        sb.Append(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        return sb.Append('"').ToString();
    }
}
