namespace Vigia.Core.Plans.Importing;

/// <summary>Turns tab-separated text (what a PDF of a spreadsheet gives when copied or extracted)
/// into numbered rows: one row per line, one cell per tab-separated field.</summary>
internal static class TextRowReader
{
    public static List<SourceRow> Read(TextReader reader)
    {
        var rows = new List<SourceRow>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (number == 1)
            {
                line = line.TrimStart('\uFEFF');
            }

            rows.Add(new SourceRow(number, line.Split('\t').Select(CleanCell).ToArray()));
        }

        return rows;
    }

    private static string CleanCell(string cell) => cell.Replace('\u00A0', ' ').Trim();
}
