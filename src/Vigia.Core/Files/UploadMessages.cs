namespace Vigia.Core.Files;

/// <summary>The refusals of an upload, each with the sentence shown to the person who sent it.</summary>
internal static class UploadMessages
{
    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es-CO");

    public static StoredFileResult InvalidName()
        => StoredFileResult.Refused(UploadRefusal.InvalidName, "El nombre del archivo no es válido.");

    public static StoredFileResult Empty()
        => StoredFileResult.Refused(UploadRefusal.Empty, "El archivo está vacío.");

    public static StoredFileResult TooLarge(long maxBytes)
        => StoredFileResult.Refused(UploadRefusal.TooLarge, $"El archivo supera el tamaño máximo de {FormatSize(maxBytes)}.");

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

    /// <summary>A size for people: "10 MB", "1,5 MB", "512 KB", "100 bytes" (binary multiples, as file browsers show).</summary>
    public static string FormatSize(long bytes) => bytes switch
    {
        >= 1024 * 1024 => string.Format(Spanish, "{0:0.#} MB", bytes / (1024d * 1024)),
        >= 1024 => string.Format(Spanish, "{0:0.#} KB", bytes / 1024d),
        _ => string.Format(Spanish, "{0} bytes", bytes),
    };

    private static StoredFileResult ExtensionMismatch(string extension)
        => StoredFileResult.Refused(UploadRefusal.ExtensionMismatch, $"La extensión {extension} no corresponde al contenido del archivo.");
}
