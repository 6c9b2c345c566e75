namespace Vigia.Core.RiskMap;

/// <summary>The risk map's public words.</summary>
public static class RiskMapText
{
    /// <summary>What the numbers of the published map mean, in one sentence (docs/risk-map.md).</summary>
    public const string FigureMeaning = "Cada número del mapa de calor es una cantidad de riesgos: los que quedaron con esa probabilidad y ese impacto, "
        + "antes de los controles (inherente) o después de ellos (residual); la zona de la celda (baja, moderada, alta o extrema) sale del método publicado.";
}

/// <summary>One cell of a drawn heat map: its levels, its zone and how many risks sit in it.</summary>
public sealed record HeatMapCount(int Probability, string ProbabilityName, int Impact, string ImpactName, RiskZoneDefinition Zone, int Risks);

/// <summary>A heat map with the risks counted in each cell, rows from the highest probability down, as the guide
/// draws it. The grid and its colours are those of <see cref="Method"/>; the positions are the risks' stored ones.</summary>
public sealed record HeatMapGrid(RiskMethodDefinition Method, IReadOnlyList<RiskLevel> Rows, IReadOnlyList<RiskLevel> Columns,
    IReadOnlyList<HeatMapCount> Cells)
{
    public int Total => Cells.Sum(c => c.Risks);

    public HeatMapCount Cell(int probability, int impact) => Cells.Single(c => c.Probability == probability && c.Impact == impact);

    public static HeatMapGrid Build(RiskMethodDefinition method, IEnumerable<(int Probability, int Impact)> positions)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(positions);
        var counts = positions.GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());
        var rows = method.ProbabilityLevels.OrderByDescending(l => l.Level).ToList();
        var columns = method.ImpactLevels.OrderBy(l => l.Level).ToList();
        var cells = rows.SelectMany(r => columns.Select(c => new HeatMapCount(r.Level, r.Name, c.Level, c.Name, method.ZoneOf(r.Level, c.Level),
            counts.GetValueOrDefault((r.Level, c.Level))))).ToList();
        return new HeatMapGrid(method, rows, columns, cells);
    }
}
