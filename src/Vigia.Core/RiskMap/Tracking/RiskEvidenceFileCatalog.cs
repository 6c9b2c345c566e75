using System.Runtime.CompilerServices;
using Vigia.Core.Files;

namespace Vigia.Core.RiskMap.Tracking;

/// <summary>The evidence files of control monitoring and of materializations (the risk map keeps them in the same store
/// as progress evidence).</summary>
public sealed class RiskEvidenceFileCatalog : IStoredFileCatalog
{
    public async IAsyncEnumerable<StoredFileReference> ListAsync(AppDbContext db, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = db.RiskEvidence.AsNoTracking().Where(e => e.StorageKey != null).OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.MonitoringId, e.MaterializationId, e.StorageKey, e.Sha256 }).AsAsyncEnumerable();
        await foreach (var e in rows.WithCancellation(ct))
        {
            var owner = e.MonitoringId is { } monitoring
                ? string.Create(CultureInfo.InvariantCulture, $"del monitoreo de control {monitoring}")
                : string.Create(CultureInfo.InvariantCulture, $"de la materialización {e.MaterializationId}");
            yield return new StoredFileReference(
                string.Create(CultureInfo.InvariantCulture, $"Soporte {e.Id} {owner}"), e.StorageKey!, e.Sha256);
        }
    }
}
