using Vigia.Core.Organisation;

namespace Vigia.Core.RiskMap;

/// <summary>
/// A corruption risk of a process in one year's map, in the DAFP form: the four elements, causes, consequences,
/// the activity's frequency and the questionnaire's «sí» answers, and the positions the method gave it.
/// </summary>
/// <remarks>The positions (inherent and residual) are stored as computed with <see cref="Method"/> when the risk
/// or a control was last saved; a later revision of the method does not move them.</remarks>
public class Risk
{
    public int Id { get; set; }
    public int ProcessId { get; set; }
    public Process? Process { get; set; }
    /// <summary>The year of the map (vigencia).</summary>
    public int Year { get; set; }
    /// <summary>The map's reference, unique in the entity's year («RC-01»).</summary>
    public required string Code { get; set; }
    /// <summary>«Posibilidad de …», the risk as the guide writes it.</summary>
    public required string Description { get; set; }
    /// <summary>Clasificación del riesgo (fraude interno, fraude externo…).</summary>
    public required string Classification { get; set; }
    public bool ActionOrOmission { get; set; }
    public bool UseOfPower { get; set; }
    public bool DeviationFromPublicInterest { get; set; }
    public bool PrivateBenefit { get; set; }
    public required string ImmediateCause { get; set; }
    public required string RootCause { get; set; }
    public required string Consequences { get; set; }
    /// <summary>How many times a year the activity that carries the risk is carried out.</summary>
    public int ActivityFrequency { get; set; }
    /// <summary>Numbers of the questionnaire's questions answered «sí», comma-separated in ascending order.</summary>
    public string ImpactAnswers { get; set; } = "";
    public int MethodId { get; set; }
    public RiskMethod? Method { get; set; }
    public int InherentProbability { get; set; }
    public int InherentImpact { get; set; }
    public required string InherentZone { get; set; }
    public int ResidualProbability { get; set; }
    public int ResidualImpact { get; set; }
    public required string ResidualZone { get; set; }
    public decimal ResidualProbabilityValue { get; set; }
    public decimal ResidualImpactValue { get; set; }
    /// <summary>Treatment option code from the method (reducir, compartir, evitar; never aceptar for corruption).</summary>
    public required string Treatment { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<RiskControl> Controls { get; set; } = [];
    public List<RiskTreatmentAction> Actions { get; set; } = [];
    /// <summary>The assessments this risk had before it was re-assessed with another method, oldest first.</summary>
    public List<RiskAssessment> PastAssessments { get; set; } = [];

    public CorruptionElements Elements => new(ActionOrOmission, UseOfPower, DeviationFromPublicInterest, PrivateBenefit);

    public IReadOnlyList<int> YesAnswers() => RiskAnswers.Parse(ImpactAnswers);
}

/// <summary>A control of a risk, with the option chosen for each of the method's attributes and the score it gave.</summary>
public class RiskControl
{
    public int Id { get; set; }
    public int RiskId { get; set; }
    public Risk? Risk { get; set; }
    /// <summary>Order of application: the residual rule applies controls one after another.</summary>
    public int Number { get; set; }
    public required string Description { get; set; }
    /// <summary>Cargo of the person who executes the control.</summary>
    public required string ResponsiblePost { get; set; }
    public required string Type { get; set; }
    public required string Implementation { get; set; }
    public required string Documentation { get; set; }
    public required string Frequency { get; set; }
    public required string Evidence { get; set; }
    public decimal Score { get; set; }

    public ControlChoice Choice() => new(Type, Implementation, Documentation, Frequency, Evidence);
}

/// <summary>An action of a risk's treatment plan. Where the action is also in the plan (component 1), it points at
/// that plan action by id: the same action, not a copy.</summary>
public class RiskTreatmentAction
{
    public int Id { get; set; }
    public int RiskId { get; set; }
    public Risk? Risk { get; set; }
    public required string Description { get; set; }
    public int ResponsibleUnitId { get; set; }
    public Unit? ResponsibleUnit { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    public required string Deliverable { get; set; }
    public required string Indicator { get; set; }
    public int? PlanActionId { get; set; }
}

/// <summary>The questionnaire's «sí» answers as stored: "1,5,16".</summary>
public static class RiskAnswers
{
    public static string Format(IEnumerable<int> yes)
    {
        ArgumentNullException.ThrowIfNull(yes);
        return string.Join(",", yes.Distinct().Order().Select(n => n.ToString(CultureInfo.InvariantCulture)));
    }

    public static IReadOnlyList<int> Parse(string? stored) =>
        string.IsNullOrWhiteSpace(stored) ? [] : stored.Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToList();
}
