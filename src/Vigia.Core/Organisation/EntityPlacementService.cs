using Vigia.Core.Accounts;
using Vigia.Core.Audit;

namespace Vigia.Core.Organisation;

/// <summary>The fields placement errors are keyed by.</summary>
public static class EntityPlacementFields
{
    public const string DepartmentId = "DepartmentId";
    public const string HostEntityId = "HostEntityId";
}

/// <summary>Where an entity sits in the country: its department, and the entity that hosts it on this installation.</summary>
public sealed record EntityPlacement(int? DepartmentId, int? HostEntityId);

/// <summary>Owns an entity's department and host. Hosting is one level deep and within one department: a governor's
/// office hosts its municipalities, a hosted entity hosts nobody, and an entity that hosts others is hosted by nobody
/// (so there is never a cycle).</summary>
public sealed class EntityPlacementService(AppDbContext db, AuditScope audit)
{
    public async Task<Result<Entity>> SaveAsync(Actor actor, int entityId, EntityPlacement placement, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(placement);
        if (!actor.IsIn(Roles.Administrator))
        {
            return Result.Forbidden("Solo el administrador puede cambiar el departamento y la entidad anfitriona.");
        }
        var entity = await db.Entities.FindAsync([entityId], ct);
        if (entity is null)
        {
            return Result.NotFound("La entidad no existe.");
        }
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var department = placement.DepartmentId is { } d
            ? await db.Departments.AsNoTracking().Where(x => x.Id == d).Select(x => x.Name).FirstOrDefaultAsync(ct)
            : null;
        if (placement.DepartmentId is not null && department is null)
        {
            errors[EntityPlacementFields.DepartmentId] = "El departamento elegido no existe.";
        }
        else if (await db.Entities.Where(e => e.HostEntityId == entityId && e.DepartmentId != placement.DepartmentId)
            .Select(e => e.Name).FirstOrDefaultAsync(ct) is { } hostedElsewhere)
        {
            errors[EntityPlacementFields.DepartmentId] =
                $"Esta entidad aloja a «{hostedElsewhere}», que quedaría en otro departamento: cambie primero el departamento de las entidades que aloja.";
        }
        var host = await HostErrorAsync(entityId, placement, ct);
        if (host.Error is { } hostError)
        {
            errors[EntityPlacementFields.HostEntityId] = hostError;
        }
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }
        entity.DepartmentId = placement.DepartmentId;
        entity.HostEntityId = placement.HostEntityId;
        var reason = $"Departamento: {department ?? "ninguno"}; entidad anfitriona: {host.Name ?? "ninguna"}.";
        using (audit.Begin(new AuditActor(actor.UserId, actor.Name), reason))
        {
            await db.SaveChangesAsync(ct);
        }
        return Result.Saved(entity);
    }

    private async Task<(string? Name, string? Error)> HostErrorAsync(int entityId, EntityPlacement placement, CancellationToken ct)
    {
        if (placement.HostEntityId is not { } hostId)
        {
            return (null, null);
        }
        if (hostId == entityId)
        {
            return (null, "Una entidad no puede alojarse a sí misma.");
        }
        var host = await db.Entities.AsNoTracking().Where(e => e.Id == hostId)
            .Select(e => new { e.Name, e.DepartmentId, e.HostEntityId }).FirstOrDefaultAsync(ct);
        if (host is null)
        {
            return (null, "La entidad anfitriona elegida no existe.");
        }
        if (placement.DepartmentId is null || host.DepartmentId != placement.DepartmentId)
        {
            return (host.Name, $"«{host.Name}» no es del mismo departamento: la entidad anfitriona debe ser del departamento de la entidad.");
        }
        if (host.HostEntityId is not null)
        {
            return (host.Name, $"«{host.Name}» está alojada en otra entidad; solo una entidad que no está alojada puede alojar a otras.");
        }
        if (await db.Entities.AnyAsync(e => e.HostEntityId == entityId, ct))
        {
            return (host.Name, "Esta entidad aloja a otras, así que no puede quedar alojada en otra entidad.");
        }
        return (host.Name, null);
    }
}
