using System.ComponentModel.DataAnnotations;
using Vigia.Core.Monitoring;
using Vigia.Web.Pages.Progress;

namespace Vigia.Web.Pages.Monitoring;

/// <summary>The monthly monitoring records of the components the person monitors, and the form a leader (or
/// Planeación) uses to close a component's month. Control Interno reads them; other roles get 403.</summary>
public class RecordsModel(AppDbContext db, MonitoringService monitoring, TimeProvider clock) : PageModel
{
    public sealed record RecordRow(int Id, int Year, int ComponentNumber, string ComponentName, int Month, string? ClosedBy, DateTimeOffset ClosedAt);

    public sealed record ComponentOption(int Id, string Label);

    [BindProperty]
    [Display(Name = "Componente")]
    public int? ComponentId { get; set; }

    [BindProperty]
    [Display(Name = "Mes")]
    public int Month { get; set; }

    [BindProperty]
    [Display(Name = "Resumen del monitoreo")]
    public string? Summary { get; set; }

    public IReadOnlyList<RecordRow> Records { get; private set; } = [];
    public IReadOnlyList<ComponentOption> Components { get; private set; } = [];
    public bool CanClose { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = Actor.From(User);
        if (!MonitoringAccess.Reads(actor))
        {
            return this.Forbidden();
        }
        await LoadAsync(actor, ct);
        var lastMonth = ColombianTime.Today(clock).AddMonths(-1);
        Month = lastMonth.Month;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var actor = Actor.From(User);
        if (!MonitoringAccess.Reads(actor))
        {
            return this.Forbidden();
        }
        var result = await monitoring.CloseMonthAsync(actor, ComponentId ?? 0, Month, Summary, ct);
        return await this.RespondAsync(result, async id =>
        {
            var closed = await db.MonitoringRecords.Where(m => m.Id == id)
                .Select(m => new { m.Component!.Number, m.Component.Plan!.Year }).SingleAsync(ct);
            return this.RedirectWithNotice($"Monitoreo de {ProgressDisplay.Month(closed.Year, Month)} del componente {closed.Number} cerrado.",
                "/Monitoring/Record", new { id });
        }, reload: () => LoadAsync(actor, ct));
    }

    private async Task LoadAsync(Actor actor, CancellationToken ct)
    {
        var read = await MonitoringAccess.ComponentsAsync(actor, monitoring, ct);
        var rows = await db.MonitoringRecords.AsNoTracking()
            .Where(m => read == null || read.Contains(m.ComponentId))
            .Select(m => new { m.Id, m.Component!.Plan!.Year, m.Component.Number, m.Component.Name, m.Month, m.ClosedByName, m.ClosedAt })
            .ToListAsync(ct);
        Records = rows.OrderByDescending(r => r.Year).ThenByDescending(r => r.Month).ThenBy(r => r.Number)
            .Select(r => new RecordRow(r.Id, r.Year, r.Number, r.Name, r.Month, r.ClosedByName, r.ClosedAt)).ToList();
        CanClose = MonitoringService.Monitors(actor);
        if (CanClose)
        {
            var reviewed = await monitoring.ReviewedComponentsAsync(actor, ct);
            var components = await db.Components.AsNoTracking()
                .Where(c => reviewed == null || reviewed.Contains(c.Id))
                .Select(c => new { c.Id, c.Number, c.Name, c.Plan!.Year })
                .ToListAsync(ct);
            Components = components.OrderByDescending(c => c.Year).ThenBy(c => c.Number)
                .Select(c => new ComponentOption(c.Id, $"Vigencia {c.Year} · Componente {c.Number}: {c.Name}")).ToList();
        }
    }
}
