using System.Globalization;
using Vigia.Core.Organisation;

namespace Vigia.Web.Tests.Pages.Organisation.Groups;

/// <summary>Planeación's page for the targets of each unit's part of a collective action (/gestion/grupos/accion/{id}), on
/// the bundled Cali 2022 plan: 3.1.1's first action (56 = 2 × 28 organismos) assigned to «Todos los organismos».</summary>
public abstract class PartsTests(VigiaFactory app)
{
    private async Task<(int ActionId, int GroupId, int[] Units)> ArrangeAsync()
    {
        await using var db = app.Database.CreateContext();
        var group = await db.UnitGroups.Where(g => g.RuleKey == "todos-los-organismos").Select(g => g.Id).SingleAsync();
        var action = await db.ActionUnitGroups.Where(x => x.GroupId == group && x.Action!.Activity!.Code == "3.1.1")
            .OrderBy(x => x.Action!.Order).Select(x => x.ActionId).FirstAsync();
        var units = await db.Units.Where(u => u.ParentId == null && u.IsActive).OrderBy(u => u.Id).Select(u => u.Id).Take(2).ToArrayAsync();
        db.ActionPartTargets.RemoveRange(db.ActionPartTargets.Where(t => t.ActionId == action));
        db.UnitGroupMembers.RemoveRange(db.UnitGroupMembers.Where(m => m.GroupId == group));
        await db.SaveChangesAsync();
        db.UnitGroupMembers.AddRange(units.Select(u => new UnitGroupMember { GroupId = group, UnitId = u }));
        await db.SaveChangesAsync();
        return (action, group, units);
    }

    private static KeyValuePair<string, string> Target(int unit, string value) =>
        new($"Targets[{unit.ToString(CultureInfo.InvariantCulture)}]", value);

    private async Task<Dictionary<int, decimal>> SetTargetsAsync(int actionId)
    {
        await using var db = app.Database.CreateContext();
        return await db.ActionPartTargets.Where(t => t.ActionId == actionId).ToDictionaryAsync(t => t.UnitId, t => t.Target);
    }

    [Fact]
    public async Task Planeacion_SetsOneUnitsTarget_TheOtherTakesTheRest_AndTheGroupPageLinksToIt()
    {
        var (actionId, groupId, units) = await ArrangeAsync();
        var planning = await app.SignInAsAsync(Roles.Planning);
        var group = await planning.GetPageAsync($"/gestion/grupos/{groupId}");
        Assert.Contains(group.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/gestion/grupos/accion/{actionId}");
        var page = await planning.GetPageAsync($"/gestion/grupos/accion/{actionId}");
        var rows = page.QuerySelectorAll("tbody tr");
        Assert.Equal(2, rows.Length);
        Assert.All(rows, r => Assert.Equal("28 (parte igual)", r.QuerySelector("td[data-label='Meta de la unidad']")!.TextContent));
        Assert.NotNull(page.QuerySelector($"label[for='meta-{units[0]}']"));

        var saved = await planning.PostFormAsync($"/gestion/grupos/accion/{actionId}", [Target(units[0], "30"), Target(units[1], "")],
            tokenFrom: $"/gestion/grupos/accion/{actionId}");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(new Dictionary<int, decimal> { [units[0]] = 30 }, await SetTargetsAsync(actionId));
        var after = (await planning.GetPageAsync($"/gestion/grupos/accion/{actionId}")).QuerySelectorAll("tbody tr")
            .ToDictionary(r => r.QuerySelector("input")!.GetAttribute("name")!, r => r.QuerySelector("td[data-label='Meta de la unidad']")!.TextContent);
        Assert.Equal("30", after[$"Targets[{units[0]}]"]);
        Assert.Equal("26 (parte igual)", after[$"Targets[{units[1]}]"]);
        await using var db = app.Database.CreateContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == "ActionPartTarget"));
    }

    [Theory]
    [InlineData("abc", "", "no es un número")]
    [InlineData("30", "30", "más que la meta de la acción (56)")]
    [InlineData("20", "20", "deben sumar la meta de la acción (56)")]
    [InlineData("-1", "", "no puede ser negativa")]
    public async Task WrongTargets_ReRenderWithASpanishError_AndChangeNothing(string first, string second, string message)
    {
        var (actionId, _, units) = await ArrangeAsync();
        var planning = await app.SignInAsAsync(Roles.Planning);

        var response = await planning.PostFormAsync($"/gestion/grupos/accion/{actionId}", [Target(units[0], first), Target(units[1], second)],
            tokenFrom: $"/gestion/grupos/accion/{actionId}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await TestClient.ParseAsync(response)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await SetTargetsAsync(actionId));
    }

    [Fact]
    public async Task PlaneacionOfAnotherEntity_GetsNotFound_AndCannotWrite()
    {
        var (actionId, _, units) = await ArrangeAsync();
        await using (var db = app.Database.CreateContext())
        {
            if (!await db.Units.AnyAsync(u => u.Name == "Secretaría de Planeación de Otra Entidad"))
            {
                var other = new Entity { Name = "Gobernación de Partes", Slug = "gobernacion-de-partes" };
                db.Units.Add(new Unit { Entity = other, Name = "Secretaría de Planeación de Otra Entidad", NormalizedName = "secretaria de planeacion de otra entidad" });
                await db.SaveChangesAsync();
            }
        }
        var stranger = await app.SignInAsAsync(Roles.Planning, unit: "Secretaría de Planeación de Otra Entidad");

        var page = await stranger.GetAsync($"/gestion/grupos/accion/{actionId}");
        var post = await stranger.PostFormAsync($"/gestion/grupos/accion/{actionId}", [Target(units[0], "30")], tokenFrom: "/gestion/grupos");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Empty(await SetTargetsAsync(actionId));
    }
}

public sealed class SqlitePartsTests(SqliteBundledPlanApp app) : PartsTests(app), IClassFixture<SqliteBundledPlanApp>;

public sealed class PostgresPartsTests(PostgresBundledPlanApp app) : PartsTests(app), IClassFixture<PostgresBundledPlanApp>;
