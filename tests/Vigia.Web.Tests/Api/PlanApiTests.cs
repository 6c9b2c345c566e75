using System.Text.Json;

namespace Vigia.Web.Tests.Api;

/// <summary>The plan API (/api/plans/{year}) on the bundled Cali 2022 plan.</summary>
public abstract class PlanApiTests(VigiaFactory app)
{
    private readonly TestClient client = app.Anonymous();

    [Fact]
    public async Task Get_ReturnsTheWholePlan()
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
    public async Task Get_CarriesThePublishedVersionAndItsStatus()
    {
        using var doc = JsonDocument.Parse(await client.GetStringAsync("/api/plans/2022"));

        Assert.Equal(("Published", 1), (doc.RootElement.GetProperty("status").GetString(), doc.RootElement.GetProperty("version").GetInt32()));
    }
}

[Collection(SharedHosts.SqliteBundledPlan)]
public sealed class SqlitePlanApiTests(SqliteBundledPlanApp app) : PlanApiTests(app);

[Collection(SharedHosts.PostgresBundledPlan)]
public sealed class PostgresPlanApiTests(PostgresBundledPlanApp app) : PlanApiTests(app);
