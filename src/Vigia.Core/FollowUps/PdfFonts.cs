using PdfSharp.Fonts;

namespace Vigia.Core.FollowUps;

/// <summary>PDFsharp finds no fonts by itself on Linux: this resolver serves DejaVu Sans Condensed (regular, bold,
/// oblique) from /usr/share/fonts/truetype/dejavu, which covers every Spanish letter. PDFsharp's resolver is
/// global to the process, so it is installed once, and only if nobody installed one before.</summary>
public sealed class PdfFonts : IFontResolver
{
    public const string Family = "Vigia Sans";

    private const string Folder = "/usr/share/fonts/truetype/dejavu";
    private static readonly Lock Gate = new();

    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is null)
            {
                GlobalFontSettings.FontResolver = new PdfFonts();
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        var face = (bold, italic) switch
        {
            (true, true) => "DejaVuSansCondensed-BoldOblique",
            (true, false) => "DejaVuSansCondensed-Bold",
            (false, true) => "DejaVuSansCondensed-Oblique",
            _ => "DejaVuSansCondensed",
        };
        return new FontResolverInfo(face);
    }

    public byte[]? GetFont(string faceName)
    {
        var path = Path.Combine(Folder, faceName + ".ttf");
        return File.Exists(path)
            ? File.ReadAllBytes(path)
            : throw new FileNotFoundException($"Falta la fuente {path}: instale el paquete fonts-dejavu-core / fonts-dejavu-extra.", path);
    }
}
