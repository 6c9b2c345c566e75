namespace Vigia.Web.Pages.Organisation.Entities;

public sealed record EntityRow(int Id, string Name, string? Department, string? Host, int Hosted, bool Simulated);

/// <summary>The entities of the installation with their department and host, for the administrator.</summary>
public class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<EntityRow> Entities { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rows = await db.Entities.AsNoTracking()
            .Select(e => new EntityRow(e.Id, e.Name, e.Department!.Name, e.HostEntity!.Name,
                db.Entities.Count(h => h.HostEntityId == e.Id), e.IsSimulated))
            .ToListAsync(ct);
        Entities = rows.OrderBy(r => r.Name, SpanishText.NameOrder).ToList();
    }
}
