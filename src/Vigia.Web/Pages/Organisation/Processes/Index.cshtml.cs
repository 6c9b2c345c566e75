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
    [Display(Name = "Unidad líder del proceso")]
    public int? OwnerUnitId { get; set; }

    [BindProperty]
    [Display(Name = "Activo")]
    public bool Active { get; set; } = true;

    public IReadOnlyList<ProcessRow> Rows { get; private set; } = [];
    public IReadOnlyList<Option> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (EditId is { } id)
        {
            var p = await db.Processes.FindAsync([id], ct);
            if (p is null)
            {
                return NotFound();
            }
            (Name, Kind, OwnerUnitId, Active) = (p.Name, p.Kind, p.OwnerUnitId, p.IsActive);
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
        var result = await processes.SaveAsync(entity, EditId, Name!, Kind!.Value, OwnerUnitId, Active, ct);
        return await this.RespondAsync(result, _ => this.RedirectWithNotice($"Proceso «{Name}» guardado.", "/Organisation/Processes/Index"),
            reload: () => LoadAsync(ct));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Rows = await db.Processes.AsNoTracking().OrderBy(p => p.Kind).ThenBy(p => p.Name)
            .Select(p => new ProcessRow(p.Id, p.Name, p.Kind, p.OwnerUnit == null ? null : p.OwnerUnit.Name, p.IsActive)).ToListAsync(ct);
        Units = await AdminLookups.UnitsAsync(db, ct);
    }
}
