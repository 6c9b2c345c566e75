using System.Security.Claims;

namespace Vigia.Core.Accounts;

/// <summary>Who is acting: the signed-in person (or the system) and their roles.</summary>
public sealed record Actor(string? UserId, string Name, IReadOnlySet<string> Roles)
{
    public static readonly Actor System = new(null, "sistema", new HashSet<string>());

    public bool IsIn(string role) => Roles.Contains(role);

    /// <summary>Roles that read every action of every plan: second and third line and the administrator.</summary>
    public bool ReadsEverything => IsIn(Accounts.Roles.Planning) || IsIn(Accounts.Roles.InternalControl) || IsIn(Accounts.Roles.Administrator);

    public static Actor From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return new Actor(null, "público", new HashSet<string>());
        }
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet();
        return new Actor(principal.FindFirstValue(ClaimTypes.NameIdentifier), principal.FindFirstValue(Audit.AuditActor.DisplayNameClaimType) ?? principal.Identity.Name ?? "", roles);
    }
}
