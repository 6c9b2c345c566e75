using static Vigia.Web.Tests.Pages.FollowUps.FollowUpsData;

namespace Vigia.Web.Tests.Pages.FollowUps.Desk;

/// <summary>Control Interno's follow-up desk (/seguimientos/gestion).</summary>
public abstract class IndexTests(VigiaFactory app)
{
    [Fact]
    public async Task Get_AsControlInterno_ListsThe2022CutOffsWithTheirDeadlines()
    {
        await TestData.SmallPlanAsync(app);
        var client = await ClientAsync(app, Roles.InternalControl);

        var doc = await client.GetPageAsync("/seguimientos/gestion");

        var text = doc.Body!.TextContent;
        Assert.Contains("Primer seguimiento: 30 de abril de 2022", text, StringComparison.Ordinal);
        Assert.Contains("13 de mayo de 2022", text, StringComparison.Ordinal);
        Assert.Contains("14 de septiembre de 2022", text, StringComparison.Ordinal);
        Assert.Contains("16 de enero de 2023", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Planning, "/seguimientos/gestion")]
    [InlineData(Roles.Responsible, "/seguimientos/gestion")]
    public async Task Get_AsAnotherRole_IsForbidden(string role, string url)
    {
        await TestData.SmallPlanAsync(app);

        await AssertForbiddenAsync(app, role, url);
    }

    [Fact]
    public async Task Get_Anonymous_GoesToSignIn()
    {
        var client = app.Anonymous();

        var response = await client.GetAsync("/seguimientos/gestion");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/cuenta/ingresar", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}

[Collection(SharedHosts.SqliteSmallPlan)]
public sealed class SqliteIndexTests(SqliteApp app) : IndexTests(app);

[Collection(SharedHosts.PostgresSmallPlan)]
public sealed class PostgresIndexTests(PostgresApp app) : IndexTests(app);
