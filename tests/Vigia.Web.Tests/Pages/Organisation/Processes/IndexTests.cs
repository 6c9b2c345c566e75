namespace Vigia.Web.Tests.Pages.Organisation.Processes;

/// <summary>The entity's processes (/admin/procesos).</summary>
public abstract class IndexTests(VigiaFactory app)
{
    [Fact]
    public async Task Post_WithoutKind_ReRendersWithError_ThenSavesWithKind()
    {
        await TestData.SmallPlanAsync(app);
        var admin = await app.SignInAsAsync(Roles.Administrator);

        var invalid = await admin.PostFormAsync("/admin/procesos", new() { ["Name"] = "Gestión de la Contratación" });
        var valid = await admin.PostFormAsync("/admin/procesos", new() { ["Name"] = "Gestión de la Contratación", ["Kind"] = "Support", ["Active"] = "true" });

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("Elija el tipo de proceso", (await TestClient.ParseAsync(invalid)).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, valid.StatusCode);
        Assert.Contains("De apoyo", (await admin.GetPageAsync("/admin/procesos")).Body!.TextContent, StringComparison.Ordinal);
    }
}

[Collection(SharedHosts.SqliteSmallPlan)]
public sealed class SqliteIndexTests(SqliteApp app) : IndexTests(app);

[Collection(SharedHosts.PostgresSmallPlan)]
public sealed class PostgresIndexTests(PostgresApp app) : IndexTests(app);
