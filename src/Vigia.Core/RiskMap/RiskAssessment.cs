namespace Vigia.Core.RiskMap;

/// <summary>
/// A past assessment of a risk, kept word for word when the risk was re-assessed with another method (a newer
/// revision, or the current guide over an older one): the method it used, what it was computed from and the positions
/// it gave. The risk itself holds the assessment in force; these rows are only ever added, so a change of method
/// never rewrites what was assessed before.
/// </summary>
public class RiskAssessment
{
    public int Id { get; set; }
    public int RiskId { get; set; }
    public Risk? Risk { get; set; }
    /// <summary>1 for the risk's first assessment, then one more for each re-assessment that replaced the one before.</summary>
    public int Number { get; set; }
    public int MethodId { get; set; }
    public RiskMethod? Method { get; set; }
    public int ActivityFrequency { get; set; }
    public string ImpactAnswers { get; set; } = "";
    public int InherentProbability { get; set; }
    public int InherentImpact { get; set; }
    public required string InherentZone { get; set; }
    public int ResidualProbability { get; set; }
    public int ResidualImpact { get; set; }
    public required string ResidualZone { get; set; }
    public decimal ResidualProbabilityValue { get; set; }
    public decimal ResidualImpactValue { get; set; }
    /// <summary>How many controls the residual position was computed from.</summary>
    public int Controls { get; set; }
    /// <summary>When the risk was last saved under this assessment.</summary>
    public DateTimeOffset AssessedAt { get; set; }
    /// <summary>When the re-assessment replaced it, by whom and why.</summary>
    public DateTimeOffset ReplacedAt { get; set; }
    public string? ReplacedByName { get; set; }
    public required string ReplacementReason { get; set; }

    public static RiskAssessment Of(Risk risk, int number, DateTimeOffset replacedAt, string? by, string reason)
    {
        ArgumentNullException.ThrowIfNull(risk);
        return new RiskAssessment
        {
            RiskId = risk.Id,
            Number = number,
            MethodId = risk.MethodId,
            ActivityFrequency = risk.ActivityFrequency,
            ImpactAnswers = risk.ImpactAnswers,
            InherentProbability = risk.InherentProbability,
            InherentImpact = risk.InherentImpact,
            InherentZone = risk.InherentZone,
            ResidualProbability = risk.ResidualProbability,
            ResidualImpact = risk.ResidualImpact,
            ResidualZone = risk.ResidualZone,
            ResidualProbabilityValue = risk.ResidualProbabilityValue,
            ResidualImpactValue = risk.ResidualImpactValue,
            Controls = risk.Controls.Count,
            AssessedAt = risk.UpdatedAt,
            ReplacedAt = replacedAt,
            ReplacedByName = by,
            ReplacementReason = reason,
        };
    }
}
