namespace Vigia.Core.Plans.Review;

/// <summary>How much a finding of the quality review weighs. An error blocks a plain publication (Planeación must
/// accept it with a reason); a warning and a plain-language note do not.</summary>
public enum FindingSeverity
{
    Error = 1,
    Warning = 2,
    PlainLanguage = 3,
}

/// <summary>The fields a finding points at; each is the name of the input in the draft's action form, so a link can
/// end in <c>#Field</c>.</summary>
public static class ReviewFields
{
    public const string Description = "Description";
    public const string Goal = "Goal";
    public const string TargetQuantity = "TargetQuantity";
    public const string TargetUnit = "TargetUnit";
    public const string Deliverable = "Deliverable";
    public const string IndicatorFormula = "IndicatorFormula";
    public const string ResponsibleUnits = "UnitIds";
    public const string Schedule = "Schedule";
    public const string ActivityName = "ActivityName";

    /// <summary>«Meta», as the action form labels the field.</summary>
    public static string DisplayName(string field) => field switch
    {
        Description => "Descripción",
        Goal => "Meta",
        TargetQuantity => "Resultado esperado",
        TargetUnit => "Unidad del resultado",
        Deliverable => "Productos entregados",
        IndicatorFormula => "Fórmula del indicador",
        ResponsibleUnits => "Responsables",
        Schedule => "Programación mensual",
        ActivityName => "Nombre de la actividad",
        _ => field,
    };
}

/// <summary>One thing a careful reviewer would flag. <see cref="Code"/> is the action's label («1.3.4-1») or, for an
/// activity, its code («4.3.1»); <see cref="RuleId"/> is stable (docs/plan-review.md lists every rule).</summary>
public sealed record ReviewFinding(FindingSeverity Severity, string RuleId, string Code, int? ActionId, string Field, string Message)
{
    public string SeverityName => PlanReview.SeverityName(Severity);

    public string FieldName => ReviewFields.DisplayName(Field);
}

/// <summary>A unit of the entity's catalogue, as the review needs it.</summary>
public sealed record ReviewUnit(int Id, string Name, bool IsActive);

/// <summary>A group of responsibles of the entity, with how many units it stands for.</summary>
public sealed record ReviewGroup(int Id, string RuleKey, string Name, int MemberCount);

/// <summary>The units and groups an action is assigned to (units are not versioned: every version of an action shares
/// its live assignment, ADR 011).</summary>
public sealed record ActionResponsibles(IReadOnlyList<int> UnitIds, IReadOnlyList<int> GroupIds);

/// <summary>What the review reads besides the version's content: the plan's year and the entity's catalogue.</summary>
public sealed record PlanReviewContext(int Year, IReadOnlyList<ReviewUnit> Units, IReadOnlyList<ReviewGroup> Groups,
    IReadOnlyDictionary<int, ActionResponsibles> Responsibles)
{
    /// <summary>A plan of <paramref name="year"/> reviewed without a catalogue (no unit is known, no action assigned).</summary>
    public static PlanReviewContext WithoutCatalogue(int year) => new(year, [], [], new Dictionary<int, ActionResponsibles>());
}
