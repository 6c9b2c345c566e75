namespace Vigia.Core.Files;

/// <summary>The refusals of an upload, each with the sentence shown to the person who sent it.</summary>
internal static class UploadMessages
{
    public static StoredFileResult InvalidName()
        => StoredFileResult.Refused(UploadRefusal.InvalidName, "El nombre del archivo no es válido.");

    public static StoredFileResult Empty()
        => StoredFileResult.Refused(UploadRefusal.Empty, "El archivo está vacío.");

    public static StoredFileResult TooLarge(long maxBytes)
        => StoredFileResult.Refused(UploadRefusal.TooLarge, $"El archivo supera el tamaño máximo de {SpanishFormat.FileSize(maxBytes)}.");

    public static StoredFileResult NoSpace()
        => StoredFileResult.Refused(UploadRefusal.NoSpace,
            "No hay espacio disponible para guardar el archivo en este momento; no se guardó nada. Intente de nuevo más tarde o avise al administrador de Vigía.");

    public static StoredFileResult PdfDoesNotOpen()
        => StoredFileResult.Refused(UploadRefusal.InvalidPdf,
            "El archivo no es un PDF válido: no se pudo abrir como documento PDF. Guárdelo de nuevo como PDF e inténtelo otra vez.");

    public static StoredFileResult PdfTrailingContent()
        => StoredFileResult.Refused(UploadRefusal.InvalidPdf,
            "El archivo PDF tiene contenido adicional después de su final (%%EOF) y no se acepta. Guárdelo de nuevo desde el programa que lo creó e inténtelo otra vez.");

    public static StoredFileResult PackageTooLargeUncompressed(long maxUncompressedBytes)
        => StoredFileResult.Refused(UploadRefusal.PackageOutOfBounds,
            $"El documento de oficina ocupa más de {SpanishFormat.FileSize(maxUncompressedBytes)} al descomprimirse y no se acepta; divídalo o reduzca su contenido.");

    public static StoredFileResult PackageRatioTooHigh(int maxCompressionRatio)
        => StoredFileResult.Refused(UploadRefusal.PackageOutOfBounds,
            string.Create(SpanishFormat.Culture, $"El documento de oficina está comprimido de forma anormal (más de {maxCompressionRatio} a 1) y no se acepta."));

    public static StoredFileResult PackageDamaged()
        => StoredFileResult.Refused(UploadRefusal.PackageOutOfBounds,
            "El documento de oficina está dañado o sus tamaños declarados no corresponden a su contenido y no se acepta.");

    /// <summary>The refusal for content of this kind (null: none we accept) under this name, or null if they agree.</summary>
    public static StoredFileResult? CheckKind(FileKind? kind, string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (kind is { } detected)
        {
            if (FileKinds.Matches(detected, extension))
            {
                return null;
            }
            return extension.Length == 0
                ? StoredFileResult.Refused(UploadRefusal.ExtensionMismatch,
                    $"El nombre del archivo no tiene extensión; para este contenido se espera {FileKinds.ExtensionsOf(detected)[0]}.")
                : ExtensionMismatch(extension);
        }
        if (FileKinds.Matches(FileKind.Text, extension))
        {
            return StoredFileResult.Refused(UploadRefusal.NotUtf8Text,
                $"Los archivos {extension} deben ser texto codificado en UTF-8; guárdelo con esa codificación e inténtelo de nuevo.");
        }
        // A name that claims an accepted kind gets the more precise message (an executable renamed .pdf).
        return FileKinds.AllowedExtensions.Contains(extension)
            ? ExtensionMismatch(extension)
            : StoredFileResult.Refused(UploadRefusal.UnknownContent,
                "El contenido del archivo no corresponde a un PDF, imagen o documento de oficina permitido.");
    }

    private static StoredFileResult ExtensionMismatch(string extension)
        => StoredFileResult.Refused(UploadRefusal.ExtensionMismatch, $"La extensión {extension} no corresponde al contenido del archivo.");
}
