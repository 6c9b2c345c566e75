using System.Globalization;
using Vigia.Core.Plans;

namespace Vigia.Web.Tests.Pages.Organisation.Units;

/// <summary>The units of the entity (/admin/unidades).</summary>
public abstract class IndexTests(VigiaFactory app)
{
    private async Task<int> UnitIdAsync(string name)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Units.Where(u => u.Name == name).Select(u => u.Id).FirstAsync();
    }

    [Fact]
    public async Task Post_Merge_MovesTheDuplicatesActionsToTheKeptUnit()
    {
        var plan = await TestData.SmallPlanAsync(app);
        var admin = await app.SignInAsAsync(Roles.Administrator);
        var created = await admin.PostFormAsync("/admin/unidades?handler=Create", new() { ["Name"] = "Subdireccion de Gestion Organizacional (duplicada)" }, "/admin/unidades");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var keep = plan.Unit(TestData.Organisation);
        var duplicate = await UnitIdAsync("Subdireccion de Gestion Organizacional (duplicada)");
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.ActionUnits.Add(new ActionUnit { ActionId = plan.Action("5.1.1"), UnitId = duplicate });
            await db.SaveChangesAsync();
        }

        var merged = await admin.PostFormAsync("/admin/unidades?handler=Merge",
            new() { ["KeepId"] = keep.ToString(CultureInfo.InvariantCulture), ["DuplicateId"] = duplicate.ToString(CultureInfo.InvariantCulture) },
            "/admin/unidades");

        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        await using var check = app.Scope();
        var after = check.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await after.ActionUnits.AnyAsync(x => x.UnitId == duplicate));
        Assert.True(await after.ActionUnits.AnyAsync(x => x.UnitId == keep && x.Action!.Activity!.Code == "5.1.1"));
        Assert.False((await after.Units.FindAsync(duplicate))!.IsActive);
    }
}

[Collection(SharedHosts.SqliteSmallPlan)]
public sealed class SqliteIndexTests(SqliteApp app) : IndexTests(app);

[Collection(SharedHosts.PostgresSmallPlan)]
public sealed class PostgresIndexTests(PostgresApp app) : IndexTests(app);
