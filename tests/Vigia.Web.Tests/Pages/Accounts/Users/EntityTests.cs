using System.Globalization;

namespace Vigia.Web.Tests.Pages.Accounts.Users;

/// <summary>An account's entity on its page (/admin/usuarios/{id}), on a host of its own: the test adds an entity.</summary>
public abstract class EntityTests(VigiaFactory app)
{
    [Fact]
    public async Task Post_Entity_IsSetByTheAdministrator_ShownOnTheAccount_AndAudited_AndAUnitOfAnotherEntityIsRefused()
    {
        await TestData.SmallPlanAsync(app);
        var admin = await app.SignInAsAsync(Roles.Administrator, name: "Adriana Administradora");
        var user = await TestPeople.CreateAsync(app.Services, Roles.Planning, name: "Pedro Planeación");
        int other, unit;
        await using (var db = app.Database.CreateContext())
        {
            var entity = new Vigia.Core.Organisation.Entity { Name = $"Contraloría {Guid.NewGuid():N}", Slug = $"contraloria-{Guid.NewGuid():N}" };
            db.Entities.Add(entity);
            await db.SaveChangesAsync();
            other = entity.Id;
            unit = await db.Units.Where(u => u.EntityId == user.EntityId).Select(u => u.Id).FirstAsync();
        }
        var page = $"/admin/usuarios/{user.Id}";
        var form = await admin.GetPageAsync(page);
        Assert.Equal(user.EntityId!.Value.ToString(CultureInfo.InvariantCulture), form.QuerySelector("select#EntityId option[selected]")!.GetAttribute("value"));
        Assert.NotNull(form.QuerySelector("label[for='EntityId']"));

        var mismatch = await admin.PostFormAsync(page, new KeyValuePair<string, string>[]
        {
            new("DisplayName", "Pedro Planeación"), new("SelectedRoles", Roles.Planning), new("EntityId", other.ToString(CultureInfo.InvariantCulture)),
            new("UnitIds", unit.ToString(CultureInfo.InvariantCulture)),
        });
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        Assert.Contains("deben ser de su entidad", (await TestClient.ParseAsync(mismatch)).Body!.TextContent, StringComparison.Ordinal);

        var saved = await admin.PostFormAsync(page, new KeyValuePair<string, string>[]
        {
            new("DisplayName", "Pedro Planeación"), new("SelectedRoles", Roles.Planning), new("EntityId", other.ToString(CultureInfo.InvariantCulture)),
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var check = app.Database.CreateContext();
        Assert.Equal(other, await check.Users.Where(u => u.Id == user.Id).Select(u => u.EntityId).SingleAsync());
        var name = await check.Entities.Where(e => e.Id == other).Select(e => e.Name).SingleAsync();
        Assert.Contains($"Entidad: {name}", (await admin.GetPageAsync(page)).QuerySelector("#entidad-actual")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(await check.AuditEntries.Where(e => e.EntityType == "AppUser" && e.EntityId == user.Id).ToListAsync(),
            e => e.ActorName == "Adriana Administradora" && e.Changes.Contains("EntityId", StringComparison.Ordinal));
    }
}

public sealed class SqliteEntityTests(SqliteApp app) : EntityTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresEntityTests(PostgresApp app) : EntityTests(app), IClassFixture<PostgresApp>;
