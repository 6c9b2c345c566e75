namespace Vigia.Core.Plans.Importing;

/// <summary>A table row with each cell in its named place.</summary>
internal sealed record AlignedRow(
    int Line,
    int Shift,
    bool Unaligned,
    string Code,
    string Activity,
    string Description,
    string Goal,
    IReadOnlyList<string> Months,
    string Deliverable,
    string Formula,
    string Result,
    string Responsible,
    IReadOnlyList<KeyValuePair<string, string>> Others,
    IReadOnlyList<string> Stray)
{
    public bool HasRightBlock => Deliverable.Length > 0 || Formula.Length > 0 || Result.Length > 0 || Responsible.Length > 0;

    public bool HasMonths => Months.Any(m => m.Length > 0);

    /// <summary>The row's content, independent of where its cells were: two rows with the same
    /// signature say the same thing.</summary>
    public string Signature => string.Join('\u001F', new[] { Code, Activity, Description, Goal, Deliverable, Formula, Result, Responsible }
        .Concat(Months).Concat(Others.Select(o => o.Value)).Select(SpanishText.CollapseWhitespace));
}

/// <summary>Puts the cells of a row under the header's columns. PDF extraction keeps the left block
/// (number, activity, description, goal) in place but moves the right block (products, formula,
/// result, responsible) a few cells left or right, because empty month cells are lost or
/// duplicated. The aligner tries every shift of the right block within <see cref="MaxShift"/> and
/// keeps the one under which the row makes sense:
/// <list type="bullet">
/// <item>cells between the goal and the block may only hold month quantities (numbers or "X");</item>
/// <item>nothing may lie beyond the block;</item>
/// <item>penalties: the block's first cell (products) empty while later ones are not (+2), a
/// quantity between the months and the block (+3), a RESULTADO that is not a number (+4);</item>
/// <item>ties go to the previous row's shift, then to the smallest shift.</item>
/// </list>
/// Month quantities are read at the header's month columns, as the left block never moves.</summary>
internal static class RowAligner
{
    public const int MaxShift = 3;

    public static AlignedRow Align(SourceRow row, TableLayout layout, int preferredShift)
    {
        var right = layout.RightColumns;
        var unaligned = false;
        var canShift = right.Count > 0 && layout.Months.All(m => m < right[0]);
        var hasRightCells = row.FilledColumns.Any(c => c > layout.LeftEnd);

        // A row with nothing right of the goal keeps the shift of the rows around it.
        var shift = canShift && !hasRightCells ? preferredShift : 0;
        if (canShift && hasRightCells)
        {
            (int Penalty, int NotPreferred, int Size, int Shift)? best = null;
            for (var s = -MaxShift; s <= MaxShift; s++)
            {
                if (right[0] + s <= layout.LeftEnd || Score(row, layout, right, s) is not { } penalty)
                {
                    continue;
                }

                var candidate = (penalty, s == preferredShift ? 0 : 1, Math.Abs(s), s);
                if (best is null || candidate.CompareTo(best.Value) < 0)
                {
                    best = candidate;
                }
            }

            shift = best?.Shift ?? 0;
            unaligned = best is null;
        }

        var used = new HashSet<int>();
        string At(int column, int offset = 0)
        {
            if (column < 0)
            {
                return "";
            }

            used.Add(column + offset);
            return row.Cell(column + offset);
        }

        var blockStart = right.Count > 0 ? right[0] + shift : int.MaxValue;
        var months = layout.Months.Select(c => c >= 0 && c < blockStart ? At(c) : "").ToList();
        var others = layout.Others.OrderBy(o => o.Key)
            .Select(o => new KeyValuePair<string, string>(o.Value, At(o.Key, o.Key > layout.LeftEnd ? shift : 0)))
            .ToList();
        var aligned = new AlignedRow(
            row.Line,
            shift,
            unaligned,
            At(layout.Code),
            At(layout.Activity),
            At(layout.Description),
            At(layout.Goal),
            months,
            At(layout.Deliverable, shift),
            At(layout.Formula, shift),
            At(layout.Result, shift),
            At(layout.Responsible, shift),
            others,
            row.FilledColumns.Where(c => !used.Contains(c)).Select(row.Cell).ToList());
        return aligned;
    }

    /// <summary>The penalty of reading the right block shifted by <paramref name="shift"/>, or null
    /// when the row cannot be read that way.</summary>
    private static int? Score(SourceRow row, TableLayout layout, IReadOnlyList<int> right, int shift)
    {
        var start = right[0] + shift;
        var end = right[^1] + shift;
        var penalty = 0;
        foreach (var column in row.FilledColumns.Where(c => c > layout.LeftEnd))
        {
            if (column > end)
            {
                return null;
            }

            if (column < start)
            {
                if (!IsMonthValue(row.Cell(column)))
                {
                    return null;
                }

                if (!layout.Months.Contains(column))
                {
                    penalty += 3;
                }
            }
        }

        if (row.Cell(start).Length == 0 && right.Any(c => row.Cell(c + shift).Length > 0))
        {
            penalty += 2;
        }

        if (layout.Result >= 0 && row.Cell(layout.Result + shift) is { Length: > 0 } result && !SpanishNumber.TryParse(result, out _, out _))
        {
            penalty += 4;
        }

        return penalty;
    }

    /// <summary>A month cell's content: a quantity or a mark.</summary>
    public static bool IsMonthValue(string cell) => SpanishNumber.TryParse(cell, out _, out _) || IsMark(cell);

    /// <summary>"X" or a tick: the month is planned, without a quantity.</summary>
    public static bool IsMark(string cell) => cell is "x" or "X" or "✓" or "✔";
}
