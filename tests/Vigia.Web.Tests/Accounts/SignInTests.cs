using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Vigia.Web.Tests.Infrastructure;

namespace Vigia.Web.Tests.Accounts;

public abstract class SignInTests(VigiaFactory factory)
{
    private static async Task<string> ErrorsAsync(HttpResponseMessage response)
    {
        var doc = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        return doc.QuerySelector("#error-summary")?.TextContent ?? "";
    }

    [Fact]
    public async Task Post_Login_WithWrongPassword_ReRendersWithSpanishError()
    {
        var user = await TestAccounts.CreateAsync(factory, Roles.Planning);
        var client = TestAccounts.Anonymous(factory);

        var response = await TestAccounts.PostFormAsync(client, "/cuenta/ingresar", new() { ["Email"] = user.Email!, ["Password"] = "no es la contraseña" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("no son correctos", await ErrorsAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Login_FiveFailures_LockTheAccountEvenForTheRightPassword()
    {
        var user = await TestAccounts.CreateAsync(factory, Roles.Planning);
        var client = TestAccounts.Anonymous(factory);
        for (var i = 0; i < 5; i++)
        {
            await TestAccounts.PostFormAsync(client, "/cuenta/ingresar", new() { ["Email"] = user.Email!, ["Password"] = $"intento fallido {i}" });
        }

        var response = await TestAccounts.PostFormAsync(client, "/cuenta/ingresar", new() { ["Email"] = user.Email!, ["Password"] = TestAccounts.Password });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("bloqueada", await ErrorsAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Login_DeactivatedAccount_CannotSignIn()
    {
        var user = await TestAccounts.CreateAsync(factory, Roles.Responsible, "Subdirección de Gestión Organizacional");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<AccountService>().SetActiveAsync(user.Id, false)).Succeeded);
        }
        var client = TestAccounts.Anonymous(factory);

        var response = await TestAccounts.PostFormAsync(client, "/cuenta/ingresar", new() { ["Email"] = user.Email!, ["Password"] = TestAccounts.Password });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/gestion")).StatusCode);
    }

    [Fact]
    public async Task DeactivatingSignedInUser_EndsTheSessionAtItsNextCheck()
    {
        var user = await TestAccounts.CreateAsync(factory, Roles.Planning);
        var client = await TestAccounts.SignInAsync(factory, user.Email!, TestAccounts.Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/gestion")).StatusCode);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AccountService>().SetActiveAsync(user.Id, false);
            var manager = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.False((await manager.FindByIdAsync(user.Id))!.IsActive);
        }

        var again = await TestAccounts.SignInAsync(factory, user.Email!, TestAccounts.Password).ContinueWith(t => t.IsFaulted);

        Assert.True(again, "A deactivated user must not be able to sign in again.");
    }

    [Fact]
    public async Task FirstAdministrator_ActivatesOnceWithTheStartUpLinkAndSignsIn()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var bootstrap = scope.ServiceProvider.GetRequiredService<FirstAdministrator>();
        var link = await bootstrap.EstablishAsync(null);
        Assert.NotNull(link);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var admin = await users.FindByEmailAsync(link.Email);
        Assert.Null(admin!.PasswordHash);
        var client = TestAccounts.Anonymous(factory);
        var url = $"/cuenta/activar?token={link.Token}";
        const string password = "la primera clave de la oficina";

        var activated = await TestAccounts.PostFormAsync(client, url, new() { ["Password"] = password, ["Confirmation"] = password });
        var reused = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, activated.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, reused.StatusCode);
        var signedIn = await TestAccounts.SignInAsync(factory, link.Email, password);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/admin")).StatusCode);
        await using var later = factory.Services.CreateAsyncScope();
        Assert.Null(await later.ServiceProvider.GetRequiredService<FirstAdministrator>().EstablishAsync(null));
    }

    [Fact]
    public async Task Post_Activate_WeakOrMismatchedPassword_ReRendersWithSpanishErrors()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<AccountService>()
            .CreateAsync(new NewUser($"nueva-{Guid.NewGuid():N}@prueba.gov.co", "Nueva", [Roles.Planning]));
        var client = TestAccounts.Anonymous(factory);
        var url = $"/cuenta/activar?token={created.Value.ActivationToken}";

        var tooShort = await TestAccounts.PostFormAsync(client, url, new() { ["Password"] = "corta", ["Confirmation"] = "corta" });
        var mismatch = await TestAccounts.PostFormAsync(client, url, new() { ["Password"] = "una frase bastante larga", ["Confirmation"] = "otra frase distinta larga" });

        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Contains("al menos 12 caracteres", await ErrorsAsync(tooShort), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        Assert.Contains("no coinciden", await ErrorsAsync(mismatch), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Responses_CarrySecurityHeadersAndHttpOnlyCookies()
    {
        var user = await TestAccounts.CreateAsync(factory, Roles.Planning);
        var client = TestAccounts.Anonymous(factory);

        var page = await client.GetAsync("/cuenta/ingresar");
        var login = await TestAccounts.PostFormAsync(client, "/cuenta/ingresar", new() { ["Email"] = user.Email!, ["Password"] = TestAccounts.Password });

        var csp = string.Join(" ", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
        var session = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("vigia-sesion=", StringComparison.Ordinal));
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", session, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Post_Logout_WithoutAntiforgeryToken_IsRejected()
    {
        var client = await TestAccounts.SignedInAsync(factory, Roles.Planning);

        var response = await client.PostAsync("/cuenta/salir", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/gestion")).StatusCode);
    }
}

[Collection("sqlite")]
public class SqliteSignInTests(SqliteVigiaFactory factory) : SignInTests(factory), IClassFixture<SqliteVigiaFactory>;

[Collection("postgres")]
public class PostgresSignInTests(PostgresVigiaFactory factory) : SignInTests(factory), IClassFixture<PostgresVigiaFactory>;
