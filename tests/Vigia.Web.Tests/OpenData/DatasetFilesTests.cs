using System.Text.Json;
using ClosedXML.Excel;
using Vigia.Core.OpenData;

namespace Vigia.Web.Tests.OpenData;

/// <summary>Issue 13: every dataset of the registry in CSV, JSON and XLSX, each with the data dictionary as its header,
/// and the XLSX typed by the dictionary (codes as text, numbers as numbers, dates as dates).</summary>
public abstract class DatasetFilesTests(VigiaFactory app)
{
    private readonly TestClient client = app.Anonymous();

    public static TheoryData<string, string> Files() => new()
    {
        { "acciones", "/datos/alcaldia-de-prueba/2022/acciones" },
        { "programacion", "/datos/alcaldia-de-prueba/2022/programacion" },
        { "avance-mensual", "/datos/alcaldia-de-prueba/2022/avance-mensual" },
        { "seguimientos", "/datos/alcaldia-de-prueba/2022/seguimientos" },
        { "seguimientos-consolidado", "/datos/alcaldia-de-prueba/2022/seguimientos-consolidado" },
        { "riesgos", "/datos/alcaldia-de-prueba/2026/riesgos" },
        { "riesgos-monitoreo", "/datos/alcaldia-de-prueba/2026/riesgos-monitoreo" },
        { "riesgos-materializaciones", "/datos/alcaldia-de-prueba/2026/riesgos-materializaciones" },
        { "puntos-de-control-auditoria", "/datos/auditoria/puntos-de-control" },
        { "cumplimiento-nacional", "/datos/2022/nacional" },
        { "cumplimiento-departamental", "/datos/2022/departamentos/valle-del-cauca" },
        { "consulta", "/datos/alcaldia-de-prueba/2022/consulta" },
    };

    [Fact]
    public void Files_CoverEveryDatasetOfTheRegistry() =>
        Assert.Equal(OpenDatasets.All.Select(d => d.Slug), Files().Select(row => (string)row[0]));

    [Theory]
    [MemberData(nameof(Files))]
    public async Task CsvJsonAndXlsx_HaveTheDictionaryAsTheirHeader(string slug, string path)
    {
        await OpenDataArrange.EverythingAsync(app);
        var dataset = OpenDatasets.Find(slug)!;

        var csv = await client.GetAsync(path + ".csv");
        var json = await client.GetAsync(path + ".json");
        var xlsx = await client.GetAsync(path + ".xlsx");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (csv.StatusCode, json.StatusCode, xlsx.StatusCode));
        Assert.Equal(["text/csv", "application/json", OpenDataset.MediaType("xlsx")],
            new[] { csv, json, xlsx }.Select(r => r.Content.Headers.ContentType!.MediaType));
        Assert.All(new[] { csv, json, xlsx }, r => Assert.Contains("<https://creativecommons.org/licenses/by-sa/4.0/>; rel=\"license\"", r.Headers.GetValues("Link")));
        var rows = Csv.Parse(await csv.Content.ReadAsStringAsync());
        Assert.Equal(dataset.ColumnNames, rows[0]);
        Assert.True(rows.Count > 1, "the arrangement publishes at least one row of every dataset");
        using var doc = JsonDocument.Parse(await json.Content.ReadAsStringAsync());
        var objects = doc.RootElement.EnumerateArray().ToList();
        Assert.Equal(rows.Count - 1, objects.Count);
        Assert.All(objects, o => Assert.Equal(dataset.ColumnNames, o.EnumerateObject().Select(p => p.Name)));

        using var workbook = new XLWorkbook(await xlsx.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheet(DatasetXlsx.DataSheet);
        Assert.Equal(dataset.ColumnNames, Enumerable.Range(1, dataset.Columns.Count).Select(c => sheet.Cell(1, c).GetString()));
        Assert.Equal(rows.Count, sheet.LastRowUsed().RowNumber());
        var dictionary = workbook.Worksheet(DatasetXlsx.DictionarySheet);
        Assert.Equal(dataset.Columns.Select(c => c.Meaning), Enumerable.Range(2, dataset.Columns.Count).Select(r => dictionary.Cell(r, 3).GetString()));
        // Every non-empty cell has its column's type, and the same text as the CSV once read back.
        for (var r = 1; r < rows.Count; r++)
        {
            for (var c = 0; c < dataset.Columns.Count; c++)
            {
                var cell = sheet.Cell(r + 1, c + 1);
                var text = CsvFormatUnescape(rows[r][c]);
                if (text.Length == 0)
                {
                    Assert.True(cell.IsEmpty(), $"{slug} {dataset.Columns[c].Name} row {r}");
                    continue;
                }
                var expected = dataset.Columns[c].Type switch
                {
                    ColumnType.WholeNumber or ColumnType.DecimalNumber => XLDataType.Number,
                    ColumnType.Date or ColumnType.DateTimeUtc => XLDataType.DateTime,
                    _ => XLDataType.Text,
                };
                Assert.True(expected == cell.DataType, $"{slug} {dataset.Columns[c].Name}: {cell.DataType}, expected {expected}");
                if (expected == XLDataType.Text)
                {
                    Assert.Equal(text, cell.GetString());
                }
            }
        }
    }

    [Fact]
    public async Task Xlsx_KeepsCodesAsTextAndFormulasInert()
    {
        await OpenDataArrange.EverythingAsync(app);

        using var actions = new XLWorkbook(await (await client.GetAsync("/datos/2022/acciones.xlsx")).Content.ReadAsStreamAsync());
        using var followUps = new XLWorkbook(await (await client.GetAsync("/datos/2022/seguimientos.xlsx")).Content.ReadAsStreamAsync());

        var code = actions.Worksheet(DatasetXlsx.DataSheet).Cell(2, 3);
        Assert.Equal(XLDataType.Text, code.DataType);
        Assert.Matches(@"^\d+\.\d+", code.GetString());
        var observations = followUps.Worksheet(DatasetXlsx.DataSheet).Cell(2, OpenDatasets.FollowUps.ColumnNames.ToList().IndexOf("observaciones") + 1);
        Assert.False(observations.HasFormula);
        Assert.Equal("=SUMA(A1)", observations.GetString());
        var cutOff = followUps.Worksheet(DatasetXlsx.DataSheet).Cell(2, 3);
        Assert.Equal(new DateTime(2022, 4, 30), cutOff.GetDateTime());
    }

    private static string CsvFormatUnescape(string field) => CsvFormat.Unescape(field);
}

[Collection(SharedHosts.SqliteOpenData)]
public sealed class SqliteDatasetFilesTests(SqliteApp app) : DatasetFilesTests(app);

[Collection(SharedHosts.PostgresOpenData)]
public sealed class PostgresDatasetFilesTests(PostgresApp app) : DatasetFilesTests(app);
