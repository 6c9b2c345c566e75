using Microsoft.AspNetCore.Identity;

namespace Vigia.Core.Accounts;

public sealed record NewUser(string Email, string DisplayName, IReadOnlyCollection<string> Roles,
    IReadOnlyCollection<int>? UnitIds = null, IReadOnlyCollection<int>? ComponentIds = null, string? Password = null,
    IReadOnlyCollection<int>? DepartmentIds = null, int? EntityId = null);

public sealed record UserChanges(string DisplayName, IReadOnlyCollection<string> Roles, IReadOnlyCollection<int> UnitIds,
    IReadOnlyCollection<int> ComponentIds, IReadOnlyCollection<int>? DepartmentIds = null, int? EntityId = null);

/// <summary>The field an account's entity errors are keyed by; the forms use the same name.</summary>
public static class AccountFields
{
    public const string EntityId = "EntityId";
}

/// <summary>A created account, with its single-use activation token when it was created without a password.</summary>
public sealed record CreatedAccount(AppUser User, string? ActivationToken);

/// <summary>Creates and changes accounts: roles by line of defence, units and components, activation links.
/// Users are never deleted, only deactivated.</summary>
public sealed class AccountService(AppDbContext db, UserManager<AppUser> users, RoleManager<IdentityRole> roles, AccountTokens tokens, UserSessions sessions,
    TimeProvider clock)
{
    public async Task EnsureRolesAsync(CancellationToken ct = default)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
        ct.ThrowIfCancellationRequested();
    }

    public async Task<Result<CreatedAccount>> CreateAsync(NewUser request, CancellationToken ct = default)
    {
        var errors = await ValidateAsync(request.Roles, request.UnitIds ?? [], request.ComponentIds ?? [], request.DepartmentIds ?? [], ct);
        var entityId = await ResolveEntityAsync(request.Roles, request.UnitIds ?? [], request.EntityId, errors, ct);
        var email = request.Email.Trim();
        if (!System.Net.Mail.MailAddress.TryCreate(email, out _))
        {
            errors["Email"] = "Escriba un correo electrónico válido, por ejemplo nombre@cali.gov.co.";
        }
        else if (await users.FindByEmailAsync(email) is not null)
        {
            errors["Email"] = "Ya existe una cuenta con ese correo.";
        }
        if (string.IsNullOrWhiteSpace(request.DisplayName))
        {
            errors["DisplayName"] = "Escriba el nombre de la persona.";
        }
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }
        await EnsureRolesAsync(ct);
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = request.DisplayName.Trim(),
            CreatedAt = clock.GetUtcNow(),
            LockoutEnabled = true,
            EntityId = entityId,
        };
        user.Units.AddRange((request.UnitIds ?? []).Distinct().Select(id => new UserUnit { UserId = user.Id, UnitId = id }));
        user.Components.AddRange((request.ComponentIds ?? []).Distinct().Select(id => new UserComponent { UserId = user.Id, ComponentId = id }));
        user.Departments.AddRange((request.DepartmentIds ?? []).Distinct().Select(id => new UserDepartment { UserId = user.Id, DepartmentId = id }));
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = request.Password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, request.Password);
        if (!created.Succeeded)
        {
            return Result.Invalid(IdentityErrors(created, "Password"));
        }
        var roleResult = await users.AddToRolesAsync(user, request.Roles.Distinct());
        if (!roleResult.Succeeded)
        {
            return Result.Invalid(IdentityErrors(roleResult, ""));
        }
        string? token = null;
        if (request.Password is null)
        {
            token = await tokens.IssueAsync(user.Id, AccountTokenPurpose.Activation, AccountTokens.ActivationLifetime, ct);
        }
        await transaction.CommitAsync(ct);
        return Result.Saved(new CreatedAccount(user, token));
    }

    public async Task<Result<AppUser>> UpdateAsync(string userId, UserChanges changes, CancellationToken ct = default)
    {
        var user = await db.Users.Include(u => u.Units).Include(u => u.Components).Include(u => u.Departments)
            .FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return Result.NotFound("La cuenta no existe.");
        }
        var departmentIds = changes.DepartmentIds ?? [];
        var errors = await ValidateAsync(changes.Roles, changes.UnitIds, changes.ComponentIds, departmentIds, ct);
        var entityId = await ResolveEntityAsync(changes.Roles, changes.UnitIds, changes.EntityId, errors, ct);
        if (string.IsNullOrWhiteSpace(changes.DisplayName))
        {
            errors["DisplayName"] = "Escriba el nombre de la persona.";
        }
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }
        await EnsureRolesAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        user.DisplayName = changes.DisplayName.Trim();
        user.EntityId = entityId;
        user.Units.RemoveAll(u => !changes.UnitIds.Contains(u.UnitId));
        user.Units.AddRange(changes.UnitIds.Except(user.Units.Select(u => u.UnitId)).Distinct().Select(id => new UserUnit { UserId = user.Id, UnitId = id }));
        user.Components.RemoveAll(c => !changes.ComponentIds.Contains(c.ComponentId));
        user.Components.AddRange(changes.ComponentIds.Except(user.Components.Select(c => c.ComponentId)).Distinct()
            .Select(id => new UserComponent { UserId = user.Id, ComponentId = id }));
        user.Departments.RemoveAll(d => !departmentIds.Contains(d.DepartmentId));
        user.Departments.AddRange(departmentIds.Except(user.Departments.Select(d => d.DepartmentId)).Distinct()
            .Select(id => new UserDepartment { UserId = user.Id, DepartmentId = id }));
        var current = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, current.Except(changes.Roles));
        await users.AddToRolesAsync(user, changes.Roles.Except(current).Distinct());
        await users.UpdateSecurityStampAsync(user);
        await transaction.CommitAsync(ct);
        return Result.Saved(user);
    }

    /// <summary>Deactivates: the person can no longer sign in and every open session ends at once.</summary>
    public async Task<Result<AppUser>> SetActiveAsync(string userId, bool active, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return Result.NotFound("La cuenta no existe.");
        }
        user.IsActive = active;
        user.LockoutEnd = active ? null : DateTimeOffset.MaxValue;
        if (!active)
        {
            // Saved by UpdateAsync below, in the same SaveChanges as the deactivation.
            await sessions.EndAllAsync(user.Id, UserSessions.AccountDeactivated, ct);
        }
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        ct.ThrowIfCancellationRequested();
        return Result.Saved(user);
    }

    /// <summary>Sets the password from an activation or reset link; the link is used up in the same save.</summary>
    public async Task<Result<AppUser>> SetPasswordWithTokenAsync(string? token, AccountTokenPurpose purpose, string password, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var user = await tokens.RedeemAsync(token, purpose, ct);
        if (user is null)
        {
            return Result.Invalid("", "El enlace no es válido, ya se usó o venció. Pida uno nuevo.");
        }
        var result = await users.HasPasswordAsync(user) ? await ResetAsync(user, password) : await users.AddPasswordAsync(user, password);
        if (!result.Succeeded)
        {
            return Result.Invalid(IdentityErrors(result, "Password"));
        }
        user.LockoutEnd = null;
        await users.ResetAccessFailedCountAsync(user);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Result.Saved(user);
    }

    private async Task<IdentityResult> ResetAsync(AppUser user, string password)
    {
        var validation = await ValidatePasswordAsync(user, password);
        if (!validation.Succeeded)
        {
            return validation;
        }
        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
        await users.UpdateSecurityStampAsync(user);
        return IdentityResult.Success;
    }

    private async Task<IdentityResult> ValidatePasswordAsync(AppUser user, string password)
    {
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            if (!result.Succeeded)
            {
                return result;
            }
        }
        return IdentityResult.Success;
    }

    private async Task<Dictionary<string, string>> ValidateAsync(IReadOnlyCollection<string> roleNames, IReadOnlyCollection<int> unitIds,
        IReadOnlyCollection<int> componentIds, IReadOnlyCollection<int> departmentIds, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        if (roleNames.Count == 0)
        {
            errors["Roles"] = "Elija al menos un rol.";
        }
        else if (roleNames.FirstOrDefault(r => !Roles.All.Contains(r)) is { } unknown)
        {
            errors["Roles"] = $"El rol «{unknown}» no existe.";
        }
        else if (Roles.ValidateCombination(roleNames) is { } message)
        {
            errors["Roles"] = message;
        }
        if (roleNames.Contains(Roles.Responsible) && unitIds.Count == 0)
        {
            errors["UnitIds"] = "Un Responsable debe pertenecer al menos a una unidad.";
        }
        if (unitIds.Count > 0 && await db.Units.CountAsync(u => unitIds.Contains(u.Id), ct) != unitIds.Distinct().Count())
        {
            errors["UnitIds"] = "Alguna de las unidades elegidas no existe.";
        }
        if (roleNames.Contains(Roles.ComponentLeader) && componentIds.Count == 0)
        {
            errors["ComponentIds"] = "Un Líder de componente debe tener al menos un componente asignado.";
        }
        if (componentIds.Count > 0 && await db.Components.CountAsync(c => componentIds.Contains(c.Id), ct) != componentIds.Distinct().Count())
        {
            errors["ComponentIds"] = "Alguno de los componentes elegidos no existe.";
        }
        if (roleNames.Contains(Roles.DepartmentObserver) && departmentIds.Count == 0)
        {
            errors["DepartmentIds"] = "Una cuenta de Consulta departamental debe tener al menos un departamento.";
        }
        if (departmentIds.Count > 0 && await db.Departments.CountAsync(d => departmentIds.Contains(d.Id), ct) != departmentIds.Distinct().Count())
        {
            errors["DepartmentIds"] = "Alguno de los departamentos elegidos no existe.";
        }
        return errors;
    }

    /// <summary>The account's entity, as the administrator chose it: it must exist and hold the account's units. When
    /// none is chosen for a role of the entity's staff, the rule of <see cref="EntityAssignment"/> fills it (the entity
    /// of its units when all are of one, or the installation's only entity), and an error asks for it when that finds
    /// none. The installation-wide administrator (Administrador, even with Planeación) and Consulta departamental keep
    /// none.</summary>
    private async Task<int?> ResolveEntityAsync(IReadOnlyCollection<string> roleNames, IReadOnlyCollection<int> unitIds, int? chosen,
        Dictionary<string, string> errors, CancellationToken ct)
    {
        if (roleNames.Contains(Roles.DepartmentObserver))
        {
            if (chosen is not null)
            {
                errors[AccountFields.EntityId] = "Una cuenta de Consulta departamental no pertenece a una entidad: deje la entidad vacía.";
            }
            return null;
        }
        var unitEntities = unitIds.Count == 0 ? []
            : await db.Units.Where(u => unitIds.Contains(u.Id)).Select(u => u.EntityId).Distinct().ToListAsync(ct);
        if (chosen is { } id)
        {
            if (!await db.Entities.AnyAsync(e => e.Id == id, ct))
            {
                errors[AccountFields.EntityId] = "La entidad elegida no existe.";
                return null;
            }
            if (unitEntities.Any(e => e != id))
            {
                errors["UnitIds"] = "Las unidades de la cuenta deben ser de su entidad; alguna de las elegidas es de otra.";
            }
            return id;
        }
        if (!EntityAssignment.NeedsEntity(roleNames) || roleNames.Contains(Roles.Administrator))
        {
            return null;
        }
        if (unitEntities.Count == 1)
        {
            return unitEntities[0];
        }
        var entities = await db.Entities.OrderBy(e => e.Id).Select(e => e.Id).Take(2).ToListAsync(ct);
        if (unitEntities.Count == 0 && entities.Count == 1)
        {
            return entities[0];
        }
        if (entities.Count > 0)
        {
            errors[AccountFields.EntityId] = "Elija la entidad de la cuenta: Planeación, los Responsables, los Líderes y Control Interno trabajan para una entidad.";
        }
        return null;
    }

    private static Dictionary<string, string> IdentityErrors(IdentityResult result, string field) =>
        new() { [field] = string.Join(" ", result.Errors.Select(e => e.Description)) };
}
