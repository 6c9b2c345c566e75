using System.ComponentModel.DataAnnotations;
using Vigia.Core.Organisation;
using Vigia.Web.Pages.Admin;

namespace Vigia.Web.Pages.Organisation.Entities;

/// <summary>An entity's department and host. The service refuses a host of another department, a host that is itself
/// hosted and a cycle; the form comes back with the error and nothing is saved.</summary>
public class EditModel(AppDbContext db, EntityPlacementService placement) : PageModel
{
    [FromRoute]
    public int Id { get; set; }

    [BindProperty]
    [Display(Name = "Departamento")]
    public int? DepartmentId { get; set; }

    [BindProperty]
    [Display(Name = "Alojada en (entidad anfitriona)")]
    public int? HostEntityId { get; set; }

    public string Name { get; private set; } = "";
    public IReadOnlyList<Option> DepartmentOptions { get; private set; } = [];
    public IReadOnlyList<Option> HostOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var entity = await db.Entities.AsNoTracking().FirstOrDefaultAsync(e => e.Id == Id, ct);
        if (entity is null)
        {
            return NotFound();
        }
        (DepartmentId, HostEntityId) = (entity.DepartmentId, entity.HostEntityId);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await db.Entities.AnyAsync(e => e.Id == Id, ct))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return this.InvalidPage();
        }
        var result = await placement.SaveAsync(Actor.From(User), Id, new EntityPlacement(DepartmentId, HostEntityId), ct);
        return await this.RespondAsync(result,
            saved => this.RedirectWithNotice($"Departamento y entidad anfitriona de {saved.Name} guardados.", "/Organisation/Entities/Index"),
            reload: () => LoadAsync(ct));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Name = await db.Entities.Where(e => e.Id == Id).Select(e => e.Name).SingleAsync(ct);
        DepartmentOptions = Vigia.Core.Organisation.Departments.All.Select(d => new Option(d.Id, d.Name)).OrderBy(o => o.Label, SpanishText.NameOrder).ToList();
        // Every other entity: the service says why one cannot host, which a shorter list would only hide.
        var hosts = await db.Entities.AsNoTracking().Where(e => e.Id != Id)
            .Select(e => new { e.Id, e.Name, Department = e.Department!.Name }).ToListAsync(ct);
        HostOptions = hosts.Select(h => new Option(h.Id, h.Department is null ? h.Name : $"{h.Name} ({h.Department})"))
            .OrderBy(o => o.Label, SpanishText.NameOrder).ToList();
    }
}
