using System.Globalization;
using Vigia.Core.Audit;
using Vigia.Core.Organisation;

namespace Vigia.Web.Tests.Pages.Organisation.Entities;

/// <summary>The administrator's page for an entity's department and host (/admin/entidades/{id}).</summary>
public abstract class EditTests(VigiaFactory app)
{
    private const int Cauca = 19;

    /// <summary>A new entity, named uniquely for the test, in <paramref name="department"/> and hosted by <paramref name="host"/>.</summary>
    private async Task<int> EntityAsync(string name, int? department = null, int? host = null)
    {
        await using var db = app.Database.CreateContext();
        var entity = new Entity
        {
            Name = $"{name} {Guid.NewGuid():N}",
            Slug = $"e-{Guid.NewGuid():N}",
            DepartmentId = department,
            HostEntityId = host,
        };
        db.Entities.Add(entity);
        await db.SaveChangesAsync();
        return entity.Id;
    }

    private async Task<(int? Department, int? Host)> PlacementAsync(int id)
    {
        await using var db = app.Database.CreateContext();
        return await db.Entities.Where(e => e.Id == id).Select(e => new ValueTuple<int?, int?>(e.DepartmentId, e.HostEntityId)).SingleAsync();
    }

    private static Dictionary<string, string> Form(int? department, int? host) => new()
    {
        ["DepartmentId"] = department?.ToString(CultureInfo.InvariantCulture) ?? "",
        ["HostEntityId"] = host?.ToString(CultureInfo.InvariantCulture) ?? "",
    };

    [Fact]
    public async Task Post_DepartmentAndHost_AreSaved_AuditedWithTheReason_AndListed()
    {
        var governorate = await EntityAsync("Gobernación del Valle del Cauca", Departments.ValleDelCauca);
        var jamundi = await EntityAsync("Alcaldía de Jamundí");
        var admin = await app.SignInAsAsync(Roles.Administrator);
        var form = await admin.GetPageAsync($"/admin/entidades/{jamundi}");
        Assert.Equal(33, form.QuerySelectorAll("select#DepartmentId option[value]:not([value=''])").Length);
        Assert.NotNull(form.QuerySelector("label[for='DepartmentId']"));
        Assert.NotNull(form.QuerySelector("label[for='HostEntityId']"));

        var saved = await admin.PostFormAsync($"/admin/entidades/{jamundi}", Form(Departments.ValleDelCauca, governorate));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal((Departments.ValleDelCauca, governorate), await PlacementAsync(jamundi));
        await using (var db = app.Database.CreateContext())
        {
            var entry = await db.AuditEntries.Where(e => e.EntityType == "Entity" && e.EntityId == jamundi.ToString(CultureInfo.InvariantCulture)
                && e.Action == AuditAction.Updated).OrderByDescending(e => e.Sequence).FirstAsync();
            Assert.StartsWith("Departamento: Valle del Cauca; entidad anfitriona: Gobernación del Valle del Cauca", entry.Reason, StringComparison.Ordinal);
        }
        var list = await admin.GetPageAsync("/admin/entidades");
        var row = list.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector($"a[href='/admin/entidades/{jamundi}']") is not null);
        Assert.Contains("Valle del Cauca", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Gobernación del Valle del Cauca", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_InvalidHosts_ReRenderWithASpanishError_AndSaveNothing()
    {
        var governorate = await EntityAsync("Gobernación del Valle del Cauca", Departments.ValleDelCauca);
        var hosted = await EntityAsync("Alcaldía de Yumbo", Departments.ValleDelCauca, governorate);
        var popayan = await EntityAsync("Alcaldía de Popayán", Cauca);
        var palmira = await EntityAsync("Alcaldía de Palmira", Departments.ValleDelCauca);
        var admin = await app.SignInAsAsync(Roles.Administrator);
        var cases = new (int Entity, int? Department, int? Host, string Error)[]
        {
            (palmira, Departments.ValleDelCauca, popayan, "no es del mismo departamento"),
            (palmira, Departments.ValleDelCauca, hosted, "está alojada en otra entidad"),
            (palmira, Departments.ValleDelCauca, palmira, "no puede alojarse a sí misma"),
            // The governorate hosts Yumbo: hosting it in turn (here by Yumbo itself, a cycle) is refused.
            (governorate, Departments.ValleDelCauca, hosted, "está alojada en otra entidad"),
            (governorate, Departments.ValleDelCauca, palmira, "aloja a otras"),
            (governorate, Cauca, null, "quedaría en otro departamento"),
            (palmira, 42, null, "El departamento elegido no existe."),
        };

        foreach (var (entity, department, host, error) in cases)
        {
            var before = await PlacementAsync(entity);
            var response = await admin.PostFormAsync($"/admin/entidades/{entity}", Form(department, host));

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var doc = await TestClient.ParseAsync(response);
            Assert.Contains(error, doc.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
            Assert.NotNull(doc.QuerySelector("select#DepartmentId"));
            Assert.Equal(before, await PlacementAsync(entity));
        }
    }

    [Theory]
    [InlineData(Roles.Planning)]
    [InlineData(Roles.DepartmentObserver)]
    public async Task Post_ByAnotherRole_IsDenied_AndChangesNothing(string role)
    {
        var palmira = await EntityAsync("Alcaldía de Palmira");
        var client = await app.SignInAsAsync(role);

        var response = await client.PostFormAsync($"/admin/entidades/{palmira}", Form(Departments.ValleDelCauca, null), "/cuenta/contrasena");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/cuenta/acceso-denegado", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal((null, null), await PlacementAsync(palmira));
    }
}

public sealed class SqliteEditTests(SqliteApp app) : EditTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresEditTests(PostgresApp app) : EditTests(app), IClassFixture<PostgresApp>;

/// <summary>The demo load puts the bundled plan's entity, the Alcaldía de Santiago de Cali, in Valle del Cauca.</summary>
public abstract class DemoEntityTests(VigiaFactory app)
{
    [Fact]
    public async Task BundledPlan_EntityIsInValleDelCauca_AndTheListSaysSo()
    {
        await using (var db = app.Database.CreateContext())
        {
            var entity = await db.Entities.Include(e => e.Department).SingleAsync(e => e.Plans.Any());
            Assert.Equal(Departments.ValleDelCauca, entity.DepartmentId);
            Assert.Equal("Valle del Cauca", entity.Department!.Name);
        }
        var admin = await app.SignInAsAsync(Roles.Administrator);

        var list = await admin.GetPageAsync("/admin/entidades");

        var row = list.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Santiago de Cali", StringComparison.Ordinal));
        Assert.Contains("Valle del Cauca", row.TextContent, StringComparison.Ordinal);
    }
}

[Collection(SharedHosts.SqliteBundledPlan)]
public sealed class SqliteDemoEntityTests(SqliteBundledPlanApp app) : DemoEntityTests(app);

[Collection(SharedHosts.PostgresBundledPlan)]
public sealed class PostgresDemoEntityTests(PostgresBundledPlanApp app) : DemoEntityTests(app);
