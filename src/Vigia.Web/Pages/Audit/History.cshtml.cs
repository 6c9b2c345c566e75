using Vigia.Core.Audit;
using Vigia.Core.Organisation;
using Vigia.Core.Progress;
using Vigia.Core.Schedule;

namespace Vigia.Web.Pages.Audit;

/// <summary>"Historial": every audited change of one record (and, for an action, of its schedule and reports),
/// shown only to people who may see that record.</summary>
public class HistoryModel(AppDbContext db, ActionAccess access) : PageModel
{
    [FromRoute(Name = "kind")]
    public string Kind { get; set; } = "";

    [FromRoute(Name = "id")]
    public string Id { get; set; } = "";

    public string Title { get; private set; } = "";
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = Actor.From(User);
        var ids = new List<(string Type, string Id)>();
        switch (Kind)
        {
            case "accion" when int.TryParse(Id, out var actionId) && await access.CanSeeAsync(actor, actionId, ct):
                Title = "Historial de la acción";
                ids.Add((nameof(PlanAction), Id));
                ids.AddRange((await db.ScheduleEntries.Where(s => s.ActionId == actionId).Select(s => s.Id).ToListAsync(ct))
                    .Select(s => (nameof(ScheduleEntry), s.ToString(System.Globalization.CultureInfo.InvariantCulture))));
                ids.AddRange((await db.ProgressReports.Where(r => r.ActionId == actionId).Select(r => r.Id).ToListAsync(ct))
                    .Select(r => (nameof(ProgressReport), r.ToString(System.Globalization.CultureInfo.InvariantCulture))));
                break;
            case "usuario" when actor.IsIn(Roles.Administrator):
                Title = "Historial de la cuenta";
                ids.Add((nameof(AppUser), Id));
                break;
            case "unidad" when actor.IsIn(Roles.Administrator):
                Title = "Historial de la unidad";
                ids.Add((nameof(Unit), Id));
                break;
            case "entidad" when actor.IsIn(Roles.Administrator):
                Title = "Historial de la entidad";
                ids.Add((nameof(Entity), Id));
                break;
            case "proceso" when actor.IsIn(Roles.Administrator):
                Title = "Historial del proceso";
                ids.Add((nameof(Process), Id));
                break;
            case "plan" when actor.ReadsEverything:
                Title = "Historial del plan";
                ids.Add((nameof(Plan), Id));
                break;
            default:
                return NotFound();
        }
        var types = ids.Select(i => i.Type).Distinct().ToList();
        var keys = ids.Select(i => i.Type + ":" + i.Id).ToHashSet();
        var candidates = await db.AuditEntries.AsNoTracking()
            .Where(e => types.Contains(e.EntityType) && ids.Select(i => i.Id).Contains(e.EntityId))
            .OrderByDescending(e => e.Sequence).Take(500).ToListAsync(ct);
        Entries = candidates.Where(e => keys.Contains(e.EntityType + ":" + e.EntityId)).ToList();
        return Page();
    }
}
