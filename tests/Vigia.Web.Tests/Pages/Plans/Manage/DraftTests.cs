using System.Globalization;
using Vigia.Core.Plans;

namespace Vigia.Web.Tests.Pages.Plans.Manage;

/// <summary>The draft's structure page (/gestion/planes/{year}/borrador): a 2027 plan made from the PAAC template next
/// to the bundled, published 2022 plan; activities are added and moved with «Subir»/«Bajar» and the codes follow.</summary>
public abstract class DraftTests(VigiaFactory app)
{
    internal static async Task<int> NewPlanAsync(VigiaFactory app, int year)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var entityId = await db.Plans.Where(p => p.Year == 2022).Select(p => p.EntityId).SingleAsync();
        var result = await scope.ServiceProvider.GetRequiredService<PlanFormulationService>()
            .CreateFromTemplateAsync(entityId, year, "paac-v2", new Actor(null, "Planeación de prueba", new HashSet<string> { Roles.Planning }));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        return result.Value;
    }

    internal static async Task<(int Component, int Subcomponent)> PartsAsync(VigiaFactory app, int planId)
    {
        await using var db = app.Database.CreateContext();
        var component = await db.Components.Include(c => c.Subcomponents).SingleAsync(c => c.PlanId == planId && c.Number == 1);
        return (component.Id, component.Subcomponents.Single(s => s.Code == "1.1").Id);
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task AddAndMoveActivities_TheCodesFollowTheOrder()
    {
        var planId = await NewPlanAsync(app, 2025);
        var (component, sub) = await PartsAsync(app, planId);
        var planner = await app.SignInAsAsync(Roles.Planning);
        const string page = "/gestion/planes/2025/borrador";

        foreach (var name in new[] { "Actualizar la política", "Socializar la política" })
        {
            var added = await planner.PostFormAsync(page + "?handler=AddActivity", new() { ["componentId"] = Id(component), ["subcomponentId"] = Id(sub), ["name"] = name });
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }
        int second;
        await using (var db = app.Database.CreateContext())
        {
            second = await db.Activities.Where(a => a.ComponentId == component && a.Name == "Socializar la política").Select(a => a.Id).SingleAsync();
        }
        var moved = await planner.PostFormAsync(page + "?handler=Move", new() { ["part"] = "Activity", ["id"] = Id(second), ["down"] = "false" });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);

        var draft = await planner.GetPageAsync(page);
        Assert.Equal(["Actividad 1.1.1 Socializar la política", "Actividad 1.1.2 Actualizar la política"],
            draft.QuerySelectorAll(".draft-activity > p:first-child").Select(p => p.TextContent.Trim()));
        Assert.NotNull(draft.QuerySelector("button[aria-label='Bajar el componente 1']"));
        Assert.True(draft.QuerySelector("button[aria-label='Subir el componente 1']")!.HasAttribute("disabled"));
    }

    [Fact]
    public async Task Rename_FromTheDraftsLink_ChangesTheName_AnEmptyNameIs400_AnotherPlansPartIs404()
    {
        var planId = await NewPlanAsync(app, 2024);
        var (component, sub) = await PartsAsync(app, planId);
        var planner = await app.SignInAsAsync(Roles.Planning);
        const string page = "/gestion/planes/2024/borrador";
        Assert.Equal(HttpStatusCode.Redirect, (await planner.PostFormAsync(page + "?handler=AddActivity",
            new() { ["componentId"] = Id(component), ["subcomponentId"] = Id(sub), ["name"] = "Actualizar la politica" })).StatusCode);
        int activity;
        await using (var db = app.Database.CreateContext())
        {
            activity = await db.Activities.Where(a => a.ComponentId == component).Select(a => a.Id).SingleAsync();
        }

        var draft = await planner.GetPageAsync(page);
        var link = draft.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Cambiar el nombre de la actividad 1.1.1");
        Assert.Equal($"/gestion/planes/2024/borrador/renombrar/actividad/{Id(activity)}", link.GetAttribute("href"));
        Assert.NotNull(draft.QuerySelector($"a[href='/gestion/planes/2024/borrador/renombrar/subcomponente/{Id(sub)}']"));
        var form = await planner.GetPageAsync(link.GetAttribute("href")!);
        Assert.Equal("Cambiar el nombre de la actividad 1.1.1", form.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Actualizar la politica", form.QuerySelector("textarea[name='Name']")!.TextContent.Trim());

        var empty = await planner.PostFormAsync(link.GetAttribute("href")!, new() { ["Name"] = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace((await TestClient.ParseAsync(empty)).QuerySelector("#Name-error")!.TextContent));

        var saved = await planner.PostFormAsync(link.GetAttribute("href")!, new() { ["Name"] = "Actualizar la política de riesgos" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using (var db = app.Database.CreateContext())
        {
            Assert.Equal("Actualizar la política de riesgos", await db.Activities.Where(a => a.Id == activity).Select(a => a.Name).SingleAsync());
        }

        // The 2022 plan's component through the 2024 plan's address: not this plan's part.
        int other;
        await using (var db = app.Database.CreateContext())
        {
            other = await db.Components.Where(c => c.Plan!.Year == 2022).Select(c => c.Id).FirstAsync();
        }
        Assert.Equal(HttpStatusCode.NotFound, (await planner.GetAsync($"/gestion/planes/2024/borrador/renombrar/componente/{Id(other)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await planner.PostFormAsync($"/gestion/planes/2024/borrador/renombrar/componente/{Id(other)}", new() { ["Name"] = "Otro" }, page)).StatusCode);
        var responsible = await app.SignInAsAsync(Roles.Responsible);
        Assert.Equal(HttpStatusCode.Forbidden, (await responsible.GetAsync(link.GetAttribute("href")!)).StatusCode);
    }

    [Fact]
    public async Task AddActivity_WithoutName_Returns400AndAddsNothing()
    {
        var planId = await NewPlanAsync(app, 2026);
        var (component, _) = await PartsAsync(app, planId);
        var planner = await app.SignInAsAsync(Roles.Planning);

        var response = await planner.PostFormAsync("/gestion/planes/2026/borrador?handler=AddActivity", new() { ["componentId"] = Id(component), ["name"] = " " });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Escriba el nombre.", (await TestClient.ParseAsync(response)).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        await using var db = app.Database.CreateContext();
        Assert.False(await db.Activities.AnyAsync(a => a.ComponentId == component));
    }

    [Fact]
    public async Task PublishedPlan_IsNotEditedHere()
    {
        var planner = await app.SignInAsAsync(Roles.Planning);
        int component;
        await using (var db = app.Database.CreateContext())
        {
            component = await db.Components.Where(c => c.Plan!.Year == 2022 && c.Number == 2).Select(c => c.Id).SingleAsync();
        }

        var page = await planner.GetPageAsync("/gestion/planes/2022/borrador");
        var response = await planner.PostFormAsync("/gestion/planes/2022/borrador?handler=AddActivity", new() { ["componentId"] = Id(component), ["name"] = "Nueva" });

        Assert.Contains("su estructura no se edita aquí", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        await using var check = app.Database.CreateContext();
        Assert.False(await check.Activities.AnyAsync(a => a.Name == "Nueva"));
    }

    [Fact]
    public async Task Get_NotPlanning_Returns403()
    {
        var client = await app.SignInAsAsync(Roles.InternalControl);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/gestion/planes/2022/borrador")).StatusCode);
    }
}

public sealed class SqliteDraftTests(SqliteBundledPlanApp app) : DraftTests(app), IClassFixture<SqliteBundledPlanApp>;

public sealed class PostgresDraftTests(PostgresBundledPlanApp app) : DraftTests(app), IClassFixture<PostgresBundledPlanApp>;
