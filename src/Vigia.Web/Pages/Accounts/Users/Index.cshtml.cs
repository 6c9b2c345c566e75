namespace Vigia.Web.Pages.Accounts.Users;

public sealed record UserRow(string Id, string Name, string Email, IReadOnlyList<string> Roles, IReadOnlyList<string> Units, bool Active, bool HasPassword)
{
    /// <summary>The account's entity, or null when it has none.</summary>
    public string? Entity { get; init; }
}

public class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var roles = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(ct);
        var byUser = roles.ToLookup(r => r.UserId, r => Roles.DisplayName(r.Name!));
        var users = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName)
            .Select(u => new
            {
                u.Id,
                u.DisplayName,
                u.Email,
                u.IsActive,
                HasPassword = u.PasswordHash != null,
                Entity = u.Entity != null ? u.Entity.Name : null,
                Units = u.Units.Select(x => x.Unit!.Name).ToList(),
                Departments = u.Departments.Select(x => x.Department!.Name).ToList(),
            })
            .ToListAsync(ct);
        Users = users.Select(u => new UserRow(u.Id, u.DisplayName, u.Email ?? "", byUser[u.Id].ToList(),
            [.. u.Units, .. u.Departments.Select(d => "Departamento de " + d)], u.IsActive, u.HasPassword)
        { Entity = u.Entity }).ToList();
    }
}
