using System.Text.Json;
using AngleSharp.Html.Parser;
using ClosedXML.Excel;
using Vigia.Core.FollowUps;
using Vigia.Web.Tests.Infrastructure;
using Vigia.Web.Tests.OpenData;

namespace Vigia.Web.Tests.FollowUps;

/// <summary>The staff follow-up pages, the public list and files, and the open data, on the bundled 2022 plan. Each
/// test owns a cut-off: April for the journey, August for refusals, December for validation.</summary>
public abstract class FollowUpPagesTests(VigiaFactory factory)
{
    private const string April = "2022-04-30";
    private const string August = "2022-08-31";
    private const string December = "2022-12-31";

    private async Task<int> PlanIdAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Plans.Where(p => p.Year == 2022).Select(p => p.Id).SingleAsync();
    }

    private async Task<List<int>> ActionIdsAsync(int planId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Actions
            .Where(a => a.Activity!.Component!.PlanId == planId)
            .OrderBy(a => a.Activity!.Component!.Number).ThenBy(a => a.Activity!.Order).ThenBy(a => a.Order)
            .Select(a => a.Id).ToListAsync();
    }

    private async Task<int> FollowUpsAtAsync(int planId, string cutOff)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var date = DateOnly.Parse(cutOff, System.Globalization.CultureInfo.InvariantCulture);
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<FollowUp>().CountAsync(f => f.PlanId == planId && f.CutOffDate == date);
    }

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> HtmlAsync(HttpResponseMessage response) =>
        await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    [Fact]
    public async Task Get_Desk_AsControlInterno_ListsThe2022CutOffsWithTheirDeadlines()
    {
        var client = await FollowUpSignIn.ClientAsync(factory, Roles.InternalControl);

        var doc = await HtmlAsync(await client.GetAsync("/seguimientos/gestion"));

        var text = doc.Body!.TextContent;
        Assert.Contains("Primer seguimiento: 30 de abril de 2022", text, StringComparison.Ordinal);
        Assert.Contains("13 de mayo de 2022", text, StringComparison.Ordinal);
        Assert.Contains("14 de septiembre de 2022", text, StringComparison.Ordinal);
        Assert.Contains("16 de enero de 2023", text, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> OtherRolesAndPages() => new()
    {
        { Roles.Planning, "/seguimientos/gestion" },
        { Roles.Responsible, "/seguimientos/gestion" },
        { Roles.Planning, "/seguimientos/gestion/{plan}/" + August },
        { Roles.Responsible, "/seguimientos/gestion/{plan}/" + August },
        { Roles.Planning, "/seguimientos/gestion/{plan}/" + August + "/acciones/{action}" },
        { Roles.Responsible, "/seguimientos/gestion/{plan}/" + August + "/informe.pdf" },
        { Roles.Administrator, "/seguimientos/gestion/{plan}/" + August },
    };

    [Theory]
    [MemberData(nameof(OtherRolesAndPages))]
    public async Task Get_StaffPage_AsAnotherRole_IsForbidden(string role, string url)
    {
        var planId = await PlanIdAsync();
        var client = await FollowUpSignIn.ClientAsync(factory, role);

        var response = await client.GetAsync(url.Replace("{plan}", planId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{action}", (await ActionIdsAsync(planId))[0].ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/cuenta/acceso-denegado", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_StaffPage_Anonymous_GoesToSignIn()
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/seguimientos/gestion");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/cuenta/ingresar", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Planning, "")]
    [InlineData(Roles.Responsible, "")]
    [InlineData(Roles.Planning, "?handler=Close")]
    [InlineData(Roles.Responsible, "?handler=Note&number=1")]
    [InlineData(Roles.Planning, "?handler=Correct")]
    public async Task Post_FollowUp_AsAnotherRole_IsRefusedAndWritesNothing(string role, string handler)
    {
        var planId = await PlanIdAsync();
        var actionId = (await ActionIdsAsync(planId))[0];
        var client = await FollowUpSignIn.ClientAsync(factory, role);
        var action = handler.Length == 0
            ? $"/seguimientos/gestion/{planId}/{August}/acciones/{actionId}"
            : $"/seguimientos/gestion/{planId}/{August}{handler}";

        var response = await FollowUpSignIn.PostFormAsync(client, "/cuenta/contrasena", action, new Dictionary<string, string>
        {
            ["Status"] = "Completed",
            ["VerifiedPercent"] = "100",
            ["note"] = "Intento de escritura",
            ["Reason"] = "Intento de corrección sin permiso",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/cuenta/acceso-denegado", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(0, await FollowUpsAtAsync(planId, August));
    }

    [Fact]
    public async Task Post_Assess_Inconsistent_Returns400WithTheErrorNextToTheField()
    {
        var planId = await PlanIdAsync();
        var actionId = (await ActionIdsAsync(planId))[1];
        var client = await FollowUpSignIn.ClientAsync(factory, Roles.InternalControl);
        var url = $"/seguimientos/gestion/{planId}/{December}/acciones/{actionId}";

        var response = await FollowUpSignIn.PostFormAsync(client, url, url, new Dictionary<string, string>
        {
            ["Status"] = "Completed",
            ["VerifiedPercent"] = "50",
            ["Observations"] = "",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await HtmlAsync(response);
        Assert.Contains("Una acción cumplida tiene un avance verificado de 100 %.", doc.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector("#error-summary a[href='#VerifiedPercent']"));
        Assert.Equal("50", ((AngleSharp.Html.Dom.IHtmlInputElement)doc.QuerySelector("#VerifiedPercent")!).Value);
        Assert.Equal(0, await FollowUpsAtAsync(planId, December));
    }

    [Fact]
    public async Task Post_Close_WithNothingAssessed_Returns400AndTheReason()
    {
        var planId = await PlanIdAsync();
        var client = await FollowUpSignIn.ClientAsync(factory, Roles.InternalControl);
        var url = $"/seguimientos/gestion/{planId}/{December}";

        var response = await FollowUpSignIn.PostFormAsync(client, url, url + "?handler=Close", new());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Registre al menos una valoración", (await HtmlAsync(response)).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await FollowUpsAtAsync(planId, December));
    }

    [Fact]
    public async Task Post_Assess_NotANumber_Returns400InSpanish()
    {
        var planId = await PlanIdAsync();
        var actionId = (await ActionIdsAsync(planId))[2];
        var client = await FollowUpSignIn.ClientAsync(factory, Roles.InternalControl);
        var url = $"/seguimientos/gestion/{planId}/{December}/acciones/{actionId}";

        var response = await FollowUpSignIn.PostFormAsync(client, url, url, new Dictionary<string, string>
        {
            ["Status"] = "InProgress",
            ["VerifiedPercent"] = "mucho",
            ["Observations"] = "x",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Escriba un número", (await HtmlAsync(response)).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_UnknownCutOffOrAction_Returns404()
    {
        var planId = await PlanIdAsync();
        var client = await FollowUpSignIn.ClientAsync(factory, Roles.InternalControl);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/seguimientos/gestion/{planId}/2022-05-31")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/seguimientos/gestion/{planId}/{April}/acciones/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/seguimientos/gestion/{planId}/abril")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync("/seguimientos/999999")).StatusCode);
    }

    [Fact]
    public async Task Journey_ControlInternoAssessesClosesAndPublishes_CitizensSeeFilesAndOpenData()
    {
        var planId = await PlanIdAsync();
        var actions = await ActionIdsAsync(planId);
        var client = await FollowUpSignIn.ClientAsync(factory, Roles.InternalControl);
        var basePath = $"/seguimientos/gestion/{planId}/{April}";
        var assessUrl = $"{basePath}/acciones/{actions[0]}";

        var assessed = await FollowUpSignIn.PostFormAsync(client, assessUrl, assessUrl, new Dictionary<string, string>
        {
            ["Status"] = "Completed",
            ["VerifiedPercent"] = "100",
            ["Observations"] = "Política actualizada y publicada.",
        });
        Assert.Equal(HttpStatusCode.Redirect, assessed.StatusCode);
        Assert.Contains("1 de 86", (await HtmlAsync(await client.GetAsync(basePath))).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // The other 85, through the service as the page would (one POST each is what the browser test does for a few).
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<FollowUpService>();
            var actor = new Actor("ci-journey", "Control Interno", new HashSet<string> { Roles.InternalControl });
            for (var i = 1; i < actions.Count; i++)
            {
                var input = (i % 4) switch
                {
                    0 => new AssessmentInput(AssessmentStatus.NotScheduled, null, null, "Programada para otro periodo."),
                    1 => new AssessmentInput(AssessmentStatus.InProgress, 50, null, "Avance parcial."),
                    _ => new AssessmentInput(AssessmentStatus.Completed, 100, null, null),
                };
                Assert.True((await service.AssessAsync(actor, planId, new DateOnly(2022, 4, 30), actions[i], input)).Succeeded);
            }
        }
        var closed = await FollowUpSignIn.PostFormAsync(client, basePath, basePath + "?handler=Close", new());
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var closedPage = await HtmlAsync(await client.GetAsync(basePath));
        Assert.Contains("Cerrado, sin publicar", closedPage.QuerySelector("#estado")!.TextContent, StringComparison.Ordinal);
        var sha = closedPage.QuerySelector("dd code")!.TextContent;
        Assert.Matches("^[0-9a-f]{64}$", sha);

        var published = await FollowUpSignIn.PostFormAsync(client, basePath, basePath + "?handler=Publish", new());
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        var anonymous = factory.CreateClient();
        var list = await factory.GetPageAsync(anonymous, "/seguimientos");
        var row = list.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("30 de abril de 2022", StringComparison.Ordinal));
        Assert.Contains("Publicado fuera del plazo (vencía el 13 de mayo de 2022)", row.TextContent, StringComparison.Ordinal);
        Assert.Contains(sha, row.TextContent, StringComparison.Ordinal);
        // 86 actions: 21 «no programada» (every fourth after the first), 65 programmed, 43 cumplidas.
        Assert.Contains("66,2 %", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("Media", row.QuerySelector(".level")!.TextContent.Trim());

        var id = row.QuerySelector("a[href^='/seguimientos/']")!.GetAttribute("href")!;
        var report = await factory.GetPageAsync(anonymous, id);
        Assert.Contains("Política actualizada y publicada.", report.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("65", report.QuerySelectorAll("tfoot td")[0].TextContent.Trim());

        var xlsx = await anonymous.GetAsync(id + "/informe.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using (var workbook = new XLWorkbook(await xlsx.Content.ReadAsStreamAsync()))
        {
            var total = workbook.Worksheet("Seguimiento").RowsUsed().Single(r => r.Cell(1).GetString() == "Total");
            Assert.Equal((65, 43), (total.Cell(2).GetValue<int>(), total.Cell(3).GetValue<int>()));
        }
        var pdf = await anonymous.GetAsync(id + "/informe.pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.Equal("%PDF"u8.ToArray(), (await pdf.Content.ReadAsByteArrayAsync()).Take(4));

        var csv = Csv.Parse(await anonymous.GetStringAsync("/datos/2022/seguimientos.csv"));
        Assert.Equal(FollowUpOpenData.Columns, csv[0]);
        Assert.Equal(86, csv.Count - 1);
        var first = csv[1];
        Assert.Equal(["2022-04-30", "1", "2022-05-13", "no", sha, "cumplida", "100", "Política actualizada y publicada."],
            new[] { first[2], first[4], first[6], first[7], first[8], first[16], first[17], first[19] });
        using var json = JsonDocument.Parse(await anonymous.GetStringAsync("/datos/alcaldia-de-santiago-de-cali/2022/seguimientos.json"));
        Assert.Equal(86, json.RootElement.GetArrayLength());
        Assert.Equal("no programada en el periodo", json.RootElement[4].GetProperty("estado").GetString());
    }

    [Fact]
    public async Task Get_PublicList_ShowsTheNextCutOffCard()
    {
        var doc = await factory.GetPageAsync(factory.CreateClient(), "/seguimientos");

        Assert.Contains("Próximo corte de seguimiento", doc.QuerySelector("#proximo-corte-titulo")!.TextContent, StringComparison.Ordinal);
    }
}

[Collection("sqlite")]
public class SqliteFollowUpPagesTests(SqliteVigiaFactory factory) : FollowUpPagesTests(factory), IClassFixture<SqliteVigiaFactory>;

[Collection("postgres")]
public class PostgresFollowUpPagesTests(PostgresVigiaFactory factory) : FollowUpPagesTests(factory), IClassFixture<PostgresVigiaFactory>;
