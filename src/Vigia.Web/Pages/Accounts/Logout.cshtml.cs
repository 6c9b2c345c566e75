using Microsoft.AspNetCore.Identity;

namespace Vigia.Web.Pages.Accounts;

public class LogoutModel(SignInManager<AppUser> signIn) : PageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        TempData["Aviso"] = "Cerró su sesión.";
        return Redirect("/cuenta/ingresar");
    }
}
