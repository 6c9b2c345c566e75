using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using static Vigia.Web.Tests.Pages.Progress.ReportingData;

namespace Vigia.Web.Tests.Api;

/// <summary>Issue 13: personal access tokens (/cuenta/tokens, /admin/usuarios/tokens) and the write API
/// (POST /api/v1/plans/{year}/actions/{actionId}/reports) on Monday 4 April 2022. Each test has its own person and action.</summary>
public abstract class ApiTokensTests(VigiaFactory app)
{
    private static readonly DateOnly June30 = new(2022, 6, 30);

    [Fact]
    public async Task CreateOnThePage_ShowsTheSecretOnce_StoresOnlyItsHash_ListsAndRevokesIt()
    {
        var (web, person, secret) = await ResponsibleWithTokenAsync("Integración con el gestor documental");

        Assert.StartsWith(PersonalAccessTokens.SecretPrefix, secret, StringComparison.Ordinal);
        Assert.True(secret.Length >= 50, secret);
        var page = await web.GetAsync("/cuenta/tokens");
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotContain(secret, html, StringComparison.Ordinal);
        var row = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelectorAll("tbody tr")
            .Single(tr => tr.QuerySelector("th")!.TextContent == "Integración con el gestor documental");
        Assert.Contains("Vigente", row.TextContent, StringComparison.Ordinal);
        Assert.Contains(TokenScopes.WriteProgress, row.TextContent, StringComparison.Ordinal);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var token = await db.PersonalAccessTokens.SingleAsync(t => t.UserId == person.Id);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret))), token.SecretHash);
            Assert.StartsWith(token.Prefix, secret, StringComparison.Ordinal);
            Assert.Equal(PersonalAccessTokens.SecretPrefix.Length + 8, token.Prefix.Length);
            Assert.Equal(Vigia.Core.Colombia.ColombianTime.StartOfDay(June30.AddDays(1)), token.ExpiresAt);
            var created = await db.AuditEntries.SingleAsync(e => e.EntityType == "PersonalAccessToken" && e.EntityId == token.Id.ToString(CultureInfo.InvariantCulture)
                && e.Action == Core.Audit.AuditAction.Created);
            Assert.Equal(person.Id, created.UserId);
            Assert.Contains(Core.Audit.AuditOptions.RedactedValue, created.Changes, StringComparison.Ordinal);
            Assert.DoesNotContain(token.SecretHash, created.Changes, StringComparison.Ordinal);
            Assert.False(await db.AuditEntries.AnyAsync(e => e.Changes.Contains(secret)));
        }

        var revoke = await web.PostFormAsync($"/cuenta/tokens?handler=Revoke&id={row.QuerySelector("form")!.GetAttribute("action")!.Split("id=")[1]}",
            new Dictionary<string, string>(), "/cuenta/tokens");
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        var refused = await ProblemAsync(await Api(secret).GetAsync(new Uri("/api/v1/reports/1", UriKind.Relative)), HttpStatusCode.Unauthorized);
        Assert.Equal("El token fue revocado.", refused.GetProperty("detail").GetString());
        Assert.Contains("Revocado el", (await web.GetPageAsync("/cuenta/tokens")).QuerySelector("tbody")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_WithAScopeTheRoleLacks_OrNoExpiry_OrMoreThanAYear_IsRefusedAndStoresNothing()
    {
        await PlanAsync(app);
        var leader = await TestPeople.CreateAsync(app.Services, Roles.ComponentLeader, component: 3, name: "Lina Líder");
        var web = await app.SignInAsync(leader.Email!);

        var form = await web.GetPageAsync("/cuenta/tokens");
        var scope = await TryCreateTokenAsync(web, "Escritura", June30, TokenScopes.WriteProgress);
        var noExpiry = await web.PostFormAsync("/cuenta/tokens?handler=Create", [new("Name", "Sin fecha"), new("Scopes", TokenScopes.Read)], "/cuenta/tokens");
        var tooLong = await TryCreateTokenAsync(web, "Eterno", new DateOnly(2023, 6, 1), TokenScopes.Read);

        Assert.Empty(form.QuerySelectorAll($"input[name='Scopes'][value='{TokenScopes.WriteProgress}']"));
        Assert.Single(form.QuerySelectorAll($"input[name='Scopes'][value='{TokenScopes.Read}']"));
        Assert.Equal(HttpStatusCode.BadRequest, scope.StatusCode);
        Assert.Contains("Su rol no permite dar a un token el permiso «avances:escribir».", Errors(await TestClient.ParseAsync(scope)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noExpiry.StatusCode);
        Assert.Contains("todo token vence", Errors(await TestClient.ParseAsync(noExpiry)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("Un token vale a lo sumo un año: elija una fecha hasta el ", Errors(await TestClient.ParseAsync(tooLong)),
            StringComparison.Ordinal);
        await using var db = app.Scope();
        Assert.False(await db.ServiceProvider.GetRequiredService<AppDbContext>().PersonalAccessTokens.AnyAsync(t => t.UserId == leader.Id));
    }

    [Fact]
    public async Task Submit_ViaTheApi_Is201WithLocation_AuditedWithTheToken_AndTheLeaderSeesItAsAWebReport()
    {
        var (web, person, secret) = await ResponsibleWithTokenAsync("SIG");
        var plan = await PlanAsync(app);
        var viaApi = plan.Action("3.1.5", 1);
        var viaWeb = plan.Action("3.2.1", 1);

        var response = await Api(secret).PostAsync(new Uri($"/api/v1/plans/2022/actions/{viaApi}/reports", UriKind.Relative),
            Report(3, "4500", "Se socializó la rendición de cuentas con 4.500 personas.", ("lista de asistencia.pdf", Pdf)));
        var webId = IdFromLocation(await ReportAsync(web, viaWeb, 3, "4.500", "Se socializó la rendición de cuentas con 4.500 personas.",
            ("lista de asistencia.pdf", Pdf)), "/gestion/reportes/");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/api/v1/reports/", location, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var id = body.RootElement.GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/reports/{id}", location);
        Assert.Equal(4500m, body.RootElement.GetProperty("executedQuantity").GetDecimal());
        Assert.Equal("Submitted", body.RootElement.GetProperty("status").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Pdf)), body.RootElement.GetProperty("evidence")[0].GetProperty("sha256").GetString());
        using (var again = JsonDocument.Parse(await Api(secret).GetStringAsync(new Uri(location, UriKind.Relative))))
        {
            Assert.Equal(id, again.RootElement.GetProperty("id").GetInt32());
        }

        var leader = await LeaderOfComponent3Async(app);
        var apiPage = await leader.GetPageAsync($"/gestion/reportes/{id}");
        var webPage = await leader.GetPageAsync($"/gestion/reportes/{webId}");
        Assert.Contains("Reporte de avance de marzo de 2022", Text(apiPage), StringComparison.Ordinal);
        Assert.Contains("Por revisar", Text(apiPage), StringComparison.Ordinal);
        Assert.Contains("Camila Comunicaciones", Text(apiPage), StringComparison.Ordinal);
        Assert.Equal(apiPage.QuerySelectorAll("main dt").Select(d => d.TextContent.Trim()), webPage.QuerySelectorAll("main dt").Select(d => d.TextContent.Trim()));
        Assert.Equal(apiPage.QuerySelector("main dd strong")!.TextContent, webPage.QuerySelector("main dd strong")!.TextContent);
        Assert.Equal("lista de asistencia.pdf", apiPage.QuerySelector("a[href^='/gestion/evidencias/']")!.TextContent);
        Assert.Equal(webPage.QuerySelectorAll("main form").Length, apiPage.QuerySelectorAll("main form").Length);
        Assert.NotNull((await leader.GetPageAsync("/gestion/revision")).QuerySelector($"a[href='/gestion/reportes/{id}']"));

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var uses = await db.AuditEntries.Where(e => e.EntityType == "PersonalAccessToken" && e.UserId == person.Id && e.Action == Core.Audit.AuditAction.Updated)
            .Select(e => e.Reason).ToListAsync();
        Assert.Contains(uses, r => r!.Contains($"en la API: POST /api/v1/plans/2022/actions/{viaApi}/reports", StringComparison.Ordinal));
        var created = await db.AuditEntries.SingleAsync(e => e.EntityType == "ProgressReport" && e.EntityId == id.ToString(CultureInfo.InvariantCulture));
        Assert.Equal((person.Id, "Camila Comunicaciones"), (created.UserId, created.ActorName));
        Assert.NotNull((await db.PersonalAccessTokens.SingleAsync(t => t.UserId == person.Id)).LastUsedAt);
    }

    [Fact]
    public async Task Submit_WithABadFile_Is422InSpanish_AndStoresNothing_AndABadQuantityIs400()
    {
        var (_, _, secret) = await ResponsibleWithTokenAsync("Archivo malo");
        var action = (await PlanAsync(app)).Action("3.1.4", 2);
        var filesBefore = app.StoredFileCount();

        var bad = await ProblemAsync(await Api(secret).PostAsync(new Uri($"/api/v1/plans/2022/actions/{action}/reports", UriKind.Relative),
            Report(3, "10", "Jornada en el barrio.", ("soporte-bueno.pdf", Pdf), ("acta.pdf", Executable))), HttpStatusCode.UnprocessableEntity);
        var quantity = await ProblemAsync(await Api(secret).PostAsync(new Uri($"/api/v1/plans/2022/actions/{action}/reports", UriKind.Relative),
            Report(3, "muchas", "Jornada en el barrio.", ("soporte-bueno.pdf", Pdf))), HttpStatusCode.BadRequest);
        var narrative = await ProblemAsync(await Api(secret).PostAsync(new Uri($"/api/v1/plans/2022/actions/{action}/reports", UriKind.Relative),
            Report(6, "10", " ", ("soporte-bueno.pdf", Pdf))), HttpStatusCode.UnprocessableEntity);

        Assert.Equal("«acta.pdf»: La extensión .pdf no corresponde al contenido del archivo.", bad.GetProperty("errors").GetProperty("files")[0].GetString());
        Assert.Equal("El reporte no cumple las reglas", bad.GetProperty("title").GetString());
        Assert.Contains("Escriba la cantidad con números", quantity.GetProperty("errors").GetProperty("quantity")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("Aún no puede reportar junio de 2022: el mes no ha empezado.", narrative.GetProperty("errors").GetProperty("month")[0].GetString());
        Assert.Equal(filesBefore, app.StoredFileCount());
        Assert.Empty(await TestData.ReportsAsync(app, action));
    }

    [Fact]
    public async Task Submit_TwiceForAMonth_Is409_WithTheFormsMessage()
    {
        var (_, _, secret) = await ResponsibleWithTokenAsync("Dos veces");
        var action = (await PlanAsync(app)).Action("3.1.4", 3);
        var url = new Uri($"/api/v1/plans/2022/actions/{action}/reports", UriKind.Relative);

        var first = await Api(secret).PostAsync(url, Report(2, "1", "Primero.", ("a.pdf", Pdf)));
        var second = await ProblemAsync(await Api(secret).PostAsync(url, Report(2, "2", "Segundo.", ("a.pdf", Pdf))), HttpStatusCode.Conflict);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.StartsWith("Ya hay un reporte de febrero de 2022 sin revisar", second.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Single(await TestData.ReportsAsync(app, action), r => r.Month == 2);
    }

    [Fact]
    public async Task Submit_WithoutToken_WithABadOne_OrWithTheSessionCookieOnly_Is401_AndNothingIsStored()
    {
        var (web, _, _) = await ResponsibleWithTokenAsync("Cookie");
        var action = (await PlanAsync(app)).Action("3.1.4", 4);
        var url = new Uri($"/api/v1/plans/2022/actions/{action}/reports", UriKind.Relative);

        var none = await Api(null).PostAsync(url, Report(1, "1", "Sin token.", ("a.pdf", Pdf)));
        var bad = await Api(PersonalAccessTokens.SecretPrefix + "inventado").PostAsync(url, Report(1, "1", "Token inventado.", ("a.pdf", Pdf)));
        var foreign = await Api("abc.def.ghi").PostAsync(url, Report(1, "1", "Otro formato.", ("a.pdf", Pdf)));
        // The signed-in browser's cookie, no token: a page of another site could make the browser send exactly this.
        var cookie = await web.Http.PostAsync(url, Report(1, "1", "Con la cookie.", ("a.pdf", Pdf)));

        var noneBody = await ProblemAsync(none, HttpStatusCode.Unauthorized);
        Assert.Contains("Authorization: Bearer vigia_pat_", noneBody.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Falta un token válido", noneBody.GetProperty("title").GetString());
        Assert.StartsWith("Bearer", none.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal("El token no existe.", (await ProblemAsync(bad, HttpStatusCode.Unauthorized)).GetProperty("detail").GetString());
        Assert.Contains("invalid_token", bad.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Contains("formato de Vigía", (await ProblemAsync(foreign, HttpStatusCode.Unauthorized)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await ProblemAsync(cookie, HttpStatusCode.Unauthorized);
        Assert.Empty(await TestData.ReportsAsync(app, action));
    }

    [Fact]
    public async Task Submit_WithAReadOnlyToken_ForAnotherUnitsAction_OrAfterLosingTheRole_Is403InSpanish()
    {
        var (web, person, writer) = await ResponsibleWithTokenAsync("Escritura");
        var reader = await CreateTokenAsync(web, "Solo lectura", June30, TokenScopes.Read);
        var plan = await PlanAsync(app);
        var own = plan.Action("3.1.4", 5);
        var theirs = plan.Action("1.1.1", 1);

        var readOnly = await ProblemAsync(await Api(reader).PostAsync(new Uri($"/api/v1/plans/2022/actions/{own}/reports", UriKind.Relative),
            Report(1, "1", "Solo lectura.", ("a.pdf", Pdf))), HttpStatusCode.Forbidden);
        var another = await ProblemAsync(await Api(writer).PostAsync(new Uri($"/api/v1/plans/2022/actions/{theirs}/reports", UriKind.Relative),
            Report(1, "1", "Ajena.", ("a.pdf", Pdf))), HttpStatusCode.Forbidden);
        var wrongYear = await ProblemAsync(await Api(writer).PostAsync(new Uri($"/api/v1/plans/2021/actions/{own}/reports", UriKind.Relative),
            Report(1, "1", "Otro año.", ("a.pdf", Pdf))), HttpStatusCode.NotFound);
        await using (var scope = app.Scope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
            Assert.True((await accounts.UpdateAsync(person.Id, new UserChanges(person.DisplayName, [Roles.Planning], [], []))).Succeeded);
        }
        var lost = await ProblemAsync(await Api(writer).PostAsync(new Uri($"/api/v1/plans/2022/actions/{own}/reports", UriKind.Relative),
            Report(1, "1", "Sin el rol.", ("a.pdf", Pdf))), HttpStatusCode.Forbidden);

        Assert.Contains("«avances:escribir»", readOnly.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("no está a cargo de las unidades", another.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Acción no encontrada", wrongYear.GetProperty("title").GetString());
        Assert.Contains("ya no tiene el rol Responsable", lost.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(await TestData.ReportsAsync(app, own));
        Assert.Empty(await TestData.ReportsAsync(app, theirs));
    }

    [Fact]
    public async Task Token_ExpiredByTheClock_OrOfADeactivatedAccount_IsRefused()
    {
        var (web, person, secret) = await ResponsibleWithTokenAsync("Hoy");
        var today = await CreateTokenAsync(web, "Solo hoy", new DateOnly(2022, 4, 4), TokenScopes.Read);
        var report = new Uri("/api/v1/reports/999999", UriKind.Relative);

        Assert.Equal(HttpStatusCode.NotFound, (await Api(today).GetAsync(report)).StatusCode);
        app.Clock.Advance(TimeSpan.FromDays(1));
        var expired = await ProblemAsync(await Api(today).GetAsync(report), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.NotFound, (await Api(secret).GetAsync(report)).StatusCode);
        await using (var scope = app.Scope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<AccountService>().SetActiveAsync(person.Id, false)).Succeeded);
        }
        var deactivated = await ProblemAsync(await Api(secret).GetAsync(report), HttpStatusCode.Unauthorized);

        Assert.StartsWith("El token venció", expired.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("La cuenta dueña del token está desactivada.", deactivated.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Administrator_SeesEveryonesTokens_AndRevokesOne()
    {
        var (_, person, secret) = await ResponsibleWithTokenAsync("De otra persona");
        var admin = await app.SignInAsAsync(Roles.Administrator, name: "Ana Administradora");
        int id;
        await using (var scope = app.Scope())
        {
            id = await scope.ServiceProvider.GetRequiredService<AppDbContext>().PersonalAccessTokens.Where(t => t.UserId == person.Id).Select(t => t.Id).SingleAsync();
        }

        var list = await admin.GetPageAsync("/admin/usuarios/tokens");
        var revoke = await admin.PostFormAsync($"/admin/usuarios/tokens?handler=Revoke&id={id}", new Dictionary<string, string>(), "/admin/usuarios/tokens");
        var otherPerson = await (await ResponsibleWithTokenAsync("Ajeno")).Web.PostFormAsync($"/cuenta/tokens?handler=Revoke&id={id}",
            new Dictionary<string, string>(), "/cuenta/tokens");

        Assert.Contains(list.QuerySelectorAll("tbody tr"), tr => tr.TextContent.Contains("De otra persona", StringComparison.Ordinal)
            && tr.TextContent.Contains(person.Email!, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherPerson.StatusCode);
        await ProblemAsync(await Api(secret).GetAsync(new Uri("/api/v1/reports/1", UriKind.Relative)), HttpStatusCode.Unauthorized);
        await using var check = app.Scope();
        var entry = await check.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries
            .SingleAsync(e => e.EntityType == "PersonalAccessToken" && e.EntityId == id.ToString(CultureInfo.InvariantCulture) && e.Reason == "Revocado por un administrador");
        Assert.Equal("Ana Administradora", entry.ActorName);
    }

    private async Task<(TestClient Web, AppUser Person, string Token)> ResponsibleWithTokenAsync(string tokenName)
    {
        await PlanAsync(app);
        var person = await TestPeople.CreateAsync(app.Services, Roles.Responsible, unit: Communications, name: "Camila Comunicaciones");
        var web = await app.SignInAsync(person.Email!);
        return (web, person, await CreateTokenAsync(web, tokenName, June30, TokenScopes.WriteProgress));
    }

    private static async Task<string> CreateTokenAsync(TestClient web, string name, DateOnly expires, params string[] scopes)
    {
        var response = await TryCreateTokenAsync(web, name, expires, scopes);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        return (await TestClient.ParseAsync(response)).QuerySelector("#token-secret")!.GetAttribute("value")!;
    }

    private static Task<HttpResponseMessage> TryCreateTokenAsync(TestClient web, string name, DateOnly expires, params string[] scopes) =>
        web.PostFormAsync("/cuenta/tokens?handler=Create",
            [new("Name", name), new("ExpiresOn", expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), .. scopes.Select(s => new KeyValuePair<string, string>("Scopes", s))],
            "/cuenta/tokens");

    private HttpClient Api(string? token)
    {
        var http = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return http;
    }

    /// <summary>The write API's multipart form, as another system would send it.</summary>
    private static MultipartFormDataContent Report(int month, string quantity, string narrative, params (string Name, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(month.ToString(CultureInfo.InvariantCulture)), "month" },
            { new StringContent(quantity), "quantity" },
            { new StringContent(narrative), "narrative" },
        };
        foreach (var (name, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "files", name);
        }
        return form;
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(text);
        Assert.Equal((int)status, doc.RootElement.GetProperty("status").GetInt32());
        return doc.RootElement.Clone();
    }
}

public sealed class SqliteApiTokensTests(SqliteReportingApp app) : ApiTokensTests(app), IClassFixture<SqliteReportingApp>;

public sealed class PostgresApiTokensTests(PostgresReportingApp app) : ApiTokensTests(app), IClassFixture<PostgresReportingApp>;
