using Microsoft.AspNetCore.Identity;
using Vigia.Core.Organisation;
using Vigia.Core.Plans;

namespace Vigia.Core.Accounts;

/// <summary>A person who signs in. Users are deactivated, never deleted, so the audit trail keeps its authors.</summary>
public class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The entity whose staff this person is: Planeación writes only this entity's plans. Null for the
    /// installation-wide administrator and for Consulta departamental, who belong to no entity; set by the
    /// administrator, never inferred from the units at the moment of a write (<see cref="EntityAssignment"/>).</summary>
    public int? EntityId { get; set; }
    public Entity? Entity { get; set; }
    public List<UserUnit> Units { get; set; } = [];
    public List<UserComponent> Components { get; set; } = [];
    public List<UserDepartment> Departments { get; set; } = [];
}

/// <summary>A unit a Responsable belongs to and reports for (first line of defence).</summary>
public class UserUnit
{
    public required string UserId { get; set; }
    public AppUser? User { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
}

/// <summary>A component a Líder de componente monitors (second line of defence).</summary>
public class UserComponent
{
    public required string UserId { get; set; }
    public AppUser? User { get; set; }
    public int ComponentId { get; set; }
    public Component? Component { get; set; }
}

/// <summary>A department whose entities a person with the role <c>DepartmentObserver</c> («Consulta departamental»)
/// reads: a department's Control Interno or planning office sees its entities' desks, read-only.</summary>
public class UserDepartment
{
    public required string UserId { get; set; }
    public AppUser? User { get; set; }
    public int DepartmentId { get; set; }
    public Department? Department { get; set; }
}

public enum AccountTokenPurpose
{
    /// <summary>First password of a new account, or of the first administrator.</summary>
    Activation = 1,
    PasswordReset = 2,
}

/// <summary>A single-use, time-limited link token. Only its SHA-256 is stored, so a database reader cannot use it.</summary>
public class AccountToken
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public AppUser? User { get; set; }
    public AccountTokenPurpose Purpose { get; set; }
    public required string TokenHash { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
}
