using System.ComponentModel.DataAnnotations;
using Vigia.Core.Organisation;
using Vigia.Web.Pages.Admin;

namespace Vigia.Web.Pages.Organisation.Processes;

public sealed record ProcessRow(int Id, string Name, ProcessKind Kind, string? Owner, bool Active);

/// <summary>Lists the processes and edits one at a time: <c>?editar=ID</c> fills the form with it.</summary>
public class IndexModel(AppDbContext db, ProcessService processes) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "editar")]
    public int? EditId { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Escriba el nombre del proceso.")]
    [Display(Name = "Nombre del proceso")]
    public string? Name { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Elija el tipo de proceso.")]
    [Display(Name = "Tipo")]
    public ProcessKind? Kind { get; set; }

    [BindProperty]
    [Display(Name = "Objetivo del proceso")]
    public string? Objective { get; set; }

    [BindProperty]
    public List<string> LeaderIds { get; set; } = [];

    [BindProperty]
    [Display(Name = "Unidad líder del proceso")]
    public int? OwnerUnitId { get; set; }

    [BindProperty]
    [Display(Name = "Activo")]
    public bool Active { get; set; } = true;

    public IReadOnlyList<ProcessRow> Rows { get; private set; } = [];
    public IReadOnlyList<Option> Units { get; private set; } = [];
    /// <summary>People with the Líder de proceso role, who can be given a process's risk map.</summary>
    public IReadOnlyList<(string Id, string Name)> Leaders { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (EditId is { } id)
        {
            var p = await db.Processes.Include(x => x.Leaders).FirstOrDefaultAsync(x => x.Id == id, ct);
            if (p is null)
            {
                return NotFound();
            }
            (Name, Kind, OwnerUnitId, Active, Objective) = (p.Name, p.Kind, p.OwnerUnitId, p.IsActive, p.Objective);
            LeaderIds = p.Leaders.Select(l => l.UserId).ToList();
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var entityId = await AdminLookups.DefaultEntityIdAsync(db, ct);
        if (!ModelState.IsValid || entityId is not { } entity)
        {
            await LoadAsync(ct);
            return this.InvalidPage();
        }
        var result = await processes.SaveAsync(entity, EditId, new ProcessDraft(Name!, Kind!.Value, OwnerUnitId, Active, Objective ?? "", LeaderIds), ct);
        return await this.RespondAsync(result, _ => this.RedirectWithNotice($"Proceso «{Name}» guardado.", "/Organisation/Processes/Index"),
            reload: () => LoadAsync(ct));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Rows = await db.Processes.AsNoTracking().OrderBy(p => p.Kind).ThenBy(p => p.Name)
            .Select(p => new ProcessRow(p.Id, p.Name, p.Kind, p.OwnerUnit == null ? null : p.OwnerUnit.Name, p.IsActive)).ToListAsync(ct);
        Units = await AdminLookups.UnitsAsync(db, ct);
        var leaderRole = await db.Roles.Where(r => r.Name == Roles.ProcessLeader).Select(r => r.Id).FirstOrDefaultAsync(ct);
        Leaders = (await db.Users.AsNoTracking().Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == leaderRole))
                .Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct))
            .OrderBy(u => u.DisplayName, SpanishText.NameOrder).Select(u => (u.Id, u.DisplayName)).ToList();
    }
}
