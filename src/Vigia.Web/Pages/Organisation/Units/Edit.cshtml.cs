using System.ComponentModel.DataAnnotations;
using Vigia.Core.Organisation;

using Vigia.Web.Pages.Admin;

namespace Vigia.Web.Pages.Organisation.Units;

public class EditModel(AppDbContext db, UnitService units) : PageModel
{
    [FromRoute]
    public int Id { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Escriba el nombre de la unidad.")]
    [Display(Name = "Nombre")]
    public string Name { get; set; } = "";

    [BindProperty]
    [Display(Name = "Depende de")]
    public int? ParentId { get; set; }

    public IReadOnlyList<Option> Options { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var unit = await db.Units.FindAsync([Id], ct);
        if (unit is null)
        {
            return NotFound();
        }
        (Name, ParentId) = (unit.Name, unit.ParentId);
        await LoadOptionsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var unit = await db.Units.FindAsync([Id], ct);
        if (unit is null)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            await LoadOptionsAsync(ct);
            return this.InvalidPage();
        }
        var result = await units.SaveAsync(unit.EntityId, Id, Name, ParentId, ct);
        return await this.RespondAsync(result, _ => this.RedirectWithNotice("Unidad guardada.", "/Organisation/Units/Index"),
            reload: () => LoadOptionsAsync(ct));
    }

    private async Task LoadOptionsAsync(CancellationToken ct) =>
        Options = (await AdminLookups.UnitsAsync(db, ct)).Where(o => o.Id != Id).ToList();
}
