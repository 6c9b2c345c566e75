using Vigia.Core.Plans;

namespace Vigia.Core.Organisation;

/// <summary>A «grupo de responsables»: a collective an action is assigned to instead of a unit («Todos los organismos de la
/// Administración», «Todos los procesos de la entidad»…). It belongs to the entity, not to a plan, so the units Planeación
/// maps it to are found again by next year's import.</summary>
public class UnitGroup
{
    public int Id { get; set; }
    public int EntityId { get; set; }
    public Entity? Entity { get; set; }
    /// <summary>The rule that recognised it (<see cref="UnitGroupRules"/>); one group per rule and entity.</summary>
    public required string RuleKey { get; set; }
    public required string Name { get; set; }
    public List<UnitGroupSpelling> Spellings { get; set; } = [];
    public List<UnitGroupMember> Members { get; set; } = [];
}

/// <summary>A way a plan document wrote the group, folded (<see cref="SpanishText.Fold"/>), with its first wording.</summary>
public class UnitGroupSpelling
{
    public int Id { get; set; }
    public int GroupId { get; set; }
    public UnitGroup? Group { get; set; }
    public required string Text { get; set; }
    public required string NormalizedText { get; set; }
}

/// <summary>A unit the group stands for: it reports its own part of every action assigned to the group.</summary>
public class UnitGroupMember
{
    public int GroupId { get; set; }
    public UnitGroup? Group { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
}

/// <summary>An action assigned to a group, with the words the document used («Todos los organismos y Unidades
/// Administrativas Especiales»), which is what the plan's pages and files show as its responsible.</summary>
public class ActionUnitGroup
{
    public int ActionId { get; set; }
    public PlanAction? Action { get; set; }
    public int GroupId { get; set; }
    public UnitGroup? Group { get; set; }
    public required string Spelling { get; set; }
}
