using System.Buffers.Binary;
using System.Text;

namespace Vigia.Core.Files;

/// <summary>
/// Reads just enough of an OLE compound file (MS-CFB) to list the streams at its root, which is what tells a Word
/// 97-2003 document (<c>WordDocument</c>) from an Excel workbook (<c>Workbook</c>/<c>Book</c>), a PowerPoint deck
/// (<c>PowerPoint Document</c>) and the other things stored in the same container, such as MSI installers.
/// Every sector number is bounds-checked and every chain is walked at most once, so a crafted file cannot loop.
/// </summary>
internal static class CompoundFile
{
    public static ReadOnlySpan<byte> Signature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private const int HeaderSize = 512;
    private const int DirectoryEntrySize = 128;
    private const int HeaderDifatEntries = 109;
    private const uint MaxRegularSector = 0xFFFFFFFA;
    private const uint NoStream = 0xFFFFFFFF;
    private const byte StorageObject = 1;
    private const byte StreamObject = 2;
    private const byte RootObject = 5;

    public static FileKind? Detect(Stream content)
    {
        try
        {
            var names = RootEntryNames(content);
            if (names is null)
            {
                return null;
            }
            if (names.Contains("WordDocument"))
            {
                return FileKind.Doc;
            }
            if (names.Contains("Workbook") || names.Contains("Book"))
            {
                return FileKind.Xls;
            }
            return names.Contains("PowerPoint Document") ? FileKind.Ppt : null;
        }
        catch (IOException)
        {
            return null;
        }
        finally
        {
            content.Position = 0;
        }
    }

    /// <summary>Names of the storages and streams directly under the root, or null if the file is malformed.</summary>
    internal static HashSet<string>? RootEntryNames(Stream content)
    {
        var header = new byte[HeaderSize];
        content.Position = 0;
        if (content.ReadAtLeast(header, HeaderSize, throwOnEndOfStream: false) < HeaderSize
            || !header.AsSpan().StartsWith(Signature) || U16(header, 0x1C) != 0xFFFE)
        {
            return null;
        }
        var shift = U16(header, 0x1E);
        if (shift is not (9 or 12))
        {
            return null;
        }
        var file = new Sectors(content, 1 << shift);
        var fat = file.FatSectors(header);
        if (fat is null)
        {
            return null;
        }
        var directory = file.ReadChain(U32(header, 0x30), fat);
        return directory is null ? null : RootChildren(directory);
    }

    private static HashSet<string>? RootChildren(byte[] directory)
    {
        var count = directory.Length / DirectoryEntrySize;
        if (count == 0 || directory[0x42] != RootObject)
        {
            return null;
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<uint>();
        var pending = new Stack<uint>([U32(directory, 0x4C)]);
        while (pending.TryPop(out var id))
        {
            if (id == NoStream)
            {
                continue;
            }
            if (id >= count || !seen.Add(id))
            {
                return null;
            }
            var entry = directory.AsSpan((int)id * DirectoryEntrySize, DirectoryEntrySize);
            var nameBytes = BinaryPrimitives.ReadUInt16LittleEndian(entry[0x40..]);
            if (entry[0x42] is StorageObject or StreamObject && nameBytes is >= 2 and <= 64)
            {
                names.Add(Encoding.Unicode.GetString(entry[..(nameBytes - 2)]));
            }
            pending.Push(BinaryPrimitives.ReadUInt32LittleEndian(entry[0x44..]));
            pending.Push(BinaryPrimitives.ReadUInt32LittleEndian(entry[0x48..]));
        }
        return names;
    }

    private static ushort U16(byte[] data, int offset) => BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(offset));

    private static uint U32(byte[] data, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(offset));

    /// <summary>Sector-level access: sector <c>n</c> starts at <c>(n + 1) * size</c>, after the header.</summary>
    private sealed class Sectors(Stream content, int size)
    {
        // A last sector cut short by a careless writer is still read, padded with zeros.
        private readonly long count = ((content.Length + size - 1) / size) - 1;

        /// <summary>The FAT's own sectors: the first 109 are listed in the header, the rest in the DIFAT chain.</summary>
        public List<uint>? FatSectors(byte[] header)
        {
            var fat = new List<uint>();
            for (var i = 0; i < HeaderDifatEntries; i++)
            {
                var sector = U32(header, 0x4C + (i * 4));
                if (sector <= MaxRegularSector)
                {
                    fat.Add(sector);
                }
            }
            var perSector = size / 4;
            var next = U32(header, 0x44);
            var seen = new HashSet<uint>();
            while (next <= MaxRegularSector)
            {
                var difat = ReadSector(next);
                if (difat is null || !seen.Add(next))
                {
                    return null;
                }
                for (var i = 0; i < perSector - 1; i++)
                {
                    var sector = U32(difat, i * 4);
                    if (sector <= MaxRegularSector)
                    {
                        fat.Add(sector);
                    }
                }
                next = U32(difat, (perSector - 1) * 4);
            }
            return fat.All(s => s < count) ? fat : null;
        }

        /// <summary>The bytes of a chain of sectors followed through the FAT, or null if the chain is broken.</summary>
        public byte[]? ReadChain(uint start, List<uint> fat)
        {
            var data = new MemoryStream();
            var seen = new HashSet<uint>();
            var entry = new byte[4];
            for (var sector = start; sector <= MaxRegularSector;)
            {
                var bytes = ReadSector(sector);
                var fatIndex = sector / (uint)(size / 4);
                if (bytes is null || !seen.Add(sector) || fatIndex >= fat.Count)
                {
                    return null;
                }
                data.Write(bytes);
                content.Position = Offset(fat[(int)fatIndex]) + (sector % (size / 4) * 4);
                content.ReadExactly(entry);
                sector = BinaryPrimitives.ReadUInt32LittleEndian(entry);
            }
            return data.ToArray();
        }

        private byte[]? ReadSector(uint sector)
        {
            if (sector >= count)
            {
                return null;
            }
            var bytes = new byte[size];
            content.Position = Offset(sector);
            content.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
            return bytes;
        }

        private long Offset(uint sector) => (sector + 1L) * size;
    }
}
