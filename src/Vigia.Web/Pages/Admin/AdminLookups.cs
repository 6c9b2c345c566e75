namespace Vigia.Web.Pages.Admin;

public sealed record Option(int Id, string Label);

/// <summary>Choices the administration forms offer: units with their full path, the latest plans' components.</summary>
public static class AdminLookups
{
    public static async Task<List<Option>> UnitsAsync(AppDbContext db, CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().Where(u => u.IsActive).Select(u => new { u.Id, u.Name, u.ParentId }).ToListAsync(ct);
        var byId = units.ToDictionary(u => u.Id);
        string Path(int id)
        {
            var parts = new List<string>();
            for (int? current = id; current is { } c && byId.TryGetValue(c, out var u) && parts.Count < 10; current = u.ParentId)
            {
                parts.Insert(0, u.Name);
            }
            return string.Join(" / ", parts);
        }
        return units.Select(u => new Option(u.Id, Path(u.Id))).OrderBy(o => o.Label, SpanishText.NameOrder).ToList();
    }

    public static Task<List<Option>> ComponentsAsync(AppDbContext db, CancellationToken ct) =>
        db.Components.AsNoTracking()
            .OrderByDescending(c => c.Plan!.Year).ThenBy(c => c.Plan!.EntityId).ThenBy(c => c.Number)
            .Select(c => new Option(c.Id, c.Plan!.Year + " · " + c.Number + ". " + c.Name))
            .ToListAsync(ct);

    public static Task<int?> DefaultEntityIdAsync(AppDbContext db, CancellationToken ct) =>
        db.Entities.OrderBy(e => e.Id).Select(e => (int?)e.Id).FirstOrDefaultAsync(ct);
}
