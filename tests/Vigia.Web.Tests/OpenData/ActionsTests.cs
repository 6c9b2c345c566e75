using System.Text.Json;
using Vigia.Core.Plans;
using Vigia.Core.Plans.Importing;

namespace Vigia.Web.Tests.OpenData;

/// <summary>The actions of a plan as open data (/datos/{year}/acciones.csv and .json), on the bundled Cali 2022 plan.</summary>
public abstract class ActionsTests(VigiaFactory app)
{
    private static readonly string[] Header =
    [
        "componente", "subcomponente", "actividad_codigo", "actividad", "accion", "descripcion", "meta", "producto",
        "indicador_formula", "meta_cantidad", "meta_unidad", "responsables", "meses_programados",
        "programacion_simulada",
    ];

    private readonly TestClient client = app.Anonymous();

    [Fact]
    public async Task Get_Csv_HasOneRowPerActionUnderASpanishHeader()
    {
        var response = await client.GetAsync("/datos/2022/acciones.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.NotEqual(0xEF, bytes[0]);
        var rows = Csv.Parse(System.Text.Encoding.UTF8.GetString(bytes));
        Assert.Equal(Header, rows[0]);
        Assert.Equal(86, rows.Count - 1);
        Assert.All(rows, r => Assert.Equal(Header.Length, r.Count));
        var a314 = rows.Where(r => r[2] == "3.1.4").ToList();
        Assert.Equal(["5000", "2200", "5000", "700", "400"], a314.Select(r => r[9]));
        Assert.All(rows.Skip(1), r => Assert.Contains(r[10], new[] { "cantidad", "porcentaje" }));
        var first = rows[1];
        Assert.Equal("Departamento Administrativo de Desarrollo e Innovación Institucional / Subdirección de Gestión Organizacional", first[11]);
        Assert.Equal("", first[12]);
    }

    [Fact]
    public async Task Get_Json_HasTheSameRowsAsTheCsv()
    {
        var json = await client.GetStringAsync("/datos/2022/acciones.json");

        using var doc = JsonDocument.Parse(json);
        var rows = doc.RootElement.EnumerateArray().ToList();
        Assert.Equal(86, rows.Count);
        Assert.Equal(Header, rows[0].EnumerateObject().Select(p => p.Name));
        var percentage = rows.First(r => r.GetProperty("actividad_codigo").GetString() == "1.3.4");
        Assert.Equal("porcentaje", percentage.GetProperty("meta_unidad").GetString());
        Assert.Equal(100m, percentage.GetProperty("meta_cantidad").GetDecimal());
        Assert.Equal(0, percentage.GetProperty("meses_programados").GetArrayLength());
    }

    [Fact]
    public async Task Get_UnknownYear_Returns404InSpanish()
    {
        var response = await client.GetAsync("/datos/1999/acciones.csv");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("No hay un plan", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_TwoEntitiesWithPlansForTheYear_TheShortAddressAsksForTheEntity()
    {
        await ImportSeedAsAsync("Municipio de Prueba", 2021);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/datos/2021/acciones.json")).StatusCode);
        await ImportSeedAsAsync("Otro Municipio", 2021);

        var shortAddress = await client.GetAsync("/datos/2021/acciones.csv");
        var byEntity = await client.GetAsync("/datos/municipio-de-prueba/2021/acciones.csv");
        var apiByEntity = await client.GetAsync("/api/entities/otro-municipio/plans/2021");
        var wrongEntity = await client.GetAsync("/api/entities/alcaldia-de-santiago-de-cali/plans/2021");

        Assert.Equal(HttpStatusCode.NotFound, shortAddress.StatusCode);
        Assert.Contains("/datos/municipio-de-prueba/2021/acciones.csv", await shortAddress.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, byEntity.StatusCode);
        Assert.Equal(HttpStatusCode.OK, apiByEntity.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrongEntity.StatusCode);
    }

    private async Task ImportSeedAsAsync(string entity, int year)
    {
        await using var scope = app.Scope();
        var importer = scope.ServiceProvider.GetRequiredService<PlanImportService>();
        using var reader = File.OpenText(Path.Combine(AppContext.BaseDirectory, "data", "paac-cali-2022.txt"));
        var outcome = await importer.ImportAsync(PlanDocumentReader.ReadText(reader), new PlanImportOptions(Year: year, EntityName: entity), "prueba");
        Assert.True(outcome.Succeeded);
    }
}

public sealed class SqliteActionsTests(SqliteBundledPlanApp app) : ActionsTests(app), IClassFixture<SqliteBundledPlanApp>;

public sealed class PostgresActionsTests(PostgresBundledPlanApp app) : ActionsTests(app), IClassFixture<PostgresBundledPlanApp>;
