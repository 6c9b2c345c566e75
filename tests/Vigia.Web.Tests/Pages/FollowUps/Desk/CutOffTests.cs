using System.Globalization;
using System.Text.Json;
using ClosedXML.Excel;
using Vigia.Core.Colombia;
using Vigia.Core.FollowUps;
using Vigia.Web.Tests.OpenData;
using static Vigia.Web.Tests.Pages.FollowUps.FollowUpsData;

namespace Vigia.Web.Tests.Pages.FollowUps.Desk;

/// <summary>A cut-off of the follow-up desk (/seguimientos/gestion/{plan}/{cutoff}) on the bundled Cali 2022 plan:
/// the journey assesses all 86 of its actions and checks the published figures.</summary>
public abstract class CutOffTests(VigiaFactory app)
{
    [Theory]
    [InlineData(Roles.Planning, "/seguimientos/gestion/{plan}/" + August)]
    [InlineData(Roles.Responsible, "/seguimientos/gestion/{plan}/" + August)]
    [InlineData(Roles.Administrator, "/seguimientos/gestion/{plan}/" + August)]
    public async Task Get_AsAnotherRole_IsForbidden(string role, string url) => await AssertForbiddenAsync(app, role, url);

    [Theory]
    [InlineData(Roles.Planning, "?handler=Close")]
    [InlineData(Roles.Responsible, "?handler=Note&number=1")]
    [InlineData(Roles.Planning, "?handler=Correct")]
    public async Task Post_AsAnotherRole_IsRefusedAndWritesNothing(string role, string handler) => await AssertPostRefusedAsync(app, role, handler);

    [Fact]
    public async Task Post_Close_WithNothingAssessed_ReRendersWithTheReason()
    {
        var planId = await PlanIdAsync(app);
        var client = await ClientAsync(app, Roles.InternalControl);
        var url = $"/seguimientos/gestion/{planId}/{December}";

        var response = await client.PostFormAsync(url + "?handler=Close", new(), url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Registre al menos una valoración", (await TestClient.ParseAsync(response)).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await FollowUpsAtAsync(app, planId, December));
    }

    [Fact]
    public async Task Get_UnknownCutOffOrAction_Returns404()
    {
        var planId = await PlanIdAsync(app);
        var client = await ClientAsync(app, Roles.InternalControl);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/seguimientos/gestion/{planId}/2022-05-31")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/seguimientos/gestion/{planId}/{April}/acciones/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/seguimientos/gestion/{planId}/abril")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync("/seguimientos/999999")).StatusCode);
    }

    [Fact]
    public async Task AssessCloseAndPublish_CitizensSeeTheReportItsFilesAndTheOpenData()
    {
        var planId = await PlanIdAsync(app);
        var actions = await ActionIdsAsync(app, planId);
        var client = await ClientAsync(app, Roles.InternalControl);
        var basePath = $"/seguimientos/gestion/{planId}/{April}";
        var assessUrl = $"{basePath}/acciones/{actions[0]}";

        var assessed = await client.PostFormAsync(assessUrl, new()
        {
            ["Status"] = "Completed",
            ["VerifiedPercent"] = "100",
            ["Observations"] = "Política actualizada y publicada.",
        });
        Assert.Equal(HttpStatusCode.Redirect, assessed.StatusCode);
        Assert.Contains("1 de 86", (await client.GetPageAsync(basePath)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // The other 85, through the service as the page would (one POST each is what the browser test does for a few).
        await using (var scope = app.Scope())
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
        var closed = await client.PostFormAsync(basePath + "?handler=Close", new(), basePath);
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var closedPage = await client.GetPageAsync(basePath);
        Assert.Contains("Cerrado, sin publicar", closedPage.QuerySelector("#estado")!.TextContent, StringComparison.Ordinal);
        var sha = closedPage.QuerySelector("dd code")!.TextContent;
        Assert.Matches("^[0-9a-f]{64}$", sha);

        var published = await client.PostFormAsync(basePath + "?handler=Publish", new(), basePath);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        var anonymous = app.Anonymous();
        var list = await anonymous.GetPageAsync("/seguimientos");
        var row = list.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("30 de abril de 2022", StringComparison.Ordinal));
        Assert.Contains("Publicado fuera del plazo (vencía el 13 de mayo de 2022)", row.TextContent, StringComparison.Ordinal);
        Assert.Contains(sha, row.TextContent, StringComparison.Ordinal);
        // 86 actions: 21 «no programada» (every fourth after the first), 65 programmed, 43 cumplidas. The figure counts
        // activities (issue 9): an activity is programmed with one programmed action, cumplida when all of them are.
        var (programmedActivities, completedActivities) = await ExpectedActivitiesAsync(actions);
        var percent = Math.Round(completedActivities * 100m / programmedActivities, 1, MidpointRounding.AwayFromZero);
        Assert.Contains(SpanishFormat.Percent(percent, 1), row.TextContent, StringComparison.Ordinal);

        var id = row.QuerySelector("a[href^='/seguimientos/']")!.GetAttribute("href")!;
        var report = await anonymous.GetPageAsync(id);
        Assert.Contains("Política actualizada y publicada.", report.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(programmedActivities.ToString(CultureInfo.InvariantCulture), report.QuerySelectorAll("tfoot td")[0].TextContent.Trim());
        Assert.Equal("65", report.QuerySelectorAll("tfoot td")[3].TextContent.Trim());

        var xlsx = await anonymous.GetAsync(id + "/informe.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using (var workbook = new XLWorkbook(await xlsx.Content.ReadAsStreamAsync()))
        {
            var total = workbook.Worksheet("Seguimiento").RowsUsed().Single(r => r.Cell(1).GetString() == "Total");
            Assert.Equal((programmedActivities, completedActivities), (total.Cell(2).GetValue<int>(), total.Cell(3).GetValue<int>()));
            Assert.Equal((65, 43), (total.Cell(5).GetValue<int>(), total.Cell(6).GetValue<int>()));
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

    /// <summary>The activity counts of the journey's assessments, worked out from the plan's activities.</summary>
    private async Task<(int Programmed, int Completed)> ExpectedActivitiesAsync(IReadOnlyList<int> actions)
    {
        await using var db = app.Database.CreateContext();
        var activityOf = await db.Actions.Where(a => actions.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.ActivityId);
        var verdicts = actions.Select((id, i) => (Activity: activityOf[id], Programmed: i == 0 || i % 4 != 0, Completed: i == 0 || i % 4 is 2 or 3));
        var activities = verdicts.GroupBy(v => v.Activity).Where(g => g.Any(v => v.Programmed)).ToList();
        return (activities.Count, activities.Count(g => g.Where(v => v.Programmed).All(v => v.Completed)));
    }
}

public sealed class SqliteCutOffTests(SqliteBundledPlanApp app) : CutOffTests(app), IClassFixture<SqliteBundledPlanApp>;

public sealed class PostgresCutOffTests(PostgresBundledPlanApp app) : CutOffTests(app), IClassFixture<PostgresBundledPlanApp>;
