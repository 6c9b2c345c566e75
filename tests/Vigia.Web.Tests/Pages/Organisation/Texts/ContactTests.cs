using Vigia.Core.Audit;

namespace Vigia.Web.Tests.Pages.Organisation.Texts;

/// <summary>The administrator's page for the entity's contact details (/admin/contacto), shown in every page's footer.</summary>
public abstract class ContactTests(VigiaFactory app)
{
    private async Task<Vigia.Core.Organisation.Entity> EntityAsync()
    {
        await using var db = app.Database.CreateContext();
        return await db.Entities.AsNoTracking().OrderBy(e => e.Id).FirstAsync();
    }

    private static Dictionary<string, string> Form(string judicial = "notificacionesjudiciales@prueba.gov.co", string website = "https://www.prueba.gov.co") => new()
    {
        ["Address"] = "Calle 1 # 2-3, Prueba",
        ["Phone"] = "+57 (602) 885 6000 ext. 1",
        ["Email"] = "contacto@prueba.gov.co",
        ["JudicialNoticeEmail"] = judicial,
        ["OfficeHours"] = "Lunes a viernes de 8:00 a. m. a 5:00 p. m.",
        ["WebsiteUrl"] = website,
        ["TransparencyUrl"] = "https://www.prueba.gov.co/transparencia",
    };

    [Fact]
    public async Task Post_ContactDetails_AreShownInTheFooter_AndAudited()
    {
        await TestData.SmallPlanAsync(app);
        var admin = await app.SignInAsAsync(Roles.Administrator);
        var form = await admin.GetPageAsync("/admin/contacto");
        Assert.NotNull(form.QuerySelector("label[for='JudicialNoticeEmail']"));

        var saved = await admin.PostFormAsync("/admin/contacto", Form());

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var home = await app.Anonymous().GetPageAsync("/");
        var footer = home.QuerySelector(".site-footer")!;
        var terms = footer.QuerySelectorAll("dt").Select(dt => dt.TextContent.Trim()).ToList();
        Assert.Contains("Correo para notificaciones judiciales", terms);
        Assert.NotNull(footer.QuerySelector("a[href='mailto:notificacionesjudiciales@prueba.gov.co']"));
        Assert.Contains("Lunes a viernes de 8:00 a. m. a 5:00 p. m.", footer.TextContent, StringComparison.Ordinal);
        Assert.Contains("Calle 1 # 2-3, Prueba", footer.TextContent, StringComparison.Ordinal);
        Assert.NotNull(footer.QuerySelector("a[href='https://www.prueba.gov.co/transparencia']"));
        var entity = await EntityAsync();
        await using var db = app.Database.CreateContext();
        var entry = await db.AuditEntries.Where(e => e.EntityType == "Entity" && e.EntityId == entity.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)
            && e.Action == AuditAction.Updated).OrderByDescending(e => e.Sequence).FirstAsync();
        Assert.Contains("notificacionesjudiciales@prueba.gov.co", entry.Changes, StringComparison.Ordinal);
        Assert.Equal("Datos de contacto del pie de página.", entry.Reason);
    }

    [Theory]
    [InlineData("no-es-un-correo", "https://www.prueba.gov.co", "JudicialNoticeEmail", "El correo para notificaciones judiciales no es un correo válido")]
    [InlineData("notificaciones@prueba.gov.co", "javascript:alert(1)", "WebsiteUrl", "La dirección del sitio web debe ser una dirección web completa")]
    public async Task Post_BadValue_ReRendersWithASpanishErrorAndChangesNothing(string judicial, string website, string field, string message)
    {
        await TestData.SmallPlanAsync(app);
        var before = await EntityAsync();
        var admin = await app.SignInAsAsync(Roles.Administrator);

        var response = await admin.PostFormAsync("/admin/contacto", Form(judicial, website));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await TestClient.ParseAsync(response);
        Assert.Contains(message, doc.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector($"#error-summary a[href='#{field}']"));
        var after = await EntityAsync();
        Assert.Equal((before.JudicialNoticeEmail, before.WebsiteUrl, before.Address), (after.JudicialNoticeEmail, after.WebsiteUrl, after.Address));
    }

    [Theory]
    [InlineData(Roles.Planning)]
    [InlineData(Roles.InternalControl)]
    public async Task Get_AsAnotherRole_IsDenied(string role)
    {
        await TestData.SmallPlanAsync(app);
        var client = await app.SignInAsAsync(role);

        var response = await client.GetAsync("/admin/contacto");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/cuenta/acceso-denegado", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}

public sealed class SqliteContactTests(SqliteApp app) : ContactTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresContactTests(PostgresApp app) : ContactTests(app), IClassFixture<PostgresApp>;
