using Vigia.Core.Plans;
using Vigia.Core.Plans.Review;

namespace Vigia.Core.Tests.Plans.Review;

/// <summary>Every review rule on small plans built to trigger it and, beside each, a plan that must not.</summary>
public class PlanReviewRulesTests
{
    private const int Year = 2026;

    private static readonly Dictionary<int, decimal> Monthly = new() { [3] = 1 };

    /// <summary>A complete, sound action: no rule fires on it.</summary>
    private static ActionSnapshot Sound(int id = 1) => new(id, 1, "Publicar el informe del año en la página web.",
        "Realizar cuatro (4) publicaciones del informe.", "Informes publicados.", "Número de publicaciones del informe.",
        4, TargetUnit.Count, "Oficina de Comunicaciones", Monthly);

    private static PlanSnapshot Plan(params ActionSnapshot[] actions) => new("Plan de prueba",
        [new ComponentSnapshot(1, "Gestión del riesgo", [new ActivitySnapshot("1.1.1", "Publicar los informes", null, null, actions)])]);

    private static readonly PlanReviewContext Catalogue = new(Year,
        [new ReviewUnit(10, "Oficina de Comunicaciones", true), new ReviewUnit(11, "Oficina de Archivo", false)],
        [new ReviewGroup(20, "todos-los-procesos", "Todos los procesos de la entidad", 0),
         new ReviewGroup(21, "todos-los-organismos", "Todos los organismos de la Administración", 3)],
        new Dictionary<int, ActionResponsibles> { [1] = new([10], []) });

    private static List<ReviewFinding> Run(ActionSnapshot action, PlanReviewContext? context = null) =>
        PlanReview.Run(Plan(action), context ?? Catalogue).ToList();

    private static List<string> Rules(ActionSnapshot action, PlanReviewContext? context = null) =>
        Run(action, context).Select(f => f.RuleId).ToList();

    [Fact]
    public void SoundAction_HasNoFinding()
    {
        Assert.Empty(Run(Sound()));
    }

    [Fact]
    public void MissingTarget_IsAnError()
    {
        var finding = Assert.Single(Run(Sound() with { TargetQuantity = null }));
        Assert.Equal((FindingSeverity.Error, "missing-target", "1.1.1-1", ReviewFields.TargetQuantity), (finding.Severity, finding.RuleId, finding.Code, finding.Field));
    }

    [Fact]
    public void MissingTargetUnit_IsAnError_OnlyWhenTheStoredValueIsNoUnit()
    {
        Assert.Equal(["missing-target-unit"], Rules(Sound() with { TargetUnit = 0 }));
    }

    [Fact]
    public void MissingResponsible_IsAnError_WhenNoUnitNoGroupAndNoText()
    {
        var context = Catalogue with { Responsibles = new Dictionary<int, ActionResponsibles>() };
        Assert.Equal(["missing-responsible"], Rules(Sound() with { ResponsibleText = " " }, context));
        Assert.Empty(Rules(Sound() with { ResponsibleText = null }));
    }

    [Fact]
    public void MissingFormula_IsAnError()
    {
        Assert.Equal(["missing-formula"], Rules(Sound() with { IndicatorFormula = null }));
    }

    [Fact]
    public void MissingSchedule_IsAnError_AMonthWithZeroIsNoSchedule()
    {
        Assert.Equal(["missing-schedule"], Rules(Sound() with { Schedule = new Dictionary<int, decimal>() }));
        Assert.Equal(["missing-schedule"], Rules(Sound() with { Schedule = new Dictionary<int, decimal> { [5] = 0 } }));
    }

    [Fact]
    public void TargetUnitContradictingTheGoal_IsAnError_BothWays()
    {
        // Seed 1.3.4: «Realizar una (01) publicación …» with 100 %.
        var counted = Sound() with { Goal = "Realizar una (01) publicación de la política", TargetQuantity = 100, TargetUnit = TargetUnit.Percentage, IndicatorFormula = "Porcentaje de publicaciones de la política" };
        var finding = Assert.Single(Run(counted));
        Assert.Equal(("target-unit-contradicts-goal", ReviewFields.TargetUnit), (finding.RuleId, finding.Field));
        Assert.Contains("«una (01)»", finding.Message, StringComparison.Ordinal);
        Assert.Contains("100 %", finding.Message, StringComparison.Ordinal);

        var percent = Sound() with { Goal = "100% de las mesas de trabajo realizadas", TargetQuantity = 1, IndicatorFormula = "Número de mesas de trabajo" };
        Assert.Equal(["target-unit-contradicts-goal"], Rules(percent));
    }

    [Fact]
    public void TargetUnit_NotContradicted_ByAPercentGoal_OrByOnePerItem()
    {
        var percent = Sound() with { Goal = "Publicar el 100% de los mapas", TargetQuantity = 100, TargetUnit = TargetUnit.Percentage, IndicatorFormula = "(Mapas publicados / mapas) * 100" };
        Assert.Empty(Run(percent));
        // «Una (1) publicación por trámite» measured as a percentage of the procedures is sound (seed 2.3).
        var perItem = Sound() with { Goal = "Una (1) publicación por trámite racionalizado", TargetQuantity = 100, TargetUnit = TargetUnit.Percentage, IndicatorFormula = "Trámites con publicación / trámites racionalizados" };
        Assert.Empty(Run(perItem));
    }

    [Theory]
    [InlineData("Quinientos (500) colaboradores capacitados", 3, "«Quinientos (500)»")]
    [InlineData("Mil (1000) colaboradores alcanzados", 6, "«Mil (1000)»")]
    [InlineData("Realizar cinco (05) mesas de trabajo", 4, "«cinco (05)»")]
    [InlineData("Realizar once monitoreos", 12, "«once»")]
    [InlineData("Realizar 4 publicaciones", 5, "«4»")]
    public void GoalNumber_DifferentFromTheTarget_IsAnError(string goal, int target, string quoted)
    {
        var finding = Assert.Single(Run(Sound() with { Goal = goal + " del informe", TargetQuantity = target, IndicatorFormula = "Número de " + goal }));
        Assert.Equal(("goal-number-differs", ReviewFields.TargetQuantity), (finding.RuleId, finding.Field));
        Assert.Contains(quoted, finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Realizar cinco (05) mesas de trabajo", 5)]
    [InlineData("Cinco mil (5.000) publicaciones en la página web en el año", 5000)]
    [InlineData("Realizar una (01) publicación del plan y los treinta y nueve (39) mapas", 1)]
    [InlineData("Dos (2) publicaciones de atención y Dos (2) publicaciones de satisfacción", 4)]
    [InlineData("Dos (2) publicaciones por organismo", 56)]
    [InlineData("Quinientos (500) colaboradores capacitados en el 2026", 500)]
    [InlineData("Informe con corte a 31 de diciembre, cuatro (4) informes", 4)]
    [InlineData("Cumplir la Ley 1712 de 2014 con dos (2) informes", 2)]
    public void GoalNumber_MatchingTheTarget_IsNoFinding(string goal, int target)
    {
        Assert.DoesNotContain("goal-number-differs", Rules(Sound() with { Goal = goal, TargetQuantity = target }));
    }

    [Fact]
    public void GoalWordsAndDigitsThatDisagree_AreAnError()
    {
        Assert.Contains("goal-words-digits-differ", Rules(Sound() with { Goal = "Realizar cinco (06) publicaciones", TargetQuantity = 6 }));
        Assert.DoesNotContain("goal-words-digits-differ", Rules(Sound() with { Goal = "Realizar seis (06) publicaciones", TargetQuantity = 6 }));
    }

    [Fact]
    public void GoalPercentDifferentFromTheTarget_IsAnError()
    {
        var action = Sound() with { Goal = "Responder el 90% de las peticiones", TargetQuantity = 100, TargetUnit = TargetUnit.Percentage, IndicatorFormula = "Peticiones respondidas / peticiones * 100" };
        Assert.Equal(["goal-number-differs"], Rules(action));
        Assert.Empty(Rules(action with { TargetQuantity = 90 }));
    }

    [Fact]
    public void AnotherYear_InGoalDeliverableOrFormula_IsAWarning_ButNotALegalReference()
    {
        // Seed 6.3: «… en el segundo semestre del 2020» in a 2022 plan.
        var findings = Run(Sound() with { Deliverable = "6 actividades pedagógicas ejecutadas en el segundo semestre del 2020." });
        var finding = Assert.Single(findings);
        Assert.Equal((FindingSeverity.Warning, "other-year", ReviewFields.Deliverable), (finding.Severity, finding.RuleId, finding.Field));
        Assert.Contains("2020", finding.Message, StringComparison.Ordinal);
        Assert.Contains("2026", finding.Message, StringComparison.Ordinal);

        Assert.Empty(Run(Sound() with { Deliverable = "Informes publicados en 2026, según la Resolución 1519 de 2020 y la Ley 1712 de 2014." }));
        Assert.Equal([2021], PlanReview.YearsIn("corte a 31 de diciembre de 2021, ISO 9001:2015, 5.000 publicaciones"));
    }

    [Fact]
    public void UnitsNotInTheCatalogue_OrInactive_AreWarnings()
    {
        var findings = Run(Sound() with { ResponsibleText = "Oficina de Comunicaciones - Secretaría de Cultura" });
        var finding = Assert.Single(findings);
        Assert.Equal(("unit-not-in-catalogue", ReviewFields.ResponsibleUnits), (finding.RuleId, finding.Field));
        Assert.Contains("Secretaría de Cultura", finding.Message, StringComparison.Ordinal);

        var inactive = Catalogue with { Responsibles = new Dictionary<int, ActionResponsibles> { [1] = new([10, 11], []) } };
        Assert.Equal(["unit-not-in-catalogue"], Rules(Sound() with { ResponsibleText = "Oficina de Comunicaciones" }, inactive));
        // A variant spelling of a catalogue unit is the same unit.
        Assert.Empty(Run(Sound() with { ResponsibleText = "Oficina de las Comunicaciones." }));
    }

    [Fact]
    public void GroupsWithoutMembers_AreWarnings_GroupsWithMembersAreNot()
    {
        var assigned = Catalogue with { Responsibles = new Dictionary<int, ActionResponsibles> { [1] = new([], [20]) } };
        var finding = Assert.Single(Run(Sound() with { ResponsibleText = "Todos los procesos de la entidad" }, assigned));
        Assert.Equal("group-without-members", finding.RuleId);
        Assert.Contains("Todos los procesos de la entidad", finding.Message, StringComparison.Ordinal);

        var withMembers = Catalogue with { Responsibles = new Dictionary<int, ActionResponsibles> { [1] = new([], [21]) } };
        Assert.Empty(Run(Sound() with { ResponsibleText = "Todos los organismos de la Administración" }, withMembers));
        // Written but never mapped: no group exists yet for that collective.
        Assert.Equal(["group-without-members"], Rules(Sound() with { ResponsibleText = "Líderes de cada componente del PAAC" }));
    }

    [Theory]
    [InlineData("Número", TargetUnit.Count)]
    [InlineData("Número total de actividades pedagógicas realizadas", TargetUnit.Count)]
    [InlineData("Número de publicaciones del informe", TargetUnit.Percentage)]
    [InlineData("(Publicaciones realizadas / publicaciones programadas) * 100", TargetUnit.Count)]
    public void FormulaThatDoesNotMeasureTheGoal_IsAWarning(string formula, TargetUnit unit)
    {
        var action = Sound() with { IndicatorFormula = formula, TargetUnit = unit, Goal = unit == TargetUnit.Percentage ? "Publicar el 100% de los informes" : Sound().Goal, TargetQuantity = unit == TargetUnit.Percentage ? 100 : 4 };
        var finding = Assert.Single(Run(action));
        Assert.Equal(("formula-does-not-measure-goal", FindingSeverity.Warning, ReviewFields.IndicatorFormula), (finding.RuleId, finding.Severity, finding.Field));
    }

    [Theory]
    [InlineData("Número de publicaciones realizadas")]
    [InlineData("Total de informes publicados")]
    public void FormulaNamingWhatTheGoalCounts_IsNoFinding(string formula)
    {
        Assert.Empty(Run(Sound() with { IndicatorFormula = formula }));
    }

    [Fact]
    public void DuplicatedAndNearDuplicatedActionsAndActivities_AreWarnings()
    {
        var plan = new PlanSnapshot("Plan", [new ComponentSnapshot(1, "Componente", [
            new ActivitySnapshot("1.1", "Implementar estrategia de Lenguaje Claro", null, null, [Sound(1)]),
            new ActivitySnapshot("1.2", "IMPLEMENTAR ESTRATEGIA DE LENGUAJE CLARO.", null, null, [Sound(2) with { Order = 1 }]),
            new ActivitySnapshot("1.3", "Fortalecer canales de atención de acuerdo con las características y necesidades de los ciudadanos para garantizar cobertura.", null, null,
                [Sound(3) with { Description = "Otra cosa distinta", Goal = "Dos (2) jornadas de atención", TargetQuantity = 2, Deliverable = "Actas", IndicatorFormula = "Número de jornadas de atención" }]),
            new ActivitySnapshot("1.4", "Promover canales de atención de acuerdo con las características y necesidades de los ciudadanos para garantizar la cobertura.", null, null,
                [Sound(4) with { Description = "Foros con temas de interés", Goal = "Cuatro (4) foros", TargetQuantity = 4, Deliverable = "Foros", IndicatorFormula = "Número de foros" }]),
        ])]);
        var findings = PlanReview.Run(plan, PlanReviewContext.WithoutCatalogue(Year)).Where(f => f.RuleId.StartsWith("duplicate", StringComparison.Ordinal)).ToList();

        Assert.Collection(findings,
            f => Assert.Equal(("duplicate-activity", "1.2", "La actividad 1.2 repite la actividad 1.1 («Implementar estrategia de Lenguaje Claro»)."), (f.RuleId, f.Code, f.Message)),
            f => Assert.Equal(("duplicate-activity", "1.4", true), (f.RuleId, f.Code, f.Message.Contains("es casi igual a la actividad 1.3", StringComparison.Ordinal))),
            f => Assert.Equal(("duplicate-action", "1.2-1", "La acción 1.2-1 repite la acción 1.1-1 (descripción, meta, producto y fórmula)."), (f.RuleId, f.Code, f.Message)));
    }

    [Fact]
    public void LongSentences_LowReadabilityAndJargon_ArePlainLanguageNotes()
    {
        var hard = "Corresponde a la evaluación de la implementación de la política de administración del riesgo de la entidad con el fin de verificar su cumplimiento y apropiación por cada proceso de la entidad en cuanto a la gestión de riesgos de corrupción";
        var findings = Run(Sound() with { Description = hard });
        Assert.All(findings, f => Assert.Equal((FindingSeverity.PlainLanguage, ReviewFields.Description), (f.Severity, f.Field)));
        Assert.Equal(["long-sentence", "low-readability", "jargon"], findings.Select(f => f.RuleId));
        Assert.Contains("Una frase de 41 palabras", findings[0].Message, StringComparison.Ordinal);
        Assert.Matches(@"índice de Fernández-Huerta \d+,\d+, «(algo|muy) difícil» en la escala INFLESZ", findings[1].Message);
        Assert.Contains("«apropiación»", findings[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PlainText_HasNoPlainLanguageNote_AndAnExplainedAcronymIsNotJargon()
    {
        Assert.Empty(Run(Sound() with { Description = "Publicamos el informe cada mes. Lo hacemos en la página web. Así cualquier persona lo puede leer y opinar." }));
        Assert.Empty(Run(Sound() with { Description = "Publicar el Plan Anticorrupción y de Atención al Ciudadano (PAAC)." }));
        Assert.Equal(["jargon"], Rules(Sound() with { Description = "Publicar el PAAC." }));
    }

    [Fact]
    public void Findings_AreOrderedBySeverity()
    {
        var action = Sound() with { Description = "Publicar el PAAC.", Deliverable = "Informe de 2020", IndicatorFormula = null };
        Assert.Equal([FindingSeverity.Error, FindingSeverity.Warning, FindingSeverity.PlainLanguage], Run(action).Select(f => f.Severity));
    }
}
