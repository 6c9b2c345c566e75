using System.Net.Http.Headers;
using AngleSharp.Html.Parser;

namespace Vigia.Web.Tests.Infrastructure;

/// <summary>A browser without JavaScript, as a page test needs one: it keeps its cookies, does not follow redirects
/// (a test sees each 302), reads pages as parsed HTML and posts forms with the antiforgery token of the page the
/// form is on. Make one with <see cref="VigiaFactory.Anonymous"/> or <see cref="VigiaFactory.SignInAsAsync"/>.</summary>
public sealed class TestClient(HttpClient http)
{
    private static readonly HtmlParser Parser = new();

    /// <summary>The underlying client, for requests this class has no shortcut for.</summary>
    public HttpClient Http { get; } = http;

    public Task<HttpResponseMessage> GetAsync(string url) => Http.GetAsync(new Uri(url, UriKind.RelativeOrAbsolute));

    public Task<string> GetStringAsync(string url) => Http.GetStringAsync(new Uri(url, UriKind.RelativeOrAbsolute));

    /// <summary>GETs a page that must answer 200 and parses it.</summary>
    public async Task<IHtmlDocument> GetPageAsync(string url)
    {
        var response = await GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} returned {(int)response.StatusCode}");
        return await ParseAsync(response);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The antiforgery token of the first form on <paramref name="page"/> (the GET also sets its cookie).</summary>
    public async Task<string> AntiforgeryTokenAsync(string page)
    {
        var doc = await GetPageAsync(page);
        return doc.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{page} has no form with an antiforgery token.");
    }

    /// <summary>POSTs a form, url-encoded, with the token of <paramref name="tokenFrom"/> (default: the same address).
    /// A token from another page is how a forged request for a form the person never saw looks.</summary>
    public Task<HttpResponseMessage> PostFormAsync(string url, Dictionary<string, string> fields, string? tokenFrom = null) =>
        PostFormAsync(url, (IEnumerable<KeyValuePair<string, string>>)fields, tokenFrom);

    /// <summary>As the other overload, for fields that repeat (several checked boxes of one name).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, IEnumerable<KeyValuePair<string, string>> fields, string? tokenFrom = null)
    {
        var token = await AntiforgeryTokenAsync(tokenFrom ?? url);
        var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        return await Http.PostAsync(new Uri(url, UriKind.RelativeOrAbsolute), content);
    }

    /// <summary>POSTs a form the way a browser sends one with files and without JavaScript: multipart, the files
    /// under "Files", with the token of <paramref name="tokenFrom"/>.</summary>
    public async Task<HttpResponseMessage> PostMultipartAsync(string url, string tokenFrom, Dictionary<string, string> fields,
        params (string Name, byte[] Bytes)[] files)
    {
        ArgumentNullException.ThrowIfNull(fields);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await AntiforgeryTokenAsync(tokenFrom)), "__RequestVerificationToken" },
        };
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }
        foreach (var (name, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue(name.EndsWith(".pdf", StringComparison.Ordinal) ? "application/pdf" : "application/octet-stream");
            form.Add(file, "Files", name);
        }
        return await Http.PostAsync(new Uri(url, UriKind.RelativeOrAbsolute), form);
    }
}
