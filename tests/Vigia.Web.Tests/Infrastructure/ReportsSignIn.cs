using AngleSharp.Html.Parser;

namespace Vigia.Web.Tests.Infrastructure;

/// <summary>Signed-in test clients: a person created with <see cref="AccountService"/> and a password, then signed
/// in through the real form (<c>POST /cuenta/ingresar</c> with the antiforgery token scraped from the GET).
/// The sign-in form allows 10 attempts a minute, so a test class signs each person in once and reuses the client.</summary>
public static class ReportsSignIn
{
    public const string Password = "clave-de-prueba-vigia-2026";

    /// <summary>Creates the person (units by name, components by number in the 2022 plan) and returns a client with
    /// their session cookie. The client does not follow redirects, so tests see each 302.</summary>
    public static async Task<HttpClient> SignInNewPersonAsync(this VigiaFactory factory, string name, string role,
        string[]? unitNames = null, int[]? componentNumbers = null)
    {
        var email = $"{role.ToLowerInvariant()}.{Guid.NewGuid():N}@prueba.cali.gov.co";
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var units = unitNames is null ? null : await db.Units.Where(u => unitNames.Contains(u.Name)).Select(u => u.Id).ToListAsync();
            var components = componentNumbers is null ? null
                : await db.Components.Where(c => c.Plan!.Year == 2022 && componentNumbers.Contains(c.Number)).Select(c => c.Id).ToListAsync();
            var result = await scope.ServiceProvider.GetRequiredService<AccountService>()
                .CreateAsync(new NewUser(email, name, [role], units, components, Password));
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        }
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var token = await AntiforgeryTokenAsync(client, "/cuenta/ingresar");
        var response = await client.PostAsync("/cuenta/ingresar", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = Password,
            ["__RequestVerificationToken"] = token,
        }));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in of {email} answered {(int)response.StatusCode}");
        return client;
    }

    /// <summary>The antiforgery token of the first form on a page (the GET also sets the matching cookie).</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} returned {(int)response.StatusCode}");
        var doc = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        return doc.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{url} has no form with an antiforgery token.");
    }
}
