using System.Globalization;
using ClosedXML.Excel;
using PdfSharp.Pdf.IO;
using UglyToad.PdfPig;
using Vigia.Core.FollowUps;

namespace Vigia.Core.Tests.FollowUps;

/// <summary>The consolidated follow-up of a year: the cut-offs side by side, read only from the published snapshots.</summary>
public abstract class ConsolidatedFollowUpTests(DatabaseProvider provider) : FollowUpDatabaseTests(provider)
{
    private async Task<FollowUpDocument> PublishedAprilAsync(bool late = false, bool simulated = false)
    {
        if (simulated)
        {
            await using var db = Db();
            await db.ProgressReports.Where(r => r.ActionId == Seeded.Actions["B1"]).ExecuteUpdateAsync(s => s.SetProperty(r => r.IsSimulated, true));
        }
        var closed = await ClosedAprilAsync();
        if (late)
        {
            Clock.Now = FixedClock.At(2026, 5, 20).Now;
        }
        var published = await Lifecycle().PublishAsync(FollowUpFixture.InternalControl, Seeded.PlanId, FollowUpFixture.April);
        Assert.True(published.Succeeded, string.Join("; ", published.Errors.Values));
        return (await Documents().ForVersionAsync(closed.FollowUpId!.Value, publishedOnly: true))!;
    }

    private Task<ConsolidatedFollowUp> ConsolidatedAsync()
    {
        var db = Db();
        return new FollowUpConsolidation(db, new FollowUpCalendar(db, Clock)).LoadAsync(Seeded.PlanId);
    }

    [Fact]
    public async Task Load_PublishedCutOff_CarriesItsSnapshotFigures_AndTheOthersArePending()
    {
        var april = await PublishedAprilAsync();

        var consolidated = await ConsolidatedAsync();

        Assert.Equal([new DateOnly(2026, 4, 30), new DateOnly(2026, 8, 31), new DateOnly(2026, 12, 31)], consolidated.CutOffs.Select(c => c.Date));
        Assert.Equal((april.FollowUpId, april.Sha256, false), (consolidated.CutOffs[0].Published?.FollowUpId, consolidated.CutOffs[0].Published?.Sha256,
            consolidated.CutOffs[0].Published?.Late));
        Assert.True(consolidated.CutOffs[1].Pending);
        Assert.True(consolidated.CutOffs[2].Pending);
        Assert.Equal(april.Snapshot.Components.Select(c => c.Totals), consolidated.Components.Select(c => c.AtCutOff[0]));
        Assert.Equal(april.Snapshot.Totals, consolidated.Total.AtCutOff[0]);
        Assert.All(consolidated.Components.Append(consolidated.Total), row => Assert.Equal([null, null], row.AtCutOff.Skip(1)));
        Assert.Same(consolidated.CutOffs[2], consolidated.Year);
        Assert.False(consolidated.Simulated);
    }

    [Fact]
    public async Task Load_ADraftOrClosedFollowUp_IsStillPending()
    {
        await ClosedAprilAsync();

        var consolidated = await ConsolidatedAsync();

        Assert.All(consolidated.CutOffs, c => Assert.True(c.Pending));
        Assert.Equal(["1. GESTIÓN DEL RIESGO DE CORRUPCIÓN", "2. RENDICIÓN DE CUENTAS", "Total"],
            consolidated.Components.Append(consolidated.Total).Select(r => r.Label));
    }

    [Fact]
    public async Task OpenData_PendingCutOffsHaveEmptyFiguresNeverZero()
    {
        var april = await PublishedAprilAsync(simulated: true);

        var rows = ConsolidatedOpenData.Rows(await ConsolidatedAsync());

        Assert.Equal(3 * 3, rows.Count);
        var total = rows.Single(r => (int)r["seguimiento"]! == 1 && r["componente"] as string == "Total");
        Assert.Equal(("publicado", april.Snapshot.Totals.ProgrammedActivities, april.Snapshot.Totals.CompletedActivities, april.Snapshot.Totals.CompliancePercent, "si"),
            ((string)total["estado"]!, (int?)total["actividades_programadas"], (int?)total["actividades_cumplidas"], (decimal?)total["avance_porcentaje"],
                (string)total["datos_simulados"]!));
        var pending = rows.Where(r => (int)r["seguimiento"]! > 1).ToList();
        Assert.All(pending, r => Assert.Equal(("pendiente", "", "", ""), ((string)r["estado"]!,
            ConsolidatedOpenData.ToCells(r)[12], ConsolidatedOpenData.ToCells(r)[14], ConsolidatedOpenData.ToCells(r)[15])));
    }

    [Fact]
    public async Task Xlsx_ReadsBackTheSnapshotFiguresWithTypedCells_UnderAnotherCulture()
    {
        var april = await PublishedAprilAsync(late: true, simulated: true);
        var consolidated = await ConsolidatedAsync();
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("tr-TR");
        try
        {
            var buffer = new MemoryStream();
            ConsolidatedXlsx.Write(consolidated, buffer);
            buffer.Position = 0;
            using var workbook = new XLWorkbook(buffer);

            var ws = workbook.Worksheet(ConsolidatedXlsx.Sheet);
            Assert.Contains("DATOS SIMULADOS", ws.Cell(2, 1).GetString(), StringComparison.Ordinal);
            Assert.Equal((XLDataType.Number, 2026d), (ws.Cell(4, 2).DataType, ws.Cell(4, 2).GetDouble()));
            var first = ConsolidatedXlsx.CutOffsHeaderRow + 1;
            Assert.Equal((XLDataType.DateTime, new DateTime(2026, 4, 30)), (ws.Cell(first, 2).DataType, ws.Cell(first, 2).GetDateTime()));
            Assert.Equal((XLDataType.DateTime, new DateTime(2026, 5, 20)), (ws.Cell(first, 5).DataType, ws.Cell(first, 5).GetDateTime()));
            Assert.Equal((XLDataType.Number, 1d), (ws.Cell(first, 6).DataType, ws.Cell(first, 6).GetDouble()));
            Assert.StartsWith("Publicado fuera del plazo (vencía el 15 de mayo de 2026)", ws.Cell(first, 7).GetString(), StringComparison.Ordinal);
            Assert.Equal((XLDataType.Text, april.Sha256), (ws.Cell(first, 8).DataType, ws.Cell(first, 8).GetString()));
            Assert.Equal("Pendiente", ws.Cell(first + 1, 4).GetString());

            var top = ConsolidatedXlsx.TableHeaderRow(consolidated);
            Assert.StartsWith("Primer seguimiento: corte del 30 de abril de 2026", ws.Cell(top, ConsolidatedXlsx.GroupColumn(0)).GetString(), StringComparison.Ordinal);
            Assert.StartsWith("Vigencia 2026", ws.Cell(top, ConsolidatedXlsx.GroupColumn(3)).GetString(), StringComparison.Ordinal);
            var expected = april.Snapshot.Components.Select(c => ($"{c.Number}. {c.Name}", c.Totals)).Append(("Total", april.Snapshot.Totals)).ToList();
            for (var i = 0; i < expected.Count; i++)
            {
                var row = ws.Row(top + 2 + i);
                var (name, totals) = expected[i];
                var column = ConsolidatedXlsx.GroupColumn(0);
                Assert.Equal(name, row.Cell(1).GetString());
                Assert.Equal((XLDataType.Number, (double)totals.ProgrammedActivities), (row.Cell(column).DataType, row.Cell(column).GetDouble()));
                Assert.Equal((XLDataType.Number, (double)totals.CompletedActivities), (row.Cell(column + 1).DataType, row.Cell(column + 1).GetDouble()));
                Assert.Equal((XLDataType.Number, (double)(totals.CompliancePercent!.Value / 100m)), (row.Cell(column + 2).DataType, row.Cell(column + 2).GetDouble()));
                Assert.Equal("0.0%", row.Cell(column + 2).Style.NumberFormat.Format);
                Assert.Equal(FollowUpText.Band(totals.Band), row.Cell(column + 3).GetString());
                foreach (var pending in new[] { 1, 2, 3 })
                {
                    Assert.Equal((XLDataType.Text, "Pendiente"), (row.Cell(ConsolidatedXlsx.GroupColumn(pending)).DataType, row.Cell(ConsolidatedXlsx.GroupColumn(pending)).GetString()));
                }
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public async Task Pdf_ShowsTheSameFigures_PendingAndTheLateMark_AndIsTagged()
    {
        var april = await PublishedAprilAsync(late: true);
        var consolidated = await ConsolidatedAsync();
        var buffer = new MemoryStream();
        ConsolidatedPdf.Write(consolidated, buffer);

        using (var pdf = PdfDocument.Open(buffer.ToArray()))
        {
            var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            Assert.Contains("SEGUIMIENTO CONSOLIDADO AL PLAN ANTICORRUPCIÓN", text, StringComparison.Ordinal);
            Assert.Contains("Publicado fuera del plazo (vencía el 15 de mayo de 2026)", text, StringComparison.Ordinal);
            Assert.Contains("Pendiente", text, StringComparison.Ordinal);
            Assert.Contains(FollowUpText.Percent(april.Snapshot.Totals.CompliancePercent), text, StringComparison.Ordinal);
            Assert.Contains($"Página 1 de {pdf.NumberOfPages}", text, StringComparison.Ordinal);
            Assert.DoesNotContain("0,0 % Pendiente", text, StringComparison.Ordinal);
        }
        buffer.Position = 0;
        using var tagged = PdfReader.Open(buffer, PdfDocumentOpenMode.Import);
        var catalog = tagged.Internals.Catalog.Elements;
        Assert.Equal("es-CO", catalog.GetString("/Lang"));
        Assert.True(catalog.GetDictionary("/MarkInfo")!.Elements.GetBoolean("/Marked"));
        Assert.NotNull(catalog.GetDictionary("/StructTreeRoot"));
        Assert.Equal(ConsolidatedPdf.Title(consolidated), tagged.Info.Title);
    }
}

public sealed class SqliteConsolidatedFollowUpTests() : ConsolidatedFollowUpTests(DatabaseProvider.Sqlite);

public sealed class PostgresConsolidatedFollowUpTests() : ConsolidatedFollowUpTests(DatabaseProvider.Postgres);
