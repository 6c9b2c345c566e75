using System.Text.RegularExpressions;

namespace Vigia.Web.Tests.Pages.Accounts;

/// <summary>A forgotten password (/cuenta/olvide, then /cuenta/restablecer), with the host's mail going to a real SMTP
/// listener.</summary>
public abstract partial class ForgotPasswordTests(VigiaFactory app)
{
    [GeneratedRegex(@"https?://\S+/cuenta/restablecer\?token=[A-Za-z0-9_-]+")]
    private static partial Regex ResetLink();

    [Fact]
    public async Task Post_KnownAddress_TheLinkArrivesByMailAndSetsANewPasswordOnce()
    {
        await TestData.SmallPlanAsync(app);
        var user = await TestPeople.CreateAsync(app.Services, Roles.Responsible, TestData.Organisation);
        var client = app.Anonymous();

        var requested = await client.PostFormAsync("/cuenta/olvide", new() { ["Email"] = user.Email! });

        Assert.Equal(HttpStatusCode.Redirect, requested.StatusCode);
        var mail = Assert.Single(app.Smtp.ReceivedEmail, m => m.ToAddresses.Any(a => a.Address == user.Email));
        var message = VigiaFactory.Decode(mail);
        Assert.Equal("Vigía: restablecer su contraseña", message.Subject);
        var link = new Uri(ResetLink().Match(message.TextBody ?? "").Value);
        const string password = "mi nueva frase secreta";
        var reset = await client.PostFormAsync(link.PathAndQuery, new() { ["Password"] = password, ["Confirmation"] = password });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(link.PathAndQuery)).StatusCode);
        var signedIn = await app.SignInAsync(user.Email!, password);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/gestion")).StatusCode);
        Assert.Null(await app.TrySignInAsync(user.Email!, TestPeople.Password));
    }

    [Fact]
    public async Task Post_UnknownAddress_AnswersTheSameAndSendsNothing()
    {
        var client = app.Anonymous();
        var before = app.Smtp.ReceivedEmailCount;

        var requested = await client.PostFormAsync("/cuenta/olvide", new() { ["Email"] = "nadie@prueba.gov.co" });

        Assert.Equal(HttpStatusCode.Redirect, requested.StatusCode);
        Assert.Equal(before, app.Smtp.ReceivedEmailCount);
    }
}

public sealed class SqliteForgotPasswordTests(SqliteMailApp app) : ForgotPasswordTests(app), IClassFixture<SqliteMailApp>;

public sealed class PostgresForgotPasswordTests(PostgresMailApp app) : ForgotPasswordTests(app), IClassFixture<PostgresMailApp>;
