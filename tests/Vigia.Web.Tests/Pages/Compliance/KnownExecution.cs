using Vigia.Core.Progress;
using Vigia.Core.Schedule;

namespace Vigia.Web.Tests.Pages.Compliance;

/// <summary>A small execution of activity 3.1.4 of the Cali plan (targets 5.000, 2.200, 5.000, 700 and 400), written
/// straight to the database. At 30 April 2022 (January–April counted):
/// 3.1.4-1 planned 4.000 (1.000 a month from January), executed 2.500 (April's report still under review) → 62,5 %;
/// 3.1.4-2 planned 1.100 in March, executed 1.100 → 100 %; 3.1.4-3 planned only in June → does not count yet;
/// 3.1.4-4 planned 700 in April, its report returned → 0 % and April missing; 3.1.4-5 unscheduled → does not count.
/// Official figure (issue 9): activity 3.1.4 is programmed and not completed (3.1.4-1 and 3.1.4-4 fall short), so
/// component 3 and the plan are at 0 of 1 activities = 0 % (baja), with 3 actions programmed and 1 completed; the other
/// components have no monthly schedule («sin programación»). Weighted progress: (62,5 + 100 + 0) / 3 = 54,17 %.</summary>
public static class KnownExecution
{
    public const string At = "2022-04-30";

    public static async Task EnsureAsync(VigiaFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var db = factory.Database.CreateContext();
        var actions = await db.Actions.Where(a => a.Activity!.Code == "3.1.4").OrderBy(a => a.Order).Select(a => a.Id).ToListAsync();
        if (await db.ScheduleEntries.AnyAsync(s => actions.Contains(s.ActionId)))
        {
            return;
        }
        void Plan(int action, params (int Month, decimal Quantity)[] months) =>
            db.ScheduleEntries.AddRange(months.Select(m => new ScheduleEntry { ActionId = actions[action - 1], Month = m.Month, PlannedQuantity = m.Quantity }));
        void Report(int action, int month, decimal quantity, ReportStatus status) => db.ProgressReports.Add(new ProgressReport
        {
            ActionId = actions[action - 1],
            Month = month,
            ExecutedQuantity = quantity,
            Narrative = "Publicaciones del mes",
            Status = status,
            SubmittedAt = new DateTimeOffset(2022, month + 1, 3, 15, 0, 0, TimeSpan.Zero),
        });

        Plan(1, (1, 1000), (2, 1000), (3, 1000), (4, 1000), (5, 1000));
        Plan(2, (3, 1100), (6, 1100));
        Plan(3, (6, 5000));
        Plan(4, (4, 700));
        Report(1, 1, 1000, ReportStatus.Accepted);
        Report(1, 2, 1000, ReportStatus.Accepted);
        Report(1, 3, 500, ReportStatus.Accepted);
        Report(1, 4, 1000, ReportStatus.Submitted);
        Report(1, 5, 1000, ReportStatus.Accepted);
        Report(2, 3, 1100, ReportStatus.Accepted);
        Report(4, 4, 700, ReportStatus.Returned);
        // Written behind the application's back, so the public-data version is stamped by hand, in the same save,
        // and the host told, as its own interceptor would (docs/caching.md).
        (await db.PublicDataVersions.SingleAsync()).Stamp = Guid.NewGuid().ToString("N");
        await db.SaveChangesAsync();
        factory.Services.GetRequiredService<Vigia.Core.Caching.PublicDataSignal>().Raise();
    }
}
