using Vigia.Core.Colombia;
using Vigia.Core.Plans;
using Vigia.Core.Schedule;

namespace Vigia.Web.Tests.Pages.Schedule;

/// <summary>A component's schedule grid (/gestion/planes/{year}/cronograma/{number}) on the bundled Cali 2022 plan,
/// whose goals the suggestions read. Each test changes its own action's row. The bundled plan loads as published; the
/// grid's draft behaviour is tested on it as a draft, and the published tests set it published themselves.</summary>
public abstract class ComponentTests(VigiaFactory app) : IAsyncLifetime
{
    public Task InitializeAsync() => SetPlanStatusAsync(PlanStatus.Draft);

    public Task DisposeAsync() => Task.CompletedTask;

    private const string Component1 = "/gestion/planes/2022/cronograma/1";

    private static Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) => TestClient.ParseAsync(response);

    private Task<TestClient> PlannerAsync() => app.SignInAsAsync(Roles.Planning, name: "Prueba Planning");

    private static async Task<IHtmlDocument> GetGridAsync(TestClient client)
    {
        var response = await client.GetAsync(Component1);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ParseAsync(response);
    }

    /// <summary>Every field of the grid's form as the browser would send it, with some cells changed by their label
    /// ("1.4.1-1: marzo").</summary>
    private static List<KeyValuePair<string, string>> Fields(IHtmlDocument doc, Dictionary<string, string>? cells = null, string? justification = null)
    {
        var form = doc.QuerySelector("main form[method='post']")!;
        var byId = new Dictionary<string, string>();
        foreach (var (label, value) in cells ?? [])
        {
            var id = doc.QuerySelectorAll("label").Single(l => l.TextContent.Trim() == "Meses de la acción " + label).GetAttribute("for")!;
            byId[id] = value;
        }
        var fields = form.QuerySelectorAll("input[name]")
            .Where(i => i.GetAttribute("name") != "__RequestVerificationToken")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, byId.GetValueOrDefault(i.Id ?? "", i.GetAttribute("value") ?? "")))
            .ToList();
        if (justification is not null)
        {
            fields.Add(new("Justification", justification));
        }
        return fields;
    }

    private async Task<List<(int Month, decimal Quantity)>> StoredAsync(string activityCode)
    {
        await using var db = app.Database.CreateContext();
        return await db.ScheduleEntries.Where(s => s.Action!.Activity!.Code == activityCode && s.Action.Order == 1)
            .OrderBy(s => s.Month).Select(s => new ValueTuple<int, decimal>(s.Month, s.PlannedQuantity)).ToListAsync();
    }

    private async Task SetPlanStatusAsync(PlanStatus status)
    {
        await using var db = app.Database.CreateContext();
        await db.Plans.ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, status));
    }

    [Fact]
    public async Task Get_AsPlanning_HasTwelveLabelledCellsPerAction()
    {
        var doc = await GetGridAsync(await PlannerAsync());

        var rows = doc.QuerySelectorAll("table.schedule tbody tr");
        Assert.Equal(17, rows.Length);
        Assert.All(rows, r => Assert.Equal(12, r.QuerySelectorAll("input[type='text'][inputmode='decimal']").Length));
        var label = doc.QuerySelectorAll("label.visually-hidden").First(l => l.TextContent.Trim() == "Meses de la acción 1.4.1-1: marzo");
        var input = doc.GetElementById(label.GetAttribute("for")!)!;
        Assert.Equal("INPUT", input.TagName);
        Assert.StartsWith("Rows[", input.GetAttribute("name"), StringComparison.Ordinal);
        Assert.Equal(12, doc.QuerySelectorAll("table.schedule thead abbr").Length);
    }

    [Fact]
    public async Task Get_Anonymous_RedirectsToSignIn()
    {
        var client = app.Anonymous();

        var response = await client.GetAsync(Component1);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/cuenta/ingresar", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Responsible)]
    [InlineData(Roles.Administrator)]
    public async Task Get_NotPlanning_Returns403(string role)
    {
        var client = await app.SignInAsAsync(role);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Component1)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/gestion/planes/2022/cronograma")).StatusCode);
    }

    [Fact]
    public async Task Post_ByAResponsable_Returns403AndSavesNothing()
    {
        var planner = await GetGridAsync(await PlannerAsync());
        var responsible = await app.SignInAsAsync(Roles.Responsible);

        var response = await responsible.PostFormAsync(Component1, Fields(planner, new() { ["1.1.1-1: mayo"] = "1" }), tokenFrom: "/cuenta/contrasena");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await StoredAsync("1.1.1"));
    }

    [Fact]
    public async Task Post_AsPlanning_SavesSpanishDecimalsAndRedirectsWithANotice()
    {
        var client = await PlannerAsync();
        var doc = await GetGridAsync(client);

        var response = await client.PostFormAsync(Component1,
            Fields(doc, new() { ["1.3.3-1: marzo"] = "2,5", ["1.3.3-1: junio"] = "2,5" }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Component1, response.Headers.Location!.OriginalString);
        Assert.Equal([(3, 2.5m), (6, 2.5m)], await StoredAsync("1.3.3"));
        var after = await GetGridAsync(client);
        Assert.Contains("Programación guardada", after.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        var march = after.QuerySelectorAll("label").Single(l => l.TextContent.Trim() == "Meses de la acción 1.3.3-1: marzo").GetAttribute("for")!;
        Assert.Equal("2,5", after.GetElementById(march)!.GetAttribute("value"));
    }

    [Fact]
    public async Task Post_NotANumber_ReRendersWithTheErrorOnTheCellAndTheOtherErrorsToo()
    {
        var client = await PlannerAsync();
        var doc = await GetGridAsync(client);

        var response = await client.PostFormAsync(Component1, Fields(doc, new() { ["1.1.2-1: marzo"] = "dos", ["1.1.2-1: mayo"] = "-2" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await ParseAsync(response);
        var summary = page.QuerySelector("#error-summary")!.TextContent;
        Assert.Contains("Escriba un número en marzo de la acción 1.1.2-1", summary, StringComparison.Ordinal);
        Assert.Contains("La cantidad de mayo de la acción 1.1.2-1 no puede ser negativa", summary, StringComparison.Ordinal);
        var id = page.QuerySelectorAll("label").Single(l => l.TextContent.Trim() == "Meses de la acción 1.1.2-1: marzo").GetAttribute("for")!;
        var cell = page.GetElementById(id)!;
        Assert.Equal("true", cell.GetAttribute("aria-invalid"));
        Assert.Equal("dos", cell.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector($"#error-summary a[href='#{id}']"));
        Assert.Empty(await StoredAsync("1.1.2"));
    }

    [Fact]
    public async Task Post_PercentageAboveOneHundred_ReRendersWithError()
    {
        var client = await PlannerAsync();
        var doc = await GetGridAsync(client);

        var response = await client.PostFormAsync(Component1, Fields(doc, new() { ["1.2.1-1: diciembre"] = "150" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("no puede pasar de 100", (await ParseAsync(response)).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Suggest_ForOneAction_ProposesWithoutSaving()
    {
        var client = await PlannerAsync();
        var doc = await GetGridAsync(client);
        var actionId = doc.QuerySelectorAll("table.schedule tbody tr")
            .Single(r => r.QuerySelector(".schedule-code")!.TextContent == "1.4.1-1").QuerySelector("input[type='hidden']")!.GetAttribute("value");

        var response = await client.PostFormAsync($"{Component1}?handler=Suggest&accion={actionId}", Fields(doc), tokenFrom: Component1);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ParseAsync(response);
        string Cell(string month) => page.GetElementById(page.QuerySelectorAll("label")
            .Single(l => l.TextContent.Trim() == "Meses de la acción 1.4.1-1: " + month).GetAttribute("for")!)!.GetAttribute("value") ?? "";
        Assert.Equal("", Cell("enero"));
        Assert.Equal("1", Cell("febrero"));
        Assert.Equal("1", Cell("diciembre"));
        Assert.Contains("febrero a diciembre", page.QuerySelector(".schedule-suggestion")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("todavía no se ha guardado", page.QuerySelector("[role='status']")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await StoredAsync("1.4.1"));
    }

    [Fact]
    public async Task Post_SaveAfterSuggest_SavesTheSuggestion()
    {
        var client = await PlannerAsync();
        var doc = await GetGridAsync(client);
        var actionId = doc.QuerySelectorAll("table.schedule tbody tr")
            .Single(r => r.QuerySelector(".schedule-code")!.TextContent == "1.4.2-1").QuerySelector("input[type='hidden']")!.GetAttribute("value");
        var suggest = await client.PostFormAsync($"{Component1}?handler=Suggest&accion={actionId}", Fields(doc), tokenFrom: Component1);
        var page = await ParseAsync(suggest);

        // The browser sends «Guardar» to the form's action: the page itself, not the suggestion's handler.
        var action = page.QuerySelector("main form[method='post']")!.GetAttribute("action");
        Assert.Equal(Component1, action);
        var saved = await client.PostFormAsync(action!, Fields(page), tokenFrom: Component1);

        var suggested = page.QuerySelectorAll("table.schedule tbody tr").Single(r => r.QuerySelector(".schedule-code")!.TextContent == "1.4.2-1")
            .QuerySelectorAll("input.schedule-cell").Select((cell, i) => (Month: i + 1, Value: cell.GetAttribute("value")))
            .Where(c => !string.IsNullOrEmpty(c.Value)).Select(c => (c.Month, decimal.Parse(c.Value!, SpanishFormat.Culture))).ToList();
        Assert.NotEmpty(suggested);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(suggested, await StoredAsync("1.4.2"));
    }

    [Fact]
    public async Task Get_EnterInACellSaves_GuardarIsTheFirstSubmitButtonAndOnlySugerirHasAFormAction()
    {
        var doc = await GetGridAsync(await PlannerAsync());
        var buttons = doc.QuerySelectorAll("main form[method='post'] button[type='submit']").ToList();

        Assert.Equal("Guardar programación", buttons[0].TextContent.Trim());
        Assert.Null(buttons[0].GetAttribute("formaction"));
        Assert.All(buttons.Where(b => b.HasAttribute("formaction")), b =>
        {
            Assert.StartsWith("Sugerir", b.TextContent.Trim(), StringComparison.Ordinal);
            Assert.StartsWith(Component1 + "?", b.GetAttribute("formaction"), StringComparison.Ordinal);
            Assert.Contains("handler=Suggest", b.GetAttribute("formaction"), StringComparison.Ordinal);
        });
        Assert.All(buttons.Where(b => b.TextContent.Trim().StartsWith("Guardar", StringComparison.Ordinal)), b => Assert.False(b.HasAttribute("formaction")));
    }

    [Fact]
    public async Task Post_PublishedPlanWithoutAJustification_ReRendersAskingForOne()
    {
        var client = await PlannerAsync();
        await SetPlanStatusAsync(PlanStatus.Published);
        try
        {
            var doc = await GetGridAsync(client);
            Assert.Contains("ya está publicado", doc.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
            Assert.NotNull(doc.QuerySelector("textarea#Justification[required]"));

            var response = await client.PostFormAsync(Component1, Fields(doc, new() { ["1.5.3-1: abril"] = "1" }, justification: ""));

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var page = await ParseAsync(response);
            Assert.Contains("justificación", page.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
            Assert.NotNull(page.QuerySelector("#error-summary a[href='#Justification']"));
            Assert.Empty(await StoredAsync("1.5.3"));
        }
        finally
        {
            await SetPlanStatusAsync(PlanStatus.Draft);
        }
    }

    [Fact]
    public async Task Post_PublishedPlanWithAJustification_WritesItToTheAuditTrail()
    {
        var client = await PlannerAsync();
        await SetPlanStatusAsync(PlanStatus.Published);
        try
        {
            var doc = await GetGridAsync(client);

            var response = await client.PostFormAsync(Component1,
                Fields(doc, new() { ["1.5.2-1: agosto"] = "4" }, justification: "Cambio aprobado por el comité institucional"));

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal([(8, 4m)], await StoredAsync("1.5.2"));
            await using var db = app.Database.CreateContext();
            var entry = await db.AuditEntries.Where(e => e.EntityType == nameof(ScheduleEntry)).OrderByDescending(e => e.Sequence).FirstAsync();
            Assert.Equal("Cambio aprobado por el comité institucional", entry.Reason);
            Assert.Equal("Prueba Planning", entry.ActorName);
        }
        finally
        {
            await SetPlanStatusAsync(PlanStatus.Draft);
        }
    }
}

public sealed class SqliteComponentTests(SqliteBundledPlanApp app) : ComponentTests(app), IClassFixture<SqliteBundledPlanApp>;

public sealed class PostgresComponentTests(PostgresBundledPlanApp app) : ComponentTests(app), IClassFixture<PostgresBundledPlanApp>;
