using Vigia.Core.Files;
using Vigia.Core.Progress;

namespace Vigia.Web.Pages.DepartmentDesk;

/// <summary>Downloads an evidence file of a plan of the person's departments, as /gestion/evidencias does for the
/// entity's own people (attachment only, refused when its SHA-256 no longer matches); any other file answers 404.</summary>
public class EvidenceModel(AppDbContext db, DepartmentAccess access, IFileStore files, ILogger<EvidenceModel> logger) : PageModel
{
    [FromRoute]
    public int Id { get; set; }

    public string? FileName { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var plans = await access.PlansAsync(Actor.From(User), ct);
        var evidence = await db.Evidence.AsNoTracking()
            .Where(e => e.Id == Id && e.Kind == EvidenceKind.File && plans.Any(p => p.Id == e.Report!.Action!.Activity!.Component!.PlanId))
            .Select(e => new { e.StorageKey, e.FileName, e.ContentType, e.Sha256 })
            .FirstOrDefaultAsync(ct);
        if (evidence?.StorageKey is null)
        {
            return NotFound();
        }
        return await EvidenceDownload.ServeAsync(this, files, logger, $"Evidence {Id}", evidence.StorageKey, evidence.FileName,
            evidence.ContentType, evidence.Sha256, () =>
            {
                FileName = evidence.FileName;
                return Page();
            }, ct);
    }
}
