using Vigia.Core.Files;
using Vigia.Core.Progress;

namespace Vigia.Web.Pages.Progress;

/// <summary>Downloads an evidence file, always as an attachment (never rendered in the browser from our origin),
/// and only for people who can see the report's action; anyone else gets 404. A file whose bytes no longer match the
/// SHA-256 recorded when it was reported is refused (409, with an explanation) rather than served as the original.</summary>
public class EvidenceModel(AppDbContext db, ActionAccess access, IFileStore files, ILogger<EvidenceModel> logger) : PageModel
{
    [FromRoute]
    public int Id { get; set; }

    public string? FileName { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var evidence = await db.Evidence.AsNoTracking().Where(e => e.Id == Id && e.Kind == EvidenceKind.File)
            .Select(e => new { e.StorageKey, e.FileName, e.ContentType, e.Sha256, e.Report!.ActionId })
            .FirstOrDefaultAsync(ct);
        if (evidence?.StorageKey is null || !await access.CanSeeAsync(Actor.From(User), evidence.ActionId, ct))
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
