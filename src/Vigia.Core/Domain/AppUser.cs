using Microsoft.AspNetCore.Identity;

namespace Vigia.Core.Domain;

/// <summary>A person who signs in. Users are deactivated, never deleted, so the audit trail keeps its authors.</summary>
public class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public bool IsActive { get; set; } = true;
}
