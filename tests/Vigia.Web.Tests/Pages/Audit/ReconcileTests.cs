using System.Globalization;
using Vigia.Core.Demo;

namespace Vigia.Web.Tests.Pages.Audit;

/// <summary>Issue 14: the admin audit page compares the present with the trail. On an installation whose data all came
/// through the application (the bundled plan and the demo's reports and follow-ups) nothing differs; an UPDATE in SQL is
/// named with its record and field.</summary>
public abstract class ReconcileTests(VigiaFactory app)
{
    [Fact]
    public async Task OnTheDemo_TheDataMatch_AndAnUpdateInSqlIsNamed()
    {
        await using (var scope = app.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoExecutionSimulator>().SimulateAsync();
        }
        var admin = await app.SignInAsAsync(Roles.Administrator);

        var matching = await TestClient.ParseAsync(await admin.PostFormAsync("/admin/auditoria?handler=Reconcile", new(), "/admin/auditoria"));
        var verdict = matching.GetElementById("conciliacion")!.TextContent;
        Assert.StartsWith("Los datos coinciden con el registro", verdict, StringComparison.Ordinal);

        int actionId;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            actionId = await db.Actions.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
            await db.Database.ExecuteSqlAsync($"UPDATE \"Actions\" SET \"Goal\" = 'Meta cambiada a escondidas' WHERE \"Id\" = {actionId}");
        }

        var changed = await TestClient.ParseAsync(await admin.PostFormAsync("/admin/auditoria?handler=Reconcile", new(), "/admin/auditoria"));
        var text = changed.GetElementById("conciliacion")!.TextContent;
        Assert.Contains("no coinciden con el registro de auditoría: 1 diferencias", text, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"Acción {actionId}: el campo «Goal»"), text, StringComparison.Ordinal);
    }
}

public sealed class SqliteReconcileTests(SqliteBundledPlanApp app) : ReconcileTests(app), IClassFixture<SqliteBundledPlanApp>;

public sealed class PostgresReconcileTests(PostgresBundledPlanApp app) : ReconcileTests(app), IClassFixture<PostgresBundledPlanApp>;
