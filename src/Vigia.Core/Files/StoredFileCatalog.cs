namespace Vigia.Core.Files;

/// <summary>A stored file some row points to, with the SHA-256 recorded when it was kept.</summary>
/// <param name="Description">How a person finds the row: «Evidencia 12 del reporte 40».</param>
public sealed record StoredFileReference(string Description, string StorageKey, string? Sha256);

/// <summary>The rows of one feature that point to files in <see cref="IFileStore"/>. Every feature that keeps files
/// registers one, so that the sweep of unreferenced files never deletes its files and <c>audit verify</c> checks
/// their bytes.</summary>
public interface IStoredFileCatalog
{
    IAsyncEnumerable<StoredFileReference> ListAsync(AppDbContext db, CancellationToken ct = default);
}

public static class StoredFiles
{
    /// <summary>The catalogues of the features built in (progress evidence, the risk map's evidence), so that a sweep or a
    /// check made by hand without any registered still sees every file; registered ones of other types are added.</summary>
    public static IEnumerable<IStoredFileCatalog> Catalogs(IEnumerable<IStoredFileCatalog>? registered)
    {
        List<IStoredFileCatalog> list = [new Progress.EvidenceFileCatalog(), new RiskMap.Tracking.RiskEvidenceFileCatalog()];
        foreach (var catalog in registered ?? [])
        {
            if (!list.Exists(c => c.GetType() == catalog.GetType()))
            {
                list.Add(catalog);
            }
        }
        return list;
    }
}
