using System.ComponentModel.DataAnnotations;

using Vigia.Web.Pages.Admin;

namespace Vigia.Web.Pages.Accounts.Users;

public class CreateModel(AppDbContext db, AccountService accounts) : UserFormModel(db)
{
    [BindProperty]
    [Required(ErrorMessage = "Escriba el correo institucional.")]
    [Display(Name = "Correo electrónico")]
    public string Email { get; set; } = "";

    public async Task OnGetAsync(CancellationToken ct) => await LoadChoicesAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return await InvalidAsync(ct);
        }
        var result = await accounts.CreateAsync(new NewUser(Email, DisplayName, SelectedRoles, UnitIds, ComponentIds), ct);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors);
            return await InvalidAsync(ct);
        }
        TempData["Aviso"] = $"Cuenta creada para {result.User!.Email}. Entréguele este enlace de activación, que sirve una sola vez y vence en 48 horas: "
            + $"{Request.Scheme}://{Request.Host}/cuenta/activar?token={result.ActivationToken}";
        return Redirect($"/admin/usuarios/{result.User.Id}");
    }
}
