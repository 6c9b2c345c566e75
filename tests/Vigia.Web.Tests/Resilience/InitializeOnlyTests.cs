namespace Vigia.Web.Tests.Resilience;

/// <summary><c>--initialize-only</c>: the deployment step that migrates an empty database and loads the demo plan into it,
/// then exits, so that the server started afterwards on that database never loads the importer.</summary>
public sealed class InitializeOnlyTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "vigia-tests", Guid.NewGuid().ToString("N"));

    public InitializeOnlyTests() => Directory.CreateDirectory(folder);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task InitializeOnly_MigratesAndLoadsTheDemoPlanThenExits_AndTheServerThenServesThatPlanWithoutImporting()
    {
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Vigia"] = $"Data Source={Path.Combine(folder, "vigia.db")}",
            ["Uploads:Root"] = Path.Combine(folder, "uploads"),
            ["Audit:KeyFile"] = Path.Combine(folder, "audit-key"),
            ["Vigia:LoadDemoPlan"] = "true",
        };

        var (exitCode, output) = await VigiaProcess.RunToExitAsync(settings, ["--initialize-only"], VigiaProcess.StartTimeout);

        Assert.True(exitCode == 0, $"--initialize-only exited with {exitCode}:\n{output}");
        Assert.True(File.Exists(Path.Combine(folder, "vigia.db")));

        // The server is told not to load the demo plan: the plan it serves is the one the step loaded.
        settings["Vigia:LoadDemoPlan"] = "false";
        await using var vigia = await VigiaProcess.StartAsync(settings);
        using var http = new HttpClient { BaseAddress = vigia.BaseAddress };
        using var response = await http.GetAsync(new Uri("/planes/2022", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Santiago de Cali", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
