using Microsoft.AspNetCore.Identity;

namespace Vigia.Web.Pages.Accounts;

public class LogoutModel(SignInManager<AppUser> signIn) : PageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return this.RedirectWithNotice("Cerró su sesión.", "/Accounts/Login");
    }
}
