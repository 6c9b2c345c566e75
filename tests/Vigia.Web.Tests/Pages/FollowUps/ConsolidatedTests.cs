using System.Globalization;
using System.Text.Json;
using ClosedXML.Excel;
using Vigia.Core.FollowUps;
using Vigia.Web.Tests.OpenData;
using static Vigia.Web.Tests.Pages.FollowUps.FollowUpsData;

namespace Vigia.Web.Tests.Pages.FollowUps;

/// <summary>The consolidated follow-up of a year (/seguimientos/{año}/consolidado), its files and its open data.</summary>
public abstract class ConsolidatedTests(VigiaFactory app)
{
    private const string Entity = "alcaldia-de-prueba";

    /// <summary>Control Interno assesses every action of the small plan at 30 April 2022 (all cumplidas but the last),
    /// closes and publishes: on the host's clock (2026) the publication is late.</summary>
    private async Task<int> PublishAprilAsync()
    {
        var planId = await PlanIdAsync(app);
        var actions = await ActionIdsAsync(app, planId);
        await using var scope = app.Scope();
        var service = scope.ServiceProvider.GetRequiredService<FollowUpService>();
        var lifecycle = scope.ServiceProvider.GetRequiredService<FollowUpLifecycle>();
        var actor = new Actor("ci-consolidated", "Control Interno", new HashSet<string> { Roles.InternalControl });
        var cutOff = new DateOnly(2022, 4, 30);
        for (var i = 0; i < actions.Count; i++)
        {
            var input = i == actions.Count - 1
                ? new AssessmentInput(AssessmentStatus.InProgress, 50, null, "Avance parcial.")
                : new AssessmentInput(AssessmentStatus.Completed, 100, null, null);
            Assert.True((await service.AssessAsync(actor, planId, cutOff, actions[i], input)).Succeeded);
        }
        Assert.True((await lifecycle.CloseAsync(actor, planId, cutOff)).Succeeded);
        var published = await lifecycle.PublishAsync(actor, planId, cutOff);
        Assert.True(published.Succeeded);
        return published.Value.Id;
    }

    [Fact]
    public async Task Journey_PendingBeforePublication_ThenTheFollowUpsOwnFiguresInEveryFormat()
    {
        await TestData.SmallPlanAsync(app);
        var anonymous = app.Anonymous();

        var before = await anonymous.GetPageAsync("/seguimientos/2022/consolidado");
        var cells = before.QuerySelectorAll("table.consolidated tbody td").Select(td => td.TextContent.Trim()).ToList();
        Assert.NotEmpty(cells);
        Assert.All(cells, text => Assert.Equal("Pendiente", text));
        Assert.DoesNotContain("0,0 %", before.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var id = await PublishAprilAsync();

        var report = await anonymous.GetPageAsync($"/seguimientos/{id}");
        var reportTotal = report.QuerySelectorAll("tfoot td").Select(td => td.TextContent.Trim()).ToList();
        var page = await anonymous.GetPageAsync($"/seguimientos/{Entity}/2022/consolidado");
        var total = page.QuerySelectorAll("table.consolidated tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == "Total");
        var totalCells = total.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        // April: programadas, cumplidas, % and zona exactly as the follow-up's own summary; August and December pending; the year pending.
        Assert.Equal([reportTotal[0], reportTotal[1], reportTotal[2], reportTotal[6], "Pendiente", "Pendiente", "Pendiente"], totalCells);
        Assert.Contains("Publicado fuera del plazo (vencía el 13 de mayo de 2022)", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/seguimientos/{id}", page.QuerySelector(".consolidated-cutoffs a")!.GetAttribute("href"));
        var list = await anonymous.GetPageAsync("/seguimientos");
        Assert.NotNull(list.QuerySelector($"a[href='/seguimientos/{Entity}/2022/consolidado']"));

        var xlsx = await anonymous.GetAsync($"/seguimientos/{Entity}/2022/consolidado.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using (var workbook = new XLWorkbook(await xlsx.Content.ReadAsStreamAsync()))
        {
            var row = workbook.Worksheet(ConsolidatedXlsx.Sheet).RowsUsed().Single(r => r.Cell(1).GetString() == "Total");
            Assert.Equal(reportTotal[0], row.Cell(2).GetValue<int>().ToString(CultureInfo.InvariantCulture));
            Assert.Equal(reportTotal[1], row.Cell(3).GetValue<int>().ToString(CultureInfo.InvariantCulture));
            Assert.Equal("Pendiente", row.Cell(6).GetString());
        }
        var pdf = await anonymous.GetAsync("/seguimientos/2022/consolidado.pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.Equal("%PDF"u8.ToArray(), (await pdf.Content.ReadAsByteArrayAsync()).Take(4));

        var csv = Csv.Parse(await anonymous.GetStringAsync("/datos/2022/seguimientos-consolidado.csv"));
        Assert.Equal(ConsolidatedOpenData.Columns, csv[0]);
        var aprilTotal = csv.Single(r => r[2] == "1" && r[11] == "Total");
        Assert.Equal(["publicado", "no", reportTotal[0], reportTotal[1]], new[] { aprilTotal[5], aprilTotal[7], aprilTotal[12], aprilTotal[13] });
        Assert.All(csv.Skip(1).Where(r => r[2] != "1"), r => Assert.Equal(("pendiente", ""), (r[5], r[14])));
        using var json = JsonDocument.Parse(await anonymous.GetStringAsync($"/datos/{Entity}/2022/seguimientos-consolidado.json"));
        Assert.Equal(csv.Count - 1, json.RootElement.GetArrayLength());

        var data = await anonymous.GetPageAsync("/datos");
        Assert.NotNull(data.QuerySelector($"a[href='/datos/{Entity}/2022/seguimientos-consolidado.csv']"));
    }

    [Theory]
    [InlineData("/seguimientos/2022/consolidado", HttpStatusCode.OK)]
    [InlineData("/seguimientos/" + Entity + "/2022/consolidado.xlsx", HttpStatusCode.OK)]
    [InlineData("/seguimientos/2022/consolidado.pdf", HttpStatusCode.OK)]
    [InlineData("/datos/2022/seguimientos-consolidado.csv", HttpStatusCode.OK)]
    [InlineData("/seguimientos/2031/consolidado", HttpStatusCode.NotFound)]
    [InlineData("/seguimientos/otra-entidad/2022/consolidado", HttpStatusCode.NotFound)]
    [InlineData("/seguimientos/2031/consolidado.pdf", HttpStatusCode.NotFound)]
    [InlineData("/datos/2031/seguimientos-consolidado.json", HttpStatusCode.NotFound)]
    [InlineData("/datos/otra-entidad/2022/seguimientos-consolidado.csv", HttpStatusCode.NotFound)]
    public async Task GetAndHead_AnswerTheSame(string url, HttpStatusCode expected)
    {
        await TestData.SmallPlanAsync(app);
        var client = app.Anonymous();

        var get = await client.GetAsync(url);
        using var head = await client.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(url, UriKind.Relative)));

        Assert.Equal((expected, expected), (get.StatusCode, head.StatusCode));
    }
}

public sealed class SqliteConsolidatedTests(SqliteApp app) : ConsolidatedTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresConsolidatedTests(PostgresApp app) : ConsolidatedTests(app), IClassFixture<PostgresApp>;
