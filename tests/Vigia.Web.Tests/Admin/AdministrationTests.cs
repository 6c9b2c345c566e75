using AngleSharp.Html.Parser;
using Vigia.Core.Plans;
using Vigia.Web.Tests.Infrastructure;

namespace Vigia.Web.Tests.Admin;

public abstract class AdministrationTests(VigiaFactory factory)
{
    private static async Task<string> BodyAsync(HttpResponseMessage response) =>
        (await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync())).Body!.TextContent;

    private async Task<int> UnitIdAsync(string name)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Units.Where(u => u.Name == name).Select(u => u.Id).FirstAsync();
    }

    [Fact]
    public async Task Post_NewUser_InternalControlWithAnotherRole_ReRendersWithError()
    {
        var admin = await TestAccounts.SignedInAsync(factory, Roles.Administrator);

        var response = await admin.PostAsync("/admin/usuarios/nueva", new FormUrlEncodedContent(
        [
            new("Email", "oci@prueba.gov.co"), new("DisplayName", "Jefe OCI"),
            new("SelectedRoles", Roles.InternalControl), new("SelectedRoles", Roles.Planning),
            new("__RequestVerificationToken", await TestAccounts.AntiforgeryTokenAsync(admin, "/admin/usuarios/nueva")),
        ]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("no puede combinarse", await BodyAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_NewUser_ResponsibleWithoutUnit_ReRendersWithErrorAndKeepsInput()
    {
        var admin = await TestAccounts.SignedInAsync(factory, Roles.Administrator);

        var response = await TestAccounts.PostFormAsync(admin, "/admin/usuarios/nueva",
            new() { ["Email"] = "sin.unidad@prueba.gov.co", ["DisplayName"] = "Sin Unidad", ["SelectedRoles"] = Roles.Responsible });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("al menos a una unidad", html, StringComparison.Ordinal);
        Assert.Contains("value=\"sin.unidad@prueba.gov.co\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_NewResponsible_ShowsSingleUseActivationLinkAndUserCanActivate()
    {
        var admin = await TestAccounts.SignedInAsync(factory, Roles.Administrator);
        var unit = await UnitIdAsync("Subdirección de Gestión Organizacional");
        var email = $"ana-{Guid.NewGuid():N}@prueba.gov.co";

        var created = await TestAccounts.PostFormAsync(admin, "/admin/usuarios/nueva",
            new() { ["Email"] = email, ["DisplayName"] = "Ana Gómez", ["SelectedRoles"] = Roles.Responsible, ["UnitIds"] = unit.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = await BodyAsync(await admin.GetAsync(created.Headers.Location));
        var link = System.Text.RegularExpressions.Regex.Match(page, @"/cuenta/activar\?token=[A-Za-z0-9_-]+").Value;
        Assert.NotEmpty(link);
        var person = TestAccounts.Anonymous(factory);
        var activated = await TestAccounts.PostFormAsync(person, link, new() { ["Password"] = "frase de ana para vigia", ["Confirmation"] = "frase de ana para vigia" });
        Assert.Equal(HttpStatusCode.Redirect, activated.StatusCode);
        var signedIn = await TestAccounts.SignInAsync(factory, email, "frase de ana para vigia");
        Assert.Contains("1.1.1", await BodyAsync(await signedIn.GetAsync("/gestion")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_DeactivateUser_KeepsTheAccountButBlocksSignIn()
    {
        var admin = await TestAccounts.SignedInAsync(factory, Roles.Administrator);
        var user = await TestAccounts.CreateAsync(factory, Roles.Planning);

        var response = await TestAccounts.PostFormAsync(admin, $"/admin/usuarios/{user.Id}?handler=Active", new() { ["active"] = "false" },
            $"/admin/usuarios/{user.Id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await Assert.ThrowsAnyAsync<Exception>(() => TestAccounts.SignInAsync(factory, user.Email!, TestAccounts.Password));
        Assert.Contains("Desactivada", await BodyAsync(await admin.GetAsync("/admin/usuarios")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_MergeUnits_MovesActionsToTheKeptUnit()
    {
        var admin = await TestAccounts.SignedInAsync(factory, Roles.Administrator);
        var created = await TestAccounts.PostFormAsync(admin, "/admin/unidades?handler=Create", new() { ["Name"] = "Subdireccion de Gestion Organizacional (duplicada)" }, "/admin/unidades");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var keep = await UnitIdAsync("Subdirección de Gestión Organizacional");
        var duplicate = await UnitIdAsync("Subdireccion de Gestion Organizacional (duplicada)");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var action = await db.Actions.Where(a => a.Activity!.Code == "5.1.1").Select(a => a.Id).FirstAsync();
            db.ActionUnits.Add(new ActionUnit { ActionId = action, UnitId = duplicate });
            await db.SaveChangesAsync();
        }

        var merged = await TestAccounts.PostFormAsync(admin, "/admin/unidades?handler=Merge",
            new() { ["KeepId"] = keep.ToString(System.Globalization.CultureInfo.InvariantCulture), ["DuplicateId"] = duplicate.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            "/admin/unidades");

        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        await using var check = factory.Services.CreateAsyncScope();
        var after = check.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await after.ActionUnits.AnyAsync(x => x.UnitId == duplicate));
        Assert.True(await after.ActionUnits.AnyAsync(x => x.UnitId == keep && x.Action!.Activity!.Code == "5.1.1"));
        Assert.False((await after.Units.FindAsync(duplicate))!.IsActive);
    }

    [Fact]
    public async Task Post_Process_WithoutKind_ReRendersThenSavesWithKind()
    {
        var admin = await TestAccounts.SignedInAsync(factory, Roles.Administrator);

        var invalid = await TestAccounts.PostFormAsync(admin, "/admin/procesos", new() { ["Name"] = "Gestión de la Contratación" });
        var valid = await TestAccounts.PostFormAsync(admin, "/admin/procesos", new() { ["Name"] = "Gestión de la Contratación", ["Kind"] = "Support", ["Active"] = "true" });

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("Elija el tipo de proceso", await BodyAsync(invalid), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, valid.StatusCode);
        Assert.Contains("De apoyo", await BodyAsync(await admin.GetAsync("/admin/procesos")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditPage_ExportsCsvAndNamesTamperedEntry()
    {
        var admin = await TestAccounts.SignedInAsync(factory, Roles.Administrator);
        await TestAccounts.PostFormAsync(admin, "/admin/procesos", new() { ["Name"] = "Control Interno de Gestión", ["Kind"] = "EvaluationAndControl", ["Active"] = "true" });

        var csv = await admin.GetAsync("/admin/auditoria?registro=Process&handler=Csv");
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("fecha_utc,persona,registro,id,accion,cambios,motivo,hash", text, StringComparison.Ordinal);
        Assert.Contains("Control Interno de Gestión", text, StringComparison.Ordinal);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var target = await db.AuditEntries.Where(e => e.EntityType == "Process").OrderBy(e => e.Sequence).Select(e => e.Sequence).FirstAsync();
            await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"ActorName\" = 'otra persona' WHERE \"Sequence\" = {target}");
        }
        var verified = await TestAccounts.PostFormAsync(admin, "/admin/auditoria?handler=Verify", [], "/admin/auditoria");

        Assert.Contains("La cadena está rota", await BodyAsync(verified), StringComparison.Ordinal);
    }
}

[Collection("sqlite")]
public class SqliteAdministrationTests(SqliteVigiaFactory factory) : AdministrationTests(factory), IClassFixture<SqliteVigiaFactory>;

[Collection("postgres")]
public class PostgresAdministrationTests(PostgresVigiaFactory factory) : AdministrationTests(factory), IClassFixture<PostgresVigiaFactory>;
