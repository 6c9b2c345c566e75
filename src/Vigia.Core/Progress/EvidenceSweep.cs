using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vigia.Core.Files;

namespace Vigia.Core.Progress;

/// <summary>Removes evidence files that no row points to: what a crash between writing a file and committing its
/// report leaves behind (issue 14). Files younger than <see cref="UploadOptions.OrphanGracePeriod"/> are kept, so an
/// upload whose report is still being saved is never swept; the order of a submission (file first, then the row)
/// means a row never points to a missing file.</summary>
public sealed class EvidenceSweep(AppDbContext db, IFileStore files, IOptions<UploadOptions> options, TimeProvider clock,
    ILogger<EvidenceSweep> logger)
{
    /// <summary>Deletes the unreferenced files older than the grace period and returns how many went.</summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        // The cut-off is taken before the references are read: a file written after it is kept whatever the query
        // sees, and a file written before it had the whole grace period to get its row committed.
        var writtenBefore = clock.GetUtcNow() - options.Value.OrphanGracePeriod;
        var referenced = (await db.Evidence.AsNoTracking().Where(e => e.StorageKey != null).Select(e => e.StorageKey!).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        // The risk map's monitoring and materializations keep their evidence in the same store.
        referenced.UnionWith(await db.RiskEvidence.AsNoTracking().Where(e => e.StorageKey != null).Select(e => e.StorageKey!).ToListAsync(ct));
        var deleted = await files.DeleteUnreferencedAsync(referenced, writtenBefore, ct);
        if (deleted.Count > 0)
        {
            logger.LogWarning("Evidence sweep removed {Count} files that no report pointed to: {Files}", deleted.Count, string.Join(", ", deleted));
        }
        return deleted.Count;
    }
}
