using Vigia.Core.Progress;
using Vigia.Core.RiskMap;
using Vigia.Core.RiskMap.Tracking;

namespace Vigia.Web.Pages.RiskMap.Desk;

/// <summary>The monitoring of one period for the processes the person maintains: every control of every risk, with
/// what was registered for it (or nothing yet) and the way to register it.</summary>
public class MonitoringModel(AppDbContext db, RiskMapAccess access, MonitoringPeriods periods, ControlMonitoringService service, TimeProvider clock)
    : PageModel
{
    public sealed record ControlRow(int Id, int Number, string Description, ReportStatus? Status, bool? Executed, int Evidence);

    public sealed record RiskRow(int Id, string Code, string Description, IReadOnlyList<ControlRow> Controls);

    public sealed record ProcessRow(int Id, string Name, bool InPeriod, IReadOnlyList<RiskRow> Risks);

    [BindProperty(SupportsGet = true, Name = "vigencia")]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "mes")]
    public int? Month { get; set; }

    public int ShownYear { get; private set; }
    public int ShownMonth { get; private set; }
    public IReadOnlyList<int> Months { get; private set; } = [];
    public IReadOnlyList<ProcessRow> Processes { get; private set; } = [];
    public bool Reviews { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = ColombianTime.Today(clock);
        ShownYear = Year is >= 2000 and <= 2100 ? Year.Value : today.Year;
        var actor = Actor.From(User);
        var ids = await access.MaintainedProcessesAsync(actor, ct);
        var processes = await db.Processes.AsNoTracking().Where(p => ids.Contains(p.Id)).OrderBy(p => p.Kind).ThenBy(p => p.Name)
            .Select(p => new { p.Id, p.Name, p.EntityId }).ToListAsync(ct);
        var byEntity = new Dictionary<int, IReadOnlyList<int>>();
        foreach (var entity in processes.Select(p => p.EntityId).Distinct())
        {
            byEntity[entity] = await periods.MonthsAsync(entity, ShownYear, ct);
            Reviews |= await service.ReviewsAsync(actor, entity, ShownYear, ct);
        }
        Months = byEntity.Values.SelectMany(m => m).Distinct().Order().ToList();
        var begun = Months.Where(m => ProgressCalendar.HasBegun(ShownYear, m, today)).ToList();
        ShownMonth = Month is { } chosen && Months.Contains(chosen) ? chosen : begun.Count > 0 ? begun[^1] : Months.FirstOrDefault(1);
        var risks = await db.Risks.AsNoTracking().Where(r => ids.Contains(r.ProcessId) && r.Year == ShownYear).OrderBy(r => r.Code)
            .Select(r => new { r.Id, r.ProcessId, r.Code, r.Description }).ToListAsync(ct);
        var riskIds = risks.Select(r => r.Id).ToList();
        var controls = await db.RiskControls.AsNoTracking().Where(c => riskIds.Contains(c.RiskId)).OrderBy(c => c.Number)
            .Select(c => new { c.Id, c.RiskId, c.Number, c.Description }).ToListAsync(ct);
        var controlIds = controls.Select(c => c.Id).ToList();
        var live = await db.ControlMonitorings.AsNoTracking()
            .Where(m => controlIds.Contains(m.ControlId) && m.Month == ShownMonth && m.Status != ReportStatus.Superseded)
            .Select(m => new { m.ControlId, m.Status, m.Executed, Evidence = m.Evidence.Count }).ToListAsync(ct);
        Processes = processes.Select(p => new ProcessRow(p.Id, p.Name, byEntity[p.EntityId].Contains(ShownMonth),
            risks.Where(r => r.ProcessId == p.Id).Select(r => new RiskRow(r.Id, r.Code, r.Description,
                controls.Where(c => c.RiskId == r.Id).Select(c =>
                {
                    var m = live.FirstOrDefault(l => l.ControlId == c.Id);
                    return new ControlRow(c.Id, c.Number, c.Description, m?.Status, m?.Executed, m?.Evidence ?? 0);
                }).ToList())).ToList())).ToList();
    }
}
