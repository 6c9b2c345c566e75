using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Vigia.Web.Tests.Infrastructure;

/// <summary>Signed-in test clients: creates an account with <see cref="AccountService"/> and a password, then signs in
/// the way a person does (GET /cuenta/ingresar, scrape the antiforgery token, POST the form). Clients do not follow
/// redirects, so a test sees the 302 of a Post-Redirect-Get; they keep their cookies.</summary>
/// <remarks>Sign-in is rate limited (10 a minute), so <see cref="AsAsync"/> signs each role in once per factory and
/// hands every test the same client: do not sign it out. Use <see cref="NewClientAsync"/> for a private one.</remarks>
public static class SignIn
{
    public const string Password = "clave-de-prueba-2026";

    private static readonly ConditionalWeakTable<WebApplicationFactory<Program>, ConcurrentDictionary<string, Lazy<Task<HttpClient>>>> Clients = [];

    /// <summary>The e-mail of the account <see cref="AsAsync"/> creates for a role: "planning@pruebas.vigia"….</summary>
    public static string EmailFor(string role) => $"{role.ToLowerInvariant()}@pruebas.vigia";

    /// <summary>A client signed in as a person holding only <paramref name="role"/> (with the first unit or component
    /// for a Responsable or Líder de componente), shared by the tests of this factory.</summary>
    public static Task<HttpClient> AsAsync(WebApplicationFactory<Program> factory, string role)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var perFactory = Clients.GetValue(factory, _ => new());
        return perFactory.GetOrAdd(role, r => new Lazy<Task<HttpClient>>(async () =>
        {
            await CreateUserAsync(factory, EmailFor(r), r);
            return await NewClientAsync(factory, EmailFor(r));
        })).Value;
    }

    /// <summary>Creates an account with a password (no activation link). A Responsable gets the first unit and a Líder
    /// de componente the first component unless given others.</summary>
    public static async Task CreateUserAsync(WebApplicationFactory<Program> factory, string email, string role,
        IReadOnlyCollection<int>? unitIds = null, IReadOnlyCollection<int>? componentIds = null, string password = Password)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (role == Core.Accounts.Roles.Responsible && unitIds is null)
        {
            unitIds = [await db.Units.OrderBy(u => u.Id).Select(u => u.Id).FirstAsync()];
        }
        if (role == Core.Accounts.Roles.ComponentLeader && componentIds is null)
        {
            componentIds = [await db.Components.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync()];
        }
        var result = await scope.ServiceProvider.GetRequiredService<AccountService>()
            .CreateAsync(new NewUser(email, $"Prueba {role}", [role], unitIds, componentIds, password));
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"No se creó la cuenta {email}: {string.Join(" ", result.Errors.Values)}");
        }
    }

    /// <summary>A new client signed in with an existing account.</summary>
    public static async Task<HttpClient> NewClientAsync(WebApplicationFactory<Program> factory, string email, string password = Password)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = await AntiforgeryTokenAsync(client, "/cuenta/ingresar");
        var response = await client.PostAsync("/cuenta/ingresar", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"No se pudo ingresar como {email}: {(int)response.StatusCode}");
        }
        return client;
    }

    /// <summary>The antiforgery token of the first form on a page, for the client's own cookies and identity.</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        var html = await client.GetStringAsync(url);
        var doc = await new HtmlParser().ParseDocumentAsync(html);
        return doc.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{url} no tiene un formulario con token antifalsificación.");
    }

    /// <summary>POSTs a form with the antiforgery token taken from <paramref name="tokenPage"/> (default: the same address).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields,
        string? tokenPage = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var token = await AntiforgeryTokenAsync(client, tokenPage ?? url);
        return await client.PostAsync(url, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
    }
}
