using System.Text.Json;

namespace Vigia.Web.Tests.Api;

/// <summary>The risk methods (/api/risk-methods), loaded at start-up from Core's embedded method files.</summary>
public abstract class RiskMethodApiTests(VigiaFactory app)
{
    private readonly TestClient client = app.Anonymous();

    [Fact]
    public async Task List_HasTheThreeMethods_AndV6IsCurrent()
    {
        using var doc = JsonDocument.Parse(await client.GetStringAsync("/api/risk-methods"));

        var methods = doc.RootElement.EnumerateArray().ToList();
        Assert.Equal(["dafp-2015", "dafp-v5", "dafp-v6"], methods.Select(m => m.GetProperty("code").GetString()));
        Assert.Equal(["dafp-v6"], methods.Where(m => m.GetProperty("current").GetBoolean()).Select(m => m.GetProperty("code").GetString()));
        Assert.All(methods, m => Assert.StartsWith("/api/v1/risk-methods/", m.GetProperty("href").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task One_PublishesTheWholeMethod_WithTheHeatMapAsCells()
    {
        using var list = JsonDocument.Parse(await client.GetStringAsync("/api/risk-methods"));
        var href = list.RootElement.EnumerateArray().Single(m => m.GetProperty("code").GetString() == "dafp-v5").GetProperty("href").GetString()!;

        using var doc = JsonDocument.Parse(await client.GetStringAsync(href));

        var root = doc.RootElement;
        var cells = root.GetProperty("heatMap").EnumerateArray().ToList();
        Assert.Equal(25, cells.Count);
        var cell = cells.Single(c => c.GetProperty("probability").GetInt32() == 2 && c.GetProperty("impact").GetInt32() == 3);
        Assert.Equal(("Baja", "Moderado", "moderado", "Moderado"), (cell.GetProperty("probabilityName").GetString(), cell.GetProperty("impactName").GetString(),
            cell.GetProperty("zone").GetString(), cell.GetProperty("zoneName").GetString()));
        Assert.Equal(19, root.GetProperty("corruptionImpact").GetProperty("questions").GetArrayLength());
        var type = root.GetProperty("controls").GetProperty("attributes")[0];
        Assert.Equal(("tipo", 25m, "probability"), (type.GetProperty("code").GetString(), type.GetProperty("options")[0].GetProperty("weight").GetDecimal(),
            type.GetProperty("options")[0].GetProperty("affects").GetString()));
        Assert.False(root.GetProperty("residual").GetProperty("corruptionImpactMoves").GetBoolean());
        Assert.Equal(64, root.GetProperty("sha256").GetString()!.Length);
    }

    [Fact]
    public async Task One_Unknown_Is404InSpanish()
    {
        var response = await client.GetAsync("/api/risk-methods/999999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("No hay un método de valoración", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

[Collection(SharedHosts.SqliteSmallPlan)]
public sealed class SqliteRiskMethodApiTests(SqliteApp app) : RiskMethodApiTests(app);

[Collection(SharedHosts.PostgresSmallPlan)]
public sealed class PostgresRiskMethodApiTests(PostgresApp app) : RiskMethodApiTests(app);
