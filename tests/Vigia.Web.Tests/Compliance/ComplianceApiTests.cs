using System.Globalization;
using System.Text.Json;
using Vigia.Core.Colombia;
using Vigia.Web.Tests.Infrastructure;

namespace Vigia.Web.Tests.Compliance;

public abstract class ComplianceApiTests(VigiaFactory factory)
{
    private readonly HttpClient client = factory.CreateClient();

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        await KnownExecution.EnsureAsync(factory);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static JsonElement Component(JsonElement root, int number) =>
        root.GetProperty("components").EnumerateArray().Single(c => c.GetProperty("number").GetInt32() == number).GetProperty("compliance");

    [Fact]
    public async Task Get_Compliance_ShapeWithPlanAndSixComponents()
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
        foreach (var property in new[] { "actions", "plannedActions", "executedActions", "percentage", "band", "yearPercentage", "yearBand" })
        {
            Assert.True(root.GetProperty("plan").TryGetProperty(property, out _), property);
        }
        Assert.Equal(86, root.GetProperty("plan").GetProperty("actions").GetInt32());
    }

    [Fact]
    public async Task Get_Compliance_KnownSetupAtTheFirstCutOff()
    {
        var root = await GetJsonAsync($"/api/plans/2022/compliance?at={KnownExecution.At}");

        var component3 = Component(root, 3);
        Assert.Equal(3, component3.GetProperty("plannedActions").GetInt32());
        Assert.Equal(1, component3.GetProperty("executedActions").GetInt32());
        Assert.Equal(54.17m, component3.GetProperty("percentage").GetDecimal());
        Assert.Equal("baja", component3.GetProperty("band").GetString());
        var plan = root.GetProperty("plan");
        Assert.Equal(54.17m, plan.GetProperty("percentage").GetDecimal());
        Assert.Equal("baja", plan.GetProperty("band").GetString());
        Assert.Equal(JsonValueKind.Null, plan.GetProperty("yearBand").ValueKind);
        Assert.Equal(JsonValueKind.Null, Component(root, 1).GetProperty("percentage").ValueKind);
        Assert.Equal(JsonValueKind.Null, Component(root, 1).GetProperty("band").ValueKind);
    }

    [Fact]
    public async Task Get_Compliance_YearProgressCountsUnscheduledActionsAgainstTheirTargets()
    {
        var root = await GetJsonAsync($"/api/plans/2022/compliance?at={KnownExecution.At}");

        await using var db = factory.Database.CreateContext();
        var measured = await db.Actions.CountAsync(a => a.Activity!.Component!.Number == 3 && (a.TargetQuantity > 0 || a.Schedule.Any()));
        // 3.1.4-1 and 3.1.4-2 are at 50 % of their year's target; every other action of component 3 at 0 %.
        Assert.Equal(Math.Round(100m / measured, 2), Component(root, 3).GetProperty("yearPercentage").GetDecimal());
    }

    [Fact]
    public async Task Get_Compliance_LaterDateCountsMay()
    {
        var root = await GetJsonAsync("/api/entities/alcaldia-de-santiago-de-cali/plans/2022/compliance?at=2022-05-31");

        // 3.1.4-1: 3.500 of 5.000 → 70 %; 3.1.4-2: 100 %; 3.1.4-4: 0 % → 56,67 % (baja).
        Assert.Equal(56.67m, Component(root, 3).GetProperty("percentage").GetDecimal());
        Assert.Equal(5, root.GetProperty("monthsCounted").GetInt32());
        Assert.Equal("alcaldia-de-santiago-de-cali", root.GetProperty("entitySlug").GetString());
    }

    [Fact]
    public async Task Get_Compliance_WithoutDate_IsTodayInColombia()
    {
        var root = await GetJsonAsync("/api/plans/2022/compliance");

        var today = ColombianTime.Today(TimeProvider.System).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(today, root.GetProperty("at").GetString());
        Assert.Equal(12, root.GetProperty("monthsCounted").GetInt32());
        Assert.Equal("baja", root.GetProperty("plan").GetProperty("yearBand").GetString());
    }

    [Theory]
    [InlineData("30-04-2022")]
    [InlineData("2022-02-30")]
    [InlineData("mañana")]
    public async Task Get_Compliance_BadDate_Returns400WithSpanishProblem(string at)
    {
        var response = await client.GetAsync($"/api/plans/2022/compliance?at={Uri.EscapeDataString(at)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Fecha no válida", problem.GetProperty("title").GetString());
        Assert.Contains("AAAA-MM-DD", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Compliance_UnknownYear_Returns404()
    {
        var response = await client.GetAsync("/api/plans/1999/compliance");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

[Collection("sqlite")]
public class SqliteComplianceApiTests(SqliteVigiaFactory factory) : ComplianceApiTests(factory), IClassFixture<SqliteVigiaFactory>;

[Collection("postgres")]
public class PostgresComplianceApiTests(PostgresVigiaFactory factory) : ComplianceApiTests(factory), IClassFixture<PostgresVigiaFactory>;
