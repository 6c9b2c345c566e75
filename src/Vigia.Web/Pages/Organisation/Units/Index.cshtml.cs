using System.ComponentModel.DataAnnotations;
using Vigia.Core.Organisation;

using Vigia.Web.Pages.Admin;

namespace Vigia.Web.Pages.Organisation.Units;

public sealed record UnitNode(int Id, string Name, bool Active, int Actions, int People, IReadOnlyList<UnitNode> Children);

public class IndexModel(AppDbContext db, UnitService units) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Escriba el nombre de la unidad.")]
    [Display(Name = "Nombre de la nueva unidad")]
    public string? Name { get; set; }

    [BindProperty]
    [Display(Name = "Depende de")]
    public int? ParentId { get; set; }

    [BindProperty]
    [Display(Name = "Unidad que se conserva")]
    public int? KeepId { get; set; }

    [BindProperty]
    [Display(Name = "Unidad duplicada")]
    public int? DuplicateId { get; set; }

    [BindProperty]
    [Display(Name = "Motivo de la fusión")]
    [StringLength(1000)]
    public string? MergeReason { get; set; }

    public IReadOnlyList<UnitNode> Tree { get; private set; } = [];
    public IReadOnlyList<Option> Options { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        ModelState.Remove(nameof(KeepId));
        ModelState.Remove(nameof(DuplicateId));
        var entityId = await AdminLookups.DefaultEntityIdAsync(db, ct);
        if (!ModelState.IsValid || entityId is not { } id)
        {
            return await InvalidAsync(ct);
        }
        var result = await units.SaveAsync(id, null, Name!, ParentId, ct);
        return await this.RespondAsync(result, unit => this.RedirectWithNotice($"Unidad «{unit.Name}» creada.", "/Organisation/Units/Index"),
            reload: () => LoadAsync(ct));
    }

    public async Task<IActionResult> OnPostMergeAsync(CancellationToken ct)
    {
        ModelState.Remove(nameof(Name));
        if (KeepId is null || DuplicateId is null)
        {
            ModelState.AddModelError(nameof(KeepId), "Elija la unidad que se conserva y la duplicada.");
            return await InvalidAsync(ct);
        }
        var result = await units.MergeAsync(KeepId.Value, DuplicateId.Value, MergeReason, ct);
        return await this.RespondAsync(result, kept => this.RedirectWithNotice($"Unidades fusionadas en «{kept.Name}».", "/Organisation/Units/Index"),
            reload: () => LoadAsync(ct));
    }

    private async Task<PageResult> InvalidAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return this.InvalidPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var all = await db.Units.AsNoTracking()
            .Select(u => new { u.Id, u.Name, u.ParentId, u.IsActive, Actions = db.ActionUnits.Count(x => x.UnitId == u.Id), People = db.UserUnits.Count(x => x.UnitId == u.Id) })
            .ToListAsync(ct);
        var children = all.ToLookup(u => u.ParentId);
        List<UnitNode> Build(int? parent) => children[parent].OrderBy(u => u.Name, SpanishText.NameOrder)
            .Select(u => new UnitNode(u.Id, u.Name, u.IsActive, u.Actions, u.People, Build(u.Id))).ToList();
        Tree = Build(null);
        Options = await AdminLookups.UnitsAsync(db, ct);
    }
}
