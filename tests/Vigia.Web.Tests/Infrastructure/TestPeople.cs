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
        string? email = null, string? name = null, string password = Password, IReadOnlyCollection<int>? departments = null)
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
        var result = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(new NewUser(
            email ?? $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@prueba.gov.co",
            name ?? $"Persona {Roles.DisplayName(role)}", [role], units, components, password,
            role == Roles.DepartmentObserver ? departments ?? [Vigia.Core.Organisation.Departments.ValleDelCauca] : departments));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        return result.Value.User;
    }
}
