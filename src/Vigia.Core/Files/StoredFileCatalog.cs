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
    /// <summary>The registered catalogues, with progress evidence always among them (it is the original owner of the
    /// store, and callers built by hand pass none).</summary>
    public static IEnumerable<IStoredFileCatalog> Catalogs(IEnumerable<IStoredFileCatalog>? registered)
    {
        var list = (registered ?? []).ToList();
        if (!list.OfType<Progress.EvidenceFileCatalog>().Any())
        {
            list.Insert(0, new Progress.EvidenceFileCatalog());
        }
        return list;
    }
}
