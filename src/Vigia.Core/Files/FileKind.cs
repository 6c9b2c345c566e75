namespace Vigia.Core.Files;

/// <summary>The kinds of file accepted as evidence, as recognised from their content.</summary>
public enum FileKind
{
    Pdf,
    Png,
    Jpeg,
    Gif,
    WebP,
    Docx,
    Xlsx,
    Pptx,
    Odt,
    Ods,
    Odp,
    Doc,
    Xls,
    Ppt,

    /// <summary>UTF-8 text without NUL bytes, accepted only as <c>.csv</c> or <c>.txt</c>.</summary>
    Text,
}

/// <summary>Extensions and content types of each <see cref="FileKind"/>.</summary>
public static class FileKinds
{
    /// <summary>Every extension (lower case, with the dot) that some accepted kind may carry.</summary>
    public static IReadOnlySet<string> AllowedExtensions { get; } =
        Enum.GetValues<FileKind>().SelectMany(ExtensionsOf).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The extensions a file of this kind may carry; the first is the usual one.</summary>
    public static IReadOnlyList<string> ExtensionsOf(FileKind kind) => kind switch
    {
        FileKind.Pdf => [".pdf"],
        FileKind.Png => [".png"],
        FileKind.Jpeg => [".jpg", ".jpeg"],
        FileKind.Gif => [".gif"],
        FileKind.WebP => [".webp"],
        FileKind.Docx => [".docx"],
        FileKind.Xlsx => [".xlsx"],
        FileKind.Pptx => [".pptx"],
        FileKind.Odt => [".odt"],
        FileKind.Ods => [".ods"],
        FileKind.Odp => [".odp"],
        FileKind.Doc => [".doc"],
        FileKind.Xls => [".xls"],
        FileKind.Ppt => [".ppt"],
        FileKind.Text => [".csv", ".txt"],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Whether <paramref name="extension"/> (with the dot, any case) agrees with the kind.</summary>
    public static bool Matches(FileKind kind, string extension)
        => ExtensionsOf(kind).Contains(extension, StringComparer.OrdinalIgnoreCase);

    /// <summary>The content type to record and to serve; for text it follows the extension.</summary>
    public static string ContentTypeOf(FileKind kind, string extension) => kind switch
    {
        FileKind.Pdf => "application/pdf",
        FileKind.Png => "image/png",
        FileKind.Jpeg => "image/jpeg",
        FileKind.Gif => "image/gif",
        FileKind.WebP => "image/webp",
        FileKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        FileKind.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        FileKind.Pptx => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        FileKind.Odt => "application/vnd.oasis.opendocument.text",
        FileKind.Ods => "application/vnd.oasis.opendocument.spreadsheet",
        FileKind.Odp => "application/vnd.oasis.opendocument.presentation",
        FileKind.Doc => "application/msword",
        FileKind.Xls => "application/vnd.ms-excel",
        FileKind.Ppt => "application/vnd.ms-powerpoint",
        FileKind.Text when string.Equals(extension, ".csv", StringComparison.OrdinalIgnoreCase) => "text/csv; charset=utf-8",
        FileKind.Text => "text/plain; charset=utf-8",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
