using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Vigia.Web.Api;
using Vigia.Web.Layout;
using Vigia.Web.OpenData;

namespace Vigia.Web.Tests.Conventions;

/// <summary>The addresses the routing generates are the ones citizens have bookmarked: a plan page linked with its
/// entity keeps the entity (/planes/{entidad}/2022/…), one linked without it keeps the short address, and every
/// endpoint that is not a page is reached by its name.</summary>
public abstract class GeneratedLinksTests(VigiaFactory app)
{
    private const string Slug = "alcaldia-de-santiago-de-cali";

    private LinkGenerator Links => app.Services.GetRequiredService<LinkGenerator>();

    /// <summary>Every page that <see cref="Startup.PlanRouteConvention"/> gave an entity address, with values for its
    /// other route parameters.</summary>
    public static TheoryData<string, string, string> EntityPrefixedPages() => new()
    {
        { "/Plans/Plan", "/planes/{0}2022", "" },
        { "/Plans/Component", "/planes/{0}2022/componente/3", "number=3" },
        { "/Plans/Activity", "/planes/{0}2022/actividad/3.1.4", "code=3.1.4" },
        { "/Plans/ImportReport", "/planes/{0}2022/importacion", "" },
        { "/Plans/Versions", "/planes/{0}2022/versiones", "" },
        { "/Plans/Version", "/planes/{0}2022/versiones/2", "number=2" },
        { "/Plans/Compare", "/planes/{0}2022/versiones/comparar", "" },
        { "/Plans/Manage/Index", "/gestion/planes/{0}2022/versiones", "" },
        { "/Plans/Manage/EditAction", "/gestion/planes/{0}2022/versiones/borrador/acciones/7", "actionId=7" },
        { "/Plans/Manage/Draft", "/gestion/planes/{0}2022/borrador", "" },
        { "/Plans/Manage/DraftRename", "/gestion/planes/{0}2022/borrador/renombrar/actividad/5", "part=actividad&id=5" },
        { "/Plans/Manage/Review", "/gestion/planes/{0}2022/revision", "" },
        { "/Plans/Consultation", "/planes/{0}2022/consulta", "" },
        { "/Plans/Comment", "/planes/{0}2022/consulta/comentar", "" },
        { "/Plans/Subscribe", "/planes/{0}2022/consulta/suscribirse", "" },
        { "/Plans/Manage/Consultation", "/gestion/planes/{0}2022/consulta", "" },
        { "/Plans/Manage/ConsultationComment", "/gestion/planes/{0}2022/consulta/comentarios/4", "number=4" },
        { "/Plans/Manage/DraftAction", "/gestion/planes/{0}2022/borrador/actividades/5/acciones/7", "activityId=5&actionId=7" },
        { "/Compliance/Dashboard", "/planes/{0}2022/tablero", "" },
        { "/Schedule/Index", "/gestion/planes/{0}2022/cronograma", "" },
        { "/Schedule/Component", "/gestion/planes/{0}2022/cronograma/3", "number=3" },
        { "/FollowUps/Consolidated", "/seguimientos/{0}2022/consolidado", "" },
        { "/FollowUps/ConsolidatedFile", "/seguimientos/{0}2022/consolidado.pdf", "format=pdf" },
    };

    private static RouteValueDictionary Values(string? entity, string extra)
    {
        var values = new RouteValueDictionary { ["entity"] = entity, ["year"] = 2022 };
        foreach (var pair in extra.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')))
        {
            values[pair[0]] = pair[1];
        }
        return values;
    }

    [Theory]
    [MemberData(nameof(EntityPrefixedPages))]
    public void PageLink_WithTheEntity_TakesTheEntityAddress_WithoutIt_TheShortOne(string page, string expected, string extra)
    {
        Assert.Equal(string.Format(CultureInfo.InvariantCulture, expected, Slug + "/"), Links.GetPathByPage(page, values: Values(Slug, extra)));
        Assert.Equal(string.Format(CultureInfo.InvariantCulture, expected, ""), Links.GetPathByPage(page, values: Values(null, extra)));
    }

    [Fact]
    public void EntityPrefixedPages_AreEveryPageWithAnEntityAddress()
    {
        var pages = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.GetParameter("entity") is not null && e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => e.Metadata.GetMetadata<PageActionDescriptor>()!.ViewEnginePath)
            .Order(StringComparer.Ordinal);

        Assert.Equal(EntityPrefixedPages().Select(row => (string)row[0]).Order(StringComparer.Ordinal), pages);
    }

    [Fact]
    public void EndpointNames_GenerateTheAddressesOfOpenDataApiAndPreferences()
    {
        var http = new DefaultHttpContext { RequestServices = app.Services };

        Assert.Equal("/datos/2022/acciones.csv", Links.GetPathByName(http, OpenDataEndpoints.ActionsName, new { year = 2022, format = "csv" }));
        Assert.Equal($"/datos/{Slug}/2022/acciones.json", Links.GetPathByName(http, OpenDataEndpoints.ActionsByEntityName, new { entity = Slug, year = 2022, format = "json" }));
        Assert.Equal("/datos/2022/seguimientos.csv", Links.GetPathByName(http, FollowUpOpenDataEndpoints.FollowUpsName, new { year = 2022, format = "csv" }));
        Assert.Equal($"/datos/{Slug}/2022/seguimientos.json", Links.GetPathByName(http, FollowUpOpenDataEndpoints.FollowUpsByEntityName, new { entity = Slug, year = 2022, format = "json" }));
        Assert.Equal("/datos/2022/programacion.csv", Links.GetPathByName(http, ScheduleOpenDataEndpoints.ScheduleName, new { year = 2022, format = "csv" }));
        Assert.Equal($"/datos/{Slug}/2022/programacion.xlsx", Links.GetPathByName(http, ScheduleOpenDataEndpoints.ScheduleByEntityName, new { entity = Slug, year = 2022, format = "xlsx" }));
        Assert.Equal("/datos/2022/avance-mensual.json", Links.GetPathByName(http, ScheduleOpenDataEndpoints.MonthlyProgressName, new { year = 2022, format = "json" }));
        Assert.Equal($"/datos/{Slug}/2022/avance-mensual.csv", Links.GetPathByName(http, ScheduleOpenDataEndpoints.MonthlyProgressByEntityName, new { entity = Slug, year = 2022, format = "csv" }));
        Assert.Null(Links.GetPathByName(http, ScheduleOpenDataEndpoints.MonthlyProgressName, new { year = 2022, format = "pdf" }));
        Assert.Equal("/api/v1/plans/2022", Links.GetPathByName(http, PlanApi.PlanName, new { year = 2022 }));
        Assert.Equal($"/api/v1/entities/{Slug}/plans/2022", Links.GetPathByName(http, PlanApi.PlanByEntityName, new { entity = Slug, year = 2022 }));
        Assert.Equal("/api/v1/plans/2022/compliance?at=2022-04-30", Links.GetPathByName(http, ComplianceApi.ComplianceName, new { year = 2022, at = "2022-04-30" }));
        Assert.Equal($"/api/v1/entities/{Slug}/plans/2022/compliance?at=2022-04-30",
            Links.GetPathByName(http, ComplianceApi.ComplianceByEntityName, new { entity = Slug, year = 2022, at = "2022-04-30" }));
        Assert.Equal("/api/v1/plans/2022/actions/7/reports", Links.GetPathByName(http, ProgressReportApi.SubmitName, new { year = 2022, actionId = 7 }));
        Assert.Equal("/api/v1/reports/12", Links.GetPathByName(http, ProgressReportApi.ReportName, new { id = 12 }));
        Assert.Equal("/preferencias", Links.GetPathByName(http, PreferencesEndpoint.Name, values: null));
        Assert.Null(Links.GetPathByName(http, OpenDataEndpoints.ActionsName, new { year = 2022, format = "xml" }));
    }

    [Fact]
    public void TransparencyPages_HaveTheirPermanentAddresses()
    {
        Assert.Equal("/transparencia", Links.GetPathByPage("/Transparency/Index"));
        Assert.Equal("/transparencia/matriz-ita", Links.GetPathByPage("/Transparency/ItaChecklist"));
        Assert.Equal($"/transparencia/matriz-ita.xlsx?entidad={Slug}", Links.GetPathByPage("/Transparency/ItaChecklistFile", values: new { entidad = Slug }));
        Assert.Equal("/admin/contacto", Links.GetPathByPage("/Organisation/Texts/Contact"));
    }

    [Fact]
    public async Task Get_Preferences_SendsTheVisitorBackOrHome()
    {
        var client = app.Anonymous();

        var back = await client.GetAsync("/preferencias?contraste=alto&volver=%2Fplanes%2F2022");
        var home = await client.GetAsync("/preferencias?contraste=normal");

        Assert.Equal((HttpStatusCode.Redirect, "/planes/2022"), (back.StatusCode, back.Headers.Location!.OriginalString));
        Assert.Equal((HttpStatusCode.Redirect, "/"), (home.StatusCode, home.Headers.Location!.OriginalString));
    }

    private static IEnumerable<string> Hrefs(IHtmlDocument doc, string selector) =>
        doc.QuerySelectorAll(selector).Select(a => a.GetAttribute("href")!);

    [Fact]
    public async Task Get_PlanByItsEntityAddress_LinksKeepTheEntity()
    {
        var doc = await app.Anonymous().GetPageAsync($"/planes/{Slug}/2022");

        var main = Hrefs(doc, "main a[href^='/planes/']").ToList();
        Assert.Contains($"/planes/{Slug}/2022/componente/1", main);
        Assert.Contains($"/planes/{Slug}/2022/tablero", main);
        Assert.Contains($"/planes/{Slug}/2022/importacion", main);
        Assert.All(main.Where(h => h != "/planes"), h => Assert.StartsWith($"/planes/{Slug}/2022", h, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_PlanByItsShortAddress_LinksStayShort()
    {
        var doc = await app.Anonymous().GetPageAsync("/planes/2022/componente/3");

        var main = Hrefs(doc, "main a[href^='/planes/']").ToList();
        Assert.Contains("/planes/2022", main);
        Assert.Contains("/planes/2022/actividad/3.1.4", main);
        Assert.DoesNotContain(main, h => h.Contains(Slug, StringComparison.Ordinal) || h.Contains('?', StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_ScheduleByItsEntityAddress_ComponentLinksKeepTheEntity()
    {
        var planning = await app.SignInAsAsync(Roles.Planning);

        var withEntity = await planning.GetPageAsync($"/gestion/planes/{Slug}/2022/cronograma");
        var without = await planning.GetPageAsync("/gestion/planes/2022/cronograma");

        Assert.Equal(6, Hrefs(withEntity, $"a[href^='/gestion/planes/{Slug}/2022/cronograma/']").Count());
        Assert.Equal(6, Hrefs(without, "a[href^='/gestion/planes/2022/cronograma/']").Count());
    }

    [Fact]
    public async Task Get_AnyPage_MainNavMarksOnlyTheCurrentSection()
    {
        var client = app.Anonymous();

        var home = await client.GetPageAsync("/");
        var plan = await client.GetPageAsync("/planes/2022/componente/1");

        Assert.Equal(["/"], Hrefs(home, ".site-nav a[aria-current='page']"));
        Assert.Equal(["/planes"], Hrefs(plan, ".site-nav a[aria-current='page']"));
        Assert.Equal(["/", "/planes", "/tablero", "/seguimientos", "/datos", "/transparencia", "/cuenta/ingresar"], Hrefs(plan, ".site-nav a"));
    }

    [Fact]
    public async Task Get_ManagementPages_MisAccionesIsCurrentOnlyOnItsOwnPage()
    {
        var planning = await app.SignInAsAsync(Roles.Planning);

        var desk = await planning.GetPageAsync("/gestion");
        var queue = await planning.GetPageAsync("/gestion/revision");

        Assert.Equal(["/gestion", "/gestion/revision", "/gestion/monitoreos"], Hrefs(desk, ".management-nav a"));
        Assert.Equal(["/gestion"], Hrefs(desk, ".management-nav a[aria-current='page']"));
        Assert.Equal(["/gestion/revision"], Hrefs(queue, ".management-nav a[aria-current='page']"));
        Assert.Equal(["/gestion"], Hrefs(queue, ".site-nav a[aria-current='page']"));
    }
}

[Collection(SharedHosts.SqliteBundledPlan)]
public sealed class SqliteGeneratedLinksTests(SqliteBundledPlanApp app) : GeneratedLinksTests(app);

[Collection(SharedHosts.PostgresBundledPlan)]
public sealed class PostgresGeneratedLinksTests(PostgresBundledPlanApp app) : GeneratedLinksTests(app);
