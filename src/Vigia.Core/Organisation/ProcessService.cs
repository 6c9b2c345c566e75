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
        bool active, CancellationToken ct = default) => await SaveAsync(entityId, processId, new ProcessDraft(name, kind, ownerUnitId, active), ct);

    /// <summary>Creates or changes a process; <see cref="ProcessDraft.Objective"/> and <see cref="ProcessDraft.LeaderIds"/> left null
    /// keep what is stored.</summary>
    public async Task<Result<Process>> SaveAsync(int entityId, int? processId, ProcessDraft draft, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var (name, kind, ownerUnitId, active) = (draft.Name, draft.Kind, draft.OwnerUnitId, draft.Active);
        var process = processId is null ? new Process { EntityId = entityId, Name = "" }
            : await db.Processes.Include(p => p.Leaders).FirstOrDefaultAsync(p => p.Id == processId.Value, ct);
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
        if (draft.Objective is { Length: > 2000 })
        {
            errors["Objective"] = "El objetivo es demasiado largo: máximo 2.000 caracteres.";
        }
        var leaders = draft.LeaderIds?.Distinct(StringComparer.Ordinal).ToList();
        if (leaders is { Count: > 0 })
        {
            var roleId = await db.Roles.Where(r => r.Name == Accounts.Roles.ProcessLeader).Select(r => r.Id).FirstOrDefaultAsync(ct);
            if (await db.UserRoles.CountAsync(ur => ur.RoleId == roleId && leaders.Contains(ur.UserId), ct) != leaders.Count)
            {
                errors["LeaderIds"] = "Solo una persona con el rol Líder de proceso puede liderar un proceso.";
            }
        }
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }
        process.Name = name.Trim();
        process.Kind = kind;
        process.OwnerUnitId = ownerUnitId;
        process.IsActive = active;
        if (draft.Objective is not null)
        {
            process.Objective = string.IsNullOrWhiteSpace(draft.Objective) ? null : draft.Objective.Trim();
        }
        if (leaders is not null)
        {
            process.Leaders.RemoveAll(l => !leaders.Contains(l.UserId));
            process.Leaders.AddRange(leaders.Except(process.Leaders.Select(l => l.UserId)).Select(id => new ProcessLeader { UserId = id, Process = process }));
        }
        if (process.Id == 0)
        {
            db.Processes.Add(process);
        }
        await db.SaveChangesAsync(ct);
        return Result.Saved(process);
    }
}

/// <summary>A process as its form sends it.</summary>
/// <param name="LeaderIds">The people (with the Líder de proceso role) who maintain its risk map.</param>
public sealed record ProcessDraft(string Name, ProcessKind Kind, int? OwnerUnitId, bool Active, string? Objective = null,
    IReadOnlyCollection<string>? LeaderIds = null);
