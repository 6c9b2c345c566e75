using Vigia.Core.Plans;
using Vigia.Core.Schedule;

namespace Vigia.Core.Tests.Schedule;

public class ScheduleSuggesterTests
{
    private static Dictionary<int, decimal> Suggest(decimal? target, TargetUnit unit = TargetUnit.Count, string goal = "Realizar la acción") =>
        ScheduleSuggester.Suggest(target, unit, goal).Months.OrderBy(m => m.Key).ToDictionary(m => m.Key, m => m.Value);

    private static Dictionary<int, decimal> Ones(params int[] months) => months.ToDictionary(m => m, _ => 1m);

    [Fact]
    public void ElevenMonitorings_OnePerMonthFromFebruaryToDecember()
    {
        var suggestion = ScheduleSuggester.Suggest(11, TargetUnit.Count, "Realizar once (11) monitoreos a los mapas de riesgos de corrupción");

        Assert.Equal(Ones(2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), suggestion.Months.OrderBy(m => m.Key).ToDictionary());
        Assert.Contains("febrero a diciembre", suggestion.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Four_Quarterly()
    {
        var suggestion = ScheduleSuggester.Suggest(4, TargetUnit.Count, "Realizar cuatro (4) seguimientos");

        Assert.Equal(Ones(3, 6, 9, 12), suggestion.Months.OrderBy(m => m.Key).ToDictionary());
        Assert.Contains("trimestre", suggestion.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Three_AtTheInternalControlCutOffs()
    {
        var suggestion = ScheduleSuggester.Suggest(3, TargetUnit.Count, "Realizar tres (3) seguimientos al cumplimiento del PAAC");

        Assert.Equal(Ones(4, 8, 12), suggestion.Months.OrderBy(m => m.Key).ToDictionary());
        Assert.Contains("Control Interno", suggestion.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void HundredPercent_InDecember()
    {
        var suggestion = ScheduleSuggester.Suggest(100, TargetUnit.Percentage, "100% de los mapas de riesgos de corrupción ajustados");

        Assert.Equal(new Dictionary<int, decimal> { [12] = 100 }, suggestion.Months.ToDictionary());
        Assert.Contains("porcentaje", suggestion.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void One_InDecemberWhenTheGoalNamesNoMonth() =>
        Assert.Equal(Ones(12), Suggest(1, goal: "Actualizar (01) política de administración del riesgo de la entidad"));

    [Theory]
    [InlineData("Publicar el plan en enero", 1)]
    [InlineData("Una (1) socialización durante el mes de FEBRERO", 2)]
    [InlineData("Un informe a más tardar en setiembre", 9)]
    [InlineData("Evento de rendición de cuentas (diciembre)", 12)]
    [InlineData("Publicar en marzo y revisar en junio", 3)]
    public void One_InTheMonthTheGoalNames(string goal, int month)
    {
        var suggestion = ScheduleSuggester.Suggest(1, TargetUnit.Count, goal);

        Assert.Equal(Ones(month), suggestion.Months.ToDictionary());
        Assert.Contains("nombra la meta", suggestion.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void One_DoesNotMistakeWordsContainingAMonthForIt() =>
        Assert.Equal(Ones(12), Suggest(1, goal: "Un informe para la mayoría de organismos"));

    [Theory]
    [InlineData(2, new[] { 6, 12 })]
    [InlineData(5, new[] { 3, 5, 8, 10, 12 })]
    [InlineData(6, new[] { 2, 4, 6, 8, 10, 12 })]
    [InlineData(8, new[] { 2, 3, 5, 6, 8, 9, 11, 12 })]
    public void SmallCounts_SpreadEvenlyEndingInDecember(int target, int[] months) => Assert.Equal(Ones(months), Suggest(target));

    [Fact]
    public void Twelve_OneEveryMonth() => Assert.Equal(Ones(Enumerable.Range(1, 12).ToArray()), Suggest(12));

    [Fact]
    public void LargeCount_SpreadEvenlyWithRemainderInTheLastMonths()
    {
        var months = Suggest(5000);

        Assert.Equal(12, months.Count);
        Assert.All(Enumerable.Range(1, 4), m => Assert.Equal(416, months[m]));
        Assert.All(Enumerable.Range(5, 8), m => Assert.Equal(417, months[m]));
        Assert.Equal(5000, months.Values.Sum());
    }

    [Fact]
    public void FiftySix_FourEachAndFiveInTheLastEightMonths()
    {
        var months = Suggest(56);

        Assert.Equal([4, 4, 4, 4, 5, 5, 5, 5, 5, 5, 5, 5], months.Values);
    }

    [Fact]
    public void NonWholeCount_InDecember() => Assert.Equal(new Dictionary<int, decimal> { [12] = 2.5m }, Suggest(2.5m));

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(-3)]
    public void NoTarget_NothingProposed(int? target)
    {
        var suggestion = ScheduleSuggester.Suggest(target, TargetUnit.Count, "Una meta sin número");

        Assert.True(suggestion.IsEmpty);
        Assert.Contains("a mano", suggestion.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(11)]
    [InlineData(13)]
    [InlineData(104)]
    [InlineData(5000)]
    public void WholeCounts_AddUpToTheTarget(int target) => Assert.Equal(target, Suggest(target).Values.Sum());
}
