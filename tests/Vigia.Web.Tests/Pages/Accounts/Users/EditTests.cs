namespace Vigia.Web.Tests.Pages.Accounts.Users;

/// <summary>An account's page (/admin/usuarios/{id}).</summary>
public abstract class EditTests(VigiaFactory app)
{
    [Fact]
    public async Task Post_Deactivate_KeepsTheAccountButBlocksSignIn()
    {
        var admin = await app.SignInAsAsync(Roles.Administrator);
        var user = await TestPeople.CreateAsync(app.Services, Roles.Planning);

        var response = await admin.PostFormAsync($"/admin/usuarios/{user.Id}?handler=Active", new() { ["active"] = "false" }, $"/admin/usuarios/{user.Id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null(await app.TrySignInAsync(user.Email!));
        Assert.Contains("Desactivada", (await admin.GetPageAsync("/admin/usuarios")).Body!.TextContent, StringComparison.Ordinal);
    }
}

[Collection(SharedHosts.SqliteSmallPlan)]
public sealed class SqliteEditTests(SqliteApp app) : EditTests(app);

[Collection(SharedHosts.PostgresSmallPlan)]
public sealed class PostgresEditTests(PostgresApp app) : EditTests(app);
