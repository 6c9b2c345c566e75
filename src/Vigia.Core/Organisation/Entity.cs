using Vigia.Core.Plans;

namespace Vigia.Core.Organisation;

/// <summary>A public body that owns plans (for example, the Alcaldía de Santiago de Cali).</summary>
public class Entity
{
    public int Id { get; set; }
    public required string Name { get; set; }
    /// <summary>URL segment that names the entity in open-data and API addresses.</summary>
    public required string Slug { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? OfficeHours { get; set; }

    /// <summary>The «correo para notificaciones judiciales» the footer of a Colombian public site shows; null until the
    /// administrator sets it (<see cref="EntityContactService"/>).</summary>
    public string? JudicialNoticeEmail { get; set; }
    public string? WebsiteUrl { get; set; }
    public string? TransparencyUrl { get; set; }

    /// <summary>The entity's own privacy policy, as plain text; null until the administrator writes it, and the public
    /// page shows <see cref="EntityTexts.DefaultPrivacyPolicy"/> marked as a reference text meanwhile.</summary>
    public string? PrivacyPolicy { get; set; }

    /// <summary>The entity's own terms of use, as plain text; null as <see cref="PrivacyPolicy"/>.</summary>
    public string? TermsOfUse { get; set; }

    /// <summary>The department it belongs to (<see cref="Departments"/>); null until the administrator sets it, and
    /// then the entity appears only in the nation's consolidated view.</summary>
    public int? DepartmentId { get; set; }
    public Department? Department { get; set; }

    /// <summary>The entity that hosts it on this installation (a governor's office hosting its municipalities); null
    /// for an entity on its own.</summary>
    public int? HostEntityId { get; set; }
    public Entity? HostEntity { get; set; }

    /// <summary>True for an entity the synthetic generator made (<c>synthetic generate</c>); every page and file
    /// showing it says «Datos simulados».</summary>
    public bool IsSimulated { get; set; }
    public List<Unit> Units { get; set; } = [];
    public List<Plan> Plans { get; set; } = [];
}

/// <summary>An organisational unit (organismo, dependencia, subdirección…); units nest.</summary>
public class Unit
{
    public int Id { get; set; }
    public int EntityId { get; set; }
    public Entity? Entity { get; set; }
    public int? ParentId { get; set; }
    public Unit? Parent { get; set; }
    public List<Unit> Children { get; set; } = [];
    public required string Name { get; set; }
    /// <summary>Name folded for matching: lower case, no accents, single spaces, no trailing dot.</summary>
    public required string NormalizedName { get; set; }
    public bool IsActive { get; set; } = true;
}

public enum ProcessKind
{
    Strategic = 1,
    Missional = 2,
    Support = 3,
    EvaluationAndControl = 4,
}

/// <summary>One of the entity's processes; each corruption risk belongs to one.</summary>
public class Process
{
    public int Id { get; set; }
    public int EntityId { get; set; }
    public Entity? Entity { get; set; }
    public required string Name { get; set; }
    public ProcessKind Kind { get; set; }
    /// <summary>What the process is for, as the DAFP matrix's «Objetivo del proceso» column states it.</summary>
    public string? Objective { get; set; }
    public int? OwnerUnitId { get; set; }
    public Unit? OwnerUnit { get; set; }
    public bool IsActive { get; set; } = true;
    public List<ProcessLeader> Leaders { get; set; } = [];
}

/// <summary>A person who leads a process and maintains its risk map (first line of defence), as a Responsable
/// belongs to a unit: the role <c>ProcessLeader</c> gives the pages, this row gives the process.</summary>
public class ProcessLeader
{
    public required string UserId { get; set; }
    public Accounts.AppUser? User { get; set; }
    public int ProcessId { get; set; }
    public Process? Process { get; set; }
}
