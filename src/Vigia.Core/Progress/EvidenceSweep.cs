using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vigia.Core.Files;

namespace Vigia.Core.Progress;

/// <summary>Removes evidence files that no row points to: what a crash between writing a file and committing its
/// report leaves behind (issue 14). Files younger than <see cref="UploadOptions.OrphanGracePeriod"/> are kept, so an
/// upload whose report is still being saved is never swept; the order of a submission (file first, then the row)
/// means a row never points to a missing file.</summary>
/// <remarks>A file counts as referenced when any feature's <see cref="IStoredFileCatalog"/> lists it (progress evidence
/// always does), so a feature that keeps files never loses them to the sweep.</remarks>
public sealed class EvidenceSweep(AppDbContext db, IFileStore files, IOptions<UploadOptions> options, TimeProvider clock,
    ILogger<EvidenceSweep> logger, IEnumerable<IStoredFileCatalog>? catalogs = null) : IDailyJob
{
    Task IDailyJob.RunAsync(CancellationToken ct) => RunAsync(ct);

    /// <summary>Deletes the unreferenced files older than the grace period and returns how many went.</summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        // The cut-off is taken before the references are read: a file written after it is kept whatever the query
        // sees, and a file written before it had the whole grace period to get its row committed.
        var writtenBefore = clock.GetUtcNow() - options.Value.OrphanGracePeriod;
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var catalog in StoredFiles.Catalogs(catalogs))
        {
            await foreach (var file in catalog.ListAsync(db, ct))
            {
                referenced.Add(file.StorageKey);
            }
        }
        var deleted = await files.DeleteUnreferencedAsync(referenced, writtenBefore, ct);
        if (deleted.Count > 0)
        {
            logger.LogWarning("Evidence sweep removed {Count} files that no report pointed to: {Files}", deleted.Count, string.Join(", ", deleted));
        }
        return deleted.Count;
    }
}
