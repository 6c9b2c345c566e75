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

    /// <summary>Streams rows as they come (for example from a database query), flushing at the end.</summary>
    public static async Task WriteAsync(TextWriter writer, IEnumerable<string> header, IAsyncEnumerable<IReadOnlyList<string>> rows, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rows);
        await writer.WriteAsync(Line(header));
        await foreach (var row in rows.WithCancellation(ct))
        {
            await writer.WriteAsync(Line(row));
        }
        await writer.FlushAsync(ct);
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
