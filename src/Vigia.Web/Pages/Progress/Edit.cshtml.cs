using Vigia.Core.Progress;

namespace Vigia.Web.Pages.Progress;

/// <summary>Changing a report that nobody has reviewed yet: quantity, narrative, evidence added or removed. Once
/// reviewed, the way to change it is a correction, and this page says so.</summary>
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public class EditModel(AppDbContext db, ActionAccess access, ProgressService reporting) : ReportFormModel
{
    [FromRoute]
    public int Id { get; set; }

    [BindProperty]
    public List<int> RemoveEvidenceIds { get; set; } = [];

    public int ActionId { get; private set; }
    public string ActionLabel { get; private set; } = "";
    public string MonthName { get; private set; } = "";
    public IReadOnlyList<EvidenceView> Evidence { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var report = await LoadAsync(ct);
        if (report is null)
        {
            return NotFound();
        }
        if (report.Status != ReportStatus.Submitted)
        {
            return this.RedirectWithNotice("Este reporte ya fue revisado: para cambiarlo presente una corrección.", "/Progress/Detail", new { id = Id });
        }
        Quantity = ProgressDisplay.QuantityInput(report.ExecutedQuantity);
        Narrative = report.Narrative;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is null)
        {
            return NotFound();
        }
        var quantity = ParseQuantity();
        if (quantity is null)
        {
            return this.InvalidPage();
        }
        var result = await reporting.EditAsync(Actor.From(User), Id, new ReportEdit(quantity.Value, Narrative ?? "", LinkLines(), Uploads(), RemoveEvidenceIds), ct);
        return await this.RespondAsync(result, id => this.RedirectWithNotice($"Cambios guardados en el reporte de {MonthName}.", "/Progress/Detail", new { id }));
    }

    private async Task<ProgressReport?> LoadAsync(CancellationToken ct)
    {
        var report = await db.ProgressReports.AsNoTracking().Include(r => r.Action!).ThenInclude(a => a.Activity!).ThenInclude(a => a.Component!).ThenInclude(c => c.Plan)
            .FirstOrDefaultAsync(r => r.Id == Id, ct);
        if (report is null || !await access.CanReportAsync(Actor.From(User), report.ActionId, ct))
        {
            return null;
        }
        var action = report.Action!;
        ActionId = action.Id;
        ActionLabel = ProgressDisplay.ActionLabel(action.Activity!.Code, action.Order);
        MonthName = ProgressDisplay.Month(action.Activity.Component!.Plan!.Year, report.Month);
        TargetUnit = action.TargetUnit;
        Evidence = await EvidenceView.Of(db.Evidence.Where(e => e.ReportId == Id)).ToListAsync(ct);
        return report;
    }
}
