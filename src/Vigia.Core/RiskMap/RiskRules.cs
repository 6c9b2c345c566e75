namespace Vigia.Core.RiskMap;

/// <summary>The four elements every corruption risk must show (regulation.md §2.2): without all four it is not a
/// corruption risk.</summary>
public sealed record CorruptionElements(bool ActionOrOmission, bool UseOfPower, bool DeviationFromPublicInterest, bool PrivateBenefit)
{
    public bool AllPresent => ActionOrOmission && UseOfPower && DeviationFromPublicInterest && PrivateBenefit;

    /// <summary>The Spanish names of the elements missing, in the guide's order.</summary>
    public IReadOnlyList<string> Missing() =>
    [
        .. ActionOrOmission ? Array.Empty<string>() : ["acción u omisión"],
        .. UseOfPower ? Array.Empty<string>() : ["uso del poder"],
        .. DeviationFromPublicInterest ? Array.Empty<string>() : ["desviación de la gestión de lo público"],
        .. PrivateBenefit ? Array.Empty<string>() : ["beneficio privado"],
    ];
}

/// <summary>A control as the rules see it: the option chosen for each attribute, by code.</summary>
public sealed record ControlChoice(string Type, string Implementation, string? Documentation = null, string? Frequency = null, string? Evidence = null);

/// <summary>One control's effect on the way from inherent to residual: the values before and after it.</summary>
public sealed record ResidualStep(int Number, decimal Score, ControlEffect Affects, decimal ProbabilityBefore, decimal ProbabilityAfter,
    decimal ImpactBefore, decimal ImpactAfter);

/// <summary>Where a risk sits on a method's heat map.</summary>
public sealed record RiskPosition(int Probability, int Impact, string Zone);

public sealed record ResidualOutcome(RiskPosition Position, decimal ProbabilityValue, decimal ImpactValue, IReadOnlyList<ResidualStep> Steps);

/// <summary>
/// The method's arithmetic, on a method definition and nothing else: frequency → probability, «sí» answers → impact,
/// heat map → zone, control attributes → score, controls in sequence → residual.
/// </summary>
public static class RiskRules
{
    /// <summary>The level whose frequency band holds <paramref name="yearlyFrequency"/> (≤2, 3–24, 25–500, 501–5000, &gt;5000 in v5/v6).</summary>
    public static int ProbabilityFromFrequency(RiskMethodDefinition method, int yearlyFrequency)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentOutOfRangeException.ThrowIfNegative(yearlyFrequency);
        if (method.ProbabilityBasis != ProbabilityBasis.Frequency)
        {
            throw new InvalidOperationException($"Method {method.Code} does not derive probability from frequency.");
        }
        return method.ProbabilityLevels.OrderBy(l => l.Level).First(l => l.MaxFrequency is null || yearlyFrequency <= l.MaxFrequency).Level;
    }

    /// <summary>The impact of a corruption risk from the questions answered «sí»; null when no band holds the count
    /// (no «sí» at all: a corruption risk with no possible effect has not been assessed).</summary>
    public static int? ImpactFromAnswers(RiskMethodDefinition method, IReadOnlyCollection<int> yesQuestions)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(yesQuestions);
        var questionnaire = method.CorruptionImpact ?? throw new InvalidOperationException($"Method {method.Code} has no questionnaire.");
        var yes = yesQuestions.Distinct().Where(n => questionnaire.Questions.Any(q => q.Number == n)).ToList();
        var band = questionnaire.Bands.FirstOrDefault(b => yes.Count >= b.MinYes && yes.Count <= b.MaxYes);
        if (band is null)
        {
            return null;
        }
        var forced = questionnaire.Forcing.Where(f => yes.Contains(f.Question)).Select(f => f.Impact).DefaultIfEmpty(band.Impact).Max();
        return Math.Max(band.Impact, forced);
    }

    public static RiskPosition Position(RiskMethodDefinition method, int probability, int impact)
    {
        ArgumentNullException.ThrowIfNull(method);
        return new RiskPosition(probability, impact, method.ZoneOf(probability, impact).Code);
    }

    /// <summary>The sum of the weights of the options chosen for the weighted attributes (tipo + implementación).</summary>
    public static decimal ControlScore(RiskMethodDefinition method, ControlChoice control)
    {
        ArgumentNullException.ThrowIfNull(method);
        var rating = Rating(method);
        ArgumentNullException.ThrowIfNull(control);
        return rating.Attributes.Where(a => a.Weighted).Sum(a => a.Option(ChosenCode(a.Code, control))?.Weight ?? 0);
    }

    /// <summary>Errors by attribute code for options the method does not know (or a weighted attribute left empty).</summary>
    public static IReadOnlyDictionary<string, string> CheckControl(RiskMethodDefinition method, ControlChoice control)
    {
        ArgumentNullException.ThrowIfNull(method);
        var rating = Rating(method);
        ArgumentNullException.ThrowIfNull(control);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var attribute in rating.Attributes)
        {
            var chosen = ChosenCode(attribute.Code, control);
            if (attribute.Option(chosen) is null && (attribute.Weighted || !string.IsNullOrEmpty(chosen)))
            {
                errors[attribute.Code] = $"Elija {attribute.Name.ToLower(SpanishFormat.Culture)}: {string.Join(", ", attribute.Options.Select(o => o.Name))}.";
            }
        }
        return errors;
    }

    /// <summary>
    /// The residual risk: each control, in order, lowers what its type moves by its score, acting on the value the
    /// previous control left; for a corruption risk the impact stays where the questionnaire put it (unless the
    /// method says otherwise). The values left are read back into levels by the levels' own values.
    /// </summary>
    public static ResidualOutcome Residual(RiskMethodDefinition method, RiskPosition inherent, bool corruption, IReadOnlyList<ControlChoice> controls)
    {
        ArgumentNullException.ThrowIfNull(method);
        var rating = Rating(method);
        ArgumentNullException.ThrowIfNull(inherent);
        ArgumentNullException.ThrowIfNull(controls);
        var rule = method.Residual!;
        var typeAttribute = rating.Attribute("tipo") ?? throw new InvalidOperationException($"Method {method.Code} has no «tipo» attribute.");
        var startProbability = method.Probability(inherent.Probability).Value;
        var startImpact = method.Impact(inherent.Impact).Value;
        var probability = startProbability;
        var impact = startImpact;
        var steps = new List<ResidualStep>();
        for (var n = 0; n < controls.Count; n++)
        {
            var score = ControlScore(method, controls[n]);
            var affects = typeAttribute.Option(controls[n].Type)?.Affects ?? ControlEffect.None;
            if (affects == ControlEffect.Impact && corruption && !rule.CorruptionImpactMoves)
            {
                affects = ControlEffect.None;
            }
            var baseProbability = rule.Sequential ? probability : startProbability;
            var baseImpact = rule.Sequential ? impact : startImpact;
            var nextProbability = affects == ControlEffect.Probability ? Reduce(baseProbability, score) : probability;
            var nextImpact = affects == ControlEffect.Impact ? Reduce(baseImpact, score) : impact;
            steps.Add(new ResidualStep(n + 1, score, affects, probability, nextProbability, impact, nextImpact));
            (probability, impact) = (nextProbability, nextImpact);
        }
        var position = Position(method, LevelFor(method.ProbabilityLevels, probability), LevelFor(method.ImpactLevels, impact));
        return new ResidualOutcome(position, probability, impact, steps);
    }

    /// <summary>The lowest level whose value is at least <paramref name="value"/>: ≤20 % the first, 21–40 % the
    /// second… (never below the method's lowest level).</summary>
    public static int LevelFor(IReadOnlyList<RiskLevel> levels, decimal value)
    {
        ArgumentNullException.ThrowIfNull(levels);
        var ordered = levels.OrderBy(l => l.Value).ToList();
        return (ordered.FirstOrDefault(l => value <= l.Value) ?? ordered[^1]).Level;
    }

    public static bool TreatmentAllowed(RiskMethodDefinition method, string treatment, bool corruption)
    {
        ArgumentNullException.ThrowIfNull(method);
        var option = method.Treatments.FirstOrDefault(t => string.Equals(t.Code, treatment, StringComparison.Ordinal));
        return option is not null && (!corruption || option.AllowedForCorruption);
    }

    private static decimal Reduce(decimal value, decimal score) => value * (100 - score) / 100;

    private static ControlRating Rating(RiskMethodDefinition method)
    {
        return method.Controls ?? throw new InvalidOperationException($"Method {method.Code} does not rate controls.");
    }

    private static string? ChosenCode(string attribute, ControlChoice control) => attribute switch
    {
        "tipo" => control.Type,
        "implementacion" => control.Implementation,
        "documentacion" => control.Documentation,
        "frecuencia" => control.Frequency,
        "evidencia" => control.Evidence,
        _ => null,
    };
}
