using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Vigia.Core.Tests.Files;

/// <summary>Tiny but real files of each kind, built in memory.</summary>
internal static class SampleFiles
{
    public const string WordMain = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    public const string ExcelMain = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    public const string PowerPointMain = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml";
    public const string WordMacroMain = "application/vnd.ms-word.document.macroEnabled.main+xml";

    /// <summary>A sample whose content matches the extension (with the dot).</summary>
    public static byte[] For(string extension) => extension switch
    {
        ".pdf" => Pdf(),
        ".png" => Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="),
        ".jpg" or ".jpeg" => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF"u8, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xD9],
        ".gif" => Convert.FromBase64String("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw=="),
        ".webp" => Convert.FromBase64String("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA=="),
        ".docx" => Ooxml("word/document.xml", WordMain),
        ".xlsx" => Ooxml("xl/workbook.xml", ExcelMain),
        ".pptx" => Ooxml("ppt/presentation.xml", PowerPointMain),
        ".odt" => OpenDocument("application/vnd.oasis.opendocument.text"),
        ".ods" => OpenDocument("application/vnd.oasis.opendocument.spreadsheet"),
        ".odp" => OpenDocument("application/vnd.oasis.opendocument.presentation"),
        ".doc" => CompoundFile("WordDocument", "\u0001CompObj", "\u0005SummaryInformation"),
        ".xls" => CompoundFile("\u0005SummaryInformation", "Workbook"),
        ".ppt" => CompoundFile("Current User", "PowerPoint Document", "Pictures", "\u0005DocumentSummaryInformation", "\u0005SummaryInformation"),
        ".csv" => Encoding.UTF8.GetBytes("acción;responsable;avance\n3.1.4;Subdirección de Gestión Organizacional;100%\n"),
        ".txt" => [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes("Acta de reunión — señalización del trámite.\r\n")],
        _ => throw new ArgumentOutOfRangeException(nameof(extension), extension, null),
    };

    public static byte[] Pdf() => Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
        + "trailer << /Size 3 /Root 1 0 R >>\n%%EOF\n");

    /// <summary>A Windows executable: "MZ", a DOS stub and NUL padding.</summary>
    public static byte[] WindowsExecutable()
        => [.. "MZ"u8, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, .. new byte[50], .. "This program cannot be run in DOS mode."u8];

    public static byte[] LinuxExecutable() => [0x7F, .. "ELF"u8, 0x02, 0x01, 0x01, 0x00, .. new byte[56]];

    /// <summary>An OOXML package: <c>[Content_Types].xml</c> declaring <paramref name="mainPart"/> with
    /// <paramref name="mainType"/>, the package relationships, and the part itself unless left out.</summary>
    public static byte[] Ooxml(string mainPart, string mainType, bool includeMainPart = true)
        => Zip(zip =>
        {
            Add(zip, "[Content_Types].xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + $"<Override PartName=\"/{mainPart}\" ContentType=\"{mainType}\"/></Types>");
            Add(zip, "_rels/.rels",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\""
                + $" Target=\"{mainPart}\"/></Relationships>");
            if (includeMainPart)
            {
                Add(zip, mainPart, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><root>Informe de avance</root>");
            }
        });

    /// <summary>An OpenDocument package: the stored <c>mimetype</c> entry first, as the specification asks.</summary>
    public static byte[] OpenDocument(string mimetype)
        => Zip(zip =>
        {
            Add(zip, "mimetype", mimetype, CompressionLevel.NoCompression);
            Add(zip, "META-INF/manifest.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\"/>");
            Add(zip, "content.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>");
        });

    /// <summary>A plain ZIP with a text file and no office parts.</summary>
    public static byte[] PlainZip() => Zip(zip => Add(zip, "notas.txt", "Sin partes de Word."));

    /// <summary>
    /// An OLE compound file (MS-CFB version 3, 512-byte sectors) whose root holds empty streams with these names.
    /// Sector 0 is the FAT; the directory (four 128-byte entries per sector) follows from sector 1 as one chain.
    /// The root's children are linked through right siblings, which is a valid (if unbalanced) red-black tree.
    /// </summary>
    public static byte[] CompoundFile(params string[] streamNames)
    {
        const uint endOfChain = 0xFFFFFFFE, free = 0xFFFFFFFF, fatSector = 0xFFFFFFFD, noStream = 0xFFFFFFFF;
        var entries = streamNames.Length + 1;
        var directorySectors = (entries + 3) / 4;
        var file = new byte[512 * (2 + directorySectors)];
        var header = file.AsSpan(0, 512);
        byte[] signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        signature.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x18..], 0x3E);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1A..], 3);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1C..], 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1E..], 9);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x20..], 6);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x2C..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x30..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x38..], 4096);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x3C..], endOfChain);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x44..], endOfChain);
        for (var i = 0; i < 109; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(header[(0x4C + (i * 4))..], i == 0 ? 0 : free);
        }

        var fat = file.AsSpan(512, 512);
        for (var i = 0; i < 128; i++)
        {
            var next = i == 0 ? fatSector : i < directorySectors ? (uint)i + 1 : i == directorySectors ? endOfChain : free;
            BinaryPrimitives.WriteUInt32LittleEndian(fat[(i * 4)..], next);
        }

        var directory = file.AsSpan(1024);
        for (var i = 0; i < directorySectors * 4; i++)
        {
            var entry = directory.Slice(i * 128, 128);
            var name = i == 0 ? "Root Entry" : i < entries ? streamNames[i - 1] : "";
            Encoding.Unicode.GetBytes(name).CopyTo(entry);
            BinaryPrimitives.WriteUInt16LittleEndian(entry[0x40..], (ushort)(name.Length == 0 ? 0 : (name.Length + 1) * 2));
            entry[0x42] = (byte)(i == 0 ? 5 : i < entries ? 2 : 0);
            entry[0x43] = 1;
            BinaryPrimitives.WriteUInt32LittleEndian(entry[0x44..], noStream);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[0x48..], i > 0 && i + 1 < entries ? (uint)i + 1 : noStream);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[0x4C..], i == 0 && entries > 1 ? 1 : noStream);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[0x74..], endOfChain);
        }
        return file;
    }

    private static byte[] Zip(Action<ZipArchive> fill)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            fill(zip);
        }
        return buffer.ToArray();
    }

    private static void Add(ZipArchive zip, string name, string content, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, level).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }
}
