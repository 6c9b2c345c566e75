using Vigia.Core.Files;

namespace Vigia.Core.Tests.Files;

public class FileNamesTests
{
    [Theory]
    [InlineData("Informe de avance 3.1.4.pdf", "Informe de avance 3.1.4.pdf")]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData(@"C:\Users\ana\Documentos\acta.pdf", "acta.pdf")]
    [InlineData("/var/www/wwwroot/shell.pdf", "shell.pdf")]
    [InlineData("  acta\u0000 final\u202E.pdf  ", "acta final.pdf")]
    [InlineData("a<b>c:d\"e|f?g*h.docx", "abcdefgh.docx")]
    [InlineData("acta.pdf. . ", "acta.pdf")]
    [InlineData("Resolucio\u0301n.pdf", "Resolución.pdf")]
    public void Only_a_clean_last_segment_is_kept(string sent, string expected)
        => Assert.Equal(expected, FileNames.Sanitize(sent));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("..")]
    [InlineData("../")]
    [InlineData(@"C:\temp\")]
    [InlineData("\u0001\u0002")]
    public void Nothing_usable_gives_null(string sent) => Assert.Null(FileNames.Sanitize(sent));

    [Fact]
    public void Long_names_are_shortened_keeping_the_extension()
    {
        var name = FileNames.Sanitize(new string('x', 400) + ".xlsx");

        Assert.Equal(FileNames.MaxLength, name!.Length);
        Assert.EndsWith("x.xlsx", name, StringComparison.Ordinal);
    }
}
