namespace Vigia.Core.Organisation;

/// <summary>Owns changes to the entity's processes (each corruption risk will belong to one).</summary>
public sealed class ProcessService(AppDbContext db)
{
    public static string KindName(ProcessKind kind) => kind switch
    {
        ProcessKind.Strategic => "Estratégico",
        ProcessKind.Missional => "Misional",
        ProcessKind.Support => "De apoyo",
        _ => "De evaluación y control",
    };

    public async Task<Result<Process>> SaveAsync(int entityId, int? processId, string name, ProcessKind kind, int? ownerUnitId,
        bool active, CancellationToken ct = default) => await SaveAsync(entityId, processId, name, kind, objective: null, ownerUnitId, active, ct);

    /// <param name="objective">The process's objective; null leaves a stored one as it is.</param>
    public async Task<Result<Process>> SaveAsync(int entityId, int? processId, string name, ProcessKind kind, string? objective, int? ownerUnitId,
        bool active, CancellationToken ct = default)
    {
        var process = processId is null ? new Process { EntityId = entityId, Name = "" } : await db.Processes.FindAsync([processId.Value], ct);
        if (process is null || process.EntityId != entityId)
        {
            return Result.NotFound("El proceso no existe.");
        }
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(name))
        {
            errors["Name"] = "Escriba el nombre del proceso.";
        }
        if (!Enum.IsDefined(kind))
        {
            errors["Kind"] = "Elija el tipo de proceso.";
        }
        if (ownerUnitId is { } u && !await db.Units.AnyAsync(x => x.Id == u && x.EntityId == entityId, ct))
        {
            errors["OwnerUnitId"] = "La unidad elegida no existe.";
        }
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }
        if (objective is { Length: > 2000 })
        {
            return Result.Invalid("Objective", "El objetivo es demasiado largo: máximo 2.000 caracteres.");
        }
        process.Name = name.Trim();
        if (objective is not null)
        {
            process.Objective = string.IsNullOrWhiteSpace(objective) ? null : objective.Trim();
        }
        process.Kind = kind;
        process.OwnerUnitId = ownerUnitId;
        process.IsActive = active;
        if (process.Id == 0)
        {
            db.Processes.Add(process);
        }
        await db.SaveChangesAsync(ct);
        return Result.Saved(process);
    }

    /// <summary>Sets who leads a process (and so maintains its risk map); each person must hold the Líder de proceso role.</summary>
    public async Task<Result<Process>> SetLeadersAsync(int processId, IReadOnlyCollection<string> userIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        var process = await db.Processes.Include(p => p.Leaders).FirstOrDefaultAsync(p => p.Id == processId, ct);
        if (process is null)
        {
            return Result.NotFound("El proceso no existe.");
        }
        var wanted = userIds.Distinct(StringComparer.Ordinal).ToList();
        var roleId = await db.Roles.Where(r => r.Name == Accounts.Roles.ProcessLeader).Select(r => r.Id).FirstOrDefaultAsync(ct);
        var leaders = await db.UserRoles.Where(ur => ur.RoleId == roleId && wanted.Contains(ur.UserId)).Select(ur => ur.UserId).ToListAsync(ct);
        if (leaders.Count != wanted.Count)
        {
            return Result.Invalid("LeaderIds", "Solo una persona con el rol Líder de proceso puede liderar un proceso.");
        }
        process.Leaders.RemoveAll(l => !wanted.Contains(l.UserId));
        process.Leaders.AddRange(wanted.Except(process.Leaders.Select(l => l.UserId)).Select(u => new ProcessLeader { UserId = u, ProcessId = process.Id }));
        await db.SaveChangesAsync(ct);
        return Result.Saved(process);
    }
}
