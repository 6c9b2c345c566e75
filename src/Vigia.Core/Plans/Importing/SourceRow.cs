namespace Vigia.Core.Plans.Importing;

/// <summary>One row of a plan document as the readers see it: its 1-based line (text) or row
/// (spreadsheet) number and its cells, trimmed, left to right.</summary>
internal sealed record SourceRow(int Line, IReadOnlyList<string> Cells)
{
    /// <summary>The cell at a 0-based column, or "" past the end of the row.</summary>
    public string Cell(int column) => column >= 0 && column < Cells.Count ? Cells[column] : "";

    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);

    /// <summary>The 0-based columns that hold text.</summary>
    public IEnumerable<int> FilledColumns => Enumerable.Range(0, Cells.Count).Where(i => !string.IsNullOrWhiteSpace(Cells[i]));

    /// <summary>The filled cells joined by one space: how the row reads as a line of text.</summary>
    public string Text => string.Join(' ', Cells.Where(c => !string.IsNullOrWhiteSpace(c)));
}
