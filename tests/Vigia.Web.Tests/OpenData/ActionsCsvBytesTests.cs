
namespace Vigia.Web.Tests.OpenData;

/// <summary>What a citizen downloads for the bundled plan does not change by a byte: the golden file is the response
/// of /datos/2022/acciones.csv before the CSV writer moved to CsvHelper.</summary>
public abstract class ActionsCsvBytesTests(VigiaFactory app)
{
    [Fact]
    public async Task Get_ActionsCsv_IsByteForByteTheFilePublishedBeforeTheLibrary()
    {
        var response = await app.Anonymous().GetAsync("/datos/2022/acciones.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var golden = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "OpenData", "paac-cali-2022-acciones.csv"));
        Assert.Equal(golden, await response.Content.ReadAsByteArrayAsync());
    }
}

// A host of its own: the shared bundled-plan hosts carry rows that other classes add, and
// this test compares every byte of the file.
public sealed class SqliteActionsCsvBytesTests(SqliteBundledPlanApp app) : ActionsCsvBytesTests(app), IClassFixture<SqliteBundledPlanApp>;

public sealed class PostgresActionsCsvBytesTests(PostgresBundledPlanApp app) : ActionsCsvBytesTests(app), IClassFixture<PostgresBundledPlanApp>;
