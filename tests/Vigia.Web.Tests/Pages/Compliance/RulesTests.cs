namespace Vigia.Web.Tests.Pages.Compliance;

/// <summary>How compliance is computed (/tablero/reglas).</summary>
public abstract class RulesTests(VigiaFactory app)
{
    [Fact]
    public async Task Get_ShowsTheBandsInForce()
    {
        var doc = await app.Anonymous().GetPageAsync("/tablero/reglas");

        var rows = doc.GetElementById("tabla-niveles")!.Closest("table")!.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains("0 % a 59 %", rows[0], StringComparison.Ordinal);
        Assert.Contains("Baja", rows[0], StringComparison.Ordinal);
        Assert.Contains("80 % a 100 %", rows[2], StringComparison.Ordinal);
    }
}

[Collection(SharedHosts.SqliteSmallPlan)]
public sealed class SqliteRulesTests(SqliteApp app) : RulesTests(app);

[Collection(SharedHosts.PostgresSmallPlan)]
public sealed class PostgresRulesTests(PostgresApp app) : RulesTests(app);
