using static Vigia.Web.Tests.Pages.FollowUps.FollowUpsData;

namespace Vigia.Web.Tests.Pages.FollowUps.Desk;

/// <summary>The draft report files of a cut-off (/seguimientos/gestion/{plan}/{cutoff}/informe.pdf|xlsx).</summary>
public abstract class DownloadTests(VigiaFactory app)
{
    [Theory]
    [InlineData(Roles.Responsible, "/seguimientos/gestion/{plan}/" + August + "/informe.pdf")]
    public async Task Get_AsAnotherRole_IsForbidden(string role, string url)
    {
        await TestData.SmallPlanAsync(app);

        await AssertForbiddenAsync(app, role, url);
    }
}

[Collection(SharedHosts.SqliteSmallPlan)]
public sealed class SqliteDownloadTests(SqliteApp app) : DownloadTests(app);

[Collection(SharedHosts.PostgresSmallPlan)]
public sealed class PostgresDownloadTests(PostgresApp app) : DownloadTests(app);
