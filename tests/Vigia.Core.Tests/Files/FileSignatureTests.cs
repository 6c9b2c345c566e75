using System.Text;
using Vigia.Core.Files;

namespace Vigia.Core.Tests.Files;

public class FileSignatureTests
{
    private static FileKind? Detect(byte[] content) => FileSignature.Detect(new MemoryStream(content));

    [Theory]
    [InlineData(".pdf", FileKind.Pdf)]
    [InlineData(".png", FileKind.Png)]
    [InlineData(".jpg", FileKind.Jpeg)]
    [InlineData(".gif", FileKind.Gif)]
    [InlineData(".webp", FileKind.WebP)]
    [InlineData(".docx", FileKind.Docx)]
    [InlineData(".xlsx", FileKind.Xlsx)]
    [InlineData(".pptx", FileKind.Pptx)]
    [InlineData(".odt", FileKind.Odt)]
    [InlineData(".ods", FileKind.Ods)]
    [InlineData(".odp", FileKind.Odp)]
    [InlineData(".doc", FileKind.Doc)]
    [InlineData(".xls", FileKind.Xls)]
    [InlineData(".ppt", FileKind.Ppt)]
    [InlineData(".csv", FileKind.Text)]
    [InlineData(".txt", FileKind.Text)]
    public void Each_accepted_kind_is_recognised_from_its_content(string extension, FileKind expected)
        => Assert.Equal(expected, Detect(SampleFiles.For(extension)));

    [Fact]
    public void Workbook_written_by_ClosedXML_is_an_xlsx()
    {
        using var workbook = new ClosedXML.Excel.XLWorkbook();
        workbook.AddWorksheet("Avance").Cell(1, 1).Value = "Acción 3.1.4";
        using var file = new MemoryStream();
        workbook.SaveAs(file);

        Assert.Equal(FileKind.Xlsx, FileSignature.Detect(file));
    }

    [Fact]
    public void Excel_5_workbooks_name_their_stream_Book()
        => Assert.Equal(FileKind.Xls, Detect(SampleFiles.CompoundFile("Book")));

    public static TheoryData<string, byte[]> NotAccepted => new()
    {
        { "Windows executable", SampleFiles.WindowsExecutable() },
        { "Linux executable", SampleFiles.LinuxExecutable() },
        { "plain ZIP", SampleFiles.PlainZip() },
        { "OOXML package without its main part", SampleFiles.Ooxml("word/document.xml", SampleFiles.WordMain, includeMainPart: false) },
        { "Word main part outside word/", SampleFiles.Ooxml("xl/document.xml", SampleFiles.WordMain) },
        { "macro-enabled Word document", SampleFiles.Ooxml("word/document.xml", SampleFiles.WordMacroMain) },
        { "OpenDocument drawing", SampleFiles.OpenDocument("application/vnd.oasis.opendocument.graphics") },
        { "compound file without an office stream (e.g. an installer)", SampleFiles.CompoundFile("\u0005SummaryInformation", "Binary") },
        { "truncated compound file", SampleFiles.CompoundFile("WordDocument")[..600] },
        { "ZIP header and nothing else", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00] },
        { "Windows-1252 text", Encoding.Latin1.GetBytes("acción;año\n") },
        { "text with a NUL byte", Encoding.UTF8.GetBytes("informe\0final") },
        { "text cut in the middle of a character", Encoding.UTF8.GetBytes("reunión de seguimiento ñ")[..^1] },
    };

    [Theory]
    [MemberData(nameof(NotAccepted))]
    public void Content_of_no_accepted_kind_is_not_recognised(string what, byte[] content)
        => Assert.True(Detect(content) is null, $"{what} was recognised as {Detect(content)}");

    [Fact]
    public void Compound_file_whose_directory_loops_is_not_recognised()
    {
        var file = SampleFiles.CompoundFile("Workbook");
        file[512 + 4] = 1; // FAT entry of directory sector 1 points back to itself
        file[512 + 5] = file[512 + 6] = file[512 + 7] = 0;

        Assert.Null(Detect(file));
    }

    [Fact]
    public void Utf8_split_across_read_buffers_is_still_text()
    {
        var text = new string('a', (64 * 1024) - 1) + "ñandú";

        Assert.Equal(FileKind.Text, Detect(Encoding.UTF8.GetBytes(text)));
    }

    [Theory]
    [InlineData(FileKind.Text, ".csv", "text/csv; charset=utf-8")]
    [InlineData(FileKind.Text, ".TXT", "text/plain; charset=utf-8")]
    [InlineData(FileKind.Jpeg, ".jpeg", "image/jpeg")]
    [InlineData(FileKind.Docx, ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    public void Content_type_follows_the_kind(FileKind kind, string extension, string expected)
        => Assert.Equal(expected, FileKinds.ContentTypeOf(kind, extension));
}
