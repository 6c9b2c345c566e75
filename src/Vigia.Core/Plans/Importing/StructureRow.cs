using System.Text.RegularExpressions;

namespace Vigia.Core.Plans.Importing;

/// <summary>A component or subcomponent heading row of the table: "1 | Primer Componente: GESTIÓN…",
/// "1.1 | Subcomponente 1: Política…", and the damaged forms PDF extraction produces: number and
/// text in one cell ("4.4 Subcomponente 4: …", "6 Sexto Componente: …"), no number
/// ("Segundo Componente: …"), no ordinal ("1.5 Subcomponente Seguimiento").</summary>
/// <param name="IsComponent">True for a component, false for a subcomponent.</param>
/// <param name="Code">The number written before the heading ("1", "4.4"), if any.</param>
/// <param name="Ordinal">The component's ordinal word ("Segundo"), if any.</param>
/// <param name="OrdinalNumber">The number the ordinal word or "Componente N"/"Subcomponente N" gives, if any.</param>
/// <param name="Name">The text after the heading's colon.</param>
/// <param name="ExtraText">Text in other cells of the row, which a heading should not have.</param>
internal sealed partial record StructureRow(bool IsComponent, string? Code, string? Ordinal, int? OrdinalNumber, string Name, string? ExtraText)
{
    private static readonly string[] Ordinals =
        ["PRIMER", "SEGUND", "TERCER", "CUART", "QUINT", "SEXT", "SEPTIM", "OCTAV", "NOVEN", "DECIM"];

    /// <summary>Recognises a heading in the left block of <paramref name="row"/>; null for any other row.</summary>
    public static StructureRow? TryParse(SourceRow row, TableLayout layout)
    {
        var filled = row.FilledColumns.ToList();
        var leading = filled.Where(c => c <= Math.Max(layout.Code, layout.Activity)).Take(2).ToList();
        if (leading.Count == 0 || leading[0] != filled[0] || row.Cell(layout.Goal).Length > 0)
        {
            return null;
        }

        var text = SpanishText.CollapseWhitespace(string.Join(' ', leading.Select(row.Cell)));
        var match = HeadingPattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var extra = string.Join(" | ", filled.Except(leading).Select(row.Cell));
        var code = match.Groups["code"].Success ? match.Groups["code"].Value : null;
        var isComponent = !match.Groups["sub"].Success;
        string? ordinal = null;
        int? number = null;
        if (match.Groups["num"].Success)
        {
            number = int.Parse(match.Groups["num"].Value, CultureInfo.InvariantCulture);
        }

        if (match.Groups["ord"].Success)
        {
            ordinal = match.Groups["ord"].Value;
            var folded = SpanishText.Fold(ordinal);
            number = Array.FindIndex(Ordinals, o => folded.StartsWith(o, StringComparison.OrdinalIgnoreCase)) + 1;
        }

        return new StructureRow(isComponent, code, ordinal, number, match.Groups["name"].Value.Trim(), extra.Length > 0 ? extra : null);
    }

    [GeneratedRegex(
        @"^(?:(?<code>\d+(?:\.\d+)*)\.?\s+)?(?:(?<ord>primer[oa]?|segund[oa]|tercer[oa]?|cuart[oa]|quint[oa]|sext[oa]|s[eé]ptim[oa]|octav[oa]|noven[oa]|d[eé]cim[oa])\s+)?(?<sub>sub)?componente(?:\s+(?<num>\d+))?\b\s*[:.\-–]?\s*(?<name>.*)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeadingPattern();
}
