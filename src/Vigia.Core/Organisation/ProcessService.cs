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
        process.Name = name.Trim();
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
}
