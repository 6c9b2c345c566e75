using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Vigia.Web.Tests.Security;

/// <summary>Issue 14: two instances behind a load balancer on one PostgreSQL read the same data-protection key ring from
/// the database, so a form one instance served is accepted by the other, and a session one issued opens the other.</summary>
public sealed class TwoInstancesSessionTests : IAsyncLifetime
{
    private VigiaFactory a = null!;
    private VigiaFactory b = null!;

    public async Task InitializeAsync()
    {
        a = await VigiaFactory.StartAsync(DatabaseProvider.Postgres);
        _ = a.Services;
        b = await VigiaFactory.StartAsync(DatabaseProvider.Postgres, new(Settings: new Dictionary<string, string>
        {
            ["ConnectionStrings:Vigia"] = a.Database.ConnectionString,
            ["Audit:KeyFile"] = a.AuditKeyFile,
        }));
        _ = b.Services;
    }

    public async Task DisposeAsync()
    {
        await b.DisposeAsync();
        await a.DisposeAsync();
    }

    /// <summary>A client that keeps no cookies of its own: the test carries them from one instance to the other, as a
    /// browser does behind a load balancer.</summary>
    private static HttpClient Raw(VigiaFactory app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : []);

    [Fact]
    public async Task TheSignInFormOfA_IsAcceptedByB_AndTheSessionBIssued_OpensTheDeskOnA()
    {
        var person = await TestPeople.CreateAsync(a.Services, Roles.Planning, name: "Paula Planeación");
        using var onA = Raw(a);
        using var onB = Raw(b);

        var form = await onA.GetAsync(new Uri("/cuenta/ingresar", UriKind.Relative));
        var token = (await new HtmlParser().ParseDocumentAsync(await form.Content.ReadAsStringAsync()))
            .QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri("/cuenta/ingresar", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = person.Email!,
                ["Password"] = TestPeople.Password,
                ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("Cookie", Cookies(form));
        var signedIn = await onB.SendAsync(post);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var session = Cookies(signedIn);
        Assert.Contains("vigia-sesion=", session, StringComparison.Ordinal);
        using var desk = new HttpRequestMessage(HttpMethod.Get, new Uri("/gestion", UriKind.Relative));
        desk.Headers.Add("Cookie", session);
        var opened = await onA.SendAsync(desk);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Contains("action=\"/cuenta/salir\"", await opened.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = a.Database.CreateContext();
        Assert.Equal(1, await db.DataProtectionKeys.CountAsync());
    }
}
