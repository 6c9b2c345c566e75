using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;

namespace Vigia.Web.Pages.Accounts;

public class ChangePasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Escriba su contraseña actual.")]
    [DataType(DataType.Password)]
    [Display(Name = "Contraseña actual")]
    public string Current { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Escriba la nueva contraseña.")]
    [DataType(DataType.Password)]
    [Display(Name = "Nueva contraseña")]
    public string Password { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Escriba otra vez la nueva contraseña.")]
    [Compare(nameof(Password), ErrorMessage = "Las dos contraseñas no coinciden.")]
    [DataType(DataType.Password)]
    [Display(Name = "Confirme la nueva contraseña")]
    public string Confirmation { get; set; } = "";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (ModelState.IsValid)
        {
            var result = await users.ChangePasswordAsync(user, Current, Password);
            if (result.Succeeded)
            {
                await signIn.RefreshSignInAsync(user);
                return this.RedirectWithNotice("Su contraseña cambió.", "/Accounts/ChangePassword");
            }
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? nameof(Current) : nameof(Password), error.Description);
            }
        }
        return this.InvalidPage();
    }
}
