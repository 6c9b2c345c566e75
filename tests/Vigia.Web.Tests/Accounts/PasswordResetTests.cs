using System.Text.RegularExpressions;
using Vigia.Web.Tests.Infrastructure;

namespace Vigia.Web.Tests.Accounts;

public partial class PasswordResetTests(MailVigiaFactory factory) : IClassFixture<MailVigiaFactory>
{
    [GeneratedRegex(@"https?://\S+/cuenta/restablecer\?token=[A-Za-z0-9_-]+")]
    private static partial Regex ResetLink();

    [Fact]
    public async Task ForgottenPassword_LinkArrivesByMail_SetsNewPasswordOnce()
    {
        var user = await TestAccounts.CreateAsync(factory, Roles.Responsible, "Subdirección de Gestión Organizacional");
        var client = TestAccounts.Anonymous(factory);

        var requested = await TestAccounts.PostFormAsync(client, "/cuenta/olvide", new() { ["Email"] = user.Email! });

        Assert.Equal(HttpStatusCode.Redirect, requested.StatusCode);
        var mail = Assert.Single(factory.Smtp.ReceivedEmail, m => m.ToAddresses.Any(a => a.Address == user.Email));
        var message = MailVigiaFactory.Decode(mail);
        Assert.Equal("Vigía: restablecer su contraseña", message.Subject);
        var link = new Uri(ResetLink().Match(message.TextBody ?? "").Value);
        const string password = "mi nueva frase secreta";
        var reset = await TestAccounts.PostFormAsync(client, link.PathAndQuery, new() { ["Password"] = password, ["Confirmation"] = password });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(link.PathAndQuery)).StatusCode);
        var signedIn = await TestAccounts.SignInAsync(factory, user.Email!, password);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/gestion")).StatusCode);
        await Assert.ThrowsAnyAsync<Exception>(() => TestAccounts.SignInAsync(factory, user.Email!, TestAccounts.Password));
    }

    [Fact]
    public async Task ForgottenPassword_UnknownAddress_AnswersTheSameAndSendsNothing()
    {
        var client = TestAccounts.Anonymous(factory);
        var before = factory.Smtp.ReceivedEmailCount;

        var requested = await TestAccounts.PostFormAsync(client, "/cuenta/olvide", new() { ["Email"] = "nadie@prueba.gov.co" });

        Assert.Equal(HttpStatusCode.Redirect, requested.StatusCode);
        Assert.Equal(before, factory.Smtp.ReceivedEmailCount);
    }
}
