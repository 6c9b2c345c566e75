using System.Globalization;
using Vigia.Core.Colombia;
using Vigia.Core.Compliance;
using Vigia.Core.FollowUps;
using Vigia.Core.Monitoring;
using Vigia.Core.Organisation;
using Vigia.Core.Progress;
using static Vigia.Web.Tests.Pages.Progress.ReportingData;

namespace Vigia.Web.Tests.Pages.DepartmentDesk;

/// <summary>The department's read-only desk (/departamento and its plan pages) for a person with Consulta
/// departamental of Valle del Cauca: Cali (Valle), Jamundí (Valle, hosted by Cali) and Popayán (Cauca).</summary>
public abstract class DeskTests(VigiaFactory app)
{
    private const string Popayan = "Alcaldía de Popayán";
    private const string Jamundi = "Alcaldía de Jamundí";
    private const string PopayanUnit = "Secretaría de Gobierno de Popayán";

    private sealed record Nation(TestPlan Cali, TestPlan Jamundi, TestPlan Popayan, int CaliReport, int CaliEvidence, int PopayanReport, int PopayanEvidence);

    /// <summary>Three entities in two departments, each with its 2022 plan, and a report with a PDF in Cali and in
    /// Popayán, made through the report form by their Responsables.</summary>
    private Task<Nation> NationAsync() => app.SharedAsync("department-nation", async a =>
    {
        var cali = await PlanAsync(a);
        var jamundi = await TestData.CreatePlanAsync(a, p => p.ForEntity(Jamundi).WithUnit("Secretaría de Planeación de Jamundí")
            .WithComponent(1, "GESTIÓN DEL RIESGO DE CORRUPCIÓN").WithActivity("1.1.1", "Actualizar la política")
            .WithAction(x => x.Target(1).Responsible("Secretaría de Planeación de Jamundí")));
        var popayan = await TestData.CreatePlanAsync(a, p => p.ForEntity(Popayan).WithUnit(PopayanUnit)
            .WithComponent(1, "GESTIÓN DEL RIESGO DE CORRUPCIÓN").WithActivity("1.1.1", "Actualizar la política")
            .WithAction(x => x.Target(1).Responsible(PopayanUnit)));
        await using (var db = a.Database.CreateContext())
        {
            var entities = await db.Entities.ToListAsync();
            var caliEntity = entities.Single(e => e.Slug == cali.EntitySlug);
            caliEntity.DepartmentId = Departments.ValleDelCauca;
            var jamundiEntity = entities.Single(e => e.Name == Jamundi);
            (jamundiEntity.DepartmentId, jamundiEntity.HostEntityId) = (Departments.ValleDelCauca, caliEntity.Id);
            entities.Single(e => e.Name == Popayan).DepartmentId = 19;
            await db.SaveChangesAsync();
        }
        var action = cali.Action("3.1.4", 1);
        await TestData.ScheduleAsync(a, action, (3, 200));
        var caliReport = IdFromLocation(await ReportAsync(await CommunicationsResponsibleAsync(a), action, 3, "150", "Dos jornadas de socialización.",
            ("asistencia.pdf", Pdf)), "/gestion/reportes/");
        await TestData.ScheduleAsync(a, popayan.Action("1.1.1"), (3, 1));
        var popayanResponsible = await a.SignInAsAsync(Roles.Responsible, unit: PopayanUnit);
        var popayanReport = IdFromLocation(await ReportAsync(popayanResponsible, popayan.Action("1.1.1"), 3, "1", "Política aprobada en Popayán.",
            ("acta-popayan.pdf", Pdf)), "/gestion/reportes/");
        await using var check = a.Database.CreateContext();
        var evidence = await check.Evidence.Where(e => e.ReportId == caliReport || e.ReportId == popayanReport).ToListAsync();
        return new Nation(cali, jamundi, popayan, caliReport, evidence.Single(e => e.ReportId == caliReport).Id, popayanReport,
            evidence.Single(e => e.ReportId == popayanReport).Id);
    });

    private Task<TestClient> ObserverAsync() =>
        app.SharedAsync("valle-observer", a => a.SignInAsAsync(Roles.DepartmentObserver, name: "Control Interno del Valle"));

    private static string MainText(IHtmlDocument doc) => doc.QuerySelector("main")!.TextContent;

    [Fact]
    public async Task Get_Desk_ShowsTheDepartmentsEntities_WithTheOfficialFigure_AndNoOtherDepartment()
    {
        var nation = await NationAsync();
        var observer = await ObserverAsync();

        var page = await observer.GetPageAsync("/departamento");

        var main = MainText(page);
        Assert.Contains("Solo lectura", main, StringComparison.Ordinal);
        Assert.Equal(["Valle del Cauca"], page.QuerySelectorAll("main h2").Select(h => h.TextContent.Trim()));
        var entities = page.QuerySelectorAll("tbody th[scope='row']").Select(th => th.TextContent.Trim()).ToList();
        Assert.Contains(entities, e => e.StartsWith("Alcaldía de Santiago de Cali", StringComparison.Ordinal));
        Assert.Contains(entities, e => e.StartsWith(Jamundi, StringComparison.Ordinal) && e.Contains("Alojada en Alcaldía de Santiago de Cali", StringComparison.Ordinal));
        Assert.DoesNotContain(Popayan, main, StringComparison.Ordinal);
        await using var scope = app.Scope();
        var today = ColombianTime.Today(app.Clock);
        var official = (await scope.ServiceProvider.GetRequiredService<ComplianceService>().ComputeAsync(nation.Cali.Id, today))!.Plan.Official;
        Assert.Contains($"{official.CompletedActivities} de {official.ProgrammedActivities} actividades programadas, cumplidas", main, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"a[href='/departamento/planes/{nation.Cali.Id}/reportes']"));
        Assert.NotNull(page.QuerySelector($"a[href='/departamento/planes/{nation.Jamundi.Id}/seguimientos']"));
        Assert.Null(page.QuerySelector($"a[href='/departamento/planes/{nation.Popayan.Id}/reportes']"));
        Assert.Empty(page.QuerySelectorAll("main form[method='post']"));
    }

    [Fact]
    public async Task Get_Reports_ShowWhatTheResponsableReported_WithStatusAndEvidence_AndTheFileDownloads()
    {
        var nation = await NationAsync();
        var observer = await ObserverAsync();

        var page = await observer.GetPageAsync($"/departamento/planes/{nation.Cali.Id}/reportes");
        var file = await observer.GetAsync($"/departamento/evidencias/{nation.CaliEvidence}");

        var row = page.QuerySelector($"tr#reporte-{nation.CaliReport}")!;
        Assert.Contains("Dos jornadas de socialización.", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Por revisar", row.QuerySelector(".status")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("asistencia.pdf", row.QuerySelector($"a[href='/departamento/evidencias/{nation.CaliEvidence}']")!.TextContent);
        Assert.Contains("Solo lectura", MainText(page), StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("main form[method='post'], main button[type='submit'][formmethod='post']"));
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(Pdf, await file.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Get_FollowUps_ShowTheCutOffsAndControlInternosAssessments_ReadOnly()
    {
        var nation = await NationAsync();
        var observer = await ObserverAsync();
        await using (var db = app.Database.CreateContext())
        {
            db.Add(new FollowUp
            {
                PlanId = nation.Cali.Id,
                CutOffDate = new DateOnly(2022, 4, 30),
                CutOffNumber = 1,
                PublicationDeadline = new DateOnly(2022, 5, 13),
                CreatedAt = TestTime.Written,
                CreatedByName = "Óscar Control",
                Assessments =
                [
                    new FollowUpAssessment
                    {
                        ActionId = nation.Cali.Action("1.1.1"), Status = AssessmentStatus.Completed, VerifiedPercent = 100,
                        Observations = "Verificado en el acta del comité.", AssessedAt = TestTime.Written, AssessedByName = "Óscar Control",
                    },
                ],
            });
            await db.SaveChangesAsync();
        }

        var page = await observer.GetPageAsync($"/departamento/planes/{nation.Cali.Id}/seguimientos");

        var main = MainText(page);
        Assert.Contains("Solo lectura", main, StringComparison.Ordinal);
        Assert.Contains("30 de abril de 2022", main, StringComparison.Ordinal);
        Assert.Contains("Verificado en el acta del comité.", main, StringComparison.Ordinal);
        Assert.Contains("Cumplida", main, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("main form[method='post']"));
    }

    [Theory]
    [InlineData("/departamento/planes/{plan}/reportes")]
    [InlineData("/departamento/planes/{plan}/seguimientos")]
    [InlineData("/departamento/evidencias/{evidence}")]
    public async Task Get_AnotherDepartmentsPlanOrFile_IsNotFound(string url)
    {
        var nation = await NationAsync();
        var observer = await ObserverAsync();

        var response = await observer.GetAsync(url.Replace("{plan}", nation.Popayan.Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{evidence}", nation.PopayanEvidence.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Get_TheEntitysOwnDesks_AreDeniedToTheObserver()
    {
        var nation = await NationAsync();
        var observer = await ObserverAsync();

        foreach (var url in new[] { "/gestion", $"/gestion/reportes/{nation.CaliReport}", $"/gestion/evidencias/{nation.CaliEvidence}", "/gestion/revision",
            "/gestion/monitoreos", "/seguimientos/gestion", "/mapa-riesgos/gestion/publicacion", "/admin/entidades" })
        {
            var response = await observer.GetAsync(url);
            Assert.True(AuthorizationMatrixTests.Classify(response) == AuthorizationMatrixTests.Outcome.Denied, $"GET {url}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Post_EveryDeskForm_IsRefusedToTheObserver_AndChangesNothing()
    {
        var nation = await NationAsync();
        var observer = await ObserverAsync();
        var action = nation.Cali.Action("3.1.4", 1);
        var posts = new (string Url, Dictionary<string, string> Fields)[]
        {
            ($"/gestion/reportes/{nation.CaliReport}?handler=Accept", new() { ["Comment"] = "" }),
            ($"/gestion/reportes/{nation.CaliReport}?handler=Return", new() { ["Comment"] = "Devuelto por el departamento." }),
            ($"/gestion/acciones/{action}/reportar?mes=3", new() { ["mes"] = "3", ["Quantity"] = "200", ["Narrative"] = "Reporte del departamento." }),
            ("/gestion/monitoreos", new() { ["ComponentId"] = nation.Cali.Component(3).ToString(CultureInfo.InvariantCulture), ["Month"] = "3", ["Summary"] = "Cierre." }),
            ($"/seguimientos/gestion/{nation.Cali.Id}/2022-08-31?handler=Close", new()),
            ($"/departamento/planes/{nation.Cali.Id}/reportes", new() { ["Comment"] = "Intento." }),
            ($"/departamento/planes/{nation.Cali.Id}/seguimientos", new()),
            ("/departamento", new()),
            ($"/admin/entidades/{nation.Popayan.Id}", new() { ["DepartmentId"] = "76" }),
        };

        foreach (var (url, fields) in posts)
        {
            // With a valid token from the observer's own page, as a forged request would carry.
            var response = await observer.PostFormAsync(url, fields, "/departamento");
            Assert.True(AuthorizationMatrixTests.Classify(response) == AuthorizationMatrixTests.Outcome.Denied, $"POST {url}: {(int)response.StatusCode}");
        }

        await using var db = app.Database.CreateContext();
        Assert.Equal(ReportStatus.Submitted, (await db.ProgressReports.SingleAsync(r => r.Id == nation.CaliReport)).Status);
        Assert.Equal(1, await db.ProgressReports.CountAsync(r => r.ActionId == action));
        Assert.Equal(0, await db.Set<MonitoringRecord>().CountAsync());
        Assert.Equal(0, await db.Set<FollowUp>().CountAsync(f => f.CutOffDate == new DateOnly(2022, 8, 31)));
        Assert.Equal(19, (await db.Entities.SingleAsync(e => e.Id == db.Plans.Where(p => p.Id == nation.Popayan.Id).Select(p => p.EntityId).Single())).DepartmentId);
    }

    [Fact]
    public async Task SignIn_TakesTheObserverToTheDepartmentDesk()
    {
        await NationAsync();
        var person = await TestPeople.CreateAsync(app.Services, Roles.DepartmentObserver, email: $"valle-{Guid.NewGuid():N}@valle.gov.co");
        var client = app.Anonymous();

        var response = await client.PostFormAsync("/cuenta/ingresar", new() { ["Email"] = person.Email!, ["Password"] = TestPeople.Password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/departamento", response.Headers.Location!.OriginalString);
        var nav = (await client.GetPageAsync("/departamento")).QuerySelector("nav[aria-label='Principal']")!;
        Assert.NotNull(nav.QuerySelector("a[href='/departamento']"));
        Assert.Null(nav.QuerySelector("a[href='/gestion']"));
    }
}

public sealed class SqliteDeskTests(SqliteReportingApp app) : DeskTests(app), IClassFixture<SqliteReportingApp>;

public sealed class PostgresDeskTests(PostgresReportingApp app) : DeskTests(app), IClassFixture<PostgresReportingApp>;
