namespace Vigia.Core.Plans.Importing;

/// <summary>Collects the notes of one import. Every message starts with where it happened
/// ("Línea 110: …" for text, "Fila 12: …" for a spreadsheet, "Hoja «Componente 2», fila 14: …" for a
/// workbook in the DAFP template's layout, one sheet per component).</summary>
internal sealed class ImportNoteLog
{
    private readonly List<ImportNote> notes = [];
    private readonly string lineWord;
    private readonly Func<int, (string Prefix, string Reference)>? locate;

    public ImportNoteLog(string lineWord)
    {
        this.lineWord = lineWord;
    }

    /// <summary>A log whose line numbers stand for places the reader names itself (a sheet and its row).</summary>
    /// <param name="locate">For a line: the message's prefix ("Hoja «X», fila 3") and how another message names it
    /// ("fila 3 de la hoja «X»").</param>
    public ImportNoteLog(string lineWord, Func<int, (string Prefix, string Reference)> locate)
    {
        this.lineWord = lineWord;
        this.locate = locate;
    }

    public bool HasErrors => notes.Any(n => n.Kind == ImportNoteKind.Error);

    /// <summary>How a message names another line: "línea 12", "fila 12" or "fila 12 de la hoja «X»".</summary>
    public string At(int line) => locate is null
        ? $"{lineWord.ToLowerInvariant()} {line.ToString(CultureInfo.InvariantCulture)}"
        : locate(line).Reference;

    public void Add(int line, ImportNoteKind kind, string message) =>
        notes.Add(new ImportNote(line, kind, $"{(locate is null ? $"{lineWord} {line.ToString(CultureInfo.InvariantCulture)}" : locate(line).Prefix)}: {message}"));

    public void Skipped(int line, string message) => Add(line, ImportNoteKind.Skipped, message);

    public void Warning(int line, string message) => Add(line, ImportNoteKind.Warning, message);

    public void Error(int line, string message) => Add(line, ImportNoteKind.Error, message);

    public void Inferred(int line, string message) => Add(line, ImportNoteKind.Inferred, message);

    /// <summary>The notes in document order (stable for notes of the same line).</summary>
    public IReadOnlyList<ImportNote> ToList() => notes.OrderBy(n => n.Line).ToList();
}
