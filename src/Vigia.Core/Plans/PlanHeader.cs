namespace Vigia.Core.Plans;

/// <summary>A plan's header as the public pages and the API show it.</summary>
public sealed record PlanHeader(int Id, string EntityName, string EntitySlug, PlanKind Kind, int Year, string Title, PlanStatus Status,
    int Version, string? DocumentCode, string? Objective, string? Scope, string? ResponsiblePerson, string? CoordinatingUnit,
    IReadOnlyList<string> ParticipatingUnits)
{
    public string StatusName => Status switch
    {
        PlanStatus.Draft => "Borrador",
        PlanStatus.Published => "Publicado",
        _ => "Cerrado",
    };

    public static async Task<PlanHeader> LoadAsync(AppDbContext db, int planId, CancellationToken ct)
    {
        var p = await db.Plans.AsNoTracking().Where(p => p.Id == planId)
            .Select(p => new
            {
                p.Id,
                EntityName = p.Entity!.Name,
                p.Entity.Slug,
                p.Kind,
                p.Year,
                p.Title,
                p.Status,
                Version = p.Versions.Max(v => (int?)v.Number) ?? 0,
                p.DocumentCode,
                p.Objective,
                p.Scope,
                p.ResponsiblePerson,
                p.CoordinatingUnit,
                p.ParticipatingUnits,
            })
            .SingleAsync(ct);
        return new PlanHeader(p.Id, p.EntityName, p.Slug, p.Kind, p.Year, p.Title, p.Status, p.Version, p.DocumentCode, p.Objective,
            p.Scope, p.ResponsiblePerson, p.CoordinatingUnit,
            p.ParticipatingUnits?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? []);
    }
}
