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
        Options = (await AdminLookups.UnitsAsync(db, ct)).Where(o => o.Id != Id).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var unit = await db.Units.FindAsync([Id], ct);
        if (unit is null)
        {
            return NotFound();
        }
        if (ModelState.IsValid)
        {
            var result = await units.SaveAsync(unit.EntityId, Id, Name, ParentId, ct);
            if (result.Succeeded)
            {
                TempData["Aviso"] = "Unidad guardada.";
                return Redirect("/admin/unidades");
            }
            ModelState.AddModelError(nameof(Name), result.Error!);
        }
        Options = (await AdminLookups.UnitsAsync(db, ct)).Where(o => o.Id != Id).ToList();
        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }
}
