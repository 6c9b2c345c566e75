using Microsoft.AspNetCore.Identity;

namespace Vigia.Web.Tests.Pages.Accounts;

/// <summary>The sign-in form (/cuenta/ingresar).</summary>
public abstract class LoginTests(VigiaFactory app)
{
    private static async Task<string> ErrorsAsync(HttpResponseMessage response) =>
        (await TestClient.ParseAsync(response)).QuerySelector("#error-summary")?.TextContent ?? "";

    [Fact]
    public async Task Post_WrongPassword_ReRendersWithSpanishError()
    {
        var user = await TestPeople.CreateAsync(app.Services, Roles.Planning);
        var client = app.Anonymous();

        var response = await client.PostFormAsync("/cuenta/ingresar", new() { ["Email"] = user.Email!, ["Password"] = "no es la contraseña" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("no son correctos", await ErrorsAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_FiveFailures_LockTheAccountEvenForTheRightPassword()
    {
        var user = await TestPeople.CreateAsync(app.Services, Roles.Planning);
        var client = app.Anonymous();
        for (var i = 0; i < 5; i++)
        {
            await client.PostFormAsync("/cuenta/ingresar", new() { ["Email"] = user.Email!, ["Password"] = $"intento fallido {i}" });
        }

        var response = await client.PostFormAsync("/cuenta/ingresar", new() { ["Email"] = user.Email!, ["Password"] = TestPeople.Password });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("bloqueada", await ErrorsAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_LockedUnknownAndWrongPassword_GetTheSameAnswer()
    {
        var locked = await TestPeople.CreateAsync(app.Services, Roles.Planning);
        var wrong = await TestPeople.CreateAsync(app.Services, Roles.Planning);
        var client = app.Anonymous();
        for (var i = 0; i < 5; i++)
        {
            await client.PostFormAsync("/cuenta/ingresar", new() { ["Email"] = locked.Email!, ["Password"] = $"intento fallido {i}" });
        }

        var answers = new List<(HttpStatusCode, string)>();
        foreach (var (email, password) in new[]
        {
            (locked.Email!, TestPeople.Password),
            (locked.Email!, "otra contraseña equivocada"),
            ("nadie-" + locked.Email!, TestPeople.Password),
            (wrong.Email!, "no es la contraseña"),
        })
        {
            var response = await client.PostFormAsync("/cuenta/ingresar", new() { ["Email"] = email, ["Password"] = password });
            answers.Add((response.StatusCode, await ErrorsAsync(response)));
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.BadRequest, a.Item1));
        Assert.Single(answers.Distinct());
        Assert.Contains(global::Vigia.Web.Pages.Accounts.LoginModel.Rejected, answers[0].Item2, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_DeactivatedAccount_CannotSignIn()
    {
        await TestData.SmallPlanAsync(app);
        var user = await TestPeople.CreateAsync(app.Services, Roles.Responsible, TestData.Organisation);
        await using (var scope = app.Scope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<AccountService>().SetActiveAsync(user.Id, false)).Succeeded);
        }
        var client = app.Anonymous();

        var response = await client.PostFormAsync("/cuenta/ingresar", new() { ["Email"] = user.Email!, ["Password"] = TestPeople.Password });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/gestion")).StatusCode);
    }

    [Fact]
    public async Task DeactivatedWhileSignedIn_CannotSignInAgain()
    {
        var user = await TestPeople.CreateAsync(app.Services, Roles.Planning);
        var client = await app.SignInAsync(user.Email!);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/gestion")).StatusCode);
        await using (var scope = app.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<AccountService>().SetActiveAsync(user.Id, false);
            var manager = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.False((await manager.FindByIdAsync(user.Id))!.IsActive);
        }

        var again = await app.TrySignInAsync(user.Email!);

        Assert.True(again is null, "A deactivated user must not be able to sign in again.");
    }

    [Fact]
    public async Task GetAndPost_CarrySecurityHeadersAndAnHttpOnlySessionCookie()
    {
        var user = await TestPeople.CreateAsync(app.Services, Roles.Planning);
        var client = app.Anonymous();

        var page = await client.GetAsync("/cuenta/ingresar");
        var login = await client.PostFormAsync("/cuenta/ingresar", new() { ["Email"] = user.Email!, ["Password"] = TestPeople.Password });

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
    public async Task Post_PastTheRealRateLimit_Answers429InSpanish_AndTheRestOfTheSiteStillAnswers()
    {
        // The test hosts lift the limit; this one has a production-like few attempts a minute.
        await using var limited = await VigiaFactory.StartAsync(app.Provider, new(Settings: new Dictionary<string, string>
        {
            ["Security:SignInAttemptsPerMinute"] = "3",
            ["Security:PublicFormPostsPerMinute"] = "3",
        }));
        await TestData.SmallPlanAsync(limited);
        var client = limited.Anonymous();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 5; i++)
        {
            last = await client.Http.PostAsync(new Uri("/cuenta/ingresar", UriKind.Relative),
                new FormUrlEncodedContent([new("Email", "x@prueba.gov.co"), new("Password", "nada")]));
            statuses.Add(last.StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(3));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Contains("Demasiados intentos", await last!.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/planes/2022")).StatusCode);
    }
}

[Collection(SharedHosts.SqliteSmallPlan)]
public sealed class SqliteLoginTests(SqliteApp app) : LoginTests(app);

[Collection(SharedHosts.PostgresSmallPlan)]
public sealed class PostgresLoginTests(PostgresApp app) : LoginTests(app);
