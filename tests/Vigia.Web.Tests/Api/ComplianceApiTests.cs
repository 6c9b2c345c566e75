using System.Text.Json;
using Vigia.Web.Tests.Pages.Compliance;

namespace Vigia.Web.Tests.Api;

/// <summary>The compliance API (/api/plans/{year}/compliance) over a known execution of the bundled plan's activity
/// 3.1.4 (<see cref="KnownExecution"/>).</summary>
public abstract class ComplianceApiTests(VigiaFactory app)
{
    private readonly TestClient client = app.Anonymous();

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        await KnownExecution.EnsureAsync(app);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static JsonElement Component(JsonElement root, int number) =>
        root.GetProperty("components").EnumerateArray().Single(c => c.GetProperty("number").GetInt32() == number).GetProperty("compliance");

    private static (int Activities, int Actions) Counts(JsonElement counts) =>
        (counts.GetProperty("activities").GetInt32(), counts.GetProperty("actions").GetInt32());

    [Fact]
    public async Task Get_HasThePlanAndItsSixComponents()
    {
        var root = await GetJsonAsync($"/api/plans/2022/compliance?at={KnownExecution.At}");

        Assert.Equal(2022, root.GetProperty("year").GetInt32());
        Assert.Equal(KnownExecution.At, root.GetProperty("at").GetString());
        Assert.Equal(4, root.GetProperty("monthsCounted").GetInt32());
        Assert.False(root.GetProperty("simulated").GetBoolean());
        Assert.Equal(60, root.GetProperty("bands").GetProperty("mediumFrom").GetInt32());
        Assert.Equal(80, root.GetProperty("bands").GetProperty("highFrom").GetInt32());
        Assert.Equal(6, root.GetProperty("components").GetArrayLength());
        Assert.Equal("RENDICIÓN DE CUENTAS", root.GetProperty("components")[2].GetProperty("name").GetString());
        foreach (var property in new[] { "total", "programmed", "completed", "percentage", "band", "scheduled", "weightedProgress", "yearProgress" })
        {
            Assert.True(root.GetProperty("plan").TryGetProperty(property, out _), property);
        }
        // The weighted means carry no band (issue 9).
        Assert.False(root.GetProperty("plan").TryGetProperty("yearBand", out _));
        Assert.Equal(86, root.GetProperty("plan").GetProperty("total").GetProperty("actions").GetInt32());
        Assert.Equal(Vigia.Core.Compliance.OfficialCompliance.Explanation, root.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Get_AtTheFirstCutOff_GivesTheKnownFigures()
    {
        var root = await GetJsonAsync($"/api/plans/2022/compliance?at={KnownExecution.At}");

        var component3 = Component(root, 3);
        Assert.Equal((1, 3), Counts(component3.GetProperty("programmed")));
        Assert.Equal((0, 1), Counts(component3.GetProperty("completed")));
        Assert.Equal(0m, component3.GetProperty("percentage").GetDecimal());
        Assert.Equal("baja", component3.GetProperty("band").GetString());
        Assert.Equal(54.17m, component3.GetProperty("weightedProgress").GetDecimal());
        var plan = root.GetProperty("plan");
        Assert.Equal(0m, plan.GetProperty("percentage").GetDecimal());
        Assert.Equal("baja", plan.GetProperty("band").GetString());
        Assert.Equal(54.17m, plan.GetProperty("weightedProgress").GetDecimal());
        Assert.Equal(JsonValueKind.Null, Component(root, 1).GetProperty("percentage").ValueKind);
        Assert.Equal(JsonValueKind.Null, Component(root, 1).GetProperty("band").ValueKind);
        Assert.False(Component(root, 1).GetProperty("scheduled").GetBoolean());
        Assert.True(component3.GetProperty("scheduled").GetBoolean());
    }

    [Fact]
    public async Task Get_YearProgressCountsUnscheduledActionsAgainstTheirTargets()
    {
        var root = await GetJsonAsync($"/api/plans/2022/compliance?at={KnownExecution.At}");

        await using var db = app.Database.CreateContext();
        var measured = await db.Actions.CountAsync(a => a.Activity!.Component!.Number == 3 && (a.TargetQuantity > 0 || a.Schedule.Any()));
        // 3.1.4-1 and 3.1.4-2 are at 50 % of their year's target; every other action of component 3 at 0 %.
        Assert.Equal(Math.Round(100m / measured, 2), Component(root, 3).GetProperty("yearProgress").GetDecimal());
    }

    [Fact]
    public async Task Get_LaterDate_CountsMay()
    {
        var root = await GetJsonAsync("/api/entities/alcaldia-de-santiago-de-cali/plans/2022/compliance?at=2022-05-31");

        // 3.1.4-1: 3.500 of 5.000 → 70 %; 3.1.4-2: 100 %; 3.1.4-4: 0 % → weighted 56,67 %; activity 3.1.4 still short.
        Assert.Equal(56.67m, Component(root, 3).GetProperty("weightedProgress").GetDecimal());
        Assert.Equal(0m, Component(root, 3).GetProperty("percentage").GetDecimal());
        Assert.Equal(5, root.GetProperty("monthsCounted").GetInt32());
        Assert.Equal("alcaldia-de-santiago-de-cali", root.GetProperty("entitySlug").GetString());
    }

    [Fact]
    public async Task Get_WithoutDate_IsTodayInColombia()
    {
        var root = await GetJsonAsync("/api/plans/2022/compliance");

        var today = TestTime.ColombianDate(app.Clock);
        Assert.Equal(today, root.GetProperty("at").GetString());
        Assert.Equal(12, root.GetProperty("monthsCounted").GetInt32());
        Assert.Equal("baja", root.GetProperty("plan").GetProperty("band").GetString());
    }

    [Theory]
    [InlineData("30-04-2022")]
    [InlineData("2022-02-30")]
    [InlineData("mañana")]
    public async Task Get_BadDate_Returns400WithASpanishProblem(string at)
    {
        var response = await client.GetAsync($"/api/plans/2022/compliance?at={Uri.EscapeDataString(at)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Fecha no válida", problem.GetProperty("title").GetString());
        Assert.Contains("AAAA-MM-DD", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_UnknownYear_Returns404()
    {
        var response = await client.GetAsync("/api/plans/1999/compliance");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

[Collection(SharedHosts.SqliteBundledPlan)]
public sealed class SqliteComplianceApiTests(SqliteBundledPlanApp app) : ComplianceApiTests(app);

[Collection(SharedHosts.PostgresBundledPlan)]
public sealed class PostgresComplianceApiTests(PostgresBundledPlanApp app) : ComplianceApiTests(app);
