using UglyToad.PdfPig;

namespace Vigia.Core.Files;

/// <summary>
/// Proves that content with a PDF signature is a PDF and nothing more: it ends at its last <c>%%EOF</c> (only
/// whitespace may follow, so nothing such as an executable can ride along behind the document) and PdfPig opens it
/// and reads its page tree. Checking the magic bytes alone let <c>%PDF-</c> followed by anything through.
/// </summary>
internal static class PdfCheck
{
    private const int TailBufferSize = 4096;
    private static ReadOnlySpan<byte> EndOfFile => "%%EOF"u8;

    /// <summary>The refusal for this content, or null when it is a well-formed PDF.</summary>
    /// <param name="content">A readable, seekable stream; it is read from the start and may be left anywhere.</param>
    public static StoredFileResult? Check(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!EndsAtEndOfFileMarker(content))
        {
            return UploadMessages.PdfTrailingContent();
        }
        return Opens(content) ? null : UploadMessages.PdfDoesNotOpen();
    }

    /// <summary>Whether the last bytes other than whitespace are <c>%%EOF</c>, which is the same as saying that
    /// nothing but whitespace follows the last <c>%%EOF</c>.</summary>
    internal static bool EndsAtEndOfFileMarker(Stream content)
    {
        var buffer = new byte[TailBufferSize];
        var end = content.Length;
        while (end > 0)
        {
            var start = Math.Max(0, end - buffer.Length);
            var chunk = buffer.AsSpan(0, (int)(end - start));
            content.Position = start;
            content.ReadExactly(chunk);
            var last = chunk.LastIndexOfAnyExcept(" \t\r\n\f"u8);
            if (last >= 0)
            {
                var markerStart = start + last - (EndOfFile.Length - 1);
                if (markerStart < 0)
                {
                    return false;
                }
                var marker = buffer.AsSpan(0, EndOfFile.Length);
                content.Position = markerStart;
                content.ReadExactly(marker);
                return marker.SequenceEqual(EndOfFile);
            }
            end = start;
        }
        return false;
    }

    private static bool Opens(Stream content)
    {
        content.Position = 0;
        try
        {
            using var document = PdfDocument.Open(content);
            return document.NumberOfPages >= 0;
        }
#pragma warning disable CA1031 // A malformed upload may make the parser throw anything; every failure means "not a PDF".
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return false;
        }
    }
}
