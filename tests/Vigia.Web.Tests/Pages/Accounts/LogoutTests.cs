namespace Vigia.Web.Tests.Pages.Accounts;

/// <summary>Signing out (/cuenta/salir).</summary>
public abstract class LogoutTests(VigiaFactory app)
{
    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRejectedAndTheSessionStays()
    {
        var client = await app.SignInAsAsync(Roles.Planning);

        var response = await client.Http.PostAsync(new Uri("/cuenta/salir", UriKind.Relative), new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/gestion")).StatusCode);
    }
}

[Collection(SharedHosts.SqliteSmallPlan)]
public sealed class SqliteLogoutTests(SqliteApp app) : LogoutTests(app);

[Collection(SharedHosts.PostgresSmallPlan)]
public sealed class PostgresLogoutTests(PostgresApp app) : LogoutTests(app);
