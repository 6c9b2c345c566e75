using Microsoft.AspNetCore.Identity;

namespace Vigia.Web.Tests.Pages.Accounts;

/// <summary>Setting the first password with an activation link (/cuenta/activar).</summary>
public abstract class ActivateTests(VigiaFactory app)
{
    [Fact]
    public async Task Post_TheFirstAdministratorsStartUpLink_ActivatesOnceAndSignsIn()
    {
        await using var scope = app.Scope();
        var bootstrap = scope.ServiceProvider.GetRequiredService<FirstAdministrator>();
        var link = await bootstrap.EstablishAsync(null);
        Assert.NotNull(link);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var admin = await users.FindByEmailAsync(link.Email);
        Assert.Null(admin!.PasswordHash);
        var client = app.Anonymous();
        var url = $"/cuenta/activar?token={link.Token}";
        const string password = "la primera clave de la oficina";

        var activated = await client.PostFormAsync(url, new() { ["Password"] = password, ["Confirmation"] = password });
        var reused = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, activated.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, reused.StatusCode);
        var signedIn = await app.SignInAsync(link.Email, password);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/admin")).StatusCode);
        await using var later = app.Scope();
        Assert.Null(await later.ServiceProvider.GetRequiredService<FirstAdministrator>().EstablishAsync(null));
    }

    [Fact]
    public async Task Post_WeakOrMismatchedPassword_ReRendersWithSpanishErrors()
    {
        await using var scope = app.Scope();
        var created = await scope.ServiceProvider.GetRequiredService<AccountService>()
            .CreateAsync(new NewUser($"nueva-{Guid.NewGuid():N}@prueba.gov.co", "Nueva", [Roles.Planning]));
        var client = app.Anonymous();
        var url = $"/cuenta/activar?token={created.Value.ActivationToken}";

        var tooShort = await client.PostFormAsync(url, new() { ["Password"] = "corta", ["Confirmation"] = "corta" });
        var mismatch = await client.PostFormAsync(url, new() { ["Password"] = "una frase bastante larga", ["Confirmation"] = "otra frase distinta larga" });

        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Contains("al menos 12 caracteres", await ErrorsAsync(tooShort), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        Assert.Contains("no coinciden", await ErrorsAsync(mismatch), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
    }

    private static async Task<string> ErrorsAsync(HttpResponseMessage response) =>
        (await TestClient.ParseAsync(response)).QuerySelector("#error-summary")?.TextContent ?? "";
}

public sealed class SqliteActivateTests(SqliteApp app) : ActivateTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresActivateTests(PostgresApp app) : ActivateTests(app), IClassFixture<PostgresApp>;
