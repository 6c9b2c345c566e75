namespace Vigia.Core.Files;

/// <summary>Limits and location of uploaded files, bound from the <c>Uploads</c> configuration section
/// (<c>Uploads:MaxBytes</c>, <c>Uploads:Root</c>, <c>Uploads:MaxUncompressedBytes</c>, <c>Uploads:MaxCompressionRatio</c>).</summary>
public sealed class UploadOptions
{
    public const string SectionName = "Uploads";
    public const long DefaultMaxBytes = 10L * 1024 * 1024;
    public const string DefaultRoot = "data/uploads";
    public const long DefaultMaxUncompressedBytes = 100L * 1024 * 1024;
    public const int DefaultMaxCompressionRatio = 100;

    /// <summary>Largest accepted file in bytes (default 10 MiB).</summary>
    public long MaxBytes { get; set; } = DefaultMaxBytes;

    /// <summary>Largest total size, in bytes, the entries of an office package (DOCX, XLSX, PPTX, ODT, ODS, ODP) may
    /// inflate to (default 100 MiB); a package over it is refused as a possible ZIP bomb.</summary>
    public long MaxUncompressedBytes { get; set; } = DefaultMaxUncompressedBytes;

    /// <summary>Largest accepted ratio between an office package's uncompressed and compressed sizes (default 100):
    /// ordinary documents stay far below it, a ZIP bomb far above.</summary>
    public int MaxCompressionRatio { get; set; } = DefaultMaxCompressionRatio;

    /// <summary>
    /// Folder that holds the stored files; a relative path is resolved against the base directory given to
    /// <see cref="UploadSetup.AddVigiaUploads"/> (the app's content root). It must lie outside <c>wwwroot</c>:
    /// the static-file middleware serves everything there to anyone, which would bypass the permission check
    /// on download and could serve an uploaded file as active content from our own origin.
    /// </summary>
    public string Root { get; set; } = DefaultRoot;

    /// <summary>How long a stored file may go without a report pointing to it before the sweep removes it
    /// (<c>Uploads:OrphanGracePeriod</c>, default one hour): far longer than any upload takes to be saved, so an
    /// upload in flight is never swept.</summary>
    public TimeSpan OrphanGracePeriod { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Whether a path has a <c>wwwroot</c> folder anywhere in it.</summary>
    public static bool IsInsideWebRoot(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Path.GetFullPath(path)
            .Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries)
            .Any(segment => string.Equals(segment, "wwwroot", StringComparison.OrdinalIgnoreCase));
    }
}
