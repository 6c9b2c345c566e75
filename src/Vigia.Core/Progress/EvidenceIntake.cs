using Vigia.Core.Files;


namespace Vigia.Core.Progress;

/// <summary>Turns what a form sent as evidence into <see cref="Evidence"/> rows: links checked as web addresses,
/// files kept through <see cref="IFileStore"/> (its checks and its refusal messages). Files stored for a save that
/// then fails are deleted again with <see cref="DiscardAsync"/>, so a refused report leaves nothing behind.</summary>
internal sealed class EvidenceIntake(IFileStore store)
{
    public const int MaxFilesPerSubmission = 5;
    public const int MaxLinks = 10;
    private const int MaxUrlLength = 2000;

    private readonly List<StoredFile> stored = [];

    /// <summary>The links, one per entry, blank entries ignored; or the Spanish error for the first bad one.</summary>
    public static (List<string> Urls, string? Error) ParseLinks(IEnumerable<string> links)
    {
        var urls = new List<string>();
        foreach (var text in links.Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            if (text.Length > MaxUrlLength || !Uri.TryCreate(text, UriKind.Absolute, out var uri)
                || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host))
            {
                var shown = text.Length > 80 ? text[..80] + "…" : text;
                return ([], $"«{shown}» no es una dirección web válida: escriba la dirección completa, que empiece por https://.");
            }
            urls.Add(uri.AbsoluteUri);
        }
        return urls.Count > MaxLinks ? ([], $"Puede agregar hasta {MaxLinks} enlaces por reporte.") : (urls.Distinct().ToList(), null);
    }

    public static Evidence Link(string url, DateTimeOffset at) => new() { Kind = EvidenceKind.Link, Url = url, AddedAt = at };

    /// <summary>Keeps every file, or none: on the first refusal the files already kept are deleted and the store's
    /// message is returned, naming the file.</summary>
    public async Task<(List<Evidence> Evidence, string? Error)> StoreAsync(IReadOnlyList<EvidenceUpload> files, DateTimeOffset at, CancellationToken ct)
    {
        var (kept, error) = await StoreFilesAsync(files, ct);
        return (kept.Select(file => new Evidence
        {
            Kind = EvidenceKind.File,
            FileName = file.FileName,
            StorageKey = file.StorageKey,
            ContentType = file.ContentType,
            SizeBytes = file.Length,
            Sha256 = file.Sha256,
            AddedAt = at,
        }).ToList(), error);
    }

    /// <summary>The same all-or-nothing keeping, for evidence rows other than a progress report's (the risk map's
    /// control monitoring and materializations): the checks, hashing and storage stay one.</summary>
    public async Task<(List<StoredFile> Files, string? Error)> StoreFilesAsync(IReadOnlyList<EvidenceUpload> files, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count > MaxFilesPerSubmission)
        {
            return ([], $"Puede adjuntar hasta {MaxFilesPerSubmission} archivos a la vez.");
        }
        var kept = new List<StoredFile>();
        foreach (var file in files)
        {
            var result = await store.SaveAsync(file.Content, file.FileName, ct);
            if (!result.Succeeded)
            {
                await DiscardAsync();
                return ([], $"«{Path.GetFileName(file.FileName)}»: {result.ErrorMessage}");
            }
            stored.Add(result.File);
            kept.Add(result.File);
        }
        return (kept, null);
    }

    /// <summary>Deletes the files this intake kept: their report was not saved.</summary>
    public async Task DiscardAsync()
    {
        foreach (var file in stored)
        {
            // Not the request's token: a cancelled request must still clean up after itself.
            await store.DeleteAsync(file.StorageKey, CancellationToken.None);
        }
        stored.Clear();
    }
}
