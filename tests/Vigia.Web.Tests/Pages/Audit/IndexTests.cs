namespace Vigia.Web.Tests.Pages.Audit;

/// <summary>The audit trail (/admin/auditoria).</summary>
public abstract class IndexTests(VigiaFactory app)
{
    [Fact]
    public async Task Csv_ExportsTheTrail_AndVerifyNamesATamperedEntry()
    {
        await TestData.SmallPlanAsync(app);
        var admin = await app.SignInAsAsync(Roles.Administrator);
        await admin.PostFormAsync("/admin/procesos", new() { ["Name"] = "Control Interno de Gestión", ["Kind"] = "EvaluationAndControl", ["Active"] = "true" });

        var csv = await admin.GetAsync("/admin/auditoria?registro=Process&handler=Csv");
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("fecha_utc,persona,registro,id,accion,cambios,motivo,hash", text, StringComparison.Ordinal);
        Assert.Contains("Control Interno de Gestión", text, StringComparison.Ordinal);

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var target = await db.AuditEntries.Where(e => e.EntityType == "Process").OrderBy(e => e.Sequence).Select(e => e.Sequence).FirstAsync();
            await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"ActorName\" = 'otra persona' WHERE \"Sequence\" = {target}");
        }
        var verified = await admin.PostFormAsync("/admin/auditoria?handler=Verify", new(), "/admin/auditoria");

        Assert.Contains("La cadena está rota", (await TestClient.ParseAsync(verified)).Body!.TextContent, StringComparison.Ordinal);
    }
}

[Collection(SharedHosts.SqliteSmallPlan)]
public sealed class SqliteIndexTests(SqliteApp app) : IndexTests(app);

[Collection(SharedHosts.PostgresSmallPlan)]
public sealed class PostgresIndexTests(PostgresApp app) : IndexTests(app);
