using static Vigia.Web.Tests.Pages.RiskMap.Desk.RiskDeskData;
using static Vigia.Web.Tests.Pages.RiskMap.Desk.TrackingData;

namespace Vigia.Web.Tests.Pages.RiskMap.Desk;

/// <summary>The second line's review of the monitoring (/mapa-riesgos/gestion/monitoreo/revision): Planeación
/// accepts one and returns another with a reason; the leader sees the return and answers it.</summary>
public abstract class MonitoringReviewTests(VigiaFactory app)
{
    private const string Review = "/mapa-riesgos/gestion/monitoreo/revision?vigencia=2026";

    [Fact]
    public async Task Planeacion_AcceptsOne_AndReturnsAnotherOnlyWithAReason_WhichTheLeaderAnswers()
    {
        var (own, _, leader) = await ProcessesAsync(app);
        var (_, control1, control2) = await RiskWithControlsAsync(app, leader, own, "RC-40");
        foreach (var control in new[] { control1, control2 })
        {
            var url = $"/mapa-riesgos/gestion/control/{control}/monitoreo?mes=11";
            Assert.Equal(HttpStatusCode.Redirect, (await leader.PostMultipartAsync(url, url,
                new() { ["Executed"] = "false", ["Note"] = "No hubo procesos de contratación en noviembre." })).StatusCode);
        }
        var planning = await app.SignInAsAsync(Roles.Planning);
        var ids = await MonitoringIdsAsync(control1, control2);

        var accepted = await planning.PostFormAsync(Review + "&handler=Review", new() { ["monitoringId"] = Str(ids[0]), ["decision"] = "aceptar" }, Review);
        var bare = await planning.PostFormAsync(Review + "&handler=Review", new() { ["monitoringId"] = Str(ids[1]), ["decision"] = "devolver" }, Review);
        var returned = await planning.PostFormAsync(Review + "&handler=Review",
            new() { ["monitoringId"] = Str(ids[1]), ["decision"] = "devolver", ["Comment"] = "Adjunte la certificación de que no hubo procesos." }, Review);

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Contains("Para devolver el monitoreo, escriba qué debe corregir el líder del proceso.",
            (await TestClient.ParseAsync(bare)).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        Assert.DoesNotContain("RC-40", (await planning.GetPageAsync(Review)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var answer = $"/mapa-riesgos/gestion/control/{control2}/monitoreo?mes=11";
        var page = await leader.GetPageAsync(answer);
        Assert.Contains("Adjunte la certificación de que no hubo procesos.", page.QuerySelector("#vigente")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Str(ids[1]), page.QuerySelector("input[name='AnswersId']")!.GetAttribute("value"));
        var answered = await leader.PostMultipartAsync(answer, answer,
            new() { ["Executed"] = "false", ["Note"] = "Se adjunta la certificación.", ["AnswersId"] = Str(ids[1]) }, ("certificacion.pdf", TestFiles.Pdf));
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Contains("RC-40", (await planning.GetPageAsync(Review)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheProcessLeader_CannotReview_AndSeesNothingToReview()
    {
        var (own, _, leader) = await ProcessesAsync(app);
        var (_, control1, _) = await RiskWithControlsAsync(app, leader, own, "RC-41");
        var url = $"/mapa-riesgos/gestion/control/{control1}/monitoreo?mes=11";
        await leader.PostMultipartAsync(url, url, new() { ["Executed"] = "false", ["Note"] = "No hubo procesos de contratación." });
        var id = (await MonitoringIdsAsync(control1))[0];

        var page = await leader.GetPageAsync(Review);
        var post = await leader.PostFormAsync(Review + "&handler=Review", new() { ["monitoringId"] = Str(id), ["decision"] = "aceptar" }, Review);

        Assert.Contains("No hay monitoreos pendientes de revisión a su cargo", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
    }

    private async Task<List<int>> MonitoringIdsAsync(params int[] controls)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rows = await db.ControlMonitorings.Where(m => controls.Contains(m.ControlId)).Select(m => new { m.Id, m.ControlId }).ToListAsync();
        return controls.Select(c => rows.Single(r => r.ControlId == c).Id).ToList();
    }
}

public sealed class SqliteMonitoringReviewTests(SqliteApp app) : MonitoringReviewTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresMonitoringReviewTests(PostgresApp app) : MonitoringReviewTests(app), IClassFixture<PostgresApp>;
