using static Vigia.Web.Tests.Pages.FollowUps.FollowUpsData;

namespace Vigia.Web.Tests.Pages.FollowUps.Desk;

/// <summary>Assessing one action at a cut-off (/seguimientos/gestion/{plan}/{cutoff}/acciones/{action}).</summary>
public abstract class AssessTests(VigiaFactory app)
{
    [Theory]
    [InlineData(Roles.Planning, "/seguimientos/gestion/{plan}/" + August + "/acciones/{action}")]
    public async Task Get_AsAnotherRole_IsForbidden(string role, string url)
    {
        await TestData.SmallPlanAsync(app);

        await AssertForbiddenAsync(app, role, url);
    }

    [Theory]
    [InlineData(Roles.Planning, "")]
    [InlineData(Roles.Responsible, "")]
    public async Task Post_AsAnotherRole_IsRefusedAndWritesNothing(string role, string handler)
    {
        await TestData.SmallPlanAsync(app);

        await AssertPostRefusedAsync(app, role, handler);
    }

    [Fact]
    public async Task Post_Inconsistent_ReRendersWithTheErrorNextToTheField()
    {
        await TestData.SmallPlanAsync(app);
        var planId = await PlanIdAsync(app);
        var actionId = (await ActionIdsAsync(app, planId))[1];
        var client = await ClientAsync(app, Roles.InternalControl);
        var url = $"/seguimientos/gestion/{planId}/{December}/acciones/{actionId}";

        var response = await client.PostFormAsync(url, new()
        {
            ["Status"] = "Completed",
            ["VerifiedPercent"] = "50",
            ["Observations"] = "",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await TestClient.ParseAsync(response);
        Assert.Contains("Una acción cumplida tiene un avance verificado de 100 %.", doc.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector("#error-summary a[href='#VerifiedPercent']"));
        Assert.Equal("50", ((IHtmlInputElement)doc.QuerySelector("#VerifiedPercent")!).Value);
        Assert.Equal(0, await FollowUpsAtAsync(app, planId, December));
    }

    [Fact]
    public async Task Post_NotANumber_ReRendersWithASpanishError()
    {
        await TestData.SmallPlanAsync(app);
        var planId = await PlanIdAsync(app);
        var actionId = (await ActionIdsAsync(app, planId))[2];
        var client = await ClientAsync(app, Roles.InternalControl);
        var url = $"/seguimientos/gestion/{planId}/{December}/acciones/{actionId}";

        var response = await client.PostFormAsync(url, new()
        {
            ["Status"] = "InProgress",
            ["VerifiedPercent"] = "mucho",
            ["Observations"] = "x",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Escriba un número", (await TestClient.ParseAsync(response)).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
    }
}

[Collection(SharedHosts.SqliteSmallPlan)]
public sealed class SqliteAssessTests(SqliteApp app) : AssessTests(app);

[Collection(SharedHosts.PostgresSmallPlan)]
public sealed class PostgresAssessTests(PostgresApp app) : AssessTests(app);
