namespace Vigia.Core.RiskMap;

/// <summary>One version of a year's risk map as the versions page lists it.</summary>
public sealed record RiskMapVersionSummary(int Number, string? Justification, DateTimeOffset CreatedAt, string? CreatedBy,
    DateTimeOffset? PublishedAt, string? PublishedBy, string? ApprovedBy, DateOnly? ApprovedOn, string? ApprovalNote)
{
    public bool IsPublished => PublishedAt is not null;

    /// <summary>«Versión 2, publicada el 3 de marzo de 2026», or «Versión 2 (borrador)».</summary>
    public string Label => PublishedAt is { } at
        ? $"Versión {Number}, publicada el {SpanishFormat.LongDate(ColombianTime.DateOf(at))}"
        : $"Versión {Number} (borrador)";

    public string? Approval => ApprovedBy is null ? null
        : $"Aprobada por {ApprovedBy}{(ApprovedOn is { } on ? $" el {SpanishFormat.LongDate(on)}" : "")}{(ApprovalNote is null ? "" : $" ({ApprovalNote})")}";
}

/// <summary>A published version with its frozen content: what citizens see.</summary>
public sealed record PublishedRiskMap(RiskMapVersionSummary Version, RiskMapSnapshot Content);

/// <summary>Which versions of a year's map exist and which one citizens see: the latest published, or an earlier
/// published one by number. A draft is never public; a map never published has nothing public.</summary>
public static class RiskMapVersions
{
    public static async Task<IReadOnlyList<RiskMapVersionSummary>> ListAsync(AppDbContext db, int entityId, int year, bool includeDrafts,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var all = await db.RiskMapVersions.AsNoTracking().Where(v => v.EntityId == entityId && v.Year == year).OrderBy(v => v.Number)
            .Select(v => new RiskMapVersionSummary(v.Number, v.Justification, v.CreatedAt, v.CreatedBy, v.PublishedAt, v.PublishedBy,
                v.ApprovedBy, v.ApprovedOn, v.ApprovalNote))
            .ToListAsync(ct);
        return includeDrafts ? all : all.Where(v => v.IsPublished).ToList();
    }

    /// <summary>The published version <paramref name="number"/>, or the latest published one; null when there is none.</summary>
    public static async Task<PublishedRiskMap?> PublishedAsync(AppDbContext db, int entityId, int year, int? number = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var version = await db.RiskMapVersions.AsNoTracking()
            .Where(v => v.EntityId == entityId && v.Year == year && v.PublishedAt != null && (number == null || v.Number == number))
            .OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
        if (version?.Snapshot is null)
        {
            return null;
        }
        return new PublishedRiskMap(new RiskMapVersionSummary(version.Number, version.Justification, version.CreatedAt, version.CreatedBy,
            version.PublishedAt, version.PublishedBy, version.ApprovedBy, version.ApprovedOn, version.ApprovalNote), RiskMapSnapshot.FromJson(version.Snapshot));
    }

    /// <summary>Why the entity's map of <paramref name="year"/> cannot be changed now, or null when it can: once published,
    /// the map changes only in a draft version opened with its justification.</summary>
    public static async Task<string?> ChangeRefusalAsync(AppDbContext db, int entityId, int year, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var latest = await db.RiskMapVersions.AsNoTracking().Where(v => v.EntityId == entityId && v.Year == year)
            .OrderByDescending(v => v.Number).Select(v => new { v.Number, v.PublishedAt }).FirstOrDefaultAsync(ct);
        return latest?.PublishedAt is null ? null
            : $"El mapa de riesgos {year} está publicado (versión {latest.Number}): solo cambia en una nueva versión, que Planeación abre con su justificación.";
    }
}
