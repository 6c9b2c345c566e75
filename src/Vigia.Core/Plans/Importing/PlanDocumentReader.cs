using System.Text;
using ClosedXML.Excel;

namespace Vigia.Core.Plans.Importing;

/// <summary>Reads a Plan Anticorrupción y de Atención al Ciudadano document (tab-separated text, as
/// extracted from a PDF of the plan's spreadsheet, or the spreadsheet itself) into a
/// <see cref="ParsedPlan"/> and a list of notes. Both formats are turned into numbered rows of cells
/// and go through the same row pipeline. Bad input never throws: it gives a result without plan and
/// an Error note naming the line; only I/O failures throw.</summary>
public static class PlanDocumentReader
{
    /// <summary>Reads tab-separated text (one table row per line).</summary>
    public static ImportResult ReadText(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var log = new ImportNoteLog("Línea");
        return PlanRowPipeline.Run(TextRowReader.Read(reader), log);
    }

    /// <summary>Reads tab-separated text from a stream: UTF-8 (with or without byte-order mark, or
    /// UTF-16 with its mark); a file that is not valid UTF-8 is read as Windows Latin-1, with a warning.</summary>
    public static ImportResult ReadText(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.ToArray();
        string text;
        var latin1 = false;
        try
        {
            using var reader = new StreamReader(new MemoryStream(bytes), new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
            text = reader.ReadToEnd();
        }
        catch (DecoderFallbackException)
        {
            text = Encoding.Latin1.GetString(bytes);
            latin1 = true;
        }

        using var textReader = new StringReader(text);
        var log = new ImportNoteLog("Línea");
        if (latin1)
        {
            log.Warning(1, "el archivo no está en UTF-8; se leyó como Latin-1 (ISO-8859-1): revise tildes y eñes");
        }

        return PlanRowPipeline.Run(TextRowReader.Read(textReader), log);
    }

    /// <summary>Reads a tab-separated text file.</summary>
    public static ImportResult ReadTextFile(string path)
    {
        using var stream = File.OpenRead(path);
        return ReadText(stream);
    }

    /// <summary>Reads an Excel workbook (.xlsx), choosing its layout by what its sheets hold: the seed's (the sheet
    /// that holds the plan table, row numbers as in Excel) or the DAFP template's (one sheet per component, notes by
    /// sheet and row; <see cref="DafpWorkbookReader"/>). Both go through the same row pipeline.</summary>
    public static ImportResult ReadXlsx(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var log = new ImportNoteLog("Fila");
        XLWorkbook workbook;
        try
        {
            workbook = new XLWorkbook(stream);
        }
        catch (Exception ex) when (ex is not IOException || ex.GetType() != typeof(IOException))
        {
            // ClosedXML and System.IO.Packaging report a file that is not a workbook with a variety of
            // exceptions (some derived from IOException); a plain IOException is a real I/O failure.
            log.Error(1, $"el archivo no es un libro de Excel (.xlsx) legible ({ex.Message})");
            return new ImportResult(null, log.ToList());
        }

        using (workbook)
        {
            XlsxRowReader.Sheet sheet;
            try
            {
                if (DafpWorkbookReader.IsDafpLayout(workbook))
                {
                    return DafpWorkbookReader.Read(workbook);
                }

                sheet = XlsxRowReader.Read(workbook);
            }
            catch (Exception ex) when (ex is not IOException || ex.GetType() != typeof(IOException))
            {
                log.Error(1, $"el libro de Excel no se pudo leer ({ex.Message})");
                return new ImportResult(null, log.ToList());
            }

            if (sheet.IgnoredSheets.Count > 0)
            {
                log.Skipped(1, $"se leyó la hoja «{sheet.Name}»; no se importaron las hojas {string.Join(", ", sheet.IgnoredSheets.Select(s => $"«{s}»"))}");
            }

            return PlanRowPipeline.Run(sheet.Rows, log);
        }
    }

    /// <summary>Reads an Excel workbook file (.xlsx).</summary>
    public static ImportResult ReadXlsxFile(string path)
    {
        using var stream = File.OpenRead(path);
        return ReadXlsx(stream);
    }

    /// <summary>Reads an uploaded document, choosing the reader by the file name's extension:
    /// .xlsx as a workbook, anything else as tab-separated text.</summary>
    public static ImportResult Read(Stream stream, string fileName) =>
        string.Equals(Path.GetExtension(fileName), ".xlsx", StringComparison.OrdinalIgnoreCase) ? ReadXlsx(stream) : ReadText(stream);
}
