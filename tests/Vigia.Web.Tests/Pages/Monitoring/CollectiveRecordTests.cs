using Vigia.Core.Monitoring;
using Vigia.Core.Organisation;
using Vigia.Core.Plans;
using Vigia.Core.Progress;
using Vigia.Core.Schedule;
using Vigia.Web.Pages.Progress;

namespace Vigia.Web.Tests.Pages.Monitoring;

/// <summary>The monitoring record (/gestion/monitoreos/{id}) of a month with a collective action: the bundled plan's 3.1.1
/// first action (56 = 2 × 28 organismos) assigned to «Todos los organismos», mapped here to two units. The record lists
/// each member unit's part, its own report and its share of the month, and the part that did not report, as the
/// reporting and the dashboard count them.</summary>
public abstract class CollectiveRecordTests(VigiaFactory app)
{
    [Fact]
    public async Task Record_OfACollectiveAction_ListsEachUnitsPart_ItsReportAndTheMissingPart()
    {
        int recordId, reportId, month;
        decimal planned;
        string reporting, silent;
        await using (var db = app.Database.CreateContext())
        {
            var group = await db.UnitGroups.Where(g => g.RuleKey == "todos-los-organismos").Select(g => g.Id).SingleAsync();
            var action = await db.Actions.Where(a => a.ResponsibleGroups.Any(x => x.GroupId == group) && a.Activity!.Code == "3.1.1")
                .OrderBy(a => a.Order).Select(a => new { a.Id, a.Activity!.ComponentId, a.TargetQuantity }).FirstAsync();
            Assert.Equal(56, action.TargetQuantity);
            var units = await db.Units.Where(u => u.ParentId == null && u.IsActive).OrderBy(u => u.Id).Select(u => new { u.Id, u.Name }).Take(2).ToListAsync();
            db.UnitGroupMembers.RemoveRange(db.UnitGroupMembers.Where(m => m.GroupId == group));
            await db.SaveChangesAsync();
            db.UnitGroupMembers.AddRange(units.Select(u => new UnitGroupMember { GroupId = group, UnitId = u.Id }));
            // The bundled plan has no monthly schedule: March gets 10 of the 56, so each of the two parts owes 5.
            (month, planned) = (3, 10);
            db.ScheduleEntries.RemoveRange(db.ScheduleEntries.Where(s => s.ActionId == action.Id));
            db.ScheduleEntries.Add(new ScheduleEntry { ActionId = action.Id, Month = month, PlannedQuantity = planned });
            var report = new ProgressReport
            {
                ActionId = action.Id,
                UnitId = units[0].Id,
                Month = month,
                ExecutedQuantity = 3,
                Narrative = "Tres jornadas de la primera unidad.",
                Status = ReportStatus.Accepted,
                SubmittedAt = app.Clock.GetUtcNow(),
                SubmittedByName = "Responsable de prueba",
                ReviewedAt = app.Clock.GetUtcNow(),
                ReviewedByName = "Líder de prueba",
            };
            var record = new MonitoringRecord
            {
                ComponentId = action.ComponentId,
                Month = month,
                Summary = "Monitoreo del mes con una acción colectiva.",
                ClosedAt = app.Clock.GetUtcNow().AddMinutes(1),
                ClosedByName = "Líder de prueba",
            };
            db.AddRange(report, record);
            await db.SaveChangesAsync();
            (recordId, reportId, reporting, silent) = (record.Id, report.Id, units[0].Name, units[1].Name);
        }
        var internalControl = await app.SignInAsAsync(Roles.InternalControl);

        var page = await internalControl.GetPageAsync($"/gestion/monitoreos/{recordId}");

        var share = ProgressDisplay.Quantity(5, TargetUnit.Count);
        var row = page.QuerySelector($"a[href='/gestion/reportes/{reportId}']")!.Closest("tr")!;
        var cells = row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal($"{reporting} (su parte de la acción colectiva)", cells[0]);
        Assert.Equal(share, cells[1]);
        Assert.Equal(ProgressDisplay.Quantity(3, TargetUnit.Count), cells[2]);
        var missing = page.GetElementById("sin-reporte")!.Closest("section")!.QuerySelectorAll("li").Select(li => li.TextContent).ToList();
        Assert.Contains(missing, m => m.Contains($"Responsables: {silent} (su parte de la acción colectiva)", StringComparison.Ordinal)
            && m.Contains($"(programado: {share})", StringComparison.Ordinal));
        Assert.DoesNotContain(missing, m => m.Contains(reporting + " (su parte", StringComparison.Ordinal));
    }
}

public sealed class SqliteCollectiveRecordTests(SqliteBundledPlanApp app) : CollectiveRecordTests(app), IClassFixture<SqliteBundledPlanApp>;

public sealed class PostgresCollectiveRecordTests(PostgresBundledPlanApp app) : CollectiveRecordTests(app), IClassFixture<PostgresBundledPlanApp>;
