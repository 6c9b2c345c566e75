using System.Security.Cryptography;
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
        Stream content;
        try
        {
            content = await files.OpenReadAsync(evidence.StorageKey, ct);
        }
        catch (FileNotFoundException)
        {
            return NotFound();
        }
        if (evidence.Sha256 is { Length: 64 } recorded)
        {
            // Read twice (hash, then serve): evidence is at most Uploads:MaxBytes, and serving first would hand out
            // the altered bytes before the check could refuse them.
            string actual;
            await using (content)
            {
                actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(content, ct));
            }
            if (!string.Equals(actual, recorded, StringComparison.Ordinal))
            {
                logger.LogError("Evidence {Id} ({Key}) no longer matches its recorded SHA-256 {Recorded}: found {Actual}.",
                    Id, evidence.StorageKey, recorded, actual);
                FileName = evidence.FileName;
                Response.Headers.CacheControl = "private, no-store";
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            }
            content = await files.OpenReadAsync(evidence.StorageKey, ct);
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
