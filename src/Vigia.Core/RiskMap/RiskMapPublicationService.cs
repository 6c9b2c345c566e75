using Vigia.Core.Accounts;
using Vigia.Core.Audit;

namespace Vigia.Core.RiskMap;

/// <summary>Who approved a version of the map for publication, and when.</summary>
public sealed record RiskMapApproval(string? ApprovedBy, DateOnly? ApprovedOn, string? Note = null);

/// <summary>The fields publication errors are keyed by.</summary>
public static class RiskMapPublicationFields
{
    public const string ApprovedBy = "ApprovedBy";
    public const string ApprovedOn = "ApprovedOn";
    public const string ApprovalNote = "ApprovalNote";
    public const string Justification = "Justification";
}

/// <summary>
/// Owns a risk map's publication, as the plan's lifecycle does for the plan: Planeación publishes a year's map of an
/// entity with who approved it and when, freezing its content; after that the map changes only in a new version
/// opened with its justification, and publishing that version keeps every earlier one public.
/// </summary>
public sealed class RiskMapPublicationService(AppDbContext db, AuditScope audit, TimeProvider clock)
{
    public const int MinJustificationLength = 10;
    public const int MaxJustificationLength = 4000;
    public const int MaxNameLength = 300;

    public static bool CanPublish(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.IsIn(Roles.Planning);
    }

    /// <summary>Publishes the open draft version (or, the first time, version 1) of the entity's map of the year.</summary>
    public async Task<Result<int>> PublishAsync(int entityId, int year, RiskMapApproval approval, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(approval);
        if (!CanPublish(actor))
        {
            return Result.Forbidden("Solo Planeación publica el mapa de riesgos.");
        }
        if (!await db.Entities.AnyAsync(e => e.Id == entityId, ct))
        {
            return Result.NotFound();
        }
        var versions = await db.RiskMapVersions.Where(v => v.EntityId == entityId && v.Year == year).ToListAsync(ct);
        var latest = versions.MaxBy(v => v.Number);
        if (latest is { IsPublished: true })
        {
            return Result.Conflict($"La versión {latest.Number} ya está publicada; para cambiar el mapa abra una nueva versión con su justificación.");
        }
        var errors = CheckApproval(approval);
        var content = await RiskMapSnapshot.LoadAsync(db, entityId, year, ct);
        if (content.Risks.Count == 0)
        {
            errors[""] = $"El mapa de riesgos {year} no tiene riesgos: no hay nada que publicar.";
        }
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }
        var now = clock.GetUtcNow();
        var version = latest ?? new RiskMapVersion { EntityId = entityId, Year = year, Number = 1, CreatedAt = now, CreatedBy = actor.Name };
        if (latest is null)
        {
            db.RiskMapVersions.Add(version);
        }
        var json = content.ToJson();
        version.Snapshot = json;
        version.SnapshotSha256 = RiskMapSnapshot.Sha256(json);
        version.PublishedAt = now;
        version.PublishedBy = actor.Name;
        version.ApprovedBy = approval.ApprovedBy!.Trim();
        version.ApprovedOn = approval.ApprovedOn;
        version.ApprovalNote = string.IsNullOrWhiteSpace(approval.Note) ? null : approval.Note.Trim();
        using (audit.Begin(new AuditActor(actor.UserId, actor.Name), version.Justification ?? $"Publicación del mapa de riesgos {year}"))
        {
            await db.SaveChangesAsync(ct);
        }
        return Result.Saved(version.Number);
    }

    /// <summary>Opens version N+1 of a published map as a draft, with the reason for the change; the risks can then be
    /// changed, and citizens keep seeing version N until N+1 is published.</summary>
    public async Task<Result<int>> StartVersionAsync(int entityId, int year, string? justification, Actor actor, CancellationToken ct = default)
    {
        if (!CanPublish(actor))
        {
            return Result.Forbidden("Solo Planeación abre una nueva versión del mapa de riesgos.");
        }
        if (!await db.Entities.AnyAsync(e => e.Id == entityId, ct))
        {
            return Result.NotFound();
        }
        var latest = await db.RiskMapVersions.Where(v => v.EntityId == entityId && v.Year == year).OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
        if (latest is null)
        {
            return Result.Conflict($"El mapa de riesgos {year} aún no se ha publicado: los cambios se hacen directamente y luego se publica.");
        }
        if (!latest.IsPublished)
        {
            return Result.Conflict($"La versión {latest.Number} ya está abierta en borrador: los cambios se hacen en ella.");
        }
        var reason = justification?.Trim();
        if (reason is null || reason.Length < MinJustificationLength)
        {
            return Result.Invalid(RiskMapPublicationFields.Justification,
                $"Explique por qué cambia el mapa publicado (al menos {MinJustificationLength} caracteres): la justificación se publica con la nueva versión.");
        }
        if (reason.Length > MaxJustificationLength)
        {
            return Result.Invalid(RiskMapPublicationFields.Justification, $"La justificación puede tener como máximo {MaxJustificationLength} caracteres.");
        }
        var version = new RiskMapVersion
        {
            EntityId = entityId,
            Year = year,
            Number = latest.Number + 1,
            Justification = reason,
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = actor.Name,
        };
        db.RiskMapVersions.Add(version);
        using (audit.Begin(new AuditActor(actor.UserId, actor.Name), reason))
        {
            await db.SaveChangesAsync(ct);
        }
        return Result.Saved(version.Number);
    }

    private Dictionary<string, string> CheckApproval(RiskMapApproval approval)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var approvedBy = approval.ApprovedBy?.Trim();
        if (string.IsNullOrEmpty(approvedBy))
        {
            errors[RiskMapPublicationFields.ApprovedBy] = "Indique quién aprobó el mapa de riesgos (nombre y cargo, o la instancia).";
        }
        else if (approvedBy.Length > MaxNameLength)
        {
            errors[RiskMapPublicationFields.ApprovedBy] = $"Quién aprobó puede tener como máximo {MaxNameLength} caracteres.";
        }
        if (approval.ApprovedOn is not { } approvedOn)
        {
            errors[RiskMapPublicationFields.ApprovedOn] = "Indique la fecha de aprobación.";
        }
        else if (approvedOn > ColombianTime.Today(clock))
        {
            errors[RiskMapPublicationFields.ApprovedOn] = "La fecha de aprobación no puede ser posterior a hoy.";
        }
        if (approval.Note?.Trim().Length > MaxNameLength)
        {
            errors[RiskMapPublicationFields.ApprovalNote] = $"La constancia puede tener como máximo {MaxNameLength} caracteres.";
        }
        return errors;
    }
}
