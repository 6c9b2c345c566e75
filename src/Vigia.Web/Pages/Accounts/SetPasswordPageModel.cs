using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Vigia.Web.Security;

namespace Vigia.Web.Pages.Accounts;

/// <summary>Sets a password from a single-use link: first activation or reset.</summary>
[AllowAnonymous]
[EnableRateLimiting(Policies.PublicFormRateLimit)]
public abstract class SetPasswordPageModel(AccountService accounts, AccountTokens tokens, AccountTokenPurpose purpose) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Escriba la nueva contraseña.")]
    [DataType(DataType.Password)]
    [Display(Name = "Nueva contraseña")]
    public string Password { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Escriba otra vez la nueva contraseña.")]
    [Compare(nameof(Password), ErrorMessage = "Las dos contraseñas no coinciden.")]
    [DataType(DataType.Password)]
    [Display(Name = "Confirme la contraseña")]
    public string Confirmation { get; set; } = "";

    public string? Email { get; private set; }
    public bool LinkIsValid { get; private set; }
    public int MinimumLength => AccountsSetup.MinimumPasswordLength;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await tokens.PeekAsync(Token, purpose, ct);
        (LinkIsValid, Email) = (user is not null, user?.Email);
        if (!LinkIsValid)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await tokens.PeekAsync(Token, purpose, ct);
        (LinkIsValid, Email) = (user is not null, user?.Email);
        if (!ModelState.IsValid)
        {
            return this.InvalidPage();
        }
        var result = await accounts.SetPasswordWithTokenAsync(Token, purpose, Password, ct);
        return await this.RespondAsync(result, _ => this.RedirectWithNotice("Su contraseña quedó guardada. Ya puede ingresar.", "/Accounts/Login"));
    }
}
