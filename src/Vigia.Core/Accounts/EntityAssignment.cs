using Vigia.Core.Audit;

namespace Vigia.Core.Accounts;

/// <summary>The entity an account belongs to (<see cref="AppUser.EntityId"/>): which roles need one, and the one-time
/// rule that gives existing accounts theirs (ADR 032).</summary>
/// <remarks>The rule, applied only to accounts whose entity is still empty, never overwriting a choice:
/// (1) an account whose units all belong to one entity takes that entity; (2) otherwise, on an installation with exactly
/// one entity, an account holding a role of the entity's staff (Planeación, Líder de componente, Responsable, Control
/// Interno, Líder de proceso) takes that entity, unless it is the installation's administrator (Administrador, with or
/// without Planeación: it stays installation-wide) or Consulta departamental; (3) any other account keeps no entity,
/// and the administrator sets it on the account's page. The same rule fills the entity of an account created without
/// one (<see cref="AccountService"/>). It is written with the EF model (no SQL), so it runs the same on SQLite and PostgreSQL, and the
/// host and the CLI run it right after migrating; on accounts it already placed it changes nothing.</remarks>
public static class EntityAssignment
{
    /// <summary>The roles of an entity's own people: with any of them an account belongs to an entity.</summary>
    public static readonly IReadOnlyList<string> EntityRoles = [Roles.Planning, Roles.ComponentLeader, Roles.Responsible, Roles.InternalControl, Roles.ProcessLeader];

    public static bool NeedsEntity(IEnumerable<string> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        return roles.Any(EntityRoles.Contains);
    }

    /// <summary>Gives the accounts without an entity the one the rule finds; returns how many were placed. Audited as
    /// the system, with the rule as the reason.</summary>
    public static async Task<int> AssignExistingAsync(AppDbContext db, AuditScope audit, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(audit);
        var pending = await db.Users.Where(u => u.EntityId == null).Select(u => u.Id).ToListAsync(ct);
        if (pending.Count == 0)
        {
            return 0;
        }
        var unitEntities = (await db.UserUnits.Where(x => pending.Contains(x.UserId))
                .Select(x => new { x.UserId, x.Unit!.EntityId }).Distinct().ToListAsync(ct))
            .ToLookup(x => x.UserId, x => x.EntityId);
        var entities = await db.Entities.OrderBy(e => e.Id).Select(e => e.Id).Take(2).ToListAsync(ct);
        int? onlyEntity = entities.Count == 1 ? entities[0] : null;
        var roles = (await db.UserRoles.Where(ur => pending.Contains(ur.UserId))
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(ct))
            .ToLookup(x => x.UserId, x => x.Name ?? "");
        var placed = new Dictionary<string, int>();
        foreach (var id in pending)
        {
            var fromUnits = unitEntities[id].Distinct().ToList();
            if (fromUnits.Count == 1)
            {
                placed[id] = fromUnits[0];
            }
            else if (fromUnits.Count == 0 && onlyEntity is { } only && NeedsEntity(roles[id]) && !roles[id].Contains(Roles.DepartmentObserver)
                && !roles[id].Contains(Roles.Administrator))
            {
                placed[id] = only;
            }
        }
        if (placed.Count == 0)
        {
            return 0;
        }
        var ids = placed.Keys.ToList();
        foreach (var user in await db.Users.Where(u => ids.Contains(u.Id)).ToListAsync(ct))
        {
            user.EntityId = placed[user.Id];
        }
        using (audit.Begin(new AuditActor(null, "sistema (entidad de las cuentas)"),
            "Cuentas sin entidad: toman la de sus unidades cuando todas son de una entidad, o la única entidad de la instalación"))
        {
            await db.SaveChangesAsync(ct);
        }
        return placed.Count;
    }
}
