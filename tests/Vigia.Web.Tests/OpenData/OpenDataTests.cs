using System.Text.Json;
using Vigia.Core.Plans;
using Vigia.Core.Plans.Importing;
using Vigia.Web.Tests.Infrastructure;

namespace Vigia.Web.Tests.OpenData;

public abstract class OpenDataTests(VigiaFactory factory)
{
    private static readonly string[] Header =
    [
        "componente", "subcomponente", "actividad_codigo", "actividad", "accion", "descripcion", "meta", "producto",
        "indicador_formula", "meta_cantidad", "meta_unidad", "responsables", "meses_programados",
    ];

    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task Get_ActionsCsv_OneRowPerActionWithSpanishHeader()
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
    public async Task Get_ActionsJson_SameRowsAsCsv()
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
    public async Task Get_PlanApi_ReturnsWholePlan()
    {
        var json = await client.GetStringAsync("/api/plans/2022");

        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal(2022, root.GetProperty("year").GetInt32());
        var components = root.GetProperty("components").EnumerateArray().ToList();
        Assert.Equal(6, components.Count);
        var activities = components.SelectMany(c => c.GetProperty("activities").EnumerateArray()
            .Concat(c.GetProperty("subcomponents").EnumerateArray().SelectMany(s => s.GetProperty("activities").EnumerateArray()))).ToList();
        Assert.Equal(62, activities.Count);
        Assert.Equal(86, activities.Sum(a => a.GetProperty("actions").GetArrayLength()));
        Assert.Empty(components[1].GetProperty("subcomponents").EnumerateArray());
    }

    [Fact]
    public async Task Get_UnknownYear_Returns404InSpanish()
    {
        var response = await client.GetAsync("/datos/1999/acciones.csv");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("No hay un plan", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_TwoEntitiesWithPlansForTheYear_ShortAddressAsksForTheEntity()
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
        await using var scope = factory.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<PlanImportService>();
        using var reader = File.OpenText(Path.Combine(AppContext.BaseDirectory, "data", "paac-cali-2022.txt"));
        var outcome = await importer.ImportAsync(PlanDocumentReader.ReadText(reader), new PlanImportOptions(Year: year, EntityName: entity), "prueba");
        Assert.True(outcome.Succeeded);
    }
}

[Collection("sqlite")]
public class SqliteOpenDataTests(SqliteVigiaFactory factory) : OpenDataTests(factory), IClassFixture<SqliteVigiaFactory>;

[Collection("postgres")]
public class PostgresOpenDataTests(PostgresVigiaFactory factory) : OpenDataTests(factory), IClassFixture<PostgresVigiaFactory>;
