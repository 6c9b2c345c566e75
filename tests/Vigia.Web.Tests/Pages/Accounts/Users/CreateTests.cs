using System.Globalization;
using System.Text.RegularExpressions;

namespace Vigia.Web.Tests.Pages.Accounts.Users;

/// <summary>A new account (/admin/usuarios/nueva).</summary>
public abstract class CreateTests(VigiaFactory app)
{
    private static async Task<string> BodyAsync(HttpResponseMessage response) => (await TestClient.ParseAsync(response)).Body!.TextContent;

    [Fact]
    public async Task Post_InternalControlWithAnotherRole_ReRendersWithError()
    {
        var admin = await app.SignInAsAsync(Roles.Administrator);

        var response = await admin.PostFormAsync("/admin/usuarios/nueva", new KeyValuePair<string, string>[]
        {
            new("Email", "oci@prueba.gov.co"), new("DisplayName", "Jefe OCI"),
            new("SelectedRoles", Roles.InternalControl), new("SelectedRoles", Roles.Planning),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("no puede combinarse", await BodyAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_DepartmentObserver_TakesTheDepartmentsPicked_AndRefusesNoneOrAnotherRole()
    {
        var admin = await app.SignInAsAsync(Roles.Administrator);
        var form = await admin.GetPageAsync("/admin/usuarios/nueva");
        Assert.Equal("Consulta departamental", form.QuerySelector($"label[for='rol-{Roles.DepartmentObserver}']")!.TextContent);
        Assert.Equal(33, form.QuerySelectorAll("fieldset#DepartmentIds input[type='checkbox'][name='DepartmentIds']").Length);
        var email = $"valle-{Guid.NewGuid():N}@valle.gov.co";

        var none = await admin.PostFormAsync("/admin/usuarios/nueva",
            new() { ["Email"] = email, ["DisplayName"] = "Oficina de Control Interno del Valle", ["SelectedRoles"] = Roles.DepartmentObserver });
        var combined = await admin.PostFormAsync("/admin/usuarios/nueva", new KeyValuePair<string, string>[]
        {
            new("Email", email), new("DisplayName", "Oficina de Control Interno del Valle"), new("SelectedRoles", Roles.DepartmentObserver),
            new("SelectedRoles", Roles.Planning), new("DepartmentIds", "76"),
        });
        var created = await admin.PostFormAsync("/admin/usuarios/nueva", new KeyValuePair<string, string>[]
        {
            new("Email", email), new("DisplayName", "Oficina de Control Interno del Valle"), new("SelectedRoles", Roles.DepartmentObserver),
            new("DepartmentIds", "76"), new("DepartmentIds", "19"),
        });

        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("Una cuenta de Consulta departamental debe tener al menos un departamento.", await BodyAsync(none), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, combined.StatusCode);
        Assert.Contains("Consulta departamental es de solo lectura", await BodyAsync(combined), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        await using var db = app.Database.CreateContext();
        var user = await db.Users.Include(u => u.Departments).SingleAsync(u => u.Email == email);
        Assert.Equal([19, 76], user.Departments.Select(d => d.DepartmentId).Order());
        var edit = await admin.GetPageAsync($"/admin/usuarios/{user.Id}");
        Assert.NotNull(edit.QuerySelector("input#departamento-76[checked]"));
        Assert.NotNull(edit.QuerySelector("input#departamento-19[checked]"));
        Assert.Null(edit.QuerySelector("input#departamento-5[checked]"));
    }

    [Fact]
    public async Task Post_ResponsibleWithoutUnit_ReRendersWithErrorAndKeepsInput()
    {
        var admin = await app.SignInAsAsync(Roles.Administrator);

        var response = await admin.PostFormAsync("/admin/usuarios/nueva",
            new() { ["Email"] = "sin.unidad@prueba.gov.co", ["DisplayName"] = "Sin Unidad", ["SelectedRoles"] = Roles.Responsible });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("al menos a una unidad", html, StringComparison.Ordinal);
        Assert.Contains("value=\"sin.unidad@prueba.gov.co\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_NewResponsible_ShowsASingleUseActivationLink_WithWhichThePersonSeesTheirActions()
    {
        var plan = await TestData.SmallPlanAsync(app);
        var admin = await app.SignInAsAsync(Roles.Administrator);
        var unit = plan.Unit(TestData.Organisation);
        var email = $"ana-{Guid.NewGuid():N}@prueba.gov.co";

        var created = await admin.PostFormAsync("/admin/usuarios/nueva",
            new() { ["Email"] = email, ["DisplayName"] = "Ana Gómez", ["SelectedRoles"] = Roles.Responsible, ["UnitIds"] = unit.ToString(CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = await BodyAsync(await admin.Http.GetAsync(created.Headers.Location));
        var link = Regex.Match(page, @"/cuenta/activar\?token=[A-Za-z0-9_-]+").Value;
        Assert.NotEmpty(link);
        var person = app.Anonymous();
        var activated = await person.PostFormAsync(link, new() { ["Password"] = "frase de ana para vigia", ["Confirmation"] = "frase de ana para vigia" });
        Assert.Equal(HttpStatusCode.Redirect, activated.StatusCode);
        var signedIn = await app.SignInAsync(email, "frase de ana para vigia");
        Assert.Contains("1.1.1", await BodyAsync(await signedIn.GetAsync("/gestion")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_OnlyAnAdministrator_CreatesTheAccount_EveryoneElseIsRefused()
    {
        await TestData.SmallPlanAsync(app);
        var failures = new List<string>();
        foreach (var person in AuthorizationMatrixTests.People)
        {
            var client = await AuthorizationMatrixTests.ClientAsync(app, person);
            var tokenPage = person == AuthorizationMatrixTests.Anonymous ? "/cuenta/ingresar" : "/cuenta/contrasena";
            var response = await client.PostFormAsync("/admin/usuarios/nueva", new()
            {
                ["Email"] = $"intruso-{Guid.NewGuid():N}@prueba.gov.co",
                ["DisplayName"] = "Intruso",
                ["SelectedRoles"] = Roles.Administrator,
            }, tokenPage);
            var expected = person switch
            {
                AuthorizationMatrixTests.Anonymous => AuthorizationMatrixTests.Outcome.Login,
                Roles.Administrator => AuthorizationMatrixTests.Outcome.Ok,
                _ => AuthorizationMatrixTests.Outcome.Denied,
            };
            var actual = person == Roles.Administrator && response.StatusCode == HttpStatusCode.Redirect
                ? AuthorizationMatrixTests.Outcome.Ok
                : AuthorizationMatrixTests.Classify(response);
            if (actual != expected)
            {
                failures.Add($"{person} POST /admin/usuarios/nueva: expected {expected}, got {actual} ({(int)response.StatusCode})");
            }
        }

        Assert.Empty(failures);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(1, await db.Users.CountAsync(u => u.DisplayName == "Intruso"));
    }
}

[Collection(SharedHosts.SqliteSmallPlan)]
public sealed class SqliteCreateTests(SqliteApp app) : CreateTests(app);

[Collection(SharedHosts.PostgresSmallPlan)]
public sealed class PostgresCreateTests(PostgresApp app) : CreateTests(app);
