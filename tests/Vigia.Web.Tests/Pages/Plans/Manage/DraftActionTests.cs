using System.Globalization;
using Vigia.Core.Colombia;
using Vigia.Core.Plans;

namespace Vigia.Web.Tests.Pages.Plans.Manage;

/// <summary>An action of a draft (/gestion/planes/{year}/borrador/actividades/{id}/acciones): written with its units
/// ticked from the catalogue, filtered by the search box, a unit proposed in place, and its monthly schedule.</summary>
public abstract class DraftActionTests(VigiaFactory app)
{
    /// <summary>The twelve month boxes as a browser posts them (all of them, most empty).</summary>
    private static IEnumerable<KeyValuePair<string, string>> Months(params (int Month, string Value)[] filled) =>
        Enumerable.Range(1, 12).Select(m => new KeyValuePair<string, string>(string.Create(CultureInfo.InvariantCulture, $"Months[{m - 1}]"),
            filled.FirstOrDefault(f => f.Month == m).Value ?? ""));

    private async Task<(string Page, int Activity)> ActivityAsync(int year)
    {
        var planId = await DraftTests.NewPlanAsync(app, year);
        var (component, sub) = await DraftTests.PartsAsync(app, planId);
        await using var scope = app.Scope();
        var result = await scope.ServiceProvider.GetRequiredService<PlanDraftService>()
            .AddActivityAsync(planId, component, sub, "Publicar informes", new Actor(null, "Planeación de prueba", new HashSet<string> { Roles.Planning }));
        return (string.Create(CultureInfo.InvariantCulture, $"/gestion/planes/{year}/borrador/actividades/{result.Value}/acciones"), result.Value);
    }

    [Fact]
    public async Task AddAction_WithUnitsAndSchedule_IsSavedAndListedOnTheDraft()
    {
        var (page, activity) = await ActivityAsync(2025);
        var planner = await app.SignInAsAsync(Roles.Planning);
        var form = await planner.GetPageAsync(page);
        var unit = form.QuerySelectorAll("input[name='UnitIds']").First(i => form.QuerySelector($"label[for='{i.Id}']")!.TextContent.Contains("Comunicaciones", StringComparison.Ordinal));

        var response = await planner.PostFormAsync(page, new List<KeyValuePair<string, string>>
        {
            new("Description", "Informe semestral de gestión"),
            new("Goal", "Dos (2) informes"),
            new("TargetQuantity", "2"),
            new("TargetUnit", "Count"),
            new("UnitIds", unit.GetAttribute("value")!),
        }.Concat(Months((6, "1"), (12, "1"))));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.Database.CreateContext();
        var action = await db.Actions.Include(x => x.ResponsibleUnits).Include(x => x.Schedule).SingleAsync(x => x.ActivityId == activity);
        Assert.Equal(("Dos (2) informes", 2m, 1), (action.Goal, action.TargetQuantity, action.Order));
        Assert.Equal(int.Parse(unit.GetAttribute("value")!, CultureInfo.InvariantCulture), Assert.Single(action.ResponsibleUnits).UnitId);
        Assert.Equal([6, 12], action.Schedule.Select(s => s.Month).Order());
        var draft = await planner.GetPageAsync("/gestion/planes/2025/borrador");
        Assert.Contains("Acción 1.1.1-1", draft.QuerySelector(".draft-action")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FilterAndProposeUnit_WorkWithoutJavaScriptAndKeepWhatWasTyped()
    {
        var (page, activity) = await ActivityAsync(2026);
        var planner = await app.SignInAsAsync(Roles.Planning);

        var filtered = await TestClient.ParseAsync(await planner.PostFormAsync(page + "?handler=Filter", new()
        {
            ["Description"] = "Texto escrito",
            ["UnitSearch"] = "comunicaciones",
        }, tokenFrom: page));
        var shown = filtered.QuerySelectorAll(".unit-choices label").Select(l => l.TextContent).ToList();
        Assert.NotEmpty(shown);
        Assert.All(shown, name => Assert.Contains("comunicaciones", SpanishText.Fold(name), StringComparison.Ordinal));
        Assert.Equal("Texto escrito", filtered.QuerySelector("textarea[name='Description']")!.TextContent.Trim());

        var proposed = await TestClient.ParseAsync(await planner.PostFormAsync(page + "?handler=ProposeUnit", new()
        {
            ["Description"] = "Texto escrito",
            ["NewUnit"] = "Oficina de Integridad Pública",
        }, tokenFrom: page));
        var box = proposed.QuerySelectorAll("input[name='UnitIds']").Single(i => proposed.QuerySelector($"label[for='{i.Id}']")?.TextContent == "Oficina de Integridad Pública");
        Assert.True(box.HasAttribute("checked"));
        await using var db = app.Database.CreateContext();
        Assert.True(await db.Units.AnyAsync(u => u.Name == "Oficina de Integridad Pública"));
        Assert.False(await db.Actions.AnyAsync(x => x.ActivityId == activity));
    }

    [Fact]
    public async Task AddAction_WithABadMonthOrNoGoal_Returns400AndSavesNothing()
    {
        var (page, activity) = await ActivityAsync(2024);
        var planner = await app.SignInAsAsync(Roles.Planning);

        var badMonth = await planner.PostFormAsync(page, new Dictionary<string, string> { ["Description"] = "Algo", ["Goal"] = "Meta" }.Concat(Months((3, "tres"))));
        var noGoal = await planner.PostFormAsync(page, new() { ["Description"] = "Algo", ["Goal"] = "" });

        Assert.Equal(HttpStatusCode.BadRequest, badMonth.StatusCode);
        Assert.Contains("La cantidad de marzo debe ser un número.", (await TestClient.ParseAsync(badMonth)).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noGoal.StatusCode);
        await using var db = app.Database.CreateContext();
        Assert.False(await db.Actions.AnyAsync(x => x.ActivityId == activity));
    }
}

public sealed class SqliteDraftActionTests(SqliteBundledPlanApp app) : DraftActionTests(app), IClassFixture<SqliteBundledPlanApp>;

public sealed class PostgresDraftActionTests(PostgresBundledPlanApp app) : DraftActionTests(app), IClassFixture<PostgresBundledPlanApp>;
