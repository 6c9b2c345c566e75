using Vigia.Core.Organisation;
using Vigia.Core.Schedule;

namespace Vigia.Core.Plans;

public enum PlanKind
{
    /// <summary>Plan Anticorrupción y de Atención al Ciudadano (Ley 1474 de 2011, art. 73 original).</summary>
    Paac = 1,
    /// <summary>Programa de Transparencia y Ética Pública (Ley 2195 de 2022, Decreto 1122 de 2024).</summary>
    Ptep = 2,
}

public enum PlanStatus
{
    Draft = 1,
    Published = 2,
    Closed = 3,
}

/// <summary>Where one version of a plan is in its life: Borrador → En consulta (citizen consultation, issue 11) →
/// Publicado. A published version never changes again; a change is a new version.</summary>
public enum VersionStatus
{
    Draft = 1,
    InConsultation = 2,
    Published = 3,
}

/// <summary>An entity's plan for one year. Its structure (components downwards) is the live state;
/// each published state is frozen in a <see cref="PlanVersion"/>.</summary>
public class Plan
{
    public int Id { get; set; }
    public int EntityId { get; set; }
    public Entity? Entity { get; set; }
    public PlanKind Kind { get; set; } = PlanKind.Paac;
    public int Year { get; set; }
    public PlanStatus Status { get; set; } = PlanStatus.Draft;
    public required string Title { get; set; }
    public string? DocumentCode { get; set; }
    public string? Objective { get; set; }
    public string? Scope { get; set; }
    public string? ResponsiblePerson { get; set; }
    public string? CoordinatingUnit { get; set; }
    /// <summary>Participating units as written in the document, one per line.</summary>
    public string? ParticipatingUnits { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public List<Component> Components { get; set; } = [];
    public List<PlanVersion> Versions { get; set; } = [];
}

/// <summary>A numbered state of a plan with its justification and, when it came from a document,
/// the import report.</summary>
public class PlanVersion
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public Plan? Plan { get; set; }
    public int Number { get; set; }
    public required string Justification { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public VersionStatus Status { get; set; } = VersionStatus.Draft;
    public DateTimeOffset? PublishedAt { get; set; }
    /// <summary>Who approved the version for publication, e.g. the mayor as the person responsible for the plan.</summary>
    public string? ApprovedBy { get; set; }
    /// <summary>The approval's date; null when the document does not state it (the bundled Cali 2022 plan).</summary>
    public DateOnly? ApprovedOn { get; set; }
    /// <summary>How the approval is evidenced, e.g. «Original firmado».</summary>
    public string? ApprovalNote { get; set; }
    /// <summary>How many errors the quality review still found when Planeación published the version anyway, and why
    /// (<see cref="Review.PlanReviews"/>); null when it was published with none.</summary>
    public int? ReviewErrorsAccepted { get; set; }
    public string? ReviewAcceptanceReason { get; set; }
    /// <summary>The version's content as JSON (<see cref="PlanSnapshot"/>). Null while the version is the one the live
    /// structure holds (the current published version, or a first draft); frozen when a later version replaces it,
    /// and the working copy of a draft revision.</summary>
    public string? Snapshot { get; set; }
    public string? SourceFileName { get; set; }
    public string? SourceSha256 { get; set; }
    public List<ImportNoteRecord> ImportNotes { get; set; } = [];
}

/// <summary>One line of an import report, stored with the plan version it produced.</summary>
public class ImportNoteRecord
{
    public int Id { get; set; }
    public int PlanVersionId { get; set; }
    public int Line { get; set; }
    public Importing.ImportNoteKind Kind { get; set; }
    public required string Message { get; set; }
}

public class Component
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public Plan? Plan { get; set; }
    public int Number { get; set; }
    public required string Name { get; set; }
    public List<Subcomponent> Subcomponents { get; set; } = [];
    public List<Activity> Activities { get; set; } = [];
    /// <summary>The number of the published version that removed it from the plan, kept because something points at
    /// it (reports, monitoring, follow-ups, risks; ADR 033). Null while it is part of the plan. A removed row is hidden
    /// by a query filter from every read of the current plan; earlier versions show it from their snapshots.</summary>
    public int? RemovedInVersion { get; set; }
}

public class Subcomponent
{
    public int Id { get; set; }
    public int ComponentId { get; set; }
    public Component? Component { get; set; }
    /// <summary>Numbering as in the document, e.g. "3.1".</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public int Order { get; set; }
    public List<Activity> Activities { get; set; } = [];
    /// <summary>The number of the published version that removed it from the plan, kept because something points at
    /// it (reports, monitoring, follow-ups, risks; ADR 033). Null while it is part of the plan. A removed row is hidden
    /// by a query filter from every read of the current plan; earlier versions show it from their snapshots.</summary>
    public int? RemovedInVersion { get; set; }
}

public class Activity
{
    public int Id { get; set; }
    public int ComponentId { get; set; }
    public Component? Component { get; set; }
    /// <summary>Null for components without subcomponents (components 2 and 6 of the Cali seed).</summary>
    public int? SubcomponentId { get; set; }
    public Subcomponent? Subcomponent { get; set; }
    /// <summary>Numbering as in the document, e.g. "3.1.4".</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public int Order { get; set; }
    public List<PlanAction> Actions { get; set; } = [];
    /// <summary>The number of the published version that removed it from the plan, kept because something points at
    /// it (reports, monitoring, follow-ups, risks; ADR 033). Null while it is part of the plan. A removed row is hidden
    /// by a query filter from every read of the current plan; earlier versions show it from their snapshots.</summary>
    public int? RemovedInVersion { get; set; }
}

public enum TargetUnit
{
    /// <summary>A count ("cantidad"): 11 monitorings, 5000 people.</summary>
    Count = 1,
    /// <summary>A percentage ("porcentaje"): 100 %.</summary>
    Percentage = 2,
}

/// <summary>An action ("acción"): the measurable unit of the plan. Named PlanAction in code because
/// System.Action is in every file's scope.</summary>
public class PlanAction
{
    public int Id { get; set; }
    public int ActivityId { get; set; }
    public Activity? Activity { get; set; }
    public int Order { get; set; }
    public required string Description { get; set; }
    public required string Goal { get; set; }
    public string? Deliverable { get; set; }
    public string? IndicatorFormula { get; set; }
    public decimal? TargetQuantity { get; set; }
    public TargetUnit TargetUnit { get; set; } = TargetUnit.Count;
    /// <summary>The responsible units as written in the document.</summary>
    public string? ResponsibleText { get; set; }
    /// <summary>Relative weight in roll-ups; null means equal weight.</summary>
    public decimal? Weight { get; set; }
    public int? SourceLine { get; set; }
    public List<ActionUnit> ResponsibleUnits { get; set; } = [];
    /// <summary>The groups of units the action is assigned to; each member unit reports its own part.</summary>
    public List<ActionUnitGroup> ResponsibleGroups { get; set; } = [];
    public List<ScheduleEntry> Schedule { get; set; } = [];
    /// <summary>The number of the published version that removed it from the plan, kept because something points at
    /// it (reports, monitoring, follow-ups, risks; ADR 033). Null while it is part of the plan. A removed row is hidden
    /// by a query filter from every read of the current plan; earlier versions show it from their snapshots.</summary>
    public int? RemovedInVersion { get; set; }
}

public class ActionUnit
{
    public int ActionId { get; set; }
    public PlanAction? Action { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
}

