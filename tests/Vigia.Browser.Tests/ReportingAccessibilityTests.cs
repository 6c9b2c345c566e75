using Vigia.Core.FollowUps;
using Vigia.Core.Monitoring;
using Vigia.Core.Progress;
using static Microsoft.Playwright.Assertions;
using static Vigia.Browser.Tests.BrowserApp;

namespace Vigia.Browser.Tests;

/// <summary>axe on every reporting page, as the people who use it, at desktop and phone widths. The data is made
/// through the services: a report returned and corrected, one waiting for review, a closed monthly record.</summary>
public class ReportingAccessibilityTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task ReportingPages_HaveNoAxeViolations()
    {
        var action = await app.ActionIdAsync("3.2.1", 1);
        await TestData.ScheduleAsync(app.Factory, action, (1, 100), (2, 200), (3, 300));
        var responsibleUser = await TestPeople.CreateAsync(app.Services, Roles.Responsible, "Oficina de Comunicaciones", name: "Ramiro Responsable");
        var leaderUser = await TestPeople.CreateAsync(app.Services, Roles.ComponentLeader, component: 3, name: "Luz Líder");
        var controlUser = await TestPeople.CreateAsync(app.Services, Roles.InternalControl, name: "Olga Control");
        var responsible = new Actor(responsibleUser.Id, "Ramiro Responsable", new HashSet<string> { Roles.Responsible });
        var leader = new Actor(leaderUser.Id, "Luz Líder", new HashSet<string> { Roles.ComponentLeader });
        int returned, pending, record;
        using (var scope = app.Services.CreateScope())
        {
            var reporting = scope.ServiceProvider.GetRequiredService<ProgressService>();
            var monitoring = scope.ServiceProvider.GetRequiredService<MonitoringService>();
            var january = await reporting.SubmitAsync(responsible, action, new ReportDraft(1, 90, "Noventa asistentes.", ["https://www.cali.gov.co/enero"], []));
            await monitoring.ReviewAsync(leader, january.Value, ReviewDecision.Accept, "Conforme.");
            record = (await monitoring.CloseMonthAsync(leader, await ComponentIdAsync(3), 1, "Enero: un reporte aceptado.")).Value;
            returned = (await reporting.SubmitAsync(responsible, action, new ReportDraft(2, 150, "Ciento cincuenta.", ["https://www.cali.gov.co/febrero"], []))).Value;
            await monitoring.ReviewAsync(leader, returned, ReviewDecision.Return, "Falta el acta.");
            pending = (await reporting.SubmitAsync(responsible, action, new ReportDraft(3, 300, "Trescientos.", [],
                [new EvidenceUpload(new MemoryStream(TestFiles.Pdf), "acta.pdf")]))).Value;
        }
        var pagesBy = new (string Email, string[] Urls)[]
        {
            (responsibleUser.Email!, ["/gestion", $"/gestion/acciones/{action}", $"/gestion/acciones/{action}/reportar", $"/gestion/acciones/{action}/reportar?mes=2",
                $"/gestion/reportes/{pending}/editar", $"/gestion/reportes/{returned}"]),
            (leaderUser.Email!, ["/gestion", "/gestion/revision", $"/gestion/reportes/{pending}", "/gestion/monitoreos", $"/gestion/monitoreos/{record}"]),
            (controlUser.Email!, ["/gestion/revision", $"/gestion/reportes/{pending}"]),
        };
        var violations = new List<string>();
        var signedIn = new Dictionary<(string Email, int Width), IPage>();
        foreach (var (email, urls) in pagesBy)
        {
            // Each person at both widths at once, in two contexts: the two cores are better used than one page at a time.
            var found = await Task.WhenAll(new[] { 1280, 375 }.Select(async width =>
            {
                var page = await app.SignInAsync(email, width: width);
                await page.SetViewportSizeAsync(width, 800);
                var seen = new List<string>();
                foreach (var url in urls)
                {
                    var response = await page.GotoAsync(app.BaseUrl + url);
                    Assert.True(response!.Ok, $"{url} answered {response.Status}");
                    var result = await AxeAsync(page);
                    seen.AddRange(result.Violations.Select(v =>
                        $"{url} at {width}px: {v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))}"));
                }
                return (Width: width, Page: page, Seen: seen);
            }));
            foreach (var (width, page, seen) in found)
            {
                signedIn[(email, width)] = page;
                violations.AddRange(seen);
            }
        }
        Assert.True(violations.Count == 0, string.Join("\n", violations));

        // How the forms look on a phone.
        var phone = signedIn[(responsibleUser.Email!, 375)];
        await phone.GotoAsync(app.BaseUrl + $"/gestion/acciones/{action}/reportar?mes=2");
        await ScreenshotAsync(phone, "21-correccion-telefono");
        var reviewer = signedIn[(leaderUser.Email!, 375)];
        await reviewer.GotoAsync(app.BaseUrl + "/gestion/revision");
        await ScreenshotAsync(reviewer, "22-revision-telefono");

        // The monthly record as it prints.
        var print = signedIn[(leaderUser.Email!, 1280)];
        await print.SetViewportSizeAsync(1280, 900);
        await print.GotoAsync(app.BaseUrl + $"/gestion/monitoreos/{record}");
        await print.EmulateMediaAsync(new() { Media = Media.Print });
        await ScreenshotAsync(print, "20-acta-de-monitoreo-impresa");
    }

    /// <summary>At 375 px the rows of the tables with actions become cards: «Reportar» and the downloads are on
    /// screen, and no page scrolls sideways.</summary>
    [Fact]
    public async Task AtPhoneWidth_ActionTableOpenDataAndFollowUps_KeepTheirActionsOnScreen()
    {
        var action = await app.ActionIdAsync("3.2.1", 1);
        await TestData.ScheduleAsync(app.Factory, action, (4, 100));
        var person = await TestPeople.CreateAsync(app.Services, Roles.Responsible, "Oficina de Comunicaciones", name: "Rosa Responsable");
        var control = await TestPeople.CreateAsync(app.Services, Roles.InternalControl, name: "Óscar Control");
        // A published follow-up, so /seguimientos has its downloads: every action assessed through the service.
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var followUps = scope.ServiceProvider.GetRequiredService<FollowUpService>();
            var lifecycle = scope.ServiceProvider.GetRequiredService<FollowUpLifecycle>();
            var actor = new Actor(control.Id, "Óscar Control", new HashSet<string> { Roles.InternalControl });
            var planId = await db.Plans.Where(p => p.Year == 2022).Select(p => p.Id).SingleAsync();
            var cutOff = new DateOnly(2022, 8, 31);
            foreach (var id in await db.Actions.Where(a => a.Activity!.Component!.PlanId == planId).Select(a => a.Id).ToListAsync())
            {
                var assessed = await followUps.AssessAsync(actor, planId, cutOff, id, new AssessmentInput(AssessmentStatus.NoProgress, 0, null, "Sin avance verificado."));
                Assert.True(assessed.Succeeded, string.Join(" ", assessed.Errors.Values));
            }
            var closed = await lifecycle.CloseAsync(actor, planId, cutOff);
            Assert.True(closed.Succeeded, string.Join(" ", closed.Errors.Values));
            Assert.True((await lifecycle.PublishAsync(actor, planId, cutOff)).Succeeded);
        }
        var phone = await app.SignInAsync(person.Email!, width: 375);
        await phone.SetViewportSizeAsync(375, 800);
        var checks = new (string Url, string Link)[]
        {
            ("/gestion", "^Reportar"),
            ("/datos", "^CSV de "),
            ("/seguimientos", "^XLSX del segundo seguimiento 2022"),
        };
        foreach (var (url, link) in checks)
        {
            await phone.GotoAsync(app.BaseUrl + url);
            var target = phone.GetByRole(AriaRole.Link, new() { NameRegex = new(link) }).First;
            await Expect(target).ToBeVisibleAsync();
            var box = await target.BoundingBoxAsync();
            Assert.True(box is { } b && b.X >= 0 && b.X + b.Width <= 375, $"{url}: «{link}» is off screen ({box?.X}, {box?.Width})");
            Assert.True(await phone.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 375, $"{url} scrolls sideways at 375 px");
        }
        await ScreenshotAsync(phone, "23-seguimientos-telefono");
    }

    private async Task<int> ComponentIdAsync(int number)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Components.Where(c => c.Number == number).Select(c => c.Id).SingleAsync();
    }
}
