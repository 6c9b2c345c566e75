using Vigia.Core.Compliance;
using Vigia.Core.Consolidation;

namespace Vigia.Web.Charts;

/// <summary>One band of <see cref="BandDistributionChart"/>: its name, range in words, plans and share of the scope's plans.</summary>
public sealed record BandRow(ComplianceLevel? Level, string Name, string Range, int Plans, decimal? Share)
{
    public string Label => $"{Name} ({Range})";

    public string Figure => $"{Plans.ToString(CultureInfo.InvariantCulture)} {(Plans == 1 ? "plan" : "planes")} · {Svg.Percent(Share)}";
}

/// <summary>How many plans of a consolidated view fall in each DAFP band, as horizontal bars drawn on the server (SVG),
/// each labelled with the band's word, its range and its count, so colour is never the only clue; the page shows the same
/// figures in a table beside it.</summary>
public sealed record BandDistributionChart(string Title, string Description, IReadOnlyList<BandRow> Rows)
{
    public const double Width = 800;
    public const double BarWidth = 560;
    public const double RowHeight = 52;
    public const double Top = 8;

    public double Height => Top + (Rows.Count * RowHeight) + 8;

    public double RowY(int index) => Top + (index * RowHeight);

    /// <summary>The longest bar is the band with the most plans.</summary>
    public double BarLength(int plans)
    {
        var max = Rows.Max(r => r.Plans);
        return max == 0 ? 0 : (double)plans / max * BarWidth;
    }

    public static BandDistributionChart For(ConsolidatedView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var b = view.Bands;
        var rows = view.Distribution.Select(d => new BandRow(d.Level, d.Level is { } l ? ComplianceLevels.Name(l) : "Sin programación",
                d.Level switch
                {
                    ComplianceLevel.High => $"{b.HighFrom.ToString(CultureInfo.InvariantCulture)} a 100 %",
                    ComplianceLevel.Medium => $"{b.MediumFrom.ToString(CultureInfo.InvariantCulture)} a {(b.HighFrom - 1).ToString(CultureInfo.InvariantCulture)} %",
                    ComplianceLevel.Low => $"0 a {(b.MediumFrom - 1).ToString(CultureInfo.InvariantCulture)} %",
                    _ => "nada programado aún",
                },
                d.Plans, view.Plans == 0 ? null : Math.Round(d.Plans * 100m / view.Plans, 1, MidpointRounding.AwayFromZero)))
            .ToList();
        var description = $"De {view.Plans.ToString(CultureInfo.InvariantCulture)} planes: "
            + string.Join("; ", rows.Select(r => $"{r.Name} ({r.Range}): {r.Plans.ToString(CultureInfo.InvariantCulture)}")) + ".";
        return new BandDistributionChart("Planes por nivel de cumplimiento a la fecha", description, rows);
    }
}
