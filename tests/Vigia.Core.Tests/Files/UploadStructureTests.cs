using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.Options;
using Vigia.Core.Files;
using PdfSharpDocument = PdfSharp.Pdf.PdfDocument;

namespace Vigia.Core.Tests.Files;

/// <summary>What the signature alone does not prove: a PDF opens as one and ends at its <c>%%EOF</c>, and an office
/// package inflates within the configured size and ratio.</summary>
public sealed class UploadStructureTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 15, 30, 0, ColombianTime.Offset);
    private readonly string baseDirectory = Path.Combine(Path.GetTempPath(), "vigia-tests", Guid.NewGuid().ToString("N"));

    private string Root => Path.Combine(baseDirectory, "uploads");

    public void Dispose()
    {
        if (Directory.Exists(baseDirectory))
        {
            Directory.Delete(baseDirectory, recursive: true);
        }
    }

    private LocalFileStore Store(long maxUncompressedBytes = UploadOptions.DefaultMaxUncompressedBytes,
        int maxCompressionRatio = UploadOptions.DefaultMaxCompressionRatio)
        => new(Options.Create(new UploadOptions
        {
            Root = Root,
            MaxUncompressedBytes = maxUncompressedBytes,
            MaxCompressionRatio = maxCompressionRatio,
        }), new FixedClock(Now));

    private string[] FilesUnderRoot()
        => Directory.Exists(Root) ? Directory.GetFiles(Root, "*", SearchOption.AllDirectories) : [];

    private static byte[] RealPdf()
    {
        using var document = new PdfSharpDocument();
        document.Info.Title = "Acta de socialización";
        document.AddPage();
        using var buffer = new MemoryStream();
        document.Save(buffer, closeStream: false);
        return buffer.ToArray();
    }

    [Fact]
    public async Task A_real_pdf_written_by_PDFsharp_is_accepted()
    {
        var result = await Store().SaveAsync(new MemoryStream(RealPdf()), "acta.pdf");

        Assert.True(result.Succeeded, result.ErrorMessage);
        Assert.Equal("application/pdf", result.File.ContentType);
    }

    [Fact]
    public async Task A_pdf_followed_by_whitespace_is_accepted()
    {
        var result = await Store().SaveAsync(new MemoryStream([.. RealPdf(), .. "\r\n  \t\n\f"u8]), "acta.pdf");

        Assert.True(result.Succeeded, result.ErrorMessage);
    }

    public static TheoryData<string, byte[]> TrailingContent => new()
    {
        { "a PDF signature followed by an executable", [.. "%PDF-1.7\n"u8, .. SampleFiles.WindowsExecutable()] },
        { "a PDF signature followed by an ELF executable", [.. "%PDF-1.7\n"u8, .. SampleFiles.LinuxExecutable()] },
        { "a real PDF followed by NUL padding", [.. RealPdf(), .. new byte[16]] },
        { "a real PDF followed by an executable", [.. RealPdf(), .. SampleFiles.WindowsExecutable()] },
        { "a real PDF followed by text", [.. RealPdf(), .. "<script>alert(1)</script>\n"u8] },
    };

    [Theory]
    [MemberData(nameof(TrailingContent))]
    public async Task Content_after_the_last_end_of_file_marker_is_refused(string what, byte[] content)
    {
        var result = await Store().SaveAsync(new MemoryStream(content), "informe.pdf");

        Assert.False(result.Succeeded, what);
        Assert.Equal(UploadRefusal.InvalidPdf, result.Refusal);
        Assert.Equal("El archivo PDF tiene contenido adicional después de su final (%%EOF) y no se acepta. "
            + "Guárdelo de nuevo desde el programa que lo creó e inténtelo otra vez.", result.ErrorMessage);
        Assert.Empty(FilesUnderRoot());
    }

    [Fact]
    public async Task A_pdf_signature_and_end_marker_around_garbage_is_refused_as_not_opening()
    {
        byte[] content = [.. "%PDF-1.7\n"u8, .. SampleFiles.WindowsExecutable(), .. "\n%%EOF\n"u8];

        var result = await Store().SaveAsync(new MemoryStream(content), "informe.pdf");

        Assert.Equal(UploadRefusal.InvalidPdf, result.Refusal);
        Assert.Equal("El archivo no es un PDF válido: no se pudo abrir como documento PDF. Guárdelo de nuevo como PDF e inténtelo otra vez.",
            result.ErrorMessage);
        Assert.Empty(FilesUnderRoot());
    }

    [Theory]
    [InlineData(".docx", "acta.docx")]
    [InlineData(".xlsx", "matriz.xlsx")]
    [InlineData(".pptx", "charla.pptx")]
    [InlineData(".odt", "acta.odt")]
    public async Task A_normal_office_package_is_accepted_within_the_default_limits(string extension, string fileName)
    {
        var result = await Store().SaveAsync(new MemoryStream(SampleFiles.For(extension)), fileName);

        Assert.True(result.Succeeded, result.ErrorMessage);
    }

    [Fact]
    public async Task A_docx_whose_document_inflates_to_200_MB_is_refused_by_size()
    {
        var path = WriteDocx("bomba.docx", documentZeros: 200L * 1024 * 1024);
        Assert.True(new FileInfo(path).Length < 1024 * 1024, "the bomb itself must stay small");

        StoredFileResult result;
        await using (var bomb = File.OpenRead(path))
        {
            result = await Store().SaveAsync(bomb, "bomba.docx");
        }

        Assert.Equal(UploadRefusal.PackageOutOfBounds, result.Refusal);
        Assert.Equal("El documento de oficina ocupa más de 100 MB al descomprimirse y no se acepta; divídalo o reduzca su contenido.",
            result.ErrorMessage);
        Assert.Empty(FilesUnderRoot());
    }

    [Fact]
    public async Task A_small_docx_with_an_abnormal_compression_ratio_is_refused_by_ratio()
    {
        var path = WriteDocx("comprimido.docx", documentZeros: 1024 * 1024);

        StoredFileResult result;
        await using (var package = File.OpenRead(path))
        {
            result = await Store(maxCompressionRatio: 50).SaveAsync(package, "comprimido.docx");
        }

        Assert.Equal(UploadRefusal.PackageOutOfBounds, result.Refusal);
        Assert.Equal("El documento de oficina está comprimido de forma anormal (más de 50 a 1) y no se acepta.", result.ErrorMessage);
        Assert.Empty(FilesUnderRoot());
    }

    [Fact]
    public async Task A_docx_whose_headers_understate_its_size_is_refused_while_inflating()
    {
        // 4 MiB of zeros declared as 1 KiB in both the local header and the central directory: the declared sizes pass
        // every limit, only counting while inflating finds the lie.
        var path = WriteDocx("mentiroso.docx", documentZeros: 4 * 1024 * 1024);
        var bytes = await File.ReadAllBytesAsync(path);
        DeclareUncompressedSize(bytes, "word/document.xml", 1024);

        var result = await Store(maxUncompressedBytes: 1024 * 1024, maxCompressionRatio: 1000).SaveAsync(new MemoryStream(bytes), "mentiroso.docx");

        Assert.False(result.Succeeded);
        Assert.Equal(UploadRefusal.PackageOutOfBounds, result.Refusal);
        Assert.Empty(FilesUnderRoot());
    }

    [Fact]
    public async Task The_same_docx_is_accepted_when_the_limits_allow_it()
    {
        var path = WriteDocx("comprimido.docx", documentZeros: 64 * 1024);

        StoredFileResult result;
        await using (var package = File.OpenRead(path))
        {
            result = await Store(maxCompressionRatio: 10_000).SaveAsync(package, "comprimido.docx");
        }

        Assert.True(result.Succeeded, result.ErrorMessage);
    }

    /// <summary>A DOCX whose <c>word/document.xml</c> is this many zero bytes, streamed into the archive on disk so that
    /// neither the inflated nor the compressed content is ever held in memory whole.</summary>
    private string WriteDocx(string name, long documentZeros)
    {
        Directory.CreateDirectory(baseDirectory);
        var path = Path.Combine(baseDirectory, name);
        using (var file = File.Create(path))
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        {
            var template = new ZipArchive(new MemoryStream(SampleFiles.Ooxml("word/document.xml", SampleFiles.WordMain, includeMainPart: false)));
            foreach (var entry in template.Entries)
            {
                using var source = entry.Open();
                using var target = zip.CreateEntry(entry.FullName).Open();
                source.CopyTo(target);
            }
            using var document = zip.CreateEntry("word/document.xml", CompressionLevel.Optimal).Open();
            var zeros = new byte[1024 * 1024];
            for (long written = 0; written < documentZeros; written += zeros.Length)
            {
                document.Write(zeros, 0, (int)Math.Min(zeros.Length, documentZeros - written));
            }
        }
        return path;
    }

    /// <summary>Overwrites the uncompressed size of an entry in its local header and its central directory record.</summary>
    private static void DeclareUncompressedSize(byte[] zip, string entryName, uint size)
    {
        var name = Encoding.UTF8.GetBytes(entryName);
        var patched = 0;
        for (var i = 0; i + 46 < zip.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(i));
            if (signature == 0x04034b50 && zip.AsSpan(i + 30, name.Length).SequenceEqual(name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(i + 22), size);
                patched++;
            }
            else if (signature == 0x02014b50 && zip.AsSpan(i + 46, name.Length).SequenceEqual(name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(i + 24), size);
                patched++;
            }
        }
        Assert.Equal(2, patched);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
