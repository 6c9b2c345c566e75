using Vigia.Core.Accounts;
using Vigia.Core.FollowUps;

namespace Vigia.Core.Tests.FollowUps;

public class FollowUpCalendarTests() : FollowUpDatabaseTests(DatabaseProvider.Sqlite)
{
    private static readonly Actor Administrator = new("ad-1", "Administración", new HashSet<string> { Roles.Administrator });

    [Fact]
    public async Task CutOffs_2026_DeadlinesAreTheTenthBusinessDayAfterEach()
    {
        var db = Db();
        var cutOffs = await new FollowUpCalendar(db, Clock).CutOffsAsync(Seeded.PlanId);

        Assert.Equal(
            [(new DateOnly(2026, 4, 30), new DateOnly(2026, 5, 15)), (new DateOnly(2026, 8, 31), new DateOnly(2026, 9, 14)),
                (new DateOnly(2026, 12, 31), new DateOnly(2027, 1, 18))],
            cutOffs.Select(c => (c.CutOffDate, c.PublicationDeadline)));
        Assert.Equal([1, 2, 3], cutOffs.Select(c => c.Number));
    }

    [Fact]
    public async Task CutOffs_2022_MatchTheWorkedDeadlines()
    {
        var db = Db();
        var plan = await db.Plans.FindAsync(Seeded.PlanId);
        plan!.Year = 2022;
        await db.SaveChangesAsync();

        var cutOffs = await new FollowUpCalendar(Db(), Clock).CutOffsAsync(Seeded.PlanId);

        Assert.Equal([new DateOnly(2022, 5, 13), new DateOnly(2022, 9, 14), new DateOnly(2023, 1, 16)], cutOffs.Select(c => c.PublicationDeadline));
    }

    [Fact]
    public async Task NextCutOff_On4May2026_Is30AprilWithTenBusinessDaysLeft()
    {
        Clock.Now = new DateTimeOffset(2026, 5, 4, 14, 0, 0, TimeSpan.Zero);

        var next = await new FollowUpCalendar(Db(), Clock).NextAsync(Seeded.PlanId);

        Assert.NotNull(next);
        Assert.Equal(new DateOnly(2026, 4, 30), next.Upcoming.Deadline.CutOffDate);
        Assert.Equal(new DateOnly(2026, 5, 15), next.Upcoming.Deadline.PublicationDeadline);
        Assert.Equal(10, next.Upcoming.BusinessDaysLeft);
        Assert.Null(next.Status);
    }

    [Fact]
    public async Task NextCutOff_AfterTheLastDeadline_IsNull()
    {
        Clock.Now = new DateTimeOffset(2027, 1, 19, 14, 0, 0, TimeSpan.Zero);

        Assert.Null(await new FollowUpCalendar(Db(), Clock).NextAsync(Seeded.PlanId));
    }

    [Fact]
    public async Task PlanOverride_SetsOtherCutOffsAndCalendarDayTerms()
    {
        var saved = await new FollowUpCalendar(Db(), Clock).SaveOverrideAsync(Administrator, Seeded.PlanId, "06-30:30c; 12-31:30c");

        Assert.True(saved.Succeeded);
        var cutOffs = await new FollowUpCalendar(Db(), Clock).CutOffsAsync(Seeded.PlanId);
        Assert.Equal([(new DateOnly(2026, 6, 30), new DateOnly(2026, 7, 30)), (new DateOnly(2026, 12, 31), new DateOnly(2027, 1, 30))],
            cutOffs.Select(c => (c.CutOffDate, c.PublicationDeadline)));
    }

    [Fact]
    public async Task KindSetting_AppliesToEveryPlanOfThatKind_AndPlanOverrideWins()
    {
        var db = Db();
        db.Settings.Add(new AppSetting { Key = FollowUpCalendar.KindKeyPrefix + "Paac", Value = "06-30:5h" });
        await db.SaveChangesAsync();
        Assert.Equal([new DateOnly(2026, 6, 30)], (await new FollowUpCalendar(Db(), Clock).CutOffsAsync(Seeded.PlanId)).Select(c => c.CutOffDate));

        await new FollowUpCalendar(Db(), Clock).SaveOverrideAsync(Administrator, Seeded.PlanId, "04-30:10h");

        Assert.Equal([new DateOnly(2026, 4, 30)], (await new FollowUpCalendar(Db(), Clock).CutOffsAsync(Seeded.PlanId)).Select(c => c.CutOffDate));
    }

    [Fact]
    public async Task PlanOverride_ByControlInterno_IsRefused()
    {
        var refused = await new FollowUpCalendar(Db(), Clock).SaveOverrideAsync(FollowUpFixture.InternalControl, Seeded.PlanId, "06-30:30c");

        Assert.Equal(ResultStatus.Forbidden, refused.Status);
        Assert.Equal(3, (await new FollowUpCalendar(Db(), Clock).CutOffsAsync(Seeded.PlanId)).Count);
    }

    [Theory]
    [InlineData("13-30:10h")]
    [InlineData("04-30")]
    [InlineData("04-30:0h")]
    [InlineData("04-30:diez")]
    [InlineData("")]
    [InlineData("04-30:10h; 04-30:5h")]
    public void TryParse_RejectsMalformedSchedules(string text)
    {
        Assert.False(FollowUpCalendar.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Format_RoundTripsThePaacSchedule()
    {
        var text = FollowUpCalendar.Format(CutOffSchedule.Paac);

        Assert.Equal("04-30:10h; 08-31:10h; 12-31:10h", text);
        Assert.True(FollowUpCalendar.TryParse(text, out var parsed, out _));
        Assert.Equal(CutOffSchedule.Paac.CutOffs, parsed!.CutOffs);
    }
}
