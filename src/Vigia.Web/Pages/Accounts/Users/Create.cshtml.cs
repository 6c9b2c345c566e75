using System.ComponentModel.DataAnnotations;

namespace Vigia.Web.Pages.Accounts.Users;

public class CreateModel(AppDbContext db, AccountService accounts) : UserFormModel(db)
{
    [BindProperty]
    [Required(ErrorMessage = "Escriba el correo institucional.")]
    [Display(Name = "Correo electrónico")]
    public string Email { get; set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        // On an installation with one entity, that is the new account's entity unless the administrator says otherwise.
        EntityId = EntityOptions.Count == 1 ? EntityOptions[0].Id : null;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return await InvalidAsync(ct);
        }
        var result = await accounts.CreateAsync(new NewUser(Email, DisplayName, SelectedRoles, UnitIds, ComponentIds, DepartmentIds: DepartmentIds, EntityId: EntityId), ct);
        return await this.RespondAsync(result, created => this.RedirectWithNotice(
                $"Cuenta creada para {created.User.Email}. Entréguele este enlace de activación, que sirve una sola vez y vence en 48 horas: "
                + Url.Page("/Accounts/Activate", null, new { token = created.ActivationToken }, Request.Scheme),
                "/Accounts/Users/Edit", new { id = created.User.Id }),
            reload: () => LoadChoicesAsync(ct));
    }
}
