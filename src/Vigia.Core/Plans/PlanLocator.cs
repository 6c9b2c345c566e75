namespace Vigia.Core.Plans;

public sealed record PlanLocation(int? PlanId, IReadOnlyList<string> CandidateEntities)
{
    public bool Found => PlanId is not null;
    public bool Ambiguous => PlanId is null && CandidateEntities.Count > 1;
}

/// <summary>Turns the public addresses' (entity?, year) into a plan: without an entity, the year's plan is
/// served only while a single entity has one.</summary>
public sealed class PlanLocator(AppDbContext db)
{
    public async Task<PlanLocation> FindAsync(string? entitySlug, int year, CancellationToken ct = default)
    {
        var query = db.Plans.AsNoTracking().Where(p => p.Year == year);
        if (!string.IsNullOrEmpty(entitySlug))
        {
            query = query.Where(p => p.Entity!.Slug == entitySlug);
        }
        var matches = await query
            .OrderBy(p => p.Kind)
            .Select(p => new { p.Id, p.Entity!.Slug })
            .ToListAsync(ct);
        var entities = matches.Select(m => m.Slug).Distinct().ToList();
        return entities.Count == 1
            ? new PlanLocation(matches[0].Id, entities)
            : new PlanLocation(null, entities);
    }
}
