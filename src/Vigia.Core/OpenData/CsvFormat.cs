using System.Text;

namespace Vigia.Core.OpenData;

/// <summary>RFC 4180 CSV: comma separated, CRLF rows, fields quoted when they hold a comma, quote or line break.</summary>
public static class CsvFormat
{
    public static async Task WriteAsync(TextWriter writer, IEnumerable<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        await writer.WriteAsync(Line(header));
        foreach (var row in rows)
        {
            await writer.WriteAsync(Line(row));
        }
        await writer.FlushAsync();
    }

    private static string Line(IEnumerable<string> cells) => string.Join(',', cells.Select(Escape)) + "\r\n";

    public static string Escape(string value)
    {
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            return value;
        }
        var sb = new StringBuilder(value.Length + 2).Append('"');
        sb.Append(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        return sb.Append('"').ToString();
    }
}
