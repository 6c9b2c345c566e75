using System.Globalization;
using Vigia.Core.Organisation;
using Vigia.Core.Plans;

namespace Vigia.Web.Tests.Pages.Plans.Manage;

/// <summary>The draft pages on an open revision of the published 2022 plan (ADR 033): the same forms write the revision's
/// working copy; invalid input re-renders with the errors; a person who is not Planeación, or another entity's planner,
/// gets 403 on every write; the public plan does not move until publication; the schedule grid says where to go.</summary>
public abstract class RevisionStructureTests(VigiaFactory app)
{
    private const string Draft = "/gestion/planes/2022/borrador";

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private async Task<int> OpenRevisionAsync()
    {
        return await app.SharedAsync("revision", async a =>
        {
            await using var scope = a.Scope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var planId = await db.Plans.Where(p => p.Year == 2022).Select(p => p.Id).SingleAsync();
            var result = await scope.ServiceProvider.GetRequiredService<PlanLifecycleService>().StartRevisionAsync(planId,
                "Reorganización de las acciones por el recorte presupuestal", new Actor(null, "Planeación de prueba", new HashSet<string> { Roles.Planning }));
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
            var entity = await db.Plans.Where(p => p.Id == planId).Select(p => p.EntityId).SingleAsync();
            var other = new Entity { Name = "Gobernación de Revisiones", Slug = "gobernacion-de-revisiones" };
            db.Units.Add(new Unit { Entity = other, Name = "Planeación de la Otra Gobernación", NormalizedName = "planeacion de la otra gobernacion" });
            await db.SaveChangesAsync();
            return (object)planId;
        }) is int id ? id : 0;
    }

    private async Task<PlanAction> LiveActionAsync(string activityCode, int order)
    {
        await using var db = app.Database.CreateContext();
        return await db.Actions.AsNoTracking().SingleAsync(a => a.Activity!.Code == activityCode && a.Order == order);
    }

    [Fact]
    public async Task Draft_ShowsTheRevisionsWorkingCopy_AddsAnActionThere_AndThePublicPlanDoesNotMove()
    {
        await OpenRevisionAsync();
        var action = await LiveActionAsync("3.1.4", 1);
        var planner = await app.SignInAsAsync(Roles.Planning);

        var page = await planner.GetPageAsync(Draft);
        Assert.Equal("Cambiar la estructura de la versión 2", page.QuerySelector("h1")!.TextContent.Trim());
        var form = $"{Draft}/actividades/{Id(action.ActivityId)}/acciones/";
        var added = await planner.PostFormAsync(form, new()
        {
            ["Description"] = "Publicar el informe de integridad",
            ["Goal"] = "Un informe publicado",
            ["TargetQuantity"] = "1",
            ["TargetUnit"] = "Count",
            ["Months[5]"] = "1",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var after = await planner.GetPageAsync(Draft);
        Assert.Contains(after.QuerySelectorAll(".draft-action"), li => li.TextContent.Contains("Publicar el informe de integridad", StringComparison.Ordinal));
        await using var db = app.Database.CreateContext();
        Assert.False(await db.Actions.AnyAsync(a => a.Description == "Publicar el informe de integridad"));
        var citizen = app.Anonymous();
        var activity = await citizen.GetPageAsync("/planes/2022/actividad/3.1.4");
        Assert.DoesNotContain("Publicar el informe de integridad", activity.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidInput_ReRendersWithTheFirstDraftsMessages_AndChangesNothing()
    {
        var planId = await OpenRevisionAsync();
        var action = await LiveActionAsync("3.1.4", 1);
        var planner = await app.SignInAsAsync(Roles.Planning);
        string before;
        await using (var db = app.Database.CreateContext())
        {
            before = (await db.PlanVersions.SingleAsync(v => v.PlanId == planId && v.Number == 2)).Snapshot!;
        }

        var response = await planner.PostFormAsync($"{Draft}/actividades/{Id(action.ActivityId)}/acciones/{Id(action.Id)}",
            new() { ["Description"] = action.Description, ["Goal"] = " ", ["TargetUnit"] = "Count" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Contains("Escriba la meta o producto de la acción.", page.QuerySelector("#Goal-error")!.TextContent, StringComparison.Ordinal);
        var rename = await planner.PostFormAsync($"{Draft}/renombrar/actividad/{Id(action.ActivityId)}", new() { ["Name"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, rename.StatusCode);
        var move = await planner.PostFormAsync($"{Draft}/actividades/{Id(action.ActivityId)}/acciones/{Id(action.Id)}?handler=MoveTo", new() { ["TargetActivityId"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, move.StatusCode);

        await using var check = app.Database.CreateContext();
        Assert.Equal(before, (await check.PlanVersions.SingleAsync(v => v.PlanId == planId && v.Number == 2)).Snapshot);
    }

    [Fact]
    public async Task EveryWrite_ByNotPlanningOrAnotherEntitysPlanner_Is403_AndChangesNothing()
    {
        var planId = await OpenRevisionAsync();
        var action = await LiveActionAsync("3.1.4", 1);
        string before;
        await using (var db = app.Database.CreateContext())
        {
            before = (await db.PlanVersions.SingleAsync(v => v.PlanId == planId && v.Number == 2)).Snapshot!;
        }
        var writes = new (string Path, Dictionary<string, string> Form)[]
        {
            ($"{Draft}?handler=AddComponent", new() { ["name"] = "Intruso" }),
            ($"{Draft}?handler=Remove", new() { ["part"] = "Action", ["id"] = Id(action.Id) }),
            ($"{Draft}?handler=Move", new() { ["part"] = "Action", ["id"] = Id(action.Id), ["down"] = "true" }),
            ($"{Draft}/renombrar/actividad/{Id(action.ActivityId)}", new() { ["Name"] = "Intruso" }),
            ($"{Draft}/actividades/{Id(action.ActivityId)}/acciones/{Id(action.Id)}", new() { ["Description"] = "Intruso", ["Goal"] = "Intruso", ["TargetUnit"] = "Count" }),
        };
        foreach (var client in new[] { await app.SignInAsAsync(Roles.InternalControl), await app.SignInAsAsync(Roles.Planning, unit: "Planeación de la Otra Gobernación") })
        {
            foreach (var (path, form) in writes)
            {
                // A forged request: the token of a page the person may open, as a form they never saw would carry.
                var response = await client.PostFormAsync(path, form, tokenFrom: "/gestion");
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{path}: {response.StatusCode}");
            }
        }
        await using var check = app.Database.CreateContext();
        Assert.Equal(before, (await check.PlanVersions.SingleAsync(v => v.PlanId == planId && v.Number == 2)).Snapshot);
    }

    [Fact]
    public async Task ScheduleGrid_WhileTheRevisionIsOpen_PointsToIt()
    {
        await OpenRevisionAsync();
        var planner = await app.SignInAsAsync(Roles.Planning);

        var page = await planner.GetPageAsync("/gestion/planes/2022/cronograma");

        Assert.Contains("La versión 2 del plan está en preparación.", page.Body!.TextContent, StringComparison.Ordinal);
    }
}

public sealed class SqliteRevisionStructureTests(SqliteBundledPlanApp app) : RevisionStructureTests(app), IClassFixture<SqliteBundledPlanApp>;

public sealed class PostgresRevisionStructureTests(PostgresBundledPlanApp app) : RevisionStructureTests(app), IClassFixture<PostgresBundledPlanApp>;
