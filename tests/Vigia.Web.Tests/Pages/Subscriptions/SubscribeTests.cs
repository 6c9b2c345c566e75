using System.Globalization;
using System.Text.RegularExpressions;

namespace Vigia.Web.Tests.Pages.Subscriptions;

/// <summary>A citizen subscribes to the consultations at /planes/{year}/consulta/suscribirse without an account, with the
/// host's mail going to a real SMTP listener: the confirmation link asks for a click, works once, and the unsubscribe link
/// of the mail works without signing in; a refused form or a tampered link answers 400 in Spanish.</summary>
public abstract partial class SubscribeTests(VigiaFactory app)
{
    [GeneratedRegex(@"https?://\S+/suscripciones/confirmar\?token=[A-Za-z0-9_%-]+")]
    private static partial Regex ConfirmLink();

    [GeneratedRegex(@"https?://\S+/suscripciones/cancelar\?token=[A-Za-z0-9_%-]+")]
    private static partial Regex CancelLink();

    [GeneratedRegex(@"Cuánto es (\d) más (\d)")]
    private static partial Regex Question();

    private static async Task<Dictionary<string, string>> FormAsync(TestClient client, string email, bool consent)
    {
        var doc = await client.GetPageAsync("/planes/2022/consulta/suscribirse");
        var match = Question().Match(doc.QuerySelector("label[for='QuestionAnswer']")!.TextContent);
        Assert.True(match.Success);
        var form = new Dictionary<string, string>
        {
            ["Email"] = email,
            ["QuestionToken"] = doc.QuerySelector("input[name='QuestionToken']")!.GetAttribute("value")!,
            ["QuestionAnswer"] = (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) + int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture))
                .ToString(CultureInfo.InvariantCulture),
            ["sitio_web"] = "",
        };
        if (consent)
        {
            form["Consent"] = "true";
        }
        return form;
    }

    [Fact]
    public async Task Subscribe_ConfirmOnce_ThenUnsubscribeWithoutAnAccount()
    {
        await TestData.SmallPlanAsync(app);
        var citizen = app.Anonymous();
        const string email = "ciudadana-suscrita@example.co";

        var refused = await citizen.PostFormAsync("/planes/2022/consulta/suscribirse", await FormAsync(citizen, email, consent: false));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Marque la autorización", (await TestClient.ParseAsync(refused)).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(app.Smtp.ReceivedEmail, m => m.ToAddresses.Any(a => a.Address == email));

        var asked = await citizen.PostFormAsync("/planes/2022/consulta/suscribirse", await FormAsync(citizen, email, consent: true));
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var message = VigiaFactory.Decode(Assert.Single(app.Smtp.ReceivedEmail, m => m.ToAddresses.Any(a => a.Address == email)));
        var confirm = new Uri(ConfirmLink().Match(message.TextBody ?? "").Value);
        var cancel = new Uri(CancelLink().Match(message.TextBody ?? "").Value);

        // Opening the link confirms nothing (a mail scanner may open it); the button does, once.
        var page = await citizen.GetPageAsync(confirm.PathAndQuery);
        Assert.Equal("Confirmar mi suscripción", page.QuerySelector("main form button")!.TextContent.Trim());
        await using (var db = app.Database.CreateContext())
        {
            Assert.Null(await db.ConsultationSubscribers.Where(s => s.Email == email).Select(s => s.ConfirmedAt).SingleAsync());
        }
        var confirmed = await citizen.PostFormAsync(confirm.PathAndQuery, new() { ["token"] = Uri.UnescapeDataString(confirm.Query[7..]) });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("Suscripción confirmada", (await TestClient.ParseAsync(confirmed)).QuerySelector(".alert-success")!.TextContent, StringComparison.Ordinal);
        var used = await citizen.GetAsync(confirm.PathAndQuery);
        Assert.Equal(HttpStatusCode.BadRequest, used.StatusCode);
        Assert.Contains("no es válido, ya se usó o venció", (await TestClient.ParseAsync(used)).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);

        var tampered = await citizen.GetAsync(cancel.PathAndQuery + "x");
        Assert.Equal(HttpStatusCode.BadRequest, tampered.StatusCode);
        Assert.Contains("no es válido", (await TestClient.ParseAsync(tampered)).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await citizen.GetAsync(cancel.PathAndQuery)).StatusCode);
        var gone = await citizen.PostFormAsync(cancel.PathAndQuery, new() { ["token"] = Uri.UnescapeDataString(cancel.Query[7..]) });
        Assert.Equal(HttpStatusCode.OK, gone.StatusCode);
        await using var check = app.Database.CreateContext();
        Assert.False(await check.ConsultationSubscribers.AnyAsync(s => s.Email == email));
    }
}

public sealed class SqliteSubscribeTests(SqliteMailApp app) : SubscribeTests(app), IClassFixture<SqliteMailApp>;

public sealed class PostgresSubscribeTests(PostgresMailApp app) : SubscribeTests(app), IClassFixture<PostgresMailApp>;
