using System.Text;

namespace Vigia.Core.Files;

/// <summary>
/// Recognises an accepted <see cref="FileKind"/> from a file's content, never from its name. Images and PDF by their
/// magic bytes; office documents by their container (ZIP or OLE compound file) and what it holds, so that a plain
/// ZIP, a macro-enabled document or an installer (MSI is also a compound file) is not taken for a document.
/// Anything with no signature counts as text only when it is valid UTF-8 with no NUL byte: this refuses binaries
/// and spreadsheets exported in Windows-1252, which would otherwise show garbled accents.
/// </summary>
public static class FileSignature
{
    private const int TextBufferSize = 64 * 1024;

    /// <summary>The kind of file, or null when it is none of the accepted kinds.</summary>
    /// <param name="content">A readable, seekable stream; it is read from the start and may be read to the end.</param>
    public static FileKind? Detect(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanRead || !content.CanSeek)
        {
            throw new ArgumentException("The content must be readable and seekable.", nameof(content));
        }

        var head = new byte[16];
        content.Position = 0;
        var length = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        content.Position = 0;
        return Detect(head.AsSpan(0, length), content);
    }

    private static FileKind? Detect(ReadOnlySpan<byte> head, Stream content)
    {
        if (head.StartsWith("%PDF-"u8))
        {
            return FileKind.Pdf;
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return FileKind.Png;
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return FileKind.Jpeg;
        }
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return FileKind.Gif;
        }
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return FileKind.WebP;
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]))
        {
            return OfficePackage.Detect(content);
        }
        if (head.StartsWith(CompoundFile.Signature))
        {
            return CompoundFile.Detect(content);
        }
        return IsUtf8Text(content) ? FileKind.Text : null;
    }

    private static bool IsUtf8Text(Stream content)
    {
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        var buffer = new byte[TextBufferSize];
        // GetChars, not GetCharCount: only GetChars carries a character split between two reads over to the next.
        var chars = new char[TextBufferSize + 4];
        try
        {
            int read;
            while ((read = content.Read(buffer)) > 0)
            {
                var chunk = buffer.AsSpan(0, read);
                if (chunk.Contains((byte)0))
                {
                    return false;
                }
                decoder.GetChars(chunk, chars, flush: false);
            }
            decoder.GetChars([], chars, flush: true);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        finally
        {
            content.Position = 0;
        }
    }
}
