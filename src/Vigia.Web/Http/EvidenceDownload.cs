using System.Security.Cryptography;
using Vigia.Core.Files;

namespace Vigia.Web.Http;

/// <summary>How every evidence file is handed out (progress reports, the risk map's monitoring and materializations):
/// always as an attachment, never cached, with the recorded SHA-256 as <c>Repr-Digest</c>, and never when the bytes no
/// longer match that hash — then the caller's page explains it with a 409. The caller checks first that the person may
/// see the file.</summary>
public static class EvidenceDownload
{
    public static async Task<IActionResult> ServeAsync(PageModel page, IFileStore files, ILogger logger, string description, string storageKey,
        string? fileName, string? contentType, string? sha256, Func<IActionResult> altered, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(altered);
        Stream content;
        try
        {
            content = await files.OpenReadAsync(storageKey, ct);
        }
        catch (FileNotFoundException)
        {
            return page.NotFound();
        }
        page.Response.Headers.CacheControl = "private, no-store";
        if (sha256 is { Length: 64 } recorded)
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
                logger.LogError("{Evidence} ({Key}) no longer matches its recorded SHA-256 {Recorded}: found {Actual}.",
                    description, storageKey, recorded, actual);
                page.Response.StatusCode = StatusCodes.Status409Conflict;
                return altered();
            }
            content = await files.OpenReadAsync(storageKey, ct);
            // RFC 9530: lets a client check the download against the hash shown next to the file.
            page.Response.Headers["Repr-Digest"] = $"sha-256=:{Convert.ToBase64String(Convert.FromHexString(recorded))}:";
        }
        return page.File(content, contentType ?? "application/octet-stream", fileName ?? "soporte");
    }
}
