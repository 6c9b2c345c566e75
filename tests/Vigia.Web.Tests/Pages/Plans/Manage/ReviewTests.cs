using System.Globalization;
using Vigia.Core.Colombia;
using Vigia.Core.Plans;

namespace Vigia.Web.Tests.Pages.Plans.Manage;

/// <summary>The quality review page (/gestion/planes/{year}/revision): a 2027 draft whose goal says «cinco (05)» and
/// whose target is 4, next to the bundled, published 2022 plan (seed 1.3.4).</summary>
public abstract class ReviewTests(VigiaFactory app)
{
    private static readonly Actor Planner = new(null, "Planeación de prueba", new HashSet<string> { Roles.Planning });

    private async Task<(int Activity, int Action)> DraftWithOneErrorAsync(int year)
    {
        var planId = await DraftTests.NewPlanAsync(app, year);
        var (component, sub) = await DraftTests.PartsAsync(app, planId);
        await using var scope = app.Scope();
        var drafts = scope.ServiceProvider.GetRequiredService<PlanDraftService>();
        var activity = await drafts.AddActivityAsync(planId, component, sub, "Socializar el plan con la ciudadanía", Planner);
        int unit;
        await using (var db = app.Database.CreateContext())
        {
            unit = await db.Units.OrderBy(u => u.Id).Select(u => u.Id).FirstAsync();
        }
        var action = await drafts.AddActionAsync(planId, activity.Value, new ActionDraft("Mesas de trabajo con la ciudadanía.",
            "Realizar cinco (05) mesas de trabajo", 4, TargetUnit.Count, "Actas de las mesas de trabajo", "Número de mesas de trabajo realizadas",
            [unit], new Dictionary<int, decimal> { [3] = 2, [6] = 2 }), Planner);
        Assert.True(action.Succeeded, string.Join(" ", action.Errors.Values));
        return (activity.Value, action.Value);
    }

    [Fact]
    public async Task Draft_ListsTheErrorWithCounts_AndLinksToTheFieldInTheActionForm()
    {
        var (activity, action) = await DraftWithOneErrorAsync(2027);
        var planner = await app.SignInAsAsync(Roles.Planning);

        var page = await planner.GetPageAsync("/gestion/planes/2027/revision");

        Assert.Contains("Revisión de calidad de la versión 1 (Borrador)", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("1 error", page.QuerySelector(".review-counts li")!.TextContent.Trim(), StringComparison.Ordinal);
        var error = Assert.Single(page.QuerySelectorAll("section[aria-labelledby='errores'] .review-finding"));
        Assert.Contains("1.1.1-1 · Resultado esperado: La meta dice «cinco (05)» y el resultado esperado es 4.", SpanishText.CollapseWhitespace(error.TextContent), StringComparison.Ordinal);
        var link = error.QuerySelector("a")!.GetAttribute("href");
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"/gestion/planes/2027/borrador/actividades/{activity}/acciones/{action}#TargetQuantity"), link);
        var form = await planner.GetPageAsync(link!.Split('#')[0]);
        Assert.NotNull(form.QuerySelector("#TargetQuantity"));
    }

    [Fact]
    public async Task DraftPageAndManagementPage_LinkToTheReview()
    {
        await DraftWithOneErrorAsync(2026);
        var planner = await app.SignInAsAsync(Roles.Planning);

        var draft = await planner.GetPageAsync("/gestion/planes/2026/borrador");
        var manage = await planner.GetPageAsync("/gestion/planes/2026/versiones");

        Assert.Contains(draft.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/gestion/planes/2026/revision");
        Assert.Contains(manage.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/gestion/planes/2026/revision");
    }

    [Fact]
    public async Task PublishedVersion_IsReviewedAsARecord_WithoutLinksToEdit()
    {
        var planner = await app.SignInAsAsync(Roles.Planning);

        var page = await planner.GetPageAsync("/gestion/planes/2022/revision?version=1");

        Assert.Contains("versión 1 (Publicado)", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("section[aria-labelledby='errores'] .review-finding"),
            li => li.TextContent.Contains("1.3.4-1", StringComparison.Ordinal) && li.TextContent.Contains("«una (01)»", StringComparison.Ordinal));
        Assert.Empty(page.QuerySelectorAll(".review-finding a"));
        Assert.Contains("Esta versión ya no se edita", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownVersion_Is404_AndOnlyPlaneacionOpensThePage()
    {
        var planner = await app.SignInAsAsync(Roles.Planning);
        Assert.Equal(HttpStatusCode.NotFound, (await planner.GetAsync("/gestion/planes/2022/revision?version=9")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await planner.GetAsync("/gestion/planes/2031/revision")).StatusCode);
        var controller = await app.SignInAsAsync(Roles.InternalControl);
        Assert.Equal(HttpStatusCode.Forbidden, (await controller.GetAsync("/gestion/planes/2022/revision")).StatusCode);
    }
}

public sealed class SqliteReviewTests(SqliteBundledPlanApp app) : ReviewTests(app), IClassFixture<SqliteBundledPlanApp>;

public sealed class PostgresReviewTests(PostgresBundledPlanApp app) : ReviewTests(app), IClassFixture<PostgresBundledPlanApp>;
