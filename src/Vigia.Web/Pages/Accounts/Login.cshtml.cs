using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Vigia.Web.Security;

namespace Vigia.Web.Pages.Accounts;

[AllowAnonymous]
[EnableRateLimiting(Policies.SignInRateLimit)]
public class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users) : PageModel
{
    public const string Rejected = "El correo o la contraseña no son correctos, o la cuenta no está activa o quedó bloqueada "
        + "por varios intentos fallidos (espere 15 minutos o restablezca su contraseña).";

    [BindProperty]
    [Required(ErrorMessage = "Escriba su correo electrónico.")]
    [Display(Name = "Correo electrónico")]
    public string Email { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Escriba su contraseña.")]
    [DataType(DataType.Password)]
    [Display(Name = "Contraseña")]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IReadOnlyList<AuthenticationScheme> ExternalSchemes { get; private set; } = [];

    public async Task OnGetAsync() => ExternalSchemes = (await signIn.GetExternalAuthenticationSchemesAsync()).ToList();

    public async Task<IActionResult> OnPostAsync()
    {
        ExternalSchemes = (await signIn.GetExternalAuthenticationSchemesAsync()).ToList();
        if (!ModelState.IsValid)
        {
            return this.InvalidPage();
        }
        // Unknown, deactivated, locked and wrong password all get the same answer, so the form does not tell an
        // attacker which addresses have accounts (issue 14); the one message says what a locked person can do.
        var user = await users.FindByEmailAsync(Email.Trim());
        if (user is null || !user.IsActive)
        {
            // Spend what a password check costs, so the answer does not come back measurably sooner either.
            users.PasswordHasher.HashPassword(user ?? new AppUser(), Password);
            return Refuse();
        }
        var result = await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            return Refuse();
        }
        if (Url.IsLocalUrl(ReturnUrl))
        {
            return LocalRedirect(ReturnUrl);
        }
        // Consulta departamental has no /gestion: its desk is the department's.
        return RedirectToPage(await users.IsInRoleAsync(user, Roles.DepartmentObserver) ? "/DepartmentDesk/Index" : "/Progress/Index");
    }

    private PageResult Refuse()
    {
        ModelState.AddModelError(nameof(Email), Rejected);
        return this.InvalidPage();
    }

    public IActionResult OnPostExternal(string scheme)
    {
        var redirect = Url.Page("/Accounts/External", new { ReturnUrl });
        return Challenge(signIn.ConfigureExternalAuthenticationProperties(scheme, redirect), scheme);
    }
}
