using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Vigia.Core.Files;

/// <summary>Tells OOXML (docx, xlsx, pptx) and OpenDocument (odt, ods, odp) files apart from any other ZIP.</summary>
internal static class OfficePackage
{
    // Only a few small entries are ever decompressed, each read with a cap, so a ZIP bomb costs nothing.
    private const int MaxXmlBytes = 512 * 1024;
    private const int MaxMimetypeBytes = 128;

    // Only the plain main parts: the macro-enabled and template variants have other content types and are refused.
    // The key is the main part's content type; the folder is where Office and every other producer put that part.
    private static readonly Dictionary<string, (FileKind Kind, string Folder)> OoxmlMainParts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"] = (FileKind.Docx, "word/"),
        ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"] = (FileKind.Xlsx, "xl/"),
        ["application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"] = (FileKind.Pptx, "ppt/"),
    };

    private static readonly Dictionary<string, FileKind> OpenDocumentTypes = new(StringComparer.Ordinal)
    {
        ["application/vnd.oasis.opendocument.text"] = FileKind.Odt,
        ["application/vnd.oasis.opendocument.spreadsheet"] = FileKind.Ods,
        ["application/vnd.oasis.opendocument.presentation"] = FileKind.Odp,
    };

    public static FileKind? Detect(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.GetEntry("mimetype") is { } mimetype)
            {
                var type = ReadCapped(mimetype, MaxMimetypeBytes);
                return type is not null && OpenDocumentTypes.TryGetValue(Encoding.ASCII.GetString(type).Trim(), out var odf) ? odf : null;
            }
            return zip.GetEntry("[Content_Types].xml") is { } contentTypes ? DetectOoxml(zip, contentTypes) : null;
        }
        catch (Exception ex) when (ex is InvalidDataException or XmlException or IOException or NotSupportedException)
        {
            return null;
        }
        finally
        {
            content.Position = 0;
        }
    }

    /// <summary>
    /// The kind of the package's main part, found as OPC does: the <c>officeDocument</c> relationship in
    /// <c>_rels/.rels</c> names the part, and <c>[Content_Types].xml</c> gives its type by an <c>Override</c> or,
    /// failing that, by a <c>Default</c> for its extension (System.IO.Packaging, hence ClosedXML, does the latter).
    /// The part must sit in the kind's folder and really be in the archive.
    /// </summary>
    private static FileKind? DetectOoxml(ZipArchive zip, ZipArchiveEntry contentTypes)
    {
        var part = zip.GetEntry("_rels/.rels") is { } rels ? MainPartName(rels) : null;
        if (part is null || !zip.Entries.Any(e => string.Equals(e.FullName, part, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }
        var type = ContentTypeOf(contentTypes, part);
        return type is not null && OoxmlMainParts.TryGetValue(type, out var main)
            && part.StartsWith(main.Folder, StringComparison.OrdinalIgnoreCase) ? main.Kind : null;
    }

    private static string? MainPartName(ZipArchiveEntry rels)
    {
        string? target = null;
        foreach (var element in Elements(rels, "Relationship"))
        {
            var type = element.GetValueOrDefault("Type") ?? "";
            if (!type.EndsWith("/officeDocument", StringComparison.Ordinal))
            {
                continue;
            }
            if (target is not null || element.GetValueOrDefault("TargetMode") == "External")
            {
                return null;
            }
            target = element.GetValueOrDefault("Target")?.TrimStart('/');
        }
        return target is null || target.Length == 0 || target.Split('/').Contains("..") ? null : target;
    }

    private static string? ContentTypeOf(ZipArchiveEntry contentTypes, string part)
    {
        string? byDefault = null;
        var extension = Path.GetExtension(part).TrimStart('.');
        foreach (var element in Elements(contentTypes, "Override", "Default"))
        {
            if (string.Equals(element.GetValueOrDefault("PartName")?.TrimStart('/'), part, StringComparison.OrdinalIgnoreCase))
            {
                return element.GetValueOrDefault("ContentType");
            }
            if (string.Equals(element.GetValueOrDefault("Extension"), extension, StringComparison.OrdinalIgnoreCase))
            {
                byDefault = element.GetValueOrDefault("ContentType");
            }
        }
        return byDefault;
    }

    /// <summary>The attributes of each element with one of these local names, from a small XML entry.</summary>
    private static List<Dictionary<string, string>> Elements(ZipArchiveEntry entry, params string[] names)
    {
        var xml = ReadCapped(entry, MaxXmlBytes) ?? throw new InvalidDataException($"{entry.FullName} is too large.");
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(new MemoryStream(xml), settings);
        var found = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || !names.Contains(reader.LocalName))
            {
                continue;
            }
            var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
            while (reader.MoveToNextAttribute())
            {
                attributes[reader.LocalName] = reader.Value;
            }
            found.Add(attributes);
        }
        return found;
    }

    private static byte[]? ReadCapped(ZipArchiveEntry entry, int maxBytes)
    {
        using var stream = entry.Open();
        var buffer = new byte[maxBytes + 1];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return read > maxBytes ? null : buffer[..read];
    }
}
