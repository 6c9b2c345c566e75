using Vigia.Core.Files;
using Vigia.Core.Progress;
using Vigia.Core.RiskMap.Tracking;

namespace Vigia.Web.Pages.RiskMap.Desk;

/// <summary>Downloads a file that backs a control's monitoring or a materialization, as the progress reports'
/// evidence is downloaded: always as an attachment, only for people who may read that process's tracking (404 for
/// anyone else), and refused (409) when the bytes no longer match the SHA-256 recorded at upload.</summary>
public class EvidenceModel(AppDbContext db, ControlMonitoringService monitoring, IFileStore files, ILogger<EvidenceModel> logger) : PageModel
{
    [FromRoute]
    public int Id { get; set; }

    public string? FileName { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var evidence = await db.RiskEvidence.AsNoTracking().Where(e => e.Id == Id && e.Kind == EvidenceKind.File)
            .Select(e => new { e.StorageKey, e.FileName, e.ContentType, e.Sha256, e.MonitoringId, e.MaterializationId })
            .FirstOrDefaultAsync(ct);
        if (evidence?.StorageKey is null)
        {
            return NotFound();
        }
        var risks = evidence.MonitoringId is { } monitoringId
            ? db.ControlMonitorings.Where(m => m.Id == monitoringId).Select(m => m.Control!.Risk!)
            : db.RiskMaterializations.Where(m => m.Id == evidence.MaterializationId).Select(m => m.Risk!);
        var risk = await risks.AsNoTracking().Select(r => new { r.ProcessId, r.Year, r.Process!.EntityId }).SingleAsync(ct);
        if (!await monitoring.CanSeeAsync(Actor.From(User), risk.ProcessId, risk.EntityId, risk.Year, ct))
        {
            return NotFound();
        }
        return await EvidenceDownload.ServeAsync(this, files, logger, $"Risk-map evidence {Id}", evidence.StorageKey, evidence.FileName,
            evidence.ContentType, evidence.Sha256, () =>
            {
                FileName = evidence.FileName;
                return Page();
            }, ct);
    }
}
