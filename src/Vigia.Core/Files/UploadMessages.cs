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
