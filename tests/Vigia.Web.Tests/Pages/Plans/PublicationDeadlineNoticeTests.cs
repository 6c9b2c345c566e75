namespace Vigia.Web.Tests.Pages.Plans;

/// <summary>The notice of the plan's legal publication deadline (31 January) on the public dashboard
/// (/planes/{year}/tablero) and on Planeación's landing page (/gestion), each case on its own host and fake clock.
/// Calendar: 1 and 11 January 2027 are holidays (Reyes Magos moved to Monday), 31 January 2027 is a Sunday.</summary>
public abstract class PublicationDeadlineNoticeTests(DatabaseProvider provider)
{
    private static DateTimeOffset Colombian(int year, int month, int day) => new(year, month, day, 10, 0, 0, TestTime.ColombiaOffset);

    private static Task<TestPlan> PlanAsync(VigiaFactory app, int year, bool published = false) =>
        TestData.CreatePlanAsync(app, p =>
        {
            p.ForYear(year)
                .WithComponent(3, "RENDICIÓN DE CUENTAS")
                .WithActivity("3.1.1", "Publicar informes")
                .WithAction(x => x.Target(1).Responsible(TestData.Communications));
            if (published)
            {
                p.Published();
            }
        });

    private static async Task<string?> DashboardNoticeAsync(VigiaFactory app, int year)
    {
        var doc = await app.Anonymous().GetPageAsync($"/planes/{year}/tablero");
        return Notice(doc);
    }

    private static async Task<string?> LandingNoticeAsync(VigiaFactory app)
    {
        var client = await app.SignInAsAsync(Roles.Planning);
        return Notice(await client.GetPageAsync("/gestion"));
    }

    private static string? Notice(IHtmlDocument doc)
    {
        var notices = doc.QuerySelectorAll(".publication-deadline");
        if (notices.Length == 0)
        {
            return null;
        }
        var notice = Assert.Single(notices);
        Assert.Equal("status", notice.GetAttribute("role"));
        return string.Join(' ', notice.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task DraftPlanInJanuary_BothPagesCountTheBusinessDaysLeft()
    {
        await using var app = await VigiaFactory.StartAsync(provider, new(Now: Colombian(2027, 1, 4)));
        await PlanAsync(app, 2027);

        const string Expected = "Faltan 18 días hábiles para publicar el plan 2027 (plazo legal: 31 de enero de 2027).";
        Assert.Equal(Expected, await DashboardNoticeAsync(app, 2027));
        var landing = await LandingNoticeAsync(app);
        Assert.StartsWith(Expected, landing, StringComparison.Ordinal);
        Assert.EndsWith("Publicación y versiones del plan 2027", landing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoPlanForNextYearInDecember_TheLandingPageWarnsFromTheFirstOfDecember()
    {
        await using var app = await VigiaFactory.StartAsync(provider, new(Now: Colombian(2026, 12, 1)));
        await PlanAsync(app, 2026);

        Assert.Equal("Faltan 39 días hábiles para publicar el plan 2027 (plazo legal: 31 de enero de 2027).", await LandingNoticeAsync(app));
    }

    [Fact]
    public async Task DraftPlanAfterTheDeadline_BothPagesCountTheBusinessDaysOfDelay()
    {
        await using var app = await VigiaFactory.StartAsync(provider, new(Now: Colombian(2027, 2, 3)));
        await PlanAsync(app, 2027);

        const string Expected = "El plan 2027 debía publicarse a más tardar el 31 de enero de 2027; van 3 días hábiles de retraso.";
        Assert.Equal(Expected, await DashboardNoticeAsync(app, 2027));
        Assert.StartsWith(Expected, await LandingNoticeAsync(app), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanPublishedAfterTheDeadline_IsMarkedLateOnBothPages()
    {
        await using var app = await VigiaFactory.StartAsync(provider, new(Now: Colombian(2027, 2, 4)));
        await PlanAsync(app, 2027, published: true);
        app.Clock.Advance(TimeSpan.FromDays(30));

        const string Expected =
            "El plan 2027 se publicó fuera del plazo legal (el 4 de febrero de 2027, 4 días hábiles después del 31 de enero de 2027).";
        Assert.Equal(Expected, await DashboardNoticeAsync(app, 2027));
        Assert.StartsWith(Expected, await LandingNoticeAsync(app), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanPublishedOnTime_ShowsNothingOnEitherPage()
    {
        await using var app = await VigiaFactory.StartAsync(provider, new(Now: Colombian(2027, 1, 20)));
        await PlanAsync(app, 2027, published: true);
        app.Clock.Advance(TimeSpan.FromDays(21));

        Assert.Null(await DashboardNoticeAsync(app, 2027));
        Assert.Null(await LandingNoticeAsync(app));
    }

    [Fact]
    public async Task DraftPlanBeforeTheWindow_TheDashboardShowsNothing()
    {
        await using var app = await VigiaFactory.StartAsync(provider, new(Now: Colombian(2026, 11, 30)));
        await PlanAsync(app, 2027);

        Assert.Null(await DashboardNoticeAsync(app, 2027));
    }
}

public sealed class SqlitePublicationDeadlineNoticeTests() : PublicationDeadlineNoticeTests(DatabaseProvider.Sqlite);

public sealed class PostgresPublicationDeadlineNoticeTests() : PublicationDeadlineNoticeTests(DatabaseProvider.Postgres);
