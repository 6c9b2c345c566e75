using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Vigia.Web.Tests.Infrastructure;

/// <summary>People for page tests: accounts created through AccountService, clients signed in through the real
/// sign-in form (antiforgery included), never by forging cookies.</summary>
public static class TestAccounts
{
    public const string Password = "una frase de prueba larga";

    public static async Task<AppUser> CreateAsync(VigiaFactory factory, string role, string? unitName = null, int? componentNumber = null,
        string? email = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var units = unitName is null ? [] : new[] { await db.Units.Where(u => u.Name == unitName).Select(u => u.Id).FirstAsync() };
        var components = componentNumber is null ? [] : new[] { await db.Components.Where(c => c.Number == componentNumber && c.Plan!.Year == 2022).Select(c => c.Id).FirstAsync() };
        var result = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(new NewUser(
            email ?? $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@prueba.gov.co", $"Persona {Roles.DisplayName(role)}", [role], units, components, Password));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        return result.Value.User;
    }

    public static HttpClient Anonymous(VigiaFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public static async Task<HttpClient> SignedInAsync(VigiaFactory factory, string role, string? unitName = null, int? componentNumber = null)
    {
        var user = await CreateAsync(factory, role, unitName, componentNumber);
        return await SignInAsync(factory, user.Email!, Password);
    }

    public static async Task<HttpClient> SignInAsync(VigiaFactory factory, string email, string password)
    {
        var client = Anonymous(factory);
        var response = await PostFormAsync(client, "/cuenta/ingresar", new() { ["Email"] = email, ["Password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in of {email} answered {(int)response.StatusCode}");
        return client;
    }

    /// <summary>GETs the form page for its antiforgery token, then POSTs the fields to <paramref name="url"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields, string? formPage = null)
    {
        var token = await AntiforgeryTokenAsync(client, formPage ?? url);
        var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        return await client.PostAsync(url, content);
    }

    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        var doc = await new HtmlParser().ParseDocumentAsync(html);
        return doc.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{page} has no antiforgery token");
    }
}
