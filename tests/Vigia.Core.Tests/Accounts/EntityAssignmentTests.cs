using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Time.Testing;
using Vigia.Core.Accounts;
using Vigia.Core.Audit;
using Vigia.Core.Organisation;

namespace Vigia.Core.Tests.Accounts;

/// <summary>The rule that gives existing accounts their entity (<see cref="EntityAssignment"/>), on both databases:
/// their units' entity when all are of one; on an installation with one entity, that one for the entity's staff but not
/// the installation's administrator; none otherwise; never overwriting a choice; audited; idempotent.</summary>
public abstract class EntityAssignmentTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(TestTime.Written);
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await database.DisposeAsync();

    private AppDbContext Audited(AuditScope scope)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, database.Provider, database.ConnectionString, new AuditInterceptor(scope, clock));
        return new AppDbContext(options.Options);
    }

    private static async Task<string> AddUserAsync(AppDbContext db, string name, string[] roles, int[]? units = null, int? entity = null)
    {
        var user = new AppUser { UserName = $"{name}@prueba.gov.co", DisplayName = name, CreatedAt = TestTime.Written, EntityId = entity };
        user.Units.AddRange((units ?? []).Select(u => new UserUnit { UserId = user.Id, UnitId = u }));
        db.Users.Add(user);
        foreach (var role in roles)
        {
            var stored = await db.Roles.FirstOrDefaultAsync(r => r.Name == role)
                ?? db.Roles.Local.FirstOrDefault(r => r.Name == role)
                ?? db.Roles.Add(new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() }).Entity;
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = stored.Id });
        }
        await db.SaveChangesAsync();
        return user.Id;
    }

    private async Task<int?> EntityOfAsync(string userId)
    {
        await using var db = database.CreateContext();
        return await db.Users.Where(u => u.Id == userId).Select(u => u.EntityId).SingleAsync();
    }

    private async Task<int> RunAsync()
    {
        var scope = new AuditScope();
        await using var db = Audited(scope);
        return await EntityAssignment.AssignExistingAsync(db, scope);
    }

    [Fact]
    public async Task OneEntity_StaffTakeIt_TheAdministratorAndDepartmentObserversDoNot()
    {
        int cali;
        string planner, responsible, admin, observer, adminPlanner;
        await using (var db = await database.CreateMigratedContextAsync())
        {
            var entity = new Entity { Name = "Alcaldía de Santiago de Cali", Slug = "cali" };
            var unit = new Unit { Entity = entity, Name = "Secretaría de Salud", NormalizedName = "secretaria de salud" };
            db.Units.Add(unit);
            await db.SaveChangesAsync();
            cali = entity.Id;
            planner = await AddUserAsync(db, "planeacion", [Roles.Planning]);
            responsible = await AddUserAsync(db, "responsable", [Roles.Responsible], [unit.Id]);
            admin = await AddUserAsync(db, "admin", [Roles.Administrator]);
            observer = await AddUserAsync(db, "observador", [Roles.DepartmentObserver]);
            adminPlanner = await AddUserAsync(db, "admin-planeacion", [Roles.Administrator, Roles.Planning]);
        }

        Assert.Equal(2, await RunAsync());

        Assert.Equal(cali, await EntityOfAsync(planner));
        Assert.Equal(cali, await EntityOfAsync(responsible));
        Assert.Null(await EntityOfAsync(adminPlanner));
        Assert.Null(await EntityOfAsync(admin));
        Assert.Null(await EntityOfAsync(observer));
        await using var check = database.CreateContext();
        var entries = await check.AuditEntries.Where(e => e.EntityType == "AppUser" && e.Action == AuditAction.Updated).ToListAsync();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal("sistema (entidad de las cuentas)", e.ActorName));
        Assert.All(entries, e => Assert.StartsWith("Cuentas sin entidad", e.Reason, StringComparison.Ordinal));
        // Run again (every start-up does): nothing left to place, nothing written.
        Assert.Equal(0, await RunAsync());
        Assert.Equal(2, await check.AuditEntries.CountAsync(e => e.EntityType == "AppUser" && e.Action == AuditAction.Updated));
    }

    [Fact]
    public async Task SeveralEntities_UnitsOfOneEntityDecide_OtherwiseTheAdministratorMust_AndAChoiceIsNeverOverwritten()
    {
        int cali, palmira;
        string fromUnits, mixed, none, chosen;
        await using (var db = await database.CreateMigratedContextAsync())
        {
            var first = new Entity { Name = "Alcaldía de Santiago de Cali", Slug = "cali" };
            var second = new Entity { Name = "Personería de Palmira", Slug = "palmira" };
            var caliUnit = new Unit { Entity = first, Name = "Secretaría de Salud", NormalizedName = "secretaria de salud" };
            var caliOther = new Unit { Entity = first, Name = "Secretaría de Educación", NormalizedName = "secretaria de educacion" };
            var palmiraUnit = new Unit { Entity = second, Name = "Despacho", NormalizedName = "despacho" };
            db.Units.AddRange(caliUnit, caliOther, palmiraUnit);
            await db.SaveChangesAsync();
            (cali, palmira) = (first.Id, second.Id);
            fromUnits = await AddUserAsync(db, "de-cali", [Roles.Planning], [caliUnit.Id, caliOther.Id]);
            mixed = await AddUserAsync(db, "mixta", [Roles.Planning], [caliUnit.Id, palmiraUnit.Id]);
            none = await AddUserAsync(db, "sin-unidades", [Roles.Planning]);
            chosen = await AddUserAsync(db, "elegida", [Roles.Responsible], [caliUnit.Id], entity: palmira);
        }

        Assert.Equal(1, await RunAsync());

        Assert.Equal(cali, await EntityOfAsync(fromUnits));
        Assert.Null(await EntityOfAsync(mixed));
        Assert.Null(await EntityOfAsync(none));
        Assert.Equal(palmira, await EntityOfAsync(chosen));
    }
}

public sealed class SqliteEntityAssignmentTests() : EntityAssignmentTests(DatabaseProvider.Sqlite);

public sealed class PostgresEntityAssignmentTests() : EntityAssignmentTests(DatabaseProvider.Postgres);
