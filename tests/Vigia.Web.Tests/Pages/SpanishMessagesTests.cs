namespace Vigia.Web.Tests.Pages;

/// <summary>Every form in the application, found by walking the pages each role can reach (not a list kept by hand),
/// is sent with bad values (letters in numeric fields, dates that are not dates, required fields empty); no page
/// and no answer may say anything in English, neither on screen nor in the validation attributes of its inputs.</summary>
public abstract class SpanishMessagesTests(VigiaFactory app)
{
    /// <summary>What the framework writes when nobody gave it a Spanish message.</summary>
    private static readonly string[] EnglishPhrases =
    [
        "The field ", "The value ", "field is required", " is required.", " is invalid.", " is not valid", "must be a number",
        "A value for the", "must be a string", "must be between", "maximum length", "minimum length", "is not a valid",
        "The supplied value", "do not match", "Please enter", "must match the regular expression",
    ];

    private static readonly string[] Downloads = [".csv", ".json", ".xlsx", ".pdf"];

    /// <summary>Pages of one shape (the same path with other ids) have the same forms: one of each is enough.</summary>
    private const int MaxPagesPerPerson = 80;

    [Fact]
    public async Task EveryForm_WithBadValues_AnswersOnlyInSpanish()
    {
        var plan = await TestData.SmallPlanAsync(app);
        await TestData.ScheduleAsync(app, plan.Action("1.1.1"), (3, 1), (4, 1));
        await TestData.ScheduleAsync(app, plan.Action("3.1.4"), (3, 2500), (4, 2500));

        var findings = new List<string>();
        var forms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var person in AuthorizationMatrixTests.People)
        {
            var client = await AuthorizationMatrixTests.ClientAsync(app, person);
            await WalkAsync(client, person, findings, forms);
        }

        Assert.True(findings.Count == 0, string.Join("\n", findings));
        // The walk must have reached the forms this test exists for, or it proves nothing.
        Assert.Contains(forms, f => f.StartsWith("/seguimientos/gestion/#/#/acciones/#", StringComparison.Ordinal));
        Assert.Contains(forms, f => f.StartsWith("/gestion/acciones/#/reportar", StringComparison.Ordinal));
        Assert.Contains(forms, f => f.StartsWith("/gestion/planes/#/cronograma/#", StringComparison.Ordinal));
        Assert.Contains(forms, f => f.StartsWith("/admin/usuarios/nueva", StringComparison.Ordinal));
        Assert.Contains(forms, f => f.StartsWith("/cuenta/ingresar", StringComparison.Ordinal));
    }

    private static async Task WalkAsync(TestClient client, string person, List<string> findings, HashSet<string> forms)
    {
        var queue = new Queue<string>(["/", "/gestion", "/admin", "/seguimientos/gestion", "/cuenta/contrasena", "/cuenta/olvide"]);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var visited = 0;
        while (queue.Count > 0 && visited < MaxPagesPerPerson)
        {
            var url = queue.Dequeue();
            if (!seen.Add(Shape(url)))
            {
                continue;
            }
            var response = await client.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }
            visited++;
            var doc = await TestClient.ParseAsync(response);
            Check(doc, $"{person} GET {url}", findings);
            foreach (var href in doc.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
            {
                if (Followable(href))
                {
                    queue.Enqueue(href.Split('#')[0]);
                }
            }
            foreach (var form in doc.QuerySelectorAll("form").OfType<IHtmlFormElement>()
                .Where(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)))
            {
                await SubmitAsync(client, person, url, form, findings, forms);
            }
        }
    }

    /// <summary>Sends a form as a browser would after the person typed nonsense: only forms with something to type
    /// or choose, since a form of buttons alone (sign out, publish, close) has no bad value to send.</summary>
    private static async Task SubmitAsync(TestClient client, string person, string page, IHtmlFormElement form,
        List<string> findings, HashSet<string> forms)
    {
        var fields = new List<KeyValuePair<string, string>>();
        var typed = false;
        foreach (var element in form.Elements.Where(e => !string.IsNullOrEmpty(e.GetAttribute("name"))))
        {
            var name = element.GetAttribute("name")!;
            switch (element)
            {
                case IHtmlInputElement input when input.Type is "hidden":
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlInputElement input when input.Type is "number" || input.GetAttribute("inputmode") is "decimal" or "numeric":
                    fields.Add(new(name, "abc"));
                    typed = true;
                    break;
                case IHtmlInputElement input when input.Type is "date" or "month":
                    fields.Add(new(name, "no-es-fecha"));
                    typed = true;
                    break;
                case IHtmlInputElement input when input.Type is "text" or "email" or "password" or "search" or "url" or "tel":
                    fields.Add(new(name, ""));
                    typed = true;
                    break;
                case IHtmlTextAreaElement or IHtmlSelectElement:
                    fields.Add(new(name, ""));
                    typed = true;
                    break;
            }
        }
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? page : form.GetAttribute("action")!;
        if (!typed || action.Contains("/cuenta/salir", StringComparison.Ordinal))
        {
            return;
        }
        if (!forms.Add(Shape(action) + " " + string.Join(',', fields.Select(f => f.Key))))
        {
            return;
        }
        using var content = new FormUrlEncodedContent(fields);
        var response = await client.Http.PostAsync(new Uri(action, UriKind.Relative), content);
        Assert.True((int)response.StatusCode < 500, $"{person} POST {action} returned {(int)response.StatusCode}");
        if (response.Content.Headers.ContentType?.MediaType == "text/html")
        {
            Check(await TestClient.ParseAsync(response), $"{person} POST {action}", findings);
        }
    }

    private static void Check(IHtmlDocument doc, string where, List<string> findings)
    {
        var texts = new List<string> { doc.Body?.TextContent ?? "", doc.Title ?? "" };
        texts.AddRange(doc.All.SelectMany(e => e.Attributes).Select(a => a.Value));
        foreach (var phrase in EnglishPhrases)
        {
            if (texts.FirstOrDefault(t => t.Contains(phrase, StringComparison.Ordinal)) is { } text)
            {
                findings.Add($"{where}: «{text.Trim()}»");
            }
        }
    }

    private static bool Followable(string href) =>
        href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal)
        && !href.Contains("/cuenta/salir", StringComparison.Ordinal)
        && !Downloads.Any(ext => href.Split('?')[0].EndsWith(ext, StringComparison.Ordinal));

    /// <summary>The address with its ids and codes replaced and its query values dropped.</summary>
    private static string Shape(string url)
    {
        var parts = url.Split('#')[0].Split('?');
        var path = string.Join('/', parts[0].Split('/').Select(s => s.Any(char.IsAsciiDigit) ? "#" : s));
        var query = parts.Length > 1 ? string.Join('&', parts[1].Split('&').Select(p => p.Split('=')[0]).Order(StringComparer.Ordinal)) : "";
        return query.Length > 0 ? $"{path}?{query}" : path;
    }
}

public sealed class SqliteSpanishMessagesTests(SqliteReportingApp app) : SpanishMessagesTests(app), IClassFixture<SqliteReportingApp>;

public sealed class PostgresSpanishMessagesTests(PostgresReportingApp app) : SpanishMessagesTests(app), IClassFixture<PostgresReportingApp>;
