using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Vigia.Web.Tests.Infrastructure;

/// <summary>Signed-in clients for page tests: creates an account with a password through <see cref="AccountService"/>
/// and signs in through the real form (GET /cuenta/ingresar for the antiforgery token, then POST).</summary>
public static partial class FollowUpSignIn
{
    public const string Password = "contraseña-de-prueba-2026";

    // Sign-in is rate limited (10 a minute per address): one signed-in client per factory and role.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<VigiaFactory, Dictionary<string, HttpClient>> Clients = [];
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task<HttpClient> ClientAsync(VigiaFactory factory, string role)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await Gate.WaitAsync();
        try
        {
            var clients = Clients.GetOrCreateValue(factory);
            if (!clients.TryGetValue(role, out var client))
            {
                clients[role] = client = await SignInAsync(factory, role);
            }
            return client;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<HttpClient> SignInAsync(VigiaFactory factory, string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@prueba.vigia";
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // A Responsable needs a unit and a Líder de componente a component.
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            List<int>? units = role == Roles.Responsible ? [await db.Units.OrderBy(u => u.Id).Select(u => u.Id).FirstAsync()] : null;
            List<int>? components = role == Roles.ComponentLeader ? [await db.Components.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync()] : null;
            var result = await scope.ServiceProvider.GetRequiredService<AccountService>()
                .CreateAsync(new NewUser(email, $"{role} de prueba", [role], units, components, Password));
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        }
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = await TokenAsync(client, "/cuenta/ingresar");
        var response = await client.PostAsync("/cuenta/ingresar", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = Password,
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>The antiforgery token of the first form on a page (the client keeps the matching cookie).</summary>
    public static async Task<string> TokenAsync(HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        var html = await client.GetStringAsync(url);
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, $"No antiforgery token on {url}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>POSTs a form with the token scraped from <paramref name="formPage"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string formPage, string action, Dictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);
        fields["__RequestVerificationToken"] = await TokenAsync(client, formPage);
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
