using Microsoft.AspNetCore.Identity;

namespace Vigia.Web.Pages.Accounts.Users;

public class EditModel(AppDbContext db, AccountService accounts, UserManager<AppUser> users, AccountTokens tokens, UserSessions sessions)
    : UserFormModel(db)
{
    [FromRoute]
    public string Id { get; set; } = "";

    public string Email { get; private set; } = "";
    public bool IsActive { get; private set; }

    /// <summary>The entity the account belongs to, as stored (null: none).</summary>
    public string? EntityName { get; private set; }

    /// <summary>The person's running sessions, newest first.</summary>
    public IReadOnlyList<UserSession> Sessions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await Db.Users.Include(u => u.Units).Include(u => u.Components).Include(u => u.Departments).FirstOrDefaultAsync(u => u.Id == Id, ct);
        if (user is null)
        {
            return NotFound();
        }
        (Email, IsActive, DisplayName, EntityId) = (user.Email ?? "", user.IsActive, user.DisplayName, user.EntityId);
        EntityName = user.EntityId is { } entityId ? await Db.Entities.AsNoTracking().Where(e => e.Id == entityId).Select(e => e.Name).SingleAsync(ct) : null;
        SelectedRoles = (await users.GetRolesAsync(user)).ToList();
        UnitIds = user.Units.Select(u => u.UnitId).ToList();
        ComponentIds = user.Components.Select(c => c.ComponentId).ToList();
        DepartmentIds = user.Departments.Select(d => d.DepartmentId).ToList();
        Sessions = await sessions.ActiveAsync(user.Id, ct);
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await Db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == Id, ct);
        if (user is null)
        {
            return NotFound();
        }
        (Email, IsActive) = (user.Email ?? "", user.IsActive);
        EntityName = user.EntityId is { } entityId ? await Db.Entities.AsNoTracking().Where(e => e.Id == entityId).Select(e => e.Name).SingleAsync(ct) : null;
        if (!ModelState.IsValid)
        {
            return await InvalidAsync(ct);
        }
        var result = await accounts.UpdateAsync(Id, new UserChanges(DisplayName, SelectedRoles, UnitIds, ComponentIds, DepartmentIds, EntityId), ct);
        return await this.RespondAsync(result, _ => this.RedirectWithNotice("Cambios guardados.", "/Accounts/Users/Edit", new { id = Id }),
            reload: () => LoadChoicesAsync(ct));
    }

    public async Task<IActionResult> OnPostActiveAsync(bool active, CancellationToken ct)
    {
        var result = await accounts.SetActiveAsync(Id, active, ct);
        return await this.RespondAsync(result, _ => this.RedirectWithNotice(
            active ? "La cuenta quedó activa." : "La cuenta quedó desactivada: ya no puede ingresar.", "/Accounts/Users/Edit", new { id = Id }));
    }

    /// <summary>Ends one of this person's sessions: its cookie opens nothing from the next request on.</summary>
    public async Task<IActionResult> OnPostEndSessionAsync(string session, CancellationToken ct)
    {
        var result = await sessions.EndAsync(session ?? "", UserSessions.EndedByAdministrator, userId: Id, ct: ct);
        return await this.RespondAsync(result, _ => this.RedirectWithNotice("La sesión quedó cerrada.", "/Accounts/Users/Edit", new { id = Id }));
    }

    public async Task<IActionResult> OnPostEndSessionsAsync(CancellationToken ct)
    {
        var result = await sessions.EndEveryAsync(Id, ct);
        return await this.RespondAsync(result, ended => this.RedirectWithNotice(
            ended == 1 ? "Se cerró 1 sesión." : $"Se cerraron {ended} sesiones.", "/Accounts/Users/Edit", new { id = Id }));
    }

    /// <summary>For installations without e-mail: the administrator hands over a single-use link instead.</summary>
    public async Task<IActionResult> OnPostLinkAsync(CancellationToken ct)
    {
        var user = await users.FindByIdAsync(Id);
        if (user is not { IsActive: true })
        {
            return NotFound();
        }
        var hasPassword = await users.HasPasswordAsync(user);
        var purpose = hasPassword ? AccountTokenPurpose.PasswordReset : AccountTokenPurpose.Activation;
        var token = await tokens.IssueAsync(user.Id, purpose, hasPassword ? AccountTokens.ResetLifetime : AccountTokens.ActivationLifetime, ct);
        var link = Url.Page(hasPassword ? "/Accounts/ResetPassword" : "/Accounts/Activate", null, new { token }, Request.Scheme);
        return this.RedirectWithNotice($"Enlace de un solo uso para {user.Email} (vence en {(hasPassword ? "2" : "48")} horas): {link}",
            "/Accounts/Users/Edit", new { id = Id });
    }
}
