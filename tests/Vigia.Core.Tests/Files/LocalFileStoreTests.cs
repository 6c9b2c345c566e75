using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Vigia.Core.Files;

namespace Vigia.Core.Tests.Files;

public sealed class LocalFileStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 15, 30, 0, ColombianTime.Offset);
    private readonly string baseDirectory = Path.Combine(Path.GetTempPath(), "vigia-tests", Guid.NewGuid().ToString("N"));

    private string Root => Path.Combine(baseDirectory, "data", "uploads");

    public void Dispose()
    {
        if (Directory.Exists(baseDirectory))
        {
            Directory.Delete(baseDirectory, recursive: true);
        }
    }

    private LocalFileStore Store(long maxBytes = UploadOptions.DefaultMaxBytes)
        => new(Options.Create(new UploadOptions { Root = Root, MaxBytes = maxBytes }), new FixedClock(Now));

    private string[] FilesUnderRoot()
        => Directory.Exists(Root) ? Directory.GetFiles(Root, "*", SearchOption.AllDirectories) : [];

    [Theory]
    [InlineData("Informe.pdf", "application/pdf")]
    [InlineData("foto.png", "image/png")]
    [InlineData("foto.jpg", "image/jpeg")]
    [InlineData("foto.JPEG", "image/jpeg")]
    [InlineData("animación.gif", "image/gif")]
    [InlineData("captura.webp", "image/webp")]
    [InlineData("acta.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("matriz.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("socialización.pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation")]
    [InlineData("acta.odt", "application/vnd.oasis.opendocument.text")]
    [InlineData("matriz.ods", "application/vnd.oasis.opendocument.spreadsheet")]
    [InlineData("charla.odp", "application/vnd.oasis.opendocument.presentation")]
    [InlineData("oficio.doc", "application/msword")]
    [InlineData("matriz.xls", "application/vnd.ms-excel")]
    [InlineData("charla.ppt", "application/vnd.ms-powerpoint")]
    [InlineData("avance.csv", "text/csv; charset=utf-8")]
    [InlineData("notas.txt", "text/plain; charset=utf-8")]
    public async Task Each_accepted_kind_is_stored_with_its_detected_content_type(string fileName, string contentType)
    {
        var content = SampleFiles.For(Path.GetExtension(fileName).ToLowerInvariant());

        var result = await Store().SaveAsync(new MemoryStream(content), fileName);

        Assert.True(result.Succeeded, result.ErrorMessage);
        Assert.Equal(fileName, result.File.FileName);
        Assert.Equal(contentType, result.File.ContentType);
        Assert.Equal(content.Length, result.File.Length);
    }

    [Fact]
    public async Task Stored_file_has_its_sha256_and_the_same_bytes()
    {
        var content = SampleFiles.For(".docx");
        var store = Store();

        var result = await store.SaveAsync(new MemoryStream(content), "acta.docx");

        Assert.True(result.Succeeded, result.ErrorMessage);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), result.File.Sha256);
        await using var stored = await store.OpenReadAsync(result.File.StorageKey);
        using var copy = new MemoryStream();
        await stored.CopyToAsync(copy);
        Assert.Equal(content, copy.ToArray());
    }

    [Fact]
    public async Task File_lands_under_the_configured_root_outside_wwwroot_with_a_generated_name()
    {
        var result = await Store().SaveAsync(new MemoryStream(SampleFiles.Pdf()), "../../wwwroot/Informe final.pdf");

        Assert.True(result.Succeeded, result.ErrorMessage);
        Assert.Matches("^2026/11/[0-9a-f]{32}$", result.File.StorageKey);
        Assert.Equal("Informe final.pdf", result.File.FileName);
        var onDisk = Assert.Single(FilesUnderRoot());
        Assert.Equal(Path.Combine(Root, "2026", "11", result.File.StorageKey[8..]), onDisk);
        Assert.False(UploadOptions.IsInsideWebRoot(onDisk));
        Assert.DoesNotContain("Informe", onDisk, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_uploads_with_the_same_name_get_different_keys()
    {
        var store = Store();

        var first = await store.SaveAsync(new MemoryStream(SampleFiles.Pdf()), "acta.pdf");
        var second = await store.SaveAsync(new MemoryStream(SampleFiles.Pdf()), "acta.pdf");

        Assert.NotEqual(first.File!.StorageKey, second.File!.StorageKey);
        Assert.Equal(2, FilesUnderRoot().Length);
    }

    public static TheoryData<string, byte[], UploadRefusal, string> Refusals => new()
    {
        { "vacío.pdf", [], UploadRefusal.Empty, "El archivo está vacío." },
        { "setup.pdf", SampleFiles.WindowsExecutable(), UploadRefusal.ExtensionMismatch, "La extensión .pdf no corresponde al contenido del archivo." },
        { "programa.pdf", SampleFiles.LinuxExecutable(), UploadRefusal.ExtensionMismatch, "La extensión .pdf no corresponde al contenido del archivo." },
        { "acta.docx", SampleFiles.PlainZip(), UploadRefusal.ExtensionMismatch, "La extensión .docx no corresponde al contenido del archivo." },
        { "acta.docx", SampleFiles.Ooxml("word/document.xml", SampleFiles.WordMacroMain), UploadRefusal.ExtensionMismatch, "La extensión .docx no corresponde al contenido del archivo." },
        { "matriz.xlsx", SampleFiles.For(".docx"), UploadRefusal.ExtensionMismatch, "La extensión .xlsx no corresponde al contenido del archivo." },
        { "oficio.doc", SampleFiles.For(".xls"), UploadRefusal.ExtensionMismatch, "La extensión .doc no corresponde al contenido del archivo." },
        { "foto.png", SampleFiles.Pdf(), UploadRefusal.ExtensionMismatch, "La extensión .png no corresponde al contenido del archivo." },
        { "informe", SampleFiles.Pdf(), UploadRefusal.ExtensionMismatch, "El nombre del archivo no tiene extensión; para este contenido se espera .pdf." },
        { "setup.exe", SampleFiles.WindowsExecutable(), UploadRefusal.UnknownContent, "El contenido del archivo no corresponde a un PDF, imagen o documento de oficina permitido." },
        { "datos.zip", SampleFiles.PlainZip(), UploadRefusal.UnknownContent, "El contenido del archivo no corresponde a un PDF, imagen o documento de oficina permitido." },
        { "script.sh", Encoding.UTF8.GetBytes("#!/bin/sh\nrm -rf /\n"), UploadRefusal.ExtensionMismatch, "La extensión .sh no corresponde al contenido del archivo." },
        { "avance.csv", Encoding.Latin1.GetBytes("acción;año\n"), UploadRefusal.NotUtf8Text, "Los archivos .csv deben ser texto codificado en UTF-8; guárdelo con esa codificación e inténtelo de nuevo." },
        { "..", SampleFiles.Pdf(), UploadRefusal.InvalidName, "El nombre del archivo no es válido." },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Bad_evidence_is_refused_with_a_clear_message_and_leaves_nothing_behind(
        string fileName, byte[] content, UploadRefusal refusal, string message)
    {
        var result = await Store().SaveAsync(new MemoryStream(content), fileName);

        Assert.False(result.Succeeded);
        Assert.Null(result.File);
        Assert.Equal(refusal, result.Refusal);
        Assert.Equal(message, result.ErrorMessage);
        Assert.Empty(FilesUnderRoot());
    }

    [Fact]
    public async Task Too_large_file_is_refused_naming_the_limit_and_leaves_nothing_behind()
    {
        var result = await Store().SaveAsync(new MemoryStream(new byte[UploadOptions.DefaultMaxBytes + 1]), "escaneo.pdf");

        Assert.Equal(UploadRefusal.TooLarge, result.Refusal);
        Assert.Equal("El archivo supera el tamaño máximo de 10 MB.", result.ErrorMessage);
        Assert.Empty(FilesUnderRoot());
    }

    [Fact]
    public async Task A_file_of_exactly_the_limit_is_accepted()
    {
        var content = SampleFiles.Pdf();

        var result = await Store(maxBytes: content.Length).SaveAsync(new MemoryStream(content), "acta.pdf");

        Assert.True(result.Succeeded, result.ErrorMessage);
    }

    [Fact]
    public async Task An_endless_upload_is_read_only_one_byte_past_the_limit()
    {
        var endless = new EndlessPdfStream();

        var result = await Store(maxBytes: 1536).SaveAsync(endless, "infinito.pdf");

        Assert.Equal("El archivo supera el tamaño máximo de 1,5 KB.", result.ErrorMessage);
        Assert.Equal(1537, endless.BytesRead);
        Assert.Empty(FilesUnderRoot());
    }

    [Fact]
    public async Task A_cancelled_upload_leaves_nothing_behind()
    {
        using var cancellation = new CancellationTokenSource();
        var endless = new EndlessPdfStream { AfterRead = cancellation.Cancel };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Store().SaveAsync(endless, "acta.pdf", cancellation.Token));

        Assert.Empty(FilesUnderRoot());
    }

    [Theory]
    [InlineData("../secreto.txt")]
    [InlineData("2026/11/../../../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData(@"2026\11\0123456789abcdef0123456789abcdef")]
    [InlineData("2026/11/0123456789abcdef0123456789abcdef/..")]
    [InlineData("2026/11/0123456789ABCDEF0123456789ABCDEF")]
    [InlineData("")]
    public async Task Keys_that_are_not_generated_ones_are_rejected(string storageKey)
    {
        var store = Store();

        await Assert.ThrowsAsync<ArgumentException>(() => store.OpenReadAsync(storageKey));
        await Assert.ThrowsAsync<ArgumentException>(() => store.DeleteAsync(storageKey));
    }

    [Fact]
    public async Task Missing_file_is_reported_and_deleted_file_is_gone()
    {
        var store = Store();
        var saved = await store.SaveAsync(new MemoryStream(SampleFiles.Pdf()), "acta.pdf");

        await store.DeleteAsync(saved.File!.StorageKey);

        Assert.Empty(FilesUnderRoot());
        await Assert.ThrowsAsync<FileNotFoundException>(() => store.OpenReadAsync(saved.File.StorageKey));
    }

    [Fact]
    public void Registration_binds_the_section_and_resolves_the_root_against_the_base_directory()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Uploads:MaxBytes"] = "2048" })
            .Build();
        using var services = new ServiceCollection().AddVigiaUploads(configuration, baseDirectory).BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<UploadOptions>>().Value;
        var store = Assert.IsType<LocalFileStore>(services.GetRequiredService<IFileStore>());

        Assert.Equal(2048, options.MaxBytes);
        Assert.Equal(Root, options.Root);
        Assert.Equal(Root, store.Root);
    }

    [Theory]
    [InlineData("wwwroot/uploads")]
    [InlineData("src/Vigia.Web/WWWROOT/evidencias")]
    public void A_root_inside_wwwroot_is_refused_at_startup(string root)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Uploads:Root"] = root })
            .Build();
        using var services = new ServiceCollection().AddVigiaUploads(configuration, baseDirectory).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<UploadOptions>>().Value);

        Assert.Contains("outside wwwroot", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new LocalFileStore(Options.Create(new UploadOptions { Root = root }), new FakeTimeProvider(Now)));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }

    /// <summary>A PDF that never ends, counting what was read from it.</summary>
    private sealed class EndlessPdfStream : Stream
    {
        public long BytesRead { get; private set; }

        public Action? AfterRead { get; init; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var chunk = buffer.AsSpan(offset, count);
            chunk.Fill((byte)' ');
            if (BytesRead == 0)
            {
                "%PDF-1.7\n"u8[..Math.Min(9, count)].CopyTo(chunk);
            }
            BytesRead += count;
            AfterRead?.Invoke();
            return count;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
