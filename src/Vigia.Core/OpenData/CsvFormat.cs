using System.Buffers;
using CsvHelper;

namespace Vigia.Core.OpenData;

/// <summary>
/// Every CSV Vigía publishes (open data, the audit trail) goes through here: RFC 4180, comma separated, CRLF after
/// every record, a field quoted only when it holds a comma, a quote or a line break, UTF-8 without a byte order mark.
/// </summary>
/// <remarks>
/// The dialect lives in <see cref="Options"/> alone, so a rule for every file is one change there. Spreadsheet users
/// are protected from formulas (issue 14, OWASP "CSV injection") by <c>Injection = CsvInjection.Escape</c>: a field
/// starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or CR gets a <c>'</c> in front and is quoted. It applies
/// to every cell, since cells arrive as text already formatted (numbers in open data are never negative); a reader
/// gets the original text back with <see cref="Unescape"/>.
/// </remarks>
public static class CsvFormat
{
    public static CsvWriterOptions Options { get; } = CsvWriterOptions.Default with
    {
        Mode = CsvMode.Rfc4180,
        Separator = ',',
        Quoting = CsvQuoting.WhenNeeded,
        NewLine = "\r\n",
        WriteByteOrderMark = false,
        FormatProvider = CultureInfo.InvariantCulture,
        Injection = CsvInjection.Escape,
    };

    private static readonly SearchValues<char> InjectionStarts = SearchValues.Create("=+-@\t\r");

    /// <summary>The text a cell held before <see cref="Options"/> neutralised it: drops the <c>'</c> put in front of a
    /// field that starts like a formula. A field that merely starts with <c>'</c> is left alone.</summary>
    public static string Unescape(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Length >= 2 && field[0] == '\'' && InjectionStarts.Contains(field[1]) ? field[1..] : field;
    }

    public static Task WriteAsync(TextWriter writer, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows,
        CancellationToken ct = default) => WriteAsync(writer, header, rows.ToAsyncEnumerable(), ct);

    /// <summary>Streams rows as they come (for example from a database query), flushing at the end.</summary>
    public static async Task WriteAsync(TextWriter writer, IReadOnlyList<string> header, IAsyncEnumerable<IReadOnlyList<string>> rows,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        await using var csv = CsvWriter.Create(writer, Options, leaveOpen: true);
        await WriteAsync(csv, header, rows, ct);
    }

    /// <summary>Writes UTF-8 (without a byte order mark) straight to a stream, such as a response body.</summary>
    public static async Task WriteAsync(Stream stream, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        await using var csv = CsvWriter.Create(stream, Options, leaveOpen: true);
        await WriteAsync(csv, header, rows.ToAsyncEnumerable(), ct);
    }

    private static async Task WriteAsync(CsvWriter csv, IReadOnlyList<string> header, IAsyncEnumerable<IReadOnlyList<string>> rows,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        await csv.WriteRecordAsync([.. header], ct);
        await foreach (var row in rows.WithCancellation(ct))
        {
            await csv.WriteRecordAsync([.. row], ct);
        }
        await csv.FlushAsync(ct);
    }
}
