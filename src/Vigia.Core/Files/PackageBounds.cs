using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;

namespace Vigia.Core.Files;

/// <summary>
/// Keeps ZIP bombs out: an office package (OOXML or OpenDocument) is refused when its entries would inflate past
/// <see cref="UploadOptions.MaxUncompressedBytes"/> or their total is more than <see cref="UploadOptions.MaxCompressionRatio"/>
/// times what they take compressed. The sizes in the central directory are checked first, then every entry's raw data is
/// inflated into a small reused buffer, counting, because those sizes are written by the sender and may lie (an entry that
/// inflates past its declared size is refused); nothing inflated is kept.
/// </summary>
internal static class PackageBounds
{
    private const int BufferSize = 80 * 1024;

    /// <summary>The refusal for this package, or null when it is within bounds.</summary>
    /// <param name="content">A readable, seekable stream holding a ZIP; it is left at position 0.</param>
    public static async Task<StoredFileResult?> CheckAsync(Stream content, long maxUncompressedBytes, int maxCompressionRatio,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        content.Position = 0;
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            long declared = 0, compressed = 0;
            foreach (var entry in zip.Entries)
            {
                declared += entry.Length;
                compressed += entry.CompressedLength;
                if (declared > maxUncompressedBytes)
                {
                    return UploadMessages.PackageTooLargeUncompressed(maxUncompressedBytes);
                }
            }
            if (RatioTooHigh(declared, compressed, maxCompressionRatio))
            {
                return UploadMessages.PackageRatioTooHigh(maxCompressionRatio);
            }

            // Not through ZipArchiveEntry.Open: it stops at the size the header declares, so a lying header would hide
            // the rest of the bomb from the count (yet an office program would inflate it all).
            long inflated = 0;
            foreach (var record in CentralDirectory(content))
            {
                long entryInflated = 0;
                await using var stream = OpenRaw(content, record);
                int read;
                while ((read = await stream.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
                {
                    entryInflated += read;
                    inflated += read;
                    if (inflated > maxUncompressedBytes)
                    {
                        return UploadMessages.PackageTooLargeUncompressed(maxUncompressedBytes);
                    }
                    if (entryInflated > record.Uncompressed)
                    {
                        // The entry inflates past the size its header declares: the headers lie.
                        return UploadMessages.PackageDamaged();
                    }
                }
            }
            return RatioTooHigh(inflated, compressed, maxCompressionRatio) ? UploadMessages.PackageRatioTooHigh(maxCompressionRatio) : null;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or NotSupportedException)
        {
            return UploadMessages.PackageDamaged();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            content.Position = 0;
        }
    }

    private readonly record struct Record(ushort Method, long Compressed, long Uncompressed, long LocalHeaderOffset);

    /// <summary>The records of the central directory, read from the bytes (ZIP64 sizes and offsets included).</summary>
    private static List<Record> CentralDirectory(Stream content)
    {
        var length = content.Length;
        var tailLength = (int)Math.Min(length, 22 + ushort.MaxValue);
        var tail = new byte[tailLength];
        content.Position = length - tailLength;
        content.ReadExactly(tail);
        var end = -1;
        for (var i = tailLength - 22; i >= 0 && end < 0; i--)
        {
            end = BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i)) == 0x06054b50 ? i : -1;
        }
        if (end < 0)
        {
            throw new InvalidDataException("No end of central directory.");
        }
        var count = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(end + 10));
        var size = BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(end + 12));
        var offset = BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(end + 16));
        if (count == ushort.MaxValue || size == uint.MaxValue || offset == uint.MaxValue || offset + (long)size > length)
        {
            // A ZIP64 end record: never needed by a file within the upload size limit.
            throw new InvalidDataException("Unsupported central directory.");
        }
        var directory = new byte[size];
        content.Position = offset;
        content.ReadExactly(directory);
        var records = new List<Record>(count);
        var at = 0;
        for (var i = 0; i < count; i++)
        {
            var header = directory.AsSpan(at);
            if (header.Length < 46 || BinaryPrimitives.ReadUInt32LittleEndian(header) != 0x02014b50)
            {
                throw new InvalidDataException("Bad central directory record.");
            }
            var method = BinaryPrimitives.ReadUInt16LittleEndian(header[10..]);
            long compressed = BinaryPrimitives.ReadUInt32LittleEndian(header[20..]);
            long uncompressed = BinaryPrimitives.ReadUInt32LittleEndian(header[24..]);
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(header[28..]);
            int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(header[30..]);
            int commentLength = BinaryPrimitives.ReadUInt16LittleEndian(header[32..]);
            long localOffset = BinaryPrimitives.ReadUInt32LittleEndian(header[42..]);
            if (header.Length < 46 + nameLength + extraLength + commentLength)
            {
                throw new InvalidDataException("Bad central directory record.");
            }
            ReadZip64(header.Slice(46 + nameLength, extraLength), ref uncompressed, ref compressed, ref localOffset);
            records.Add(new Record(method, compressed, uncompressed, localOffset));
            at += 46 + nameLength + extraLength + commentLength;
        }
        return records;
    }

    /// <summary>The ZIP64 extra field holds, in this order, each of these values whose 32-bit field is all ones.</summary>
    private static void ReadZip64(ReadOnlySpan<byte> extra, ref long uncompressed, ref long compressed, ref long localOffset)
    {
        while (extra.Length >= 4)
        {
            var id = BinaryPrimitives.ReadUInt16LittleEndian(extra);
            var dataLength = BinaryPrimitives.ReadUInt16LittleEndian(extra[2..]);
            var data = extra.Slice(4, Math.Min(dataLength, extra.Length - 4));
            if (id == 0x0001)
            {
                uncompressed = Next(ref data, uncompressed);
                compressed = Next(ref data, compressed);
                localOffset = Next(ref data, localOffset);
                return;
            }
            extra = extra[Math.Min(extra.Length, 4 + dataLength)..];
        }

        static long Next(ref ReadOnlySpan<byte> data, long value)
        {
            if (value != uint.MaxValue)
            {
                return value;
            }
            if (data.Length < 8)
            {
                throw new InvalidDataException("Bad ZIP64 field.");
            }
            var read = BinaryPrimitives.ReadInt64LittleEndian(data);
            data = data[8..];
            return read >= 0 ? read : throw new InvalidDataException("Bad ZIP64 field.");
        }
    }

    /// <summary>The entry's data as the sender wrote it, inflated until the deflate stream itself ends.</summary>
    private static Stream OpenRaw(Stream content, Record record)
    {
        var local = new byte[30];
        content.Position = record.LocalHeaderOffset;
        content.ReadExactly(local);
        if (BinaryPrimitives.ReadUInt32LittleEndian(local) != 0x04034b50)
        {
            throw new InvalidDataException("Bad local header.");
        }
        var dataStart = record.LocalHeaderOffset + 30 + BinaryPrimitives.ReadUInt16LittleEndian(local.AsSpan(26))
            + BinaryPrimitives.ReadUInt16LittleEndian(local.AsSpan(28));
        var data = new Window(content, dataStart, Math.Min(record.Compressed, content.Length - dataStart));
        return record.Method switch
        {
            0 => data,
            8 => new DeflateStream(data, CompressionMode.Decompress),
            _ => throw new NotSupportedException("Only stored and deflated entries are expected in office documents."),
        };
    }

    /// <summary>A read-only view of part of the content, so an entry never reads into its neighbours.</summary>
    private sealed class Window(Stream content, long start, long length) : Stream
    {
        private long position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var wanted = (int)Math.Min(count, length - position);
            if (wanted <= 0)
            {
                return 0;
            }
            content.Position = start + position;
            var read = content.Read(buffer, offset, wanted);
            position += read;
            return read;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static bool RatioTooHigh(long uncompressed, long compressed, int maxCompressionRatio)
        => (decimal)uncompressed > (decimal)Math.Max(compressed, 1) * maxCompressionRatio;
}
