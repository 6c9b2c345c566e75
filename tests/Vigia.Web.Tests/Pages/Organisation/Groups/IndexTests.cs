using Vigia.Core.Organisation;

namespace Vigia.Web.Tests.Pages.Organisation.Groups;

/// <summary>Planeación's page for the groups of responsibles (/gestion/grupos) on the bundled Cali 2022 plan, whose import
/// recognised the groups; and what a member unit then sees.</summary>
public abstract class IndexTests(VigiaFactory app)
{
    private async Task<(int GroupId, int[] Units)> OrganismosAsync()
    {
        await using var db = app.Database.CreateContext();
        var group = await db.UnitGroups.Where(g => g.RuleKey == "todos-los-organismos").Select(g => g.Id).SingleAsync();
        var units = await db.Units.Where(u => u.Name == "Secretaría de Salud Pública" || u.Name == "Secretaría de Educación")
            .OrderBy(u => u.Id).Select(u => u.Id).ToArrayAsync();
        if (units.Length < 2)
        {
            units = await db.Units.Where(u => u.ParentId == null).OrderBy(u => u.Id).Select(u => u.Id).Take(2).ToArrayAsync();
        }
        return (group, units);
    }

    private static IEnumerable<KeyValuePair<string, string>> Checked(params int[] units) =>
        units.Select(u => new KeyValuePair<string, string>("UnitIds", u.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public async Task Planeacion_MapsAGroupWithCheckboxes_AndTheMemberSeesReportsAndIsShownItsPart()
    {
        var (groupId, units) = await OrganismosAsync();
        var planning = await app.SignInAsAsync(Roles.Planning);
        var list = await planning.GetPageAsync("/gestion/grupos");
        Assert.Contains(list.QuerySelectorAll("table a"), a => a.TextContent == "Todos los organismos de la Administración");
        var form = await planning.GetPageAsync($"/gestion/grupos/{groupId}");
        Assert.True(form.QuerySelectorAll("fieldset#UnitIds input[type=checkbox][name=UnitIds]").Length > 10);
        Assert.Empty(form.QuerySelectorAll("select[multiple]"));

        var saved = await planning.PostFormAsync($"/gestion/grupos/{groupId}", Checked(units), tokenFrom: $"/gestion/grupos/{groupId}");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using (var db = app.Database.CreateContext())
        {
            Assert.Equal(units, await db.UnitGroupMembers.Where(m => m.GroupId == groupId).OrderBy(m => m.UnitId).Select(m => m.UnitId).ToArrayAsync());
            Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(UnitGroupMember)));
        }
        var unitName = await NameAsync(units[0]);
        var member = await app.SignInAsAsync(Roles.Responsible, unit: unitName);
        var actionId = await CollectiveActionAsync(groupId, "3.1.1");
        var action = await member.GetPageAsync($"/gestion/acciones/{actionId}");
        Assert.Contains($"Avance mes a mes de {unitName}", action.QuerySelector("h2#avance-mensual")!.TextContent, StringComparison.Ordinal);
        var report = await member.GetPageAsync($"/gestion/acciones/{actionId}/reportar?mes=1");
        Assert.Contains(unitName, report.QuerySelector("main dl")!.TextContent, StringComparison.Ordinal);
        var activity = await app.Anonymous().GetPageAsync("/planes/2022/actividad/3.1.1");
        var parts = activity.QuerySelectorAll("#accion-1 table.table-stack tbody tr");
        Assert.Equal(2, parts.Length);
        Assert.Contains(parts, r => r.QuerySelector("th")!.TextContent == unitName && r.QuerySelectorAll("td")[0].TextContent == "28");
    }

    [Fact]
    public async Task UnitOutsideTheGroup_CannotOpenTheReportForm()
    {
        var (groupId, _) = await OrganismosAsync();
        var actionId = await CollectiveActionAsync(groupId, "3.1.2");
        string outsiderUnit;
        await using (var db = app.Database.CreateContext())
        {
            var members = await db.UnitGroupMembers.Where(m => m.GroupId == groupId).Select(m => m.UnitId).ToListAsync();
            outsiderUnit = await db.Units.Where(u => u.ParentId == null && !members.Contains(u.Id)
                    && !db.Units.Any(c => c.ParentId == u.Id) && !db.ActionUnits.Any(x => x.ActionId == actionId && x.UnitId == u.Id))
                .OrderByDescending(u => u.Id).Select(u => u.Name).FirstAsync();
        }
        var outsider = await app.SignInAsAsync(Roles.Responsible, unit: outsiderUnit);

        var response = await outsider.GetAsync($"/gestion/acciones/{actionId}/reportar?mes=1");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Responsable_IsRefused()
    {
        var responsible = await app.SignInAsAsync(Roles.Responsible);

        var response = await responsible.GetAsync("/gestion/grupos");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task PlaneacionOfAnotherEntity_CannotMapAndChangesNothing()
    {
        var (groupId, units) = await OrganismosAsync();
        await using (var db = app.Database.CreateContext())
        {
            var other = new Entity { Name = "Gobernación de Prueba", Slug = "gobernacion-de-prueba" };
            db.Units.Add(new Unit { Entity = other, Name = "Secretaría de Planeación Departamental", NormalizedName = "secretaria de planeacion departamental" });
            await db.SaveChangesAsync();
        }
        var stranger = await app.SignInAsAsync(Roles.Planning, unit: "Secretaría de Planeación Departamental");
        var before = await MembersAsync(groupId);

        var page = await stranger.GetAsync($"/gestion/grupos/{groupId}");
        var response = await stranger.PostFormAsync($"/gestion/grupos/{groupId}", Checked(units), tokenFrom: "/gestion/grupos");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await MembersAsync(groupId));
    }

    private async Task<int[]> MembersAsync(int groupId)
    {
        await using var db = app.Database.CreateContext();
        return await db.UnitGroupMembers.Where(m => m.GroupId == groupId).OrderBy(m => m.UnitId).Select(m => m.UnitId).ToArrayAsync();
    }

    private async Task<string> NameAsync(int unitId)
    {
        await using var db = app.Database.CreateContext();
        return await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).SingleAsync();
    }

    private async Task<int> CollectiveActionAsync(int groupId, string activity)
    {
        await using var db = app.Database.CreateContext();
        return await db.ActionUnitGroups.Where(x => x.GroupId == groupId && x.Action!.Activity!.Code == activity)
            .OrderBy(x => x.Action!.Order).Select(x => x.ActionId).FirstAsync();
    }
}

public sealed class SqliteIndexTests(SqliteBundledPlanApp app) : IndexTests(app), IClassFixture<SqliteBundledPlanApp>;

public sealed class PostgresIndexTests(PostgresBundledPlanApp app) : IndexTests(app), IClassFixture<PostgresBundledPlanApp>;
