using Vigia.Core.Compliance;

namespace Vigia.Web.Charts;

/// <summary>Numbers as SVG attributes need them: invariant culture, at most two decimals.</summary>
internal static class Svg
{
    public static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A percentage as people read it here, to one decimal as the official follow-up prints it: "82 %", "23,5 %".</summary>
    public static string Percent(decimal? value) =>
        value is { } v ? SpanishFormat.Percent(Math.Round(v, 1, MidpointRounding.AwayFromZero), 1) : "No aplica";
}

/// <summary>One bar: a label, its percentage (null: "no aplica") and band.</summary>
public sealed record BarItem(string Label, decimal? Percent, ComplianceLevel? Level, string? Href = null);

/// <summary>A horizontal bar chart of percentages (0–100) drawn on the server as SVG, each bar labelled with its
/// figure and band in words, with dashed lines at the band thresholds. Partial: _BarChart.</summary>
public sealed record BarChart(string Id, string Title, string Description, string LabelHeading, IReadOnlyList<BarItem> Items, ComplianceBands Bands)
{
    public const double Width = 800;
    public const double BarWidth = 600;
    public const double RowHeight = 52;
    public const double Top = 28;
    public const int MaxLabelLength = 95;

    public double Height => Top + (Items.Count * RowHeight) + 8;

    public static double BarLength(decimal? percent) => percent is { } p ? (double)Math.Clamp(p, 0, 100) / 100 * BarWidth : 0;

    public double RowY(int index) => Top + (index * RowHeight);

    public static double ThresholdX(int percent) => percent / 100.0 * BarWidth;

    public static string Abbreviate(string label) => label.Length <= MaxLabelLength ? label : label[..(MaxLabelLength - 1)].TrimEnd() + "…";

    public static string Figure(BarItem item) =>
        item.Level is { } level ? $"{Svg.Percent(item.Percent)} · {ComplianceLevels.Name(level)}" : Svg.Percent(item.Percent);

    public static string CssClass(ComplianceLevel? level) => level switch
    {
        ComplianceLevel.High => "bar bar-high",
        ComplianceLevel.Medium => "bar bar-medium",
        ComplianceLevel.Low => "bar bar-low",
        _ => "bar",
    };
}

/// <summary>One line of a <see cref="LineChart"/>: its values by position (null: no point), told apart by its name,
/// dash pattern and marker shape as well as its colour.</summary>
public sealed record LineSeries(string Name, string CssClass, IReadOnlyList<decimal?> Values, bool Dashed, bool SquareMarkers);

/// <summary>A line chart of percentages (0–100) over named positions (months), drawn on the server as SVG. Partial: _LineChart.</summary>
public sealed record LineChart(string Id, string Title, string Description, string PositionHeading, IReadOnlyList<string> Positions,
    IReadOnlyList<string> PositionNames, IReadOnlyList<LineSeries> Series)
{
    public const double Width = 800;
    public const double Height = 380;
    public const double Left = 64;
    public const double Right = 780;
    public const double PlotTop = 56;
    public const double PlotBottom = 330;

    public static readonly int[] Ticks = [0, 20, 40, 60, 80, 100];

    public double X(int index) => Positions.Count <= 1 ? Left : Left + (index * (Right - Left) / (Positions.Count - 1));

    public static double Y(decimal value) => PlotBottom - ((double)Math.Clamp(value, 0, 100) / 100 * (PlotBottom - PlotTop));

    /// <summary>The SVG path of a series, lifting the pen over missing values.</summary>
    public string Path(LineSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var parts = new List<string>();
        var drawing = false;
        for (var i = 0; i < series.Values.Count; i++)
        {
            if (series.Values[i] is not { } v)
            {
                drawing = false;
                continue;
            }
            parts.Add($"{(drawing ? "L" : "M")}{Svg.N(X(i))} {Svg.N(Y(v))}");
            drawing = true;
        }
        return string.Join(" ", parts);
    }

    /// <summary>Index of the last value of a series, where its figure is written; -1 when it has none.</summary>
    public static int LastIndex(LineSeries series) =>
        series is null ? -1 : series.Values.Select((v, i) => (v, i)).Where(x => x.v is not null).Select(x => x.i).DefaultIfEmpty(-1).Max();
}
