using System.Globalization;
using ClosedXML.Excel;
using Microsoft.Extensions.Configuration;
using UglyToad.PdfPig;
using Vigia.Cli;
using Vigia.Cli.Commands;
using Vigia.Core.FollowUps;

namespace Vigia.Core.Tests.FollowUps;

public class FollowUpReportFileTests() : FollowUpDatabaseTests(DatabaseProvider.Sqlite)
{
    private static XLWorkbook Xlsx(FollowUpDocument document)
    {
        var buffer = new MemoryStream();
        FollowUpXlsx.Write(document, buffer);
        buffer.Position = 0;
        return new XLWorkbook(buffer);
    }

    private static List<string> PdfPages(FollowUpDocument document)
    {
        using var buffer = new MemoryStream();
        FollowUpPdf.Write(document, buffer);
        using var pdf = PdfDocument.Open(buffer.ToArray());
        return pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))).ToList();
    }

    [Fact]
    public async Task Xlsx_OfAClosedFollowUp_ReadsBackCellByCell()
    {
        var document = await ClosedAprilAsync();

        using var workbook = Xlsx(document);

        Assert.Equal([FollowUpXlsx.SummarySheet, FollowUpXlsx.DetailSheet, FollowUpXlsx.RiskSheet], workbook.Worksheets.Select(w => w.Name));
        var ws = workbook.Worksheet(FollowUpXlsx.SummarySheet);
        Assert.Equal("FORMATO SEGUIMIENTO AL PLAN ANTICORRUPCIÓN Y DE ATENCIÓN AL CIUDADANO", ws.Cell(1, 1).GetString());
        Assert.Equal("", ws.Cell(2, 1).GetString());
        Assert.Equal(("Entidad", "Alcaldía de Prueba"), (ws.Cell(3, 1).GetString(), ws.Cell(3, 2).GetString()));
        Assert.Equal(2026, ws.Cell(4, 2).GetValue<int>());
        Assert.Equal("Sin publicar", ws.Cell(5, 2).GetString());
        Assert.Equal(new DateTime(2026, 4, 30), ws.Cell(6, 2).GetDateTime());
        Assert.Equal("dd/mm/yyyy", ws.Cell(6, 2).Style.NumberFormat.Format);
        Assert.Equal(new DateTime(2026, 5, 15), ws.Cell(8, 2).GetDateTime());
        Assert.Equal(document.Sha256, ws.Cell(10, 2).GetString());
        var header = FollowUpXlsx.SummaryHeaderRow;
        Assert.Equal(["Componente", "Actividades programadas", "Actividades cumplidas", "% de avance", "Acciones programadas", "Acciones cumplidas",
                "Avance promedio verificado", "Zona", "Observaciones"],
            Enumerable.Range(1, 9).Select(c => ws.Cell(header, c).GetString()));
        object[][] expected =
        [
            ["1. GESTIÓN DEL RIESGO DE CORRUPCIÓN", 1, 1, 1.0, 2, 2, 1.0, "Alta", ""],
            ["2. RENDICIÓN DE CUENTAS", 1, 0, 0.0, 5, 3, 0.68, "Baja", "Dos acciones con rezago; se recomienda un plan de mejora."],
            ["Total", 2, 1, 0.5, 7, 5, 0.771, "Baja", ""],
        ];
        for (var i = 0; i < expected.Length; i++)
        {
            var row = header + 1 + i;
            Assert.Equal(expected[i][0], ws.Cell(row, 1).GetString());
            Assert.Equal(expected[i][1], ws.Cell(row, 2).GetValue<int>());
            Assert.Equal(expected[i][2], ws.Cell(row, 3).GetValue<int>());
            Assert.Equal((double)expected[i][3], ws.Cell(row, 4).GetDouble(), 6);
            Assert.Equal(expected[i][4], ws.Cell(row, 5).GetValue<int>());
            Assert.Equal(expected[i][5], ws.Cell(row, 6).GetValue<int>());
            Assert.Equal((double)expected[i][6], ws.Cell(row, 7).GetDouble(), 6);
            Assert.Equal("0.0%", ws.Cell(row, 4).Style.NumberFormat.Format);
            Assert.Equal(expected[i][7], ws.Cell(row, 8).GetString());
            Assert.Equal(expected[i][8], ws.Cell(row, 9).GetString());
        }
        Assert.True(ws.Column(9).Width >= 50);
        Assert.Contains("difiere de la programación y los reportes aceptados en 4 acciones", ws.Cell(header + 6, 1).GetString(), StringComparison.Ordinal);

        var detail = workbook.Worksheet(FollowUpXlsx.DetailSheet);
        Assert.Equal("Acción", detail.Cell(3, 2).GetString());
        var b2 = detail.RowsUsed().Single(r => r.Cell(2).GetString() == "2.1.1.2");
        Assert.Equal(("Sin avance", 0d, "No se ha elaborado el informe."), (b2.Cell(10).GetString(), b2.Cell(11).GetDouble(), b2.Cell(13).GetString()));
        Assert.Contains("Devuelto", b2.Cell(14).GetString(), StringComparison.Ordinal);
        Assert.Contains("Falta el acta de aprobación", b2.Cell(14).GetString(), StringComparison.Ordinal);
        var b1 = detail.RowsUsed().Single(r => r.Cell(2).GetString() == "2.1.1.1");
        Assert.Equal((4d, 4d), (b1.Cell(7).GetDouble(), b1.Cell(8).GetDouble()));
        Assert.Contains("actas-febrero.pdf: " + new string('a', 64), b1.Cell(15).GetString(), StringComparison.Ordinal);
        var a3 = detail.RowsUsed().Single(r => r.Cell(2).GetString() == "1.1.1.3");
        Assert.Equal("Sin cronograma", a3.Cell(7).GetString());
        Assert.Contains("La entidad no tiene mapa de riesgos de corrupción registrado en Vigía para la vigencia", workbook.Worksheet(FollowUpXlsx.RiskSheet).Cell(3, 1).GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Xlsx_CodesAndTextsThatLookLikeNumbersOrDates_StayText()
    {
        var closed = await ClosedAprilAsync();
        var s = closed.Snapshot;
        // Components without subcomponents number their activities 2.1, so the first action is 2.1.1: a date to a spreadsheet.
        var component = s.Components[1] with
        {
            Observations = "1.5",
            Actions = [.. s.Components[1].Actions.Select(a => a with { ActivityCode = "2.1", Goal = "30-4" })],
        };
        var document = closed with { Snapshot = s with { Components = [s.Components[0], component] } };
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = SpanishFormat.Culture;
        try
        {
            using var workbook = Xlsx(document);

            var detail = workbook.Worksheet(FollowUpXlsx.DetailSheet);
            var first = detail.Row(4 + s.Components[0].Actions.Count);
            Assert.Equal((XLDataType.Text, "2.1.1"), (first.Cell(2).DataType, first.Cell(2).GetString()));
            Assert.Equal((XLDataType.Text, "30-4"), (first.Cell(4).DataType, first.Cell(4).GetString()));
            var observations = workbook.Worksheet(FollowUpXlsx.SummarySheet).Cell(FollowUpXlsx.SummaryHeaderRow + 2, 9);
            Assert.Equal((XLDataType.Text, "1.5"), (observations.DataType, observations.GetString()));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public async Task Xlsx_TextsThatStartLikeFormulas_AreWrittenAsTextNeverAsFormulas()
    {
        const string Formula = "=HYPERLINK(\"http://x\",\"y\")";
        var closed = await ClosedAprilAsync();
        var s = closed.Snapshot;
        var component = s.Components[1] with
        {
            Observations = Formula,
            Actions = [.. s.Components[1].Actions.Select(a => a with { Goal = "+57 300", ActivityName = "@SUM(A1)" })],
        };
        var document = closed with { Snapshot = s with { Components = [s.Components[0], component] } };

        using var workbook = Xlsx(document);

        var observations = workbook.Worksheet(FollowUpXlsx.SummarySheet).Cell(FollowUpXlsx.SummaryHeaderRow + 2, 9);
        Assert.False(observations.HasFormula);
        Assert.Equal((XLDataType.Text, Formula), (observations.DataType, observations.GetString()));
        var first = workbook.Worksheet(FollowUpXlsx.DetailSheet).Row(4 + s.Components[0].Actions.Count);
        Assert.False(first.Cell(4).HasFormula);
        Assert.Equal("+57 300", first.Cell(4).GetString());
        Assert.EndsWith("@SUM(A1)", first.Cell(3).GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(workbook.Worksheets.SelectMany(w => w.CellsUsed()), c => c.HasFormula);
    }

    [Fact]
    public async Task Xlsx_EveryCodeCell_IsTextWithTheSnapshotsCode_AndEveryFigureANumber()
    {
        var document = await ClosedAprilAsync();
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = SpanishFormat.Culture;
        try
        {
            using var workbook = Xlsx(document);

            var detail = workbook.Worksheet(FollowUpXlsx.DetailSheet);
            var actions = document.Snapshot.Actions.ToList();
            for (var i = 0; i < actions.Count; i++)
            {
                var row = detail.Row(4 + i);
                Assert.Equal((XLDataType.Text, actions[i].Code), (row.Cell(2).DataType, row.Cell(2).GetString()));
                Assert.Equal((XLDataType.Text, $"{actions[i].ActivityCode} {actions[i].ActivityName}"), (row.Cell(3).DataType, row.Cell(3).GetString()));
                Assert.Equal(actions[i].Schedule.Count == 0 ? XLDataType.Text : XLDataType.Number, row.Cell(7).DataType);
            }
            var summary = workbook.Worksheet(FollowUpXlsx.SummarySheet);
            for (var row = FollowUpXlsx.SummaryHeaderRow + 1; row <= FollowUpXlsx.SummaryHeaderRow + 3; row++)
            {
                Assert.All(new[] { 2, 3, 4, 5, 6, 7 }, c => Assert.Equal(XLDataType.Number, summary.Cell(row, c).DataType));
            }
            Assert.Equal(XLDataType.DateTime, summary.Cell(6, 2).DataType);
            Assert.Equal(XLDataType.Number, summary.Cell(4, 2).DataType);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public async Task Xlsx_OfALatePublication_SaysSoAsThePdfDoes()
    {
        var closed = await ClosedAprilAsync();
        var late = closed with { Status = FollowUpStatus.Published, PublishedOn = new DateOnly(2026, 5, 20), PublishedLate = true };

        using var workbook = Xlsx(late);

        var ws = workbook.Worksheet(FollowUpXlsx.SummarySheet);
        Assert.Equal(new DateTime(2026, 5, 20), ws.Cell(5, 2).GetDateTime());
        Assert.Equal(("Oportunidad de la publicación", "Publicado fuera del plazo (vencía el 15 de mayo de 2026)"),
            (ws.Cell(11, 1).GetString(), ws.Cell(11, 2).GetString()));
        Assert.Contains("publicado fuera del plazo", string.Join(" ", PdfPages(late)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Xlsx_OfADraft_IsMarkedBorradorOnEverySheet()
    {
        var document = (await Documents().ForCutOffAsync(Seeded.PlanId, FollowUpFixture.April))!;

        using var workbook = Xlsx(document);

        Assert.All(workbook.Worksheets, ws => Assert.StartsWith(FollowUpText.DraftMark, ws.Cell(2, 1).GetString(), StringComparison.Ordinal));
        var ws = workbook.Worksheet(FollowUpXlsx.SummarySheet);
        Assert.Equal("Sin publicar (borrador)", ws.Cell(5, 2).GetString());
        Assert.Equal(2, ws.Cell(FollowUpXlsx.SummaryHeaderRow + 3, 2).GetValue<int>());
        Assert.Equal(6, ws.Cell(FollowUpXlsx.SummaryHeaderRow + 3, 5).GetValue<int>());
        Assert.Equal("Sin valorar", workbook.Worksheet(FollowUpXlsx.DetailSheet).Cell(4, 10).GetString());
    }

    [Fact]
    public async Task Pdf_OfAClosedFollowUp_HasHeaderAccentsAndPageNumbersOnEveryPage()
    {
        var document = await ClosedAprilAsync();

        var pages = PdfPages(document);

        Assert.True(pages.Count >= 2, $"{pages.Count} pages");
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains("FORMATO SEGUIMIENTO AL PLAN ANTICORRUPCIÓN Y DE ATENCIÓN AL CIUDADANO", pages[i], StringComparison.Ordinal);
            Assert.Contains("Entidad: Alcaldía de Prueba", pages[i], StringComparison.Ordinal);
            Assert.Contains("Corte: 30 de abril de 2026", pages[i], StringComparison.Ordinal);
            Assert.Contains($"Página {i + 1} de {pages.Count}", pages[i], StringComparison.Ordinal);
            Assert.DoesNotContain(FollowUpText.DraftMark, pages[i], StringComparison.Ordinal);
        }
        var all = string.Join(" ", pages);
        Assert.Contains("2. RENDICIÓN DE CUENTAS 1 0 0 % 5 3 68 % Baja", all, StringComparison.Ordinal);
        Assert.Contains("Total 2 1 50 % 7 5 77,1 % Baja", all, StringComparison.Ordinal);
        Assert.Contains("difiere de la programación y los reportes aceptados en 4 acciones", all, StringComparison.Ordinal);
        Assert.Contains("Actualizar la política de riesgos", all, StringComparison.Ordinal);
        Assert.Contains("niñas, niños", all, StringComparison.Ordinal);
        Assert.Contains(document.Sha256!, all, StringComparison.Ordinal);
        Assert.Contains("mapa de riesgos de corrupción", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdf_OfADraft_SaysBorradorOnEveryPage()
    {
        var db = Db();
        // Long observations make the draft run over several pages.
        for (var i = 0; i < 6; i++)
        {
            await Service(db).AssessAsync(FollowUpFixture.InternalControl, Seeded.PlanId, FollowUpFixture.April, Seeded.Actions["B3"],
                new AssessmentInput(AssessmentStatus.InProgress, 40, null, string.Concat(Enumerable.Repeat("Observación extensa con tildes: acción, gestión, público. ", 40))));
        }
        var document = (await Documents().ForCutOffAsync(Seeded.PlanId, FollowUpFixture.April))!;

        var pages = PdfPages(document);

        Assert.True(pages.Count >= 2);
        Assert.All(pages, p => Assert.Contains(FollowUpText.DraftMark, p, StringComparison.Ordinal));
        Assert.All(pages, p => Assert.Contains($"de {pages.Count}", p, StringComparison.Ordinal));
        Assert.Contains("Sin valorar", string.Join(" ", pages), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("pdf")]
    public async Task Cli_FollowUpReport_WritesTheFile(string format)
    {
        await ClosedAprilAsync();
        var file = Path.Combine(Path.GetTempPath(), $"vigia-seguimiento-{Guid.NewGuid():N}.{format}");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Vigia"] = ConnectionString,
            ["Audit:KeyFile"] = Path.Combine(Path.GetTempPath(), "vigia-tests", Guid.NewGuid().ToString("N"), "audit-key"),
        }).Build();
        using var output = new StringWriter();
        using var error = new StringWriter();
        try
        {
            var exit = await CliApp.RunAsync(["followup", "report", "--year", "2026", "--cutoff", "2026-04-30", "--format", format, "--out", file],
                new CliContext(output, error, CancellationToken.None), [new FollowUpCommand(configuration, Clock)]);

            Assert.True(exit == ExitCodes.Success, error.ToString());
            Assert.Contains("versión 1", output.ToString(), StringComparison.Ordinal);
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.Equal(format == "pdf" ? "%PDF"u8.ToArray() : "PK"u8.ToArray(), bytes.Take(format == "pdf" ? 4 : 2));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Cli_FollowUpReport_UnknownCutOff_Fails()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Vigia"] = ConnectionString,
            ["Audit:KeyFile"] = Path.Combine(Path.GetTempPath(), "vigia-tests", Guid.NewGuid().ToString("N"), "audit-key"),
        }).Build();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await CliApp.RunAsync(["followup", "report", "--year", "2026", "--cutoff", "2026-05-31", "--format", "pdf", "--out", "x.pdf"],
            new CliContext(output, error, CancellationToken.None), [new FollowUpCommand(configuration, Clock)]);

        Assert.Equal(ExitCodes.Failure, exit);
        Assert.Contains("2026-04-30", error.ToString(), StringComparison.Ordinal);
    }
}
