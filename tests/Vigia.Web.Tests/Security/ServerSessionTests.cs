using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Net.Http.Headers;

namespace Vigia.Web.Tests.Security;

/// <summary>The session cookie is tied to a server-side session: signing out, an administrator ending the session, or
/// deactivating the account make a copy of the cookie open nothing from the very next request (issue 14).</summary>
public abstract class ServerSessionTests(VigiaFactory app)
{
    private const string CookieName = "vigia-sesion";

    /// <summary>Signs in through the form and returns the client and the session cookie it was given, as an attacker
    /// who copied it would have it.</summary>
    private async Task<(TestClient Client, string Cookie, AppUser User)> SignInCapturingCookieAsync()
    {
        var user = await TestPeople.CreateAsync(app.Services, Roles.Planning);
        var client = app.Anonymous();
        var response = await client.PostFormAsync("/cuenta/ingresar", new() { ["Email"] = user.Email!, ["Password"] = TestPeople.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = SetCookieHeaderValue.ParseList([.. response.Headers.GetValues(HeaderNames.SetCookie)])
            .Single(c => c.Name.Value == CookieName);
        return (client, $"{CookieName}={cookie.Value}", user);
    }

    /// <summary>A request from another machine carrying only the captured cookie.</summary>
    private async Task<HttpResponseMessage> ReplayAsync(string cookie, string url = "/gestion")
    {
        using var replay = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.Add(HeaderNames.Cookie, cookie);
        return await replay.SendAsync(request);
    }

    private static void AssertSentToSignIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/cuenta/ingresar", response.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task CookieCapturedBeforeSignOut_OpensNothingAfterIt()
    {
        var (client, cookie, _) = await SignInCapturingCookieAsync();
        Assert.Equal(HttpStatusCode.OK, (await ReplayAsync(cookie)).StatusCode);

        var signOut = await client.PostFormAsync("/cuenta/salir", new());
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        AssertSentToSignIn(await ReplayAsync(cookie));
    }

    [Fact]
    public async Task SigningOutOneBrowser_LeavesTheOtherSessionsOfThePersonOpen()
    {
        var (client, _, user) = await SignInCapturingCookieAsync();
        var other = await app.SignInAsync(user.Email!);

        await client.PostFormAsync("/cuenta/salir", new());

        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/gestion")).StatusCode);
    }

    [Fact]
    public async Task Administrator_SeesAPersonsSessions_AndEndsThemAtOnce()
    {
        var (_, cookie, user) = await SignInCapturingCookieAsync();
        var admin = await app.SignInAsAsync(Roles.Administrator);
        var page = await admin.GetPageAsync($"/admin/usuarios/{user.Id}");
        Assert.Single(page.QuerySelectorAll("form input[name='session']"));

        var response = await admin.PostFormAsync($"/admin/usuarios/{user.Id}?handler=EndSessions", new(), $"/admin/usuarios/{user.Id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        AssertSentToSignIn(await ReplayAsync(cookie));
        var after = await admin.GetPageAsync($"/admin/usuarios/{user.Id}");
        Assert.Empty(after.QuerySelectorAll("form input[name='session']"));
        Assert.Contains("No tiene sesiones abiertas", after.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Administrator_EndsOneSession_AndTheOtherStaysOpen()
    {
        var (_, cookie, user) = await SignInCapturingCookieAsync();
        var other = await app.SignInAsync(user.Email!);
        var admin = await app.SignInAsAsync(Roles.Administrator);
        string first;
        await using (var scope = app.Scope())
        {
            var sessions = await scope.ServiceProvider.GetRequiredService<UserSessions>().ActiveAsync(user.Id);
            Assert.Equal(2, sessions.Count);
            first = sessions.OrderBy(s => s.StartedAt).ThenBy(s => s.Id, StringComparer.Ordinal).First().Id;
        }
        var response = await admin.PostFormAsync($"/admin/usuarios/{user.Id}?handler=EndSession", new() { ["session"] = first },
            $"/admin/usuarios/{user.Id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stillOpen = new[] { (await ReplayAsync(cookie)).StatusCode, (await other.GetAsync("/gestion")).StatusCode };
        Assert.Equal(1, stillOpen.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(1, stillOpen.Count(s => s == HttpStatusCode.Redirect));
    }

    [Fact]
    public async Task Administrator_CannotEndAnotherPersonsSessionThroughThisPersonsPage()
    {
        var (_, cookie, victim) = await SignInCapturingCookieAsync();
        var bystander = await TestPeople.CreateAsync(app.Services, Roles.Planning);
        var admin = await app.SignInAsAsync(Roles.Administrator);
        string id;
        await using (var scope = app.Scope())
        {
            id = (await scope.ServiceProvider.GetRequiredService<UserSessions>().ActiveAsync(victim.Id)).Single().Id;
        }

        var response = await admin.PostFormAsync($"/admin/usuarios/{bystander.Id}?handler=EndSession", new() { ["session"] = id },
            $"/admin/usuarios/{bystander.Id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ReplayAsync(cookie)).StatusCode);
    }

    [Fact]
    public async Task DeactivatingTheAccount_EndsItsSessionsAtOnce()
    {
        var (_, cookie, user) = await SignInCapturingCookieAsync();

        await using (var scope = app.Scope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<AccountService>().SetActiveAsync(user.Id, false)).Succeeded);
        }

        // No clock moves: before issue 14 the security stamp was only looked at again a minute later.
        AssertSentToSignIn(await ReplayAsync(cookie));
    }
}

public sealed class SqliteServerSessionTests(SqliteApp app) : ServerSessionTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresServerSessionTests(PostgresApp app) : ServerSessionTests(app), IClassFixture<PostgresApp>;
