using System.Buffers;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Vigia.Core.Files;

/// <summary>
/// Keeps uploads on the local disk under <see cref="UploadOptions.Root"/>, which must lie outside <c>wwwroot</c>
/// so that files are reachable only through a download handler that checks permissions. Each file is written to a
/// temporary name in its destination folder and moved into place only after every check passed, so a refused or
/// interrupted upload never shows up under a storage key.
/// </summary>
public sealed partial class LocalFileStore : IFileStore
{
    private const int BufferSize = 80 * 1024;

    private readonly string root;
    private readonly long maxBytes;
    private readonly long maxUncompressedBytes;
    private readonly int maxCompressionRatio;
    private readonly TimeProvider timeProvider;

    public LocalFileStore(IOptions<UploadOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var value = options.Value;
        root = Path.GetFullPath(value.Root);
        if (UploadOptions.IsInsideWebRoot(root))
        {
            throw new ArgumentException($"Uploads:Root '{root}' is inside wwwroot; keep uploads where the static-file middleware cannot serve them.", nameof(options));
        }
        maxBytes = value.MaxBytes > 0
            ? value.MaxBytes
            : throw new ArgumentException("Uploads:MaxBytes must be greater than zero.", nameof(options));
        maxUncompressedBytes = value.MaxUncompressedBytes > 0
            ? value.MaxUncompressedBytes
            : throw new ArgumentException("Uploads:MaxUncompressedBytes must be greater than zero.", nameof(options));
        maxCompressionRatio = value.MaxCompressionRatio > 0
            ? value.MaxCompressionRatio
            : throw new ArgumentException("Uploads:MaxCompressionRatio must be greater than zero.", nameof(options));
        this.timeProvider = timeProvider;
    }

    /// <summary>The absolute folder the files are kept in.</summary>
    public string Root => root;

    public async Task<StoredFileResult> SaveAsync(Stream content, string originalFileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (FileNames.Sanitize(originalFileName) is not { } fileName)
        {
            return UploadMessages.InvalidName();
        }

        var now = timeProvider.GetUtcNow();
        var storageKey = string.Create(CultureInfo.InvariantCulture, $"{now:yyyy}/{now:MM}/{Guid.NewGuid():N}");
        var finalPath = PathFor(storageKey);
        var tempPath = Path.Combine(Path.GetDirectoryName(finalPath)!, $".{Path.GetFileName(finalPath)}.part");
        Directory.CreateDirectory(Path.GetDirectoryName(finalPath)!);
        var moved = false;
        try
        {
            return await WriteAsync(content, fileName, storageKey, tempPath, finalPath, () => moved = true, cancellationToken);
        }
        catch (IOException e) when (IsDiskFull(e))
        {
            // A full disk (or quota) while writing: a refusal the person can read, never a half-kept file.
            return UploadMessages.NoSpace();
        }
        finally
        {
            if (!moved)
            {
                DeleteQuietly(tempPath);
            }
        }
    }

    /// <summary>ENOSPC (28) and EDQUOT (122) on Linux, ERROR_DISK_FULL and ERROR_HANDLE_DISK_FULL on Windows.</summary>
    internal static bool IsDiskFull(IOException exception) =>
        exception.HResult is 28 or 122 or unchecked((int)0x80070070) or unchecked((int)0x80070027);

    private static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Left for the orphan sweep, which removes interrupted parts.
        }
    }

    private async Task<StoredFileResult> WriteAsync(Stream content, string fileName, string storageKey, string tempPath, string finalPath,
        Action markMoved, CancellationToken cancellationToken)
    {
        StoredFile stored;
        await using (var temp = new FileStream(tempPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, BufferSize, FileOptions.Asynchronous))
        {
            var (length, sha256) = await CopyWithinLimitAsync(content, temp, cancellationToken);
            if (length > maxBytes)
            {
                return UploadMessages.TooLarge(maxBytes);
            }
            if (length == 0)
            {
                return UploadMessages.Empty();
            }
            var kind = FileSignature.Detect(temp);
            if (UploadMessages.CheckKind(kind, fileName) is { } refusal)
            {
                return refusal;
            }
            if (await CheckStructureAsync(kind!.Value, temp, cancellationToken) is { } invalid)
            {
                return invalid;
            }
            var extension = Path.GetExtension(fileName);
            stored = new StoredFile(storageKey, fileName, FileKinds.ContentTypeOf(kind!.Value, extension), length, sha256);
        }
        File.Move(tempPath, finalPath);
        markMoved();
        return StoredFileResult.Success(stored);
    }

    public Task<Stream> OpenReadAsync(string storageKey, CancellationToken cancellationToken = default)
    {
        var path = PathFor(storageKey);
        Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return Task.FromResult(stream);
    }

    public Task DeleteAsync(string storageKey, CancellationToken cancellationToken = default)
    {
        File.Delete(PathFor(storageKey));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> DeleteUnreferencedAsync(IReadOnlySet<string> referenced, DateTimeOffset writtenBefore,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(referenced);
        var deleted = new List<string>();
        if (!Directory.Exists(root))
        {
            return Task.FromResult<IReadOnlyList<string>>(deleted);
        }
        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var relative = Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');
            var isKey = StorageKeyPattern().IsMatch(relative);
            // Only what this store writes is ever removed: kept files and the temporary parts of interrupted writes.
            if ((isKey && referenced.Contains(relative)) || (!isKey && !PartPattern().IsMatch(relative)))
            {
                continue;
            }
            if (File.GetLastWriteTimeUtc(path) < writtenBefore.UtcDateTime)
            {
                File.Delete(path);
                deleted.Add(relative);
            }
        }
        return Task.FromResult<IReadOnlyList<string>>(deleted);
    }

    /// <summary>What the signature alone cannot prove: a PDF is one and only one, an office package is no ZIP bomb.</summary>
    private async Task<StoredFileResult?> CheckStructureAsync(FileKind kind, FileStream content, CancellationToken cancellationToken)
        => kind switch
        {
            FileKind.Pdf => PdfCheck.Check(content),
            FileKind.Docx or FileKind.Xlsx or FileKind.Pptx or FileKind.Odt or FileKind.Ods or FileKind.Odp
                => await PackageBounds.CheckAsync(content, maxUncompressedBytes, maxCompressionRatio, cancellationToken),
            _ => null,
        };

    /// <summary>
    /// Copies at most <c>maxBytes + 1</c> bytes, hashing as it goes: one byte over the limit is enough to refuse,
    /// so a huge or endless upload is never read further nor held in memory. A length over the limit means "too large".
    /// </summary>
    private async Task<(long Length, string Sha256)> CopyWithinLimitAsync(Stream source, FileStream target, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            long total = 0;
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, maxBytes + 1 - total)), cancellationToken)) > 0)
            {
                total += read;
                if (total > maxBytes)
                {
                    return (total, "");
                }
                hash.AppendData(buffer, 0, read);
                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
            await target.FlushAsync(cancellationToken);
            // On the disk, not only in the page cache, before the report that points to it can commit: a power cut
            // after the commit must not leave a row whose file is empty or missing.
            target.Flush(flushToDisk: true);
            target.Position = 0;
            return (total, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The file of a key this store generated; anything else (other shapes, <c>..</c>, absolute paths) is refused.</summary>
    private string PathFor(string storageKey)
    {
        ArgumentNullException.ThrowIfNull(storageKey);
        if (!StorageKeyPattern().IsMatch(storageKey))
        {
            throw new ArgumentException("Not a storage key of this store.", nameof(storageKey));
        }
        var path = Path.GetFullPath(Path.Combine(root, storageKey));
        return path.StartsWith(Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? path
            : throw new ArgumentException("The storage key leaves the upload folder.", nameof(storageKey));
    }

    [GeneratedRegex("^[0-9]{4}/[0-9]{2}/[0-9a-f]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex StorageKeyPattern();

    [GeneratedRegex("^[0-9]{4}/[0-9]{2}/\\.[0-9a-f]{32}\\.part$", RegexOptions.CultureInvariant)]
    private static partial Regex PartPattern();
}
