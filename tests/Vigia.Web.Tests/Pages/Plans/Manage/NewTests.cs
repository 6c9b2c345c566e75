using System.Globalization;
using Vigia.Core.Plans;

namespace Vigia.Web.Tests.Pages.Plans.Manage;

/// <summary>Planeación formulates a year's plan (/gestion/planes/nuevo) on the bundled Cali 2022 plan: from the PTEP
/// template, or by copying 2022 into 2023; the new plan is a draft version 1 the public already sees as «Borrador».</summary>
public abstract class NewTests(VigiaFactory app)
{
    private const string Page = "/gestion/planes/nuevo";

    private async Task<int> SeedPlanIdAsync()
    {
        await using var db = app.Database.CreateContext();
        return await db.Plans.Where(p => p.Year == 2022).Select(p => p.Id).SingleAsync();
    }

    [Theory]
    [InlineData(Roles.Responsible)]
    [InlineData(Roles.InternalControl)]
    [InlineData(Roles.Administrator)]
    public async Task Get_NotPlanning_Returns403(string role)
    {
        var client = await app.SignInAsAsync(role);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Page)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostFormAsync(Page + "?handler=Copy", new()
        {
            ["SourcePlanId"] = (await SeedPlanIdAsync()).ToString(CultureInfo.InvariantCulture),
            ["CopyYear"] = "2024",
        }, tokenFrom: "/gestion")).StatusCode);
        await using var db = app.Database.CreateContext();
        Assert.False(await db.Plans.AnyAsync(p => p.Year == 2024));
    }

    [Fact]
    public async Task Get_Planning_OffersTheTemplatesAndLastYearsPlan()
    {
        var planner = await app.SignInAsAsync(Roles.Planning);

        var page = await planner.GetPageAsync(Page);

        Assert.Equal(["paac-v2", "ptep-2024"], page.QuerySelectorAll("input[name='Template']").Select(i => i.GetAttribute("value")));
        Assert.Equal("2027", page.QuerySelector("input[name='TemplateYear']")!.GetAttribute("value"));
        Assert.Contains(page.QuerySelectorAll("select[name='SourcePlanId'] option"), o => o.TextContent.EndsWith(" 2022", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PostTemplate_Ptep_CreatesADraftThePublicSeesAsBorrador()
    {
        var planner = await app.SignInAsAsync(Roles.Planning);
        var form = await planner.GetPageAsync(Page);

        var response = await planner.PostFormAsync(Page + "?handler=Template", new()
        {
            ["EntityId"] = form.QuerySelector("input[name='EntityId']")!.GetAttribute("value")!,
            ["TemplateYear"] = "2027",
            ["Template"] = "ptep-2024",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("/2027/versiones", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var plan = await app.Anonymous().GetPageAsync("/planes/2027");
        Assert.Contains("MODELO DE ESTADO ABIERTO", plan.Body!.TextContent, StringComparison.Ordinal);
        await using var db = app.Database.CreateContext();
        var stored = await db.Plans.Include(p => p.Versions).SingleAsync(p => p.Year == 2027);
        Assert.Equal((PlanKind.Ptep, VersionStatus.Draft), (stored.Kind, Assert.Single(stored.Versions).Status));
    }

    [Fact]
    public async Task PostCopy_2022Into2023_GivesTheSameActionsAsANewDraft()
    {
        var planner = await app.SignInAsAsync(Roles.Planning);

        var response = await planner.PostFormAsync(Page + "?handler=Copy", new()
        {
            ["SourcePlanId"] = (await SeedPlanIdAsync()).ToString(CultureInfo.InvariantCulture),
            ["CopyYear"] = "2023",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var activity = await app.Anonymous().GetPageAsync("/planes/2023/actividad/3.2.1");
        Assert.Contains("Un (1) evento", activity.Body!.TextContent, StringComparison.Ordinal);
        await using var db = app.Database.CreateContext();
        Assert.Equal(86, await db.Actions.CountAsync(a => a.Activity!.Component!.Plan!.Year == 2023));
        Assert.Equal(PlanStatus.Draft, await db.Plans.Where(p => p.Year == 2023).Select(p => p.Status).SingleAsync());
    }

    [Fact]
    public async Task PostCopy_IntoAYearThatHasAPlan_Returns400WithTheErrorAtTheYearAndChangesNothing()
    {
        var planner = await app.SignInAsAsync(Roles.Planning);

        var response = await planner.PostFormAsync(Page + "?handler=Copy", new()
        {
            ["SourcePlanId"] = (await SeedPlanIdAsync()).ToString(CultureInfo.InvariantCulture),
            ["CopyYear"] = "2022",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Contains("ya tiene un plan para la vigencia 2022", page.QuerySelector("#CopyYear-error")!.TextContent, StringComparison.Ordinal);
        await using var db = app.Database.CreateContext();
        Assert.Equal(1, await db.Plans.CountAsync(p => p.Year == 2022));
    }
}

public sealed class SqliteNewTests(SqliteBundledPlanApp app) : NewTests(app), IClassFixture<SqliteBundledPlanApp>;

public sealed class PostgresNewTests(PostgresBundledPlanApp app) : NewTests(app), IClassFixture<PostgresBundledPlanApp>;
