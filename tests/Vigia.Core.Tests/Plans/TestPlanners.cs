using Vigia.Core.Accounts;

namespace Vigia.Core.Tests.Plans;

/// <summary>The account behind a test's Planeación actor: a stored user with that id and its entity, as the
/// administrator would set it (<see cref="AppUser.EntityId"/>), so the checks on the data find it.</summary>
public static class TestPlanners
{
    /// <summary>Stores the user of <paramref name="actor"/> with <paramref name="entityId"/>; without one, the first entity.</summary>
    public static async Task AddAsync(AppDbContext db, Actor actor, int? entityId = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        var id = actor.UserId ?? throw new ArgumentException("The actor has no user id.", nameof(actor));
        var entity = entityId ?? await db.Entities.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
        db.Users.Add(new AppUser
        {
            Id = id,
            UserName = $"{id}@prueba.gov.co",
            Email = $"{id}@prueba.gov.co",
            DisplayName = actor.Name,
            CreatedAt = TestTime.Written,
            EntityId = entity,
        });
        await db.SaveChangesAsync();
    }
}
