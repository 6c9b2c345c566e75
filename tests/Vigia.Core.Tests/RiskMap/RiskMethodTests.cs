using System.Text.Json.Nodes;
using Vigia.Core.RiskMap;

namespace Vigia.Core.Tests.RiskMap;

/// <summary>The shipped methods against regulation.md §2: every heat-map cell, every questionnaire band, the
/// frequency bands, the control weights and the worked residual examples of §2.6.</summary>
public class RiskMethodTests
{
    private static readonly RiskMethodDefinition V5 = Method("dafp-v5");
    private static readonly RiskMethodDefinition V6 = Method("dafp-v6");
    private static readonly RiskMethodDefinition G2015 = Method("dafp-2015");

    internal static RiskMethodDefinition Method(string code) =>
        RiskMethodCatalog.Shipped().Select(RiskMethodDefinition.Parse).Single(m => m.Code == code);

    [Fact]
    public void Shipped_AreTheTwoDafpGuidesAndThe2015Scale_EachAtRevisionOne()
    {
        var methods = RiskMethodCatalog.Shipped().Select(RiskMethodDefinition.Parse).OrderBy(m => m.Code, StringComparer.Ordinal).ToList();

        Assert.Equal(["dafp-2015", "dafp-v5", "dafp-v6"], methods.Select(m => m.Code));
        Assert.All(methods, m => Assert.Equal(1, m.Revision));
    }

    public static TheoryData<int, int, string> V5Cells() => new()
    {
        { 5, 1, "alto" }, { 5, 2, "alto" }, { 5, 3, "alto" }, { 5, 4, "alto" }, { 5, 5, "extremo" },
        { 4, 1, "moderado" }, { 4, 2, "moderado" }, { 4, 3, "alto" }, { 4, 4, "alto" }, { 4, 5, "extremo" },
        { 3, 1, "moderado" }, { 3, 2, "moderado" }, { 3, 3, "moderado" }, { 3, 4, "alto" }, { 3, 5, "extremo" },
        { 2, 1, "bajo" }, { 2, 2, "moderado" }, { 2, 3, "moderado" }, { 2, 4, "alto" }, { 2, 5, "extremo" },
        { 1, 1, "bajo" }, { 1, 2, "bajo" }, { 1, 3, "moderado" }, { 1, 4, "alto" }, { 1, 5, "extremo" },
    };

    [Theory]
    [MemberData(nameof(V5Cells))]
    public void HeatMap_V5AndV6_EveryCellHasTheGuidesZone(int probability, int impact, string zone)
    {
        Assert.Equal(zone, V5.ZoneOf(probability, impact).Code);
        Assert.Equal(zone, V6.ZoneOf(probability, impact).Code);
    }

    [Fact]
    public void HeatMap_V5_HasTwentyFiveCellsAndFourZonesInSpanish()
    {
        Assert.Equal(25, V5.HeatMap.Count);
        Assert.Equal(["Bajo", "Moderado", "Alto", "Extremo"], V5.Zones.OrderBy(z => z.Rank).Select(z => z.Name));
        Assert.Equal(["Muy baja", "Baja", "Media", "Alta", "Muy alta"], V5.ProbabilityLevels.Select(l => l.Name));
        Assert.Equal(["Leve", "Menor", "Moderado", "Mayor", "Catastrófico"], V5.ImpactLevels.Select(l => l.Name));
    }

    public static TheoryData<int, int, string> Cells2015() => new()
    {
        { 1, 3, "baja" }, { 1, 4, "baja" }, { 1, 5, "moderada" },
        { 2, 3, "baja" }, { 2, 4, "moderada" }, { 2, 5, "alta" },
        { 3, 3, "moderada" }, { 3, 4, "alta" }, { 3, 5, "extrema" },
        { 4, 3, "moderada" }, { 4, 4, "alta" }, { 4, 5, "extrema" },
        { 5, 3, "alta" }, { 5, 4, "extrema" }, { 5, 5, "extrema" },
    };

    [Theory]
    [MemberData(nameof(Cells2015))]
    public void HeatMap_2015_EveryCellOfTheFiveByThreeMatrix(int probability, int impact, string zone) =>
        Assert.Equal(zone, G2015.ZoneOf(probability, impact).Code);

    [Fact]
    public void HeatMap_2015_AgreesWithTheMatricesSeenInRealPlans()
    {
        // 2×5 = 10 Baja, 2×10 = 20 Moderada, 3×10 = 30 Alta (regulation.md §2.5).
        Assert.Equal("Baja", G2015.ZoneOf(2, 3).Name);
        Assert.Equal("Moderada", G2015.ZoneOf(2, 4).Name);
        Assert.Equal("Alta", G2015.ZoneOf(3, 4).Name);
        Assert.Null(G2015.Controls);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(20, 2)]
    [InlineData(24, 2)]
    [InlineData(25, 3)]
    [InlineData(500, 3)]
    [InlineData(501, 4)]
    [InlineData(5000, 4)]
    [InlineData(5001, 5)]
    [InlineData(1_000_000, 5)]
    public void Probability_FromTheActivitysYearlyFrequency(int frequency, int level) =>
        Assert.Equal(level, RiskRules.ProbabilityFromFrequency(V5, frequency));

    [Fact]
    public void Questionnaire_HasNineteenQuestions()
    {
        Assert.Equal(Enumerable.Range(1, 19), V6.CorruptionImpact!.Questions.Select(q => q.Number));
        Assert.StartsWith("¿Ocasionar lesiones físicas", V6.CorruptionImpact.Questions[15].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Questionnaire_EveryCountOfYes_FallsInItsBand()
    {
        // The count alone, without question 16 (which forces catastrófico).
        var withoutInjury = Enumerable.Range(1, 19).Where(n => n != 16).ToList();
        for (var yes = 1; yes <= 18; yes++)
        {
            var expected = yes <= 5 ? 3 : yes <= 11 ? 4 : 5;
            Assert.Equal(expected, RiskRules.ImpactFromAnswers(V5, withoutInjury.Take(yes).ToList()));
        }
        Assert.Equal(5, RiskRules.ImpactFromAnswers(V5, Enumerable.Range(1, 19).ToList()));
    }

    [Fact]
    public void Questionnaire_NoYes_HasNoImpact_AndInjuryForcesCatastrophic()
    {
        Assert.Null(RiskRules.ImpactFromAnswers(V5, []));
        Assert.Equal(5, RiskRules.ImpactFromAnswers(V5, [16]));
        Assert.Equal(3, RiskRules.ImpactFromAnswers(V5, [1, 2, 3, 4, 5]));
        Assert.Equal(4, RiskRules.ImpactFromAnswers(V5, [1, 2, 3, 4, 5, 6]));
        Assert.Equal(5, RiskRules.ImpactFromAnswers(V5, Enumerable.Range(1, 12).ToList()));
    }

    [Theory]
    [InlineData("preventivo", "manual", 40)]
    [InlineData("preventivo", "automatico", 50)]
    [InlineData("detectivo", "manual", 30)]
    [InlineData("detectivo", "automatico", 40)]
    [InlineData("correctivo", "manual", 25)]
    [InlineData("correctivo", "automatico", 35)]
    public void ControlScore_IsTypePlusImplementation(string type, string implementation, int score) =>
        Assert.Equal(score, RiskRules.ControlScore(V5, new ControlChoice(type, implementation, "documentado", "continua", "con-registro")));

    [Theory]
    [InlineData(4, 48, 3)]
    [InlineData(2, 24, 2)]
    public void Residual_OnePreventiveManualControl_MatchesTheRealV5Matrix(int probability, int residualValue, int residualLevel)
    {
        // «Preventivo · Manual · 40 %» turns 80 % into 48 % and 40 % into 24 % (regulation.md §2.6).
        var outcome = RiskRules.Residual(V5, RiskRules.Position(V5, probability, 4), corruption: true, [Preventive]);

        Assert.Equal(residualValue, outcome.ProbabilityValue);
        Assert.Equal(residualLevel, outcome.Position.Probability);
        Assert.Equal(80, outcome.ImpactValue);
    }

    [Fact]
    public void Residual_ControlsApplyOneAfterAnother()
    {
        // P = 60 %; preventivo-manual (40 %) → 36 %; detectivo-manual (30 %) → 25,2 % → Baja.
        var inherent = RiskRules.Position(V5, 3, 5);

        var outcome = RiskRules.Residual(V5, inherent, corruption: true, [Preventive, new ControlChoice("detectivo", "manual")]);

        Assert.Equal([(60m, 36m), (36m, 25.2m)], outcome.Steps.Select(s => (s.ProbabilityBefore, s.ProbabilityAfter)));
        Assert.Equal(25.2m, outcome.ProbabilityValue);
        Assert.Equal(new RiskPosition(2, 5, "extremo"), outcome.Position);
        Assert.Equal("extremo", inherent.Zone);
    }

    [Fact]
    public void Residual_CorrectiveControl_LowersImpactOfAManagementRisk_ButNeverOfACorruptionRisk()
    {
        var inherent = RiskRules.Position(V5, 3, 4);
        var corrective = new ControlChoice("correctivo", "automatico");

        var corruption = RiskRules.Residual(V5, inherent, corruption: true, [corrective]);
        var management = RiskRules.Residual(V5, inherent, corruption: false, [corrective]);

        Assert.Equal((80m, 4, ControlEffect.None), (corruption.ImpactValue, corruption.Position.Impact, corruption.Steps[0].Affects));
        Assert.Equal((52m, 3), (management.ImpactValue, management.Position.Impact));
        Assert.Equal(60m, management.ProbabilityValue);
    }

    [Fact]
    public void Residual_WithoutControls_IsTheInherentRisk()
    {
        var inherent = RiskRules.Position(V5, 4, 3);

        var outcome = RiskRules.Residual(V5, inherent, corruption: true, []);

        Assert.Equal(inherent, outcome.Position);
        Assert.Empty(outcome.Steps);
    }

    [Theory]
    [InlineData(20, 1)]
    [InlineData(20.5, 2)]
    [InlineData(40, 2)]
    [InlineData(41, 3)]
    [InlineData(60, 3)]
    [InlineData(61, 4)]
    [InlineData(80, 4)]
    [InlineData(81, 5)]
    [InlineData(5, 1)]
    public void LevelFor_ReadsAPercentageBackIntoItsBand(double value, int level) =>
        Assert.Equal(level, RiskRules.LevelFor(V5.ProbabilityLevels, (decimal)value));

    [Fact]
    public void CorruptionElements_AllFourOrItIsNotACorruptionRisk()
    {
        Assert.True(new CorruptionElements(true, true, true, true).AllPresent);
        var missing = new CorruptionElements(true, false, true, false);

        Assert.False(missing.AllPresent);
        Assert.Equal(["uso del poder", "beneficio privado"], missing.Missing());
    }

    [Fact]
    public void Check_RefusesAcceptAndAFailedFourElementTest_InSpanish()
    {
        var draft = Draft() with { UseOfPower = false, Treatment = "aceptar" };

        var errors = RiskMapService.Check(V6, draft);

        Assert.Equal("No es un riesgo de corrupción: le falta uso del poder. Un riesgo de corrupción reúne los cuatro elementos.", errors[RiskFields.Elements]);
        Assert.Equal("Un riesgo de corrupción no se puede aceptar: elija reducir, compartir o evitar.", errors[RiskFields.Treatment]);
        Assert.Empty(RiskMapService.Check(V6, Draft()));
    }

    [Fact]
    public void Check_RefusesNoYesAndUnknownQuestions()
    {
        Assert.Contains("Responda el cuestionario", RiskMapService.Check(V6, Draft() with { YesAnswers = [] })[RiskFields.YesAnswers], StringComparison.Ordinal);
        Assert.Equal("El cuestionario tiene las preguntas 1 a 19.", RiskMapService.Check(V6, Draft() with { YesAnswers = [20] })[RiskFields.YesAnswers]);
    }

    [Fact]
    public void Parse_AMethodWithAMissingHeatMapCell_IsRefused()
    {
        var json = JsonNode.Parse(RiskMethodCatalog.Shipped().Single(j => j.Contains("\"dafp-v5\"", StringComparison.Ordinal)))!;
        json["heatMap"]!.AsArray().RemoveAt(7);

        var error = Assert.Throws<InvalidOperationException>(() => RiskMethodDefinition.Parse(json.ToJsonString()));

        Assert.Contains("0 cells for probability 2 × impact 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AQuestionnaireWithAGapInItsBands_IsRefused()
    {
        var json = JsonNode.Parse(RiskMethodCatalog.Shipped().Single(j => j.Contains("\"dafp-v5\"", StringComparison.Ordinal)))!;
        json["corruptionImpact"]!["bands"]![1]!["minYes"] = 7;

        Assert.Throws<InvalidOperationException>(() => RiskMethodDefinition.Parse(json.ToJsonString()));
    }

    private static readonly ControlChoice Preventive = new("preventivo", "manual", "documentado", "continua", "con-registro");

    internal static RiskDraft Draft() => new(0, 2026, "RC-01",
        "Posibilidad de recibir o solicitar dádivas para favorecer a un proponente en la evaluación de ofertas",
        "Fraude interno", true, true, true, true, "Presión de terceros sobre el comité evaluador",
        "Criterios de evaluación ambiguos en los pliegos", "Pérdida de recursos públicos; procesos disciplinarios y penales",
        20, [1, 2, 3, 5, 6, 10, 12], "reducir");
}
