using System.Globalization;
using System.Text.RegularExpressions;
using Vigia.Core.Colombia;
using Vigia.Core.Consultation;

namespace Vigia.Web.Tests.Pages.Plans;

/// <summary>The public comment form of a consultation (/planes/{year}/consulta/comentar): a draft in consultation for two
/// weeks from the host's today (each test its own year, since they share the host and its clock); a citizen comments on an action without an account; the honeypot, the question
/// and the rate limit keep scripts out; an invalid form comes back with its errors and the text typed; markup stays text.</summary>
public abstract partial class CommentTests(VigiaFactory app)
{
    internal const string Markup = "<script>alert('x')</script> =SUM(A1:A9) <b>negrita</b>";

    [GeneratedRegex(@"Cuánto es (\d) más (\d)")]
    private static partial Regex Question();

    /// <summary>A draft of <paramref name="year"/> with one action and its consultation open from today (on the host's
    /// clock) for two weeks.</summary>
    internal static async Task<(TestPlan Plan, int ActionId)> OpenConsultationAsync(VigiaFactory app, int year)
    {
        var plan = await TestData.CreatePlanAsync(app, p => p.ForYear(year)
            .WithUnit(TestData.Communications)
            .WithComponent(1, "GESTIÓN DEL RIESGO DE CORRUPCIÓN")
            .WithActivity("1.3.4", "Divulgar el mapa de riesgos")
            .WithAction(x => x.Target(1).Responsible(TestData.Communications)));
        await using var scope = app.Scope();
        var result = await scope.ServiceProvider.GetRequiredService<ConsultationService>().OpenAsync(plan.Id, ColombianTime.Today(app.Clock),
            ColombianTime.Today(app.Clock).AddDays(14), new Actor(null, "Planeación de prueba", new HashSet<string> { Roles.Planning }));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        return (plan, plan.Action("1.3.4"));
    }

    /// <summary>The form's question token and its right answer, read as a person would.</summary>
    internal static async Task<Dictionary<string, string>> FormAsync(TestClient client, string url, string text, string? answer = null)
    {
        var doc = await client.GetPageAsync(url);
        var label = doc.QuerySelector("label[for='QuestionAnswer']")!.TextContent;
        var match = Question().Match(label);
        Assert.True(match.Success, label);
        var sum = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) + int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        return new Dictionary<string, string>
        {
            ["Text"] = text,
            ["AuthorName"] = "Lucía Pérez",
            ["Organisation"] = "Veeduría Ciudadana",
            ["Email"] = "lucia@example.co",
            ["PublishName"] = "true",
            ["QuestionToken"] = doc.QuerySelector("input[name='QuestionToken']")!.GetAttribute("value")!,
            ["QuestionAnswer"] = answer ?? sum.ToString(CultureInfo.InvariantCulture),
            ["sitio_web"] = "",
        };
    }

    /// <summary>The comments of one year's consultation: the class's tests share the host and its database.</summary>
    private async Task<int> CommentCountAsync(int year)
    {
        await using var db = app.Database.CreateContext();
        return await db.ConsultationComments.CountAsync(c => c.Consultation!.Plan!.Year == year);
    }

    [Fact]
    public async Task Comment_OnAnAction_WithoutAccount_IsPublishedAsPlainText()
    {
        var (_, actionId) = await OpenConsultationAsync(app, 2027);
        var citizen = app.Anonymous();
        var url = $"/planes/2027/consulta/comentar?accion={actionId}";

        var activity = await citizen.GetPageAsync("/planes/2027/actividad/1.3.4");
        Assert.Contains(activity.QuerySelectorAll("main a"), a => a.GetAttribute("href") == url);
        var form = await citizen.GetPageAsync(url);
        Assert.Contains("Sobre: Acción 1.3.4-1", form.QuerySelector("h2")!.TextContent, StringComparison.Ordinal);
        var response = await citizen.PostFormAsync(url, await FormAsync(citizen, url, Markup));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await citizen.GetPageAsync("/planes/2027/consulta");
        var comment = page.QuerySelector("#comentario-1")!;
        Assert.Null(comment.QuerySelector("script"));
        Assert.Null(comment.QuerySelector("b"));
        Assert.Contains(Markup, comment.QuerySelector(".comment-text")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Lucía Pérez — Veeduría Ciudadana", comment.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("lucia@example.co", page.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.Contains("Pendiente de respuesta", comment.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidForm_ComesBackWithTheErrors_AndEverythingTyped()
    {
        await OpenConsultationAsync(app, 2029);
        var citizen = app.Anonymous();
        const string url = "/planes/2029/consulta/comentar?componente=1";
        var fields = await FormAsync(citizen, url, "corto");
        fields["Email"] = "no-es-un-correo";

        var response = await citizen.PostFormAsync(url, fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await TestClient.ParseAsync(response);
        var summary = doc.QuerySelector("#error-summary")!.TextContent;
        Assert.Contains("al menos 10 caracteres", summary, StringComparison.Ordinal);
        Assert.Contains("correo electrónico válido", summary, StringComparison.Ordinal);
        Assert.Equal("corto", doc.QuerySelector("textarea[name='Text']")!.TextContent);
        Assert.Equal("Lucía Pérez", doc.QuerySelector("input[name='AuthorName']")!.GetAttribute("value"));
        Assert.Equal("no-es-un-correo", doc.QuerySelector("input[name='Email']")!.GetAttribute("value"));
        Assert.Equal(0, await CommentCountAsync(2029));
    }

    [Fact]
    public async Task Honeypot_AndAWrongAnswer_AndAForgedQuestion_AreRefused_AndSaveNothing()
    {
        await OpenConsultationAsync(app, 2030);
        var citizen = app.Anonymous();
        const string url = "/planes/2030/consulta/comentar";
        const string text = "Un comentario legítimo sobre el plan en general.";

        var trap = await FormAsync(citizen, url, text);
        trap["sitio_web"] = "http://spam.example";
        var trapped = await citizen.PostFormAsync(url, trap);
        var wrong = await citizen.PostFormAsync(url, await FormAsync(citizen, url, text, answer: "99"));
        var forged = await FormAsync(citizen, url, text);
        forged["QuestionToken"] = "inventado";
        var forgedResponse = await citizen.PostFormAsync(url, forged);
        var stale = await FormAsync(citizen, url, text);
        app.Clock.Advance(TimeSpan.FromHours(3));
        var staleResponse = await citizen.PostFormAsync(url, stale);

        Assert.Equal(HttpStatusCode.BadRequest, trapped.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var doc = await TestClient.ParseAsync(wrong);
        Assert.Contains("pregunta de verificación no es correcta", doc.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(text, doc.QuerySelector("textarea[name='Text']")!.TextContent);
        Assert.Equal(HttpStatusCode.BadRequest, forgedResponse.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, staleResponse.StatusCode);
        Assert.Equal(0, await CommentCountAsync(2030));
    }

    [Fact]
    public async Task NoConsultation_Is404_AndAClosedPeriodShowsNoForm()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync("/planes/2031/consulta/comentar")).StatusCode);
        await OpenConsultationAsync(app, 2032);
        app.Clock.Advance(TimeSpan.FromDays(20));

        var doc = await app.Anonymous().GetPageAsync("/planes/2032/consulta/comentar");

        Assert.Null(doc.QuerySelector("textarea[name='Text']"));
        Assert.Contains("no está recibiendo comentarios", doc.Body!.TextContent, StringComparison.Ordinal);
    }
}

public sealed class SqliteCommentTests(SqliteApp app) : CommentTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresCommentTests(PostgresApp app) : CommentTests(app), IClassFixture<PostgresApp>;

/// <summary>The host with the real per-address limit lowered to two comments an hour.</summary>
public sealed class SqliteCommentLimitApp() : VigiaFactory(DatabaseProvider.Sqlite, new(Settings: new Dictionary<string, string> { ["Security:CommentsPerHour"] = "2" }));

/// <summary>The comment form's rate limit per address: the third POST in an hour gets 429 with a Spanish message; reading
/// the form is not limited.</summary>
public sealed class CommentRateLimitTests(SqliteCommentLimitApp app) : IClassFixture<SqliteCommentLimitApp>
{
    [Fact]
    public async Task ThirdCommentInAnHour_Gets429()
    {
        await CommentTests.OpenConsultationAsync(app, 2027);
        var citizen = app.Anonymous();
        const string url = "/planes/2027/consulta/comentar";
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            var fields = await CommentTests.FormAsync(citizen, url, $"Comentario número {i} sobre el plan en general.");
            statuses.Add((await citizen.PostFormAsync(url, fields)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, (HttpStatusCode)429], statuses);
        Assert.Equal(HttpStatusCode.OK, (await citizen.GetAsync(url)).StatusCode);
        await using var db = app.Database.CreateContext();
        Assert.Equal(2, await db.ConsultationComments.CountAsync());
    }
}
