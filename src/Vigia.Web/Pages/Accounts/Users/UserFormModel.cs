using System.ComponentModel.DataAnnotations;

using Vigia.Web.Pages.Admin;

namespace Vigia.Web.Pages.Accounts.Users;

/// <summary>The fields shared by the create and edit forms, and their choices.</summary>
public abstract class UserFormModel(AppDbContext db) : PageModel
{
    protected AppDbContext Db { get; } = db;

    [BindProperty]
    [Required(ErrorMessage = "Escriba el nombre de la persona.")]
    [Display(Name = "Nombre completo")]
    public string DisplayName { get; set; } = "";

    [BindProperty]
    [Display(Name = "Roles")]
    public List<string> SelectedRoles { get; set; } = [];

    [BindProperty]
    [Display(Name = "Entidad")]
    public int? EntityId { get; set; }

    [BindProperty]
    [Display(Name = "Unidades (para Responsables)")]
    public List<int> UnitIds { get; set; } = [];

    [BindProperty]
    [Display(Name = "Componentes (para Líderes de componente)")]
    public List<int> ComponentIds { get; set; } = [];

    [BindProperty]
    [Display(Name = "Departamentos (para Consulta departamental)")]
    public List<int> DepartmentIds { get; set; } = [];

    public IReadOnlyList<Option> EntityOptions { get; private set; } = [];
    public IReadOnlyList<Option> UnitOptions { get; private set; } = [];
    public IReadOnlyList<Option> DepartmentOptions { get; private set; } = [];
    public IReadOnlyList<Option> ComponentOptions { get; private set; } = [];

    protected async Task LoadChoicesAsync(CancellationToken ct)
    {
        EntityOptions = await Db.Entities.AsNoTracking().Select(e => new Option(e.Id, e.Name)).ToListAsync(ct);
        EntityOptions = EntityOptions.OrderBy(o => o.Label, SpanishText.NameOrder).ToList();
        UnitOptions = await AdminLookups.UnitsAsync(Db, ct);
        ComponentOptions = await AdminLookups.ComponentsAsync(Db, ct);
        DepartmentOptions = Vigia.Core.Organisation.Departments.All.Select(d => new Option(d.Id, d.Name)).OrderBy(o => o.Label, SpanishText.NameOrder).ToList();
    }

    protected async Task<PageResult> InvalidAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        return this.InvalidPage();
    }
}
