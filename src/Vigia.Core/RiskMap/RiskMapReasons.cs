namespace Vigia.Core.RiskMap;

/// <summary>
/// The risk map's rule for the «motivo» of a write, the plan's rule carried over: before the year's map is first
/// published a write needs none (an empty one is kept as none); once a version has been published, the map changes
/// only in the draft of its next version and every risk, control and treatment write there must say why, in at least
/// <see cref="MinLength"/> characters, which the audit trail keeps with the change.
/// </summary>
public static class RiskMapReasons
{
    public const int MinLength = 10;
    public const int MaxLength = 2000;

    /// <summary>Null when <paramref name="reason"/> will do; otherwise the Spanish error for the «Motivo» field.</summary>
    public static async Task<string?> ErrorAsync(AppDbContext db, int entityId, int year, string? reason, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var text = Clean(reason) ?? "";
        if (text.Length > MaxLength)
        {
            return $"El motivo puede tener como máximo {MaxLength.ToString("N0", SpanishFormat.Culture)} caracteres.";
        }
        if (text.Length >= MinLength || !await PublishedAsync(db, entityId, year, ct))
        {
            return null;
        }
        return $"El mapa de riesgos {year} ya fue publicado: escriba el motivo del cambio (al menos {MinLength} caracteres); queda en el historial.";
    }

    /// <summary>Whether a version of the entity's map of <paramref name="year"/> has been published: a write then needs its motivo.</summary>
    public static async Task<bool> PublishedAsync(AppDbContext db, int entityId, int year, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.RiskMapVersions.AnyAsync(v => v.EntityId == entityId && v.Year == year && v.PublishedAt != null, ct);
    }

    public static string? Clean(string? reason) => string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
}
