namespace Vigia.Core.Plans;

/// <summary>A plan's header as the public pages and the API show it.</summary>
public sealed record PlanHeader(int Id, string EntityName, string EntitySlug, PlanKind Kind, int Year, string Title, PlanStatus Status,
    int Version, string? DocumentCode, string? Objective, string? Scope, string? ResponsiblePerson, string? CoordinatingUnit,
    IReadOnlyList<string> ParticipatingUnits)
{
    /// <summary>The state of the version the public pages show (<see cref="Version"/>).</summary>
    public VersionStatus VersionStatus { get; init; } = VersionStatus.Draft;

    /// <summary>The entity was made by <c>synthetic generate</c> (<see cref="Organisation.Entity.IsSimulated"/>): every
    /// page showing its name says «Datos simulados».</summary>
    public bool EntityIsSimulated { get; init; }

    /// <summary>A revision being prepared after the shown (published) version, if any.</summary>
    public int? DraftVersion { get; init; }

    public string StatusName => Status == PlanStatus.Closed ? "Cerrado" : VersionStatusName(VersionStatus);

    public static string VersionStatusName(VersionStatus status) => status switch
    {
        VersionStatus.Published => "Publicado",
        VersionStatus.InConsultation => "En consulta",
        _ => "Borrador",
    };

    public static async Task<PlanHeader> LoadAsync(AppDbContext db, int planId, CancellationToken ct)
    {
        var p = await db.Plans.AsNoTracking().Where(p => p.Id == planId)
            .Select(p => new
            {
                p.Id,
                EntityName = p.Entity!.Name,
                p.Entity.Slug,
                p.Entity.IsSimulated,
                p.Kind,
                p.Year,
                p.Title,
                p.Status,
                Versions = p.Versions.Select(v => new { v.Number, v.Status }).ToList(),
                p.DocumentCode,
                p.Objective,
                p.Scope,
                p.ResponsiblePerson,
                p.CoordinatingUnit,
                p.ParticipatingUnits,
            })
            .SingleAsync(ct);
        // The public shows the last published version; before the first publication, the draft.
        var shown = p.Versions.Where(v => v.Status == VersionStatus.Published).MaxBy(v => v.Number) ?? p.Versions.MaxBy(v => v.Number);
        var latest = p.Versions.MaxBy(v => v.Number);
        return new PlanHeader(p.Id, p.EntityName, p.Slug, p.Kind, p.Year, p.Title, p.Status, shown?.Number ?? 0, p.DocumentCode, p.Objective,
            p.Scope, p.ResponsiblePerson, p.CoordinatingUnit,
            p.ParticipatingUnits?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [])
        {
            VersionStatus = shown?.Status ?? VersionStatus.Draft,
            EntityIsSimulated = p.IsSimulated,
            DraftVersion = latest is not null && latest.Number != shown?.Number ? latest.Number : null,
        };
    }
}
