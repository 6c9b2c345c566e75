using System.Runtime.CompilerServices;
using Vigia.Core.Files;

namespace Vigia.Core.Progress;

/// <summary>The evidence files of progress reports.</summary>
public sealed class EvidenceFileCatalog : IStoredFileCatalog
{
    public async IAsyncEnumerable<StoredFileReference> ListAsync(AppDbContext db, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = db.Evidence.AsNoTracking().Where(e => e.StorageKey != null).OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.ReportId, e.StorageKey, e.Sha256 }).AsAsyncEnumerable();
        await foreach (var e in rows.WithCancellation(ct))
        {
            yield return new StoredFileReference(
                string.Create(CultureInfo.InvariantCulture, $"Evidencia {e.Id} del reporte de avance {e.ReportId}"), e.StorageKey!, e.Sha256);
        }
    }
}
