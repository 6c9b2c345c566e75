using Vigia.Core.RiskMap;

namespace Vigia.Core.Tests.RiskMap;

public class HeatMapGridTests
{
    [Fact]
    public void Build_CountsRisksPerCell_RowsFromTheHighestProbability()
    {
        var method = RiskMethodTests.Method("dafp-v6");

        var grid = HeatMapGrid.Build(method, [(4, 3), (4, 3), (2, 5)]);

        Assert.Equal(25, grid.Cells.Count);
        Assert.Equal(3, grid.Total);
        Assert.Equal((2, "alto"), (grid.Cell(4, 3).Risks, grid.Cell(4, 3).Zone.Code));
        Assert.Equal((1, "extremo"), (grid.Cell(2, 5).Risks, grid.Cell(2, 5).Zone.Code));
        Assert.Equal(["Muy alta", "Alta", "Media", "Baja", "Muy baja"], grid.Rows.Select(r => r.Name));
        Assert.Equal((5, 1), (grid.Cells[0].Probability, grid.Cells[0].Impact));
    }
}
