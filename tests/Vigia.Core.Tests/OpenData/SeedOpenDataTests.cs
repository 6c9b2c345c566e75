using Microsoft.Extensions.Time.Testing;
using Vigia.Core.OpenData;
using Vigia.Core.Plans;
using Vigia.Core.Plans.Importing;

namespace Vigia.Core.Tests.OpenData;

/// <summary>The actions of the bundled Cali 2022 plan as open data, compared byte for byte with the file citizens
/// downloaded from /datos/2022/acciones.csv before the CSV writer moved to CsvHelper (paac-cali-2022-acciones.csv).</summary>
public abstract class SeedOpenDataTests(DatabaseProvider provider) : IAsyncLifetime
{
    public const string GoldenFile = "paac-cali-2022-acciones.csv";

    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task ActionsCsv_OfTheSeedPlan_IsByteForByteThePublishedFile()
    {
        int planId;
        await using (var db = await database.CreateMigratedContextAsync())
        {
            using var reader = File.OpenText(Path.Combine(AppContext.BaseDirectory, "data", "paac-cali-2022.txt"));
            var outcome = await new PlanImportService(db, new FakeTimeProvider(TestTime.Written)).ImportAsync(PlanDocumentReader.ReadText(reader), new PlanImportOptions(), "prueba");
            Assert.True(outcome.Succeeded);
            planId = await db.Plans.Select(p => p.Id).SingleAsync();
        }
        await using var read = database.CreateContext();
        var rows = await ActionRow.LoadAsync(read, planId);
        using var output = new MemoryStream();

        await CsvFormat.WriteAsync(output, ActionRow.Columns, rows.Select(r => r.ToCells()));

        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "OpenData", GoldenFile)), output.ToArray());
    }
}

public class SqliteSeedOpenDataTests() : SeedOpenDataTests(DatabaseProvider.Sqlite);

public class PostgresSeedOpenDataTests() : SeedOpenDataTests(DatabaseProvider.Postgres);
