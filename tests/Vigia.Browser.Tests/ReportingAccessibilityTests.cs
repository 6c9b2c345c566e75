using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Vigia.Core.Accounts;
using Vigia.Core.Monitoring;
using Vigia.Core.Progress;

namespace Vigia.Browser.Tests;

/// <summary>axe on every reporting page, as the people who use it, at desktop and phone widths. The data is made
/// through the services: a report returned and corrected, one waiting for review, a closed monthly record.</summary>
[Collection("browser")]
public class ReportingAccessibilityTests(BrowserFixture fixture)
{
    [Fact]
    public async Task ReportingPages_HaveNoAxeViolations()
    {
        var action = await ReportingPeople.ActionIdAsync(fixture, "3.2.1", 1);
        await ReportingPeople.ScheduleAsync(fixture, action, (1, 100), (2, 200), (3, 300));
        var (responsibleEmail, responsible) = await ReportingPeople.CreateAsync(fixture, "Ramiro Responsable", Roles.Responsible, units: ["Oficina de Comunicaciones"]);
        var (leaderEmail, leader) = await ReportingPeople.CreateAsync(fixture, "Luz Líder", Roles.ComponentLeader, components: [3]);
        var (controlEmail, _) = await ReportingPeople.CreateAsync(fixture, "Olga Control", Roles.InternalControl);
        int returned, pending, record;
        using (var scope = fixture.Services.CreateScope())
        {
            var reporting = scope.ServiceProvider.GetRequiredService<ProgressService>();
            var monitoring = scope.ServiceProvider.GetRequiredService<MonitoringService>();
            var january = await reporting.SubmitAsync(responsible, action, new ReportDraft(1, 90, "Noventa asistentes.", ["https://www.cali.gov.co/enero"], []));
            await monitoring.ReviewAsync(leader, january.Value, ReviewDecision.Accept, "Conforme.");
            record = (await monitoring.CloseMonthAsync(leader, await ComponentIdAsync(3), 1, "Enero: un reporte aceptado.")).Value;
            returned = (await reporting.SubmitAsync(responsible, action, new ReportDraft(2, 150, "Ciento cincuenta.", ["https://www.cali.gov.co/febrero"], []))).Value;
            await monitoring.ReviewAsync(leader, returned, ReviewDecision.Return, "Falta el acta.");
            pending = (await reporting.SubmitAsync(responsible, action, new ReportDraft(3, 300, "Trescientos.", [],
                [new EvidenceUpload(new MemoryStream(ReportingPeople.Pdf), "acta.pdf")]))).Value;
        }
        var pagesBy = new (string Email, string[] Urls)[]
        {
            (responsibleEmail, ["/gestion", $"/gestion/acciones/{action}", $"/gestion/acciones/{action}/reportar", $"/gestion/acciones/{action}/reportar?mes=2",
                $"/gestion/reportes/{pending}/editar", $"/gestion/reportes/{returned}"]),
            (leaderEmail, ["/gestion", "/gestion/revision", $"/gestion/reportes/{pending}", "/gestion/monitoreos", $"/gestion/monitoreos/{record}"]),
            (controlEmail, ["/gestion/revision", $"/gestion/reportes/{pending}"]),
        };
        var violations = new List<string>();
        var signedIn = new Dictionary<string, IPage>();
        foreach (var (email, urls) in pagesBy)
        {
            var page = signedIn[email] = await ReportingPeople.SignInAsync(fixture, email);
            foreach (var url in urls)
            {
                foreach (var width in new[] { 1280, 375 })
                {
                    await page.SetViewportSizeAsync(width, 800);
                    var response = await page.GotoAsync(fixture.BaseUrl + url);
                    Assert.True(response!.Ok, $"{url} answered {response.Status}");
                    var result = await page.RunAxe();
                    violations.AddRange(result.Violations.Select(v =>
                        $"{url} at {width}px: {v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))}"));
                }
            }
        }
        Assert.True(violations.Count == 0, string.Join("\n", violations));

        // How the forms look on a phone.
        var phone = signedIn[responsibleEmail];
        await phone.SetViewportSizeAsync(375, 800);
        await phone.GotoAsync(fixture.BaseUrl + $"/gestion/acciones/{action}/reportar?mes=2");
        await BrowserFixture.ScreenshotAsync(phone, "21-correccion-telefono");
        var reviewer = signedIn[leaderEmail];
        await reviewer.SetViewportSizeAsync(375, 800);
        await reviewer.GotoAsync(fixture.BaseUrl + "/gestion/revision");
        await BrowserFixture.ScreenshotAsync(reviewer, "22-revision-telefono");

        // The monthly record as it prints.
        var print = signedIn[leaderEmail];
        await print.SetViewportSizeAsync(1280, 900);
        await print.GotoAsync(fixture.BaseUrl + $"/gestion/monitoreos/{record}");
        await print.EmulateMediaAsync(new() { Media = Media.Print });
        await BrowserFixture.ScreenshotAsync(print, "20-acta-de-monitoreo-impresa");
    }

    private async Task<int> ComponentIdAsync(int number)
    {
        using var scope = fixture.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Vigia.Core.Data.AppDbContext>();
        return db.Components.Single(c => c.Number == number).Id;
    }
}
