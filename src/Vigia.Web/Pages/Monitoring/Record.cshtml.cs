using Vigia.Core.Compliance;
using Vigia.Core.Monitoring;
using Vigia.Core.Progress;
using Vigia.Web.Pages.Progress;

namespace Vigia.Web.Pages.Monitoring;

/// <summary>The monitoring record of a component's month as a printable document: the summary, every report of
/// the month with its review outcome (corrections and what they replaced included), and the planned actions that
/// were not reported. Readable by the component's leader, Planeación and Control Interno; 404 for anyone else.</summary>
public class RecordModel(AppDbContext db, MonitoringService monitoring) : PageModel
{
    public sealed record Header(string Entity, string PlanTitle, int Year, int ComponentNumber, string ComponentName, int Month, string Summary,
        string? ClosedBy, DateTimeOffset ClosedAt);

    public sealed record ReportRow(int Id, string ActionLabel, string Description, string Units, string Planned, string Executed, ReportStatus Status,
        bool IsLate, DateTimeOffset SubmittedAt, string? SubmittedBy, string? ReviewedBy, string? ReviewComment, bool AfterClosing);

    public sealed record MissingRow(string ActionLabel, string Description, string Units, string Planned);

    [FromRoute]
    public int Id { get; set; }

    public Header Record { get; private set; } = null!;
    public IReadOnlyList<ReportRow> Reports { get; private set; } = [];
    public IReadOnlyList<MissingRow> Unreported { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = Actor.From(User);
        var record = await db.MonitoringRecords.AsNoTracking().Where(m => m.Id == Id)
            .Select(m => new
            {
                m.ComponentId,
                Entity = m.Component!.Plan!.Entity!.Name,
                m.Component.Plan.Title,
                m.Component.Plan.Year,
                m.Component.Number,
                m.Component.Name,
                m.Month,
                m.Summary,
                m.ClosedByName,
                m.ClosedAt
            })
            .FirstOrDefaultAsync(ct);
        if (record is null || !MonitoringAccess.Reads(actor)
            || await MonitoringAccess.ComponentsAsync(actor, monitoring, ct) is { } read && !read.Contains(record.ComponentId))
        {
            return NotFound();
        }
        Record = new Header(record.Entity, record.Title, record.Year, record.Number, record.Name, record.Month, record.Summary, record.ClosedByName, record.ClosedAt);
        var actions = await db.Actions.AsNoTracking().Where(a => a.Activity!.ComponentId == record.ComponentId)
            .OrderBy(a => a.Activity!.Order).ThenBy(a => a.Order)
            .Select(a => new
            {
                a.Id,
                a.Activity!.Code,
                a.Order,
                a.Description,
                a.TargetQuantity,
                a.TargetUnit,
                Units = a.ResponsibleUnits.Select(u => u.Unit!.Name).ToList(),
                Schedule = a.Schedule.Select(s => new { s.Month, s.PlannedQuantity }).ToList(),
            })
            .ToListAsync(ct);
        var reports = await db.ProgressReports.AsNoTracking()
            .Where(r => r.Action!.Activity!.ComponentId == record.ComponentId && r.Month == record.Month)
            .OrderBy(r => r.Id)
            .ToListAsync(ct);
        var byAction = reports.ToLookup(r => r.ActionId);
        // A collective action (a unit group with parts) is reported by parts: each member unit's report shows its own unit
        // and its share of the month, and each part without a report is listed as missing (ComplianceCalculator.Parts).
        var parts = await ActionParts.ForActionsAsync(db, actions.Select(a => a.Id).ToList(), ct);
        var rows = new List<ReportRow>();
        var missing = new List<MissingRow>();
        foreach (var a in actions)
        {
            var label = ProgressDisplay.ActionLabel(a.Code, a.Order);
            var planned = a.Schedule.Where(s => s.Month == record.Month).Sum(s => s.PlannedQuantity);
            var units = string.Join("; ", a.Units);
            var own = parts[a.Id].ToList();
            if (own.Count == 0)
            {
                rows.AddRange(byAction[a.Id].Select(r => Row(r, label, a.Description, units, ProgressDisplay.Quantity(planned, a.TargetUnit), a.TargetUnit)));
                if (planned > 0 && !byAction[a.Id].Any())
                {
                    missing.Add(new MissingRow(label, a.Description, units, ProgressDisplay.Quantity(planned, a.TargetUnit)));
                }
                continue;
            }
            var input = new ActionInput(a.TargetQuantity, a.TargetUnit, null, a.Schedule.GroupBy(s => s.Month).ToDictionary(g => g.Key, g => g.Sum(s => s.PlannedQuantity)), []);
            var year = ComplianceCalculator.YearTarget(input);
            var targets = ComplianceCalculator.PartTargets(year, a.TargetUnit, own.Select(p => new PartInput(p.UnitId, p.SetTarget)).ToList());
            string Share(int unitId) => ProgressDisplay.Quantity(ComplianceCalculator.PartShare(planned, year, targets[unitId], a.TargetUnit), a.TargetUnit);
            var partOf = own.ToDictionary(p => p.UnitId);
            foreach (var r in byAction[a.Id])
            {
                rows.Add(r.UnitId is { } unit && partOf.TryGetValue(unit, out var part)
                    ? Row(r, label, a.Description, $"{part.UnitName} (su parte de la acción colectiva)", Share(unit), a.TargetUnit)
                    : Row(r, label, a.Description, $"Toda la acción colectiva ({units})", ProgressDisplay.Quantity(planned, a.TargetUnit), a.TargetUnit));
            }
            // A report without a part (made before the group was mapped) answers for every part of its month.
            if (planned > 0 && !byAction[a.Id].Any(r => r.UnitId is null))
            {
                missing.AddRange(own.Where(p => !byAction[a.Id].Any(r => r.UnitId == p.UnitId))
                    .Select(p => new MissingRow(label, a.Description, $"{p.UnitName} (su parte de la acción colectiva)", Share(p.UnitId))));
            }
        }
        Reports = rows;
        Unreported = missing;
        return Page();

        ReportRow Row(ProgressReport r, string label, string description, string units, string planned, TargetUnit unit) =>
            new(r.Id, label, description, units, planned, ProgressDisplay.Quantity(r.ExecutedQuantity, unit), r.Status, r.IsLate, r.SubmittedAt,
                r.SubmittedByName, r.ReviewedByName, r.ReviewComment, r.SubmittedAt > record.ClosedAt);
    }
}
