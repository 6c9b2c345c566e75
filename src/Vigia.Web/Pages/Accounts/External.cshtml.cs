using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Vigia.Web.Pages.Accounts;

/// <summary>Return from the entity's identity provider: the person must already have an active Vigía account
/// with the same e-mail; the first time, the provider's login is linked to it.</summary>
[AllowAnonymous]
public class ExternalModel(SignInManager<AppUser> signIn, UserManager<AppUser> users) : PageModel
{
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null)
        {
            Message = "No se recibió la respuesta del proveedor de identidad. Intente de nuevo.";
            return Page();
        }
        var user = await users.FindByLoginAsync(info.LoginProvider, info.ProviderKey);
        if (user is null && info.Principal.FindFirst("email")?.Value is { } email)
        {
            user = await users.FindByEmailAsync(email);
            if (user is { IsActive: true })
            {
                await users.AddLoginAsync(user, info);
            }
        }
        if (user is not { IsActive: true })
        {
            Message = "Su identidad fue verificada, pero no tiene una cuenta activa en Vigía. Pida al administrador que la cree con su correo institucional.";
            return Page();
        }
        await signIn.SignInAsync(user, isPersistent: false, info.LoginProvider);
        if (Url.IsLocalUrl(returnUrl))
        {
            return LocalRedirect(returnUrl);
        }
        return RedirectToPage(await users.IsInRoleAsync(user, Roles.DepartmentObserver) ? "/DepartmentDesk/Index" : "/Progress/Index");
    }
}
