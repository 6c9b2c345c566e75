using System.Text;

namespace Vigia.Web.Tests.Infrastructure;

/// <summary>Files people upload as evidence.</summary>
public static class TestFiles
{
    /// <summary>The smallest PDF a PDF reader accepts.</summary>
    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Size 3 /Root 1 0 R >>\n%%EOF\n");

    /// <summary>The start of a Windows executable, to be refused whatever its name says.</summary>
    public static readonly byte[] Executable = [.. "MZ"u8, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, .. new byte[50], .. "This program cannot be run in DOS mode."u8];
}
