namespace Vigia.Core.Plans.Importing;

/// <summary>Collects the notes of one import. Every message starts with where it happened
/// ("Línea 110: …" for text, "Fila 12: …" for a spreadsheet).</summary>
internal sealed class ImportNoteLog(string lineWord)
{
    private readonly List<ImportNote> notes = [];

    public bool HasErrors => notes.Any(n => n.Kind == ImportNoteKind.Error);

    /// <summary>"línea" or "fila", for messages that name another line.</summary>
    public string LineWordLower { get; } = lineWord.ToLowerInvariant();

    public void Add(int line, ImportNoteKind kind, string message) =>
        notes.Add(new ImportNote(line, kind, $"{lineWord} {line}: {message}"));

    public void Skipped(int line, string message) => Add(line, ImportNoteKind.Skipped, message);

    public void Warning(int line, string message) => Add(line, ImportNoteKind.Warning, message);

    public void Error(int line, string message) => Add(line, ImportNoteKind.Error, message);

    public void Inferred(int line, string message) => Add(line, ImportNoteKind.Inferred, message);

    /// <summary>The notes in document order (stable for notes of the same line).</summary>
    public IReadOnlyList<ImportNote> ToList() => notes.OrderBy(n => n.Line).ToList();
}
