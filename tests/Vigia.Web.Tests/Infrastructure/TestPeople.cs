namespace Vigia.Web.Tests.Infrastructure;

/// <summary>People for tests: accounts made by <see cref="AccountService"/> as an administrator would make them, with
/// a password instead of an activation link. Signing in is always through the real form, never a forged cookie.</summary>
public static class TestPeople
{
    public const string Password = "una frase de prueba larga";

    /// <summary>A new account with one role. A Responsable takes the unit named <paramref name="unit"/>, a Líder de
    /// componente the component numbered <paramref name="component"/> (of the most recent plan); without them the
    /// role's first unit or component in the database, as the role cannot exist without one. Consulta departamental
    /// takes <paramref name="departments"/>, Valle del Cauca without them.</summary>
    public static async Task<AppUser> CreateAsync(IServiceProvider services, string role, string? unit = null, int? component = null,
        string? email = null, string? name = null, string password = Password, IReadOnlyCollection<int>? departments = null, int? entity = null)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        List<int>? units = null;
        List<int>? components = null;
        if (unit is not null || role == Roles.Responsible)
        {
            units = [await db.Units.Where(u => unit == null || u.Name == unit).OrderBy(u => u.Id).Select(u => u.Id).FirstAsync()];
        }
        if (component is not null || role == Roles.ComponentLeader)
        {
            components = [await db.Components.Where(c => component == null || c.Number == component)
                .OrderByDescending(c => c.Plan!.Year).ThenBy(c => c.Id).Select(c => c.Id).FirstAsync()];
        }
        // The account's entity, as the administrator sets it: the one asked for, its unit's, or the first entity (the plan's).
        int? entityId = null;
        if (EntityAssignment.NeedsEntity([role]))
        {
            entityId = entity ?? (units is [var first]
                ? await db.Units.Where(u => u.Id == first).Select(u => u.EntityId).SingleAsync()
                : await db.Entities.OrderBy(e => e.Id).Select(e => (int?)e.Id).FirstOrDefaultAsync());
        }
        var result = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(new NewUser(
            email ?? $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@prueba.gov.co",
            name ?? $"Persona {Roles.DisplayName(role)}", [role], units, components, password,
            role == Roles.DepartmentObserver ? departments ?? [Vigia.Core.Organisation.Departments.ValleDelCauca] : departments, entityId));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        return result.Value.User;
    }

    /// <summary>The installation-wide administrator who is also Planeación: no entity, so it writes every entity's plans
    /// and imports the first plan of an entity not yet in Vigía.</summary>
    public static async Task<AppUser> CreateInstallationPlannerAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(new NewUser(
            $"instalacion-{Guid.NewGuid():N}@prueba.gov.co", "Persona Administración y Planeación", [Roles.Administrator, Roles.Planning], Password: Password));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        return result.Value.User;
    }
}
