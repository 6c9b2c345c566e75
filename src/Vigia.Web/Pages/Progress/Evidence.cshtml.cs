using Vigia.Core.Files;
using Vigia.Core.Progress;

namespace Vigia.Web.Pages.Progress;

/// <summary>Downloads an evidence file, always as an attachment (never rendered in the browser from our origin),
/// and only for people who can see the report's action; anyone else gets 404.</summary>
public class EvidenceModel(AppDbContext db, ActionAccess access, IFileStore files) : PageModel
{
    [FromRoute]
    public int Id { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var evidence = await db.Evidence.AsNoTracking().Where(e => e.Id == Id && e.Kind == EvidenceKind.File)
            .Select(e => new { e.StorageKey, e.FileName, e.ContentType, e.Sha256, e.Report!.ActionId })
            .FirstOrDefaultAsync(ct);
        if (evidence?.StorageKey is null || !await access.CanSeeAsync(Actor.From(User), evidence.ActionId, ct))
        {
            return NotFound();
        }
        Stream content;
        try
        {
            content = await files.OpenReadAsync(evidence.StorageKey, ct);
        }
        catch (FileNotFoundException)
        {
            return NotFound();
        }
        if (evidence.Sha256 is { Length: 64 } hex)
        {
            // RFC 9530: lets a client check the download against the hash shown next to the file.
            Response.Headers["Repr-Digest"] = $"sha-256=:{Convert.ToBase64String(Convert.FromHexString(hex))}:";
        }
        Response.Headers.CacheControl = "private, no-store";
        return File(content, evidence.ContentType ?? "application/octet-stream", evidence.FileName ?? "soporte");
    }
}
