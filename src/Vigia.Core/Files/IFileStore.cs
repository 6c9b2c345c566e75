using System.Diagnostics.CodeAnalysis;

namespace Vigia.Core.Files;

/// <summary>Where uploaded evidence is kept. An interface because storage crosses a process boundary: the local
/// disk today, possibly a shared volume or object storage when the app runs on several machines.</summary>
public interface IFileStore
{
    /// <summary>Checks the upload (size, content by signature, extension against content) and keeps it under a
    /// generated key. A refusal leaves nothing behind and carries a message for the person who uploaded it.</summary>
    /// <param name="content">The uploaded bytes; read once, forwards, and never past the size limit.</param>
    /// <param name="originalFileName">The name the browser sent; only its sanitized last segment is kept, for display.</param>
    Task<StoredFileResult> SaveAsync(Stream content, string originalFileName, CancellationToken cancellationToken = default);

    /// <summary>Opens a stored file for download. The caller checks that the user may see it first.</summary>
    /// <exception cref="ArgumentException">The key is not one this store generates (e.g. it tries to leave the root).</exception>
    /// <exception cref="FileNotFoundException">No file has that key.</exception>
    Task<Stream> OpenReadAsync(string storageKey, CancellationToken cancellationToken = default);

    /// <summary>Removes a stored file, e.g. when saving the record that points to it failed. Missing files are ignored.</summary>
    /// <exception cref="ArgumentException">The key is not one this store generates.</exception>
    Task DeleteAsync(string storageKey, CancellationToken cancellationToken = default);

    /// <summary>Deletes every file this store wrote that is not in <paramref name="referenced"/> and was last written
    /// before <paramref name="writtenBefore"/>, with the leftovers of interrupted writes; anything else in the folder
    /// is left alone. Returns what it deleted (storage keys, or the leftovers' paths).</summary>
    Task<IReadOnlyList<string>> DeleteUnreferencedAsync(IReadOnlySet<string> referenced, DateTimeOffset writtenBefore,
        CancellationToken cancellationToken = default);
}

/// <summary>A kept file.</summary>
/// <param name="StorageKey">Generated key such as <c>2026/11/3f2a…</c> (year/month/GUID); no part of it comes from the user.</param>
/// <param name="FileName">The sanitized original name, for display and for the download's file name.</param>
/// <param name="ContentType">The content type of the kind detected from the content.</param>
/// <param name="Length">Size in bytes.</param>
/// <param name="Sha256">SHA-256 of the content, 64 lower-case hex digits.</param>
public sealed record StoredFile(string StorageKey, string FileName, string ContentType, long Length, string Sha256);

/// <summary>Why an upload was refused.</summary>
public enum UploadRefusal
{
    InvalidName,
    Empty,
    TooLarge,

    /// <summary>The content is none of the accepted kinds, and the name does not claim to be one either.</summary>
    UnknownContent,

    /// <summary>The extension names another kind than the content (e.g. an executable renamed <c>.pdf</c>).</summary>
    ExtensionMismatch,

    /// <summary>A <c>.csv</c> or <c>.txt</c> that is not UTF-8 text.</summary>
    NotUtf8Text,

    /// <summary>Starts like a PDF but does not open as one, or carries bytes after its last <c>%%EOF</c>.</summary>
    InvalidPdf,

    /// <summary>An office package that would inflate past the size limit or with an abnormal compression ratio, or whose
    /// entries cannot be inflated or inflate past their declared sizes.</summary>
    PackageOutOfBounds,

    /// <summary>The disk (or the quota) of the uploads folder is full: nothing was kept, the person may try later.</summary>
    NoSpace,
}

/// <summary>The outcome of <see cref="IFileStore.SaveAsync"/>: the stored file, or a refusal with its reason.</summary>
public sealed class StoredFileResult
{
    private StoredFileResult(StoredFile? file, UploadRefusal? refusal, string? errorMessage)
        => (File, Refusal, ErrorMessage) = (file, refusal, errorMessage);

    public StoredFile? File { get; }

    public UploadRefusal? Refusal { get; }

    /// <summary>A Spanish sentence for the person who uploaded the file.</summary>
    public string? ErrorMessage { get; }

    [MemberNotNullWhen(true, nameof(File))]
    [MemberNotNullWhen(false, nameof(ErrorMessage))]
    public bool Succeeded => File is not null;

    public static StoredFileResult Success(StoredFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new(file, null, null);
    }

    public static StoredFileResult Refused(UploadRefusal refusal, string errorMessage)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(errorMessage);
        return new(null, refusal, errorMessage);
    }
}
