using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Vigia.Core.Mail;
using Vigia.Web.Security;

namespace Vigia.Web.Pages.Accounts;

/// <summary>Sends a single-use reset link by e-mail. The answer is the same whether or not the address has an
/// account, so the page does not reveal who works at the entity.</summary>
[AllowAnonymous]
[EnableRateLimiting(Policies.PublicFormRateLimit)]
public class ForgotPasswordModel(UserManager<AppUser> users, AccountTokens tokens, IEmailSender mail, IConfiguration configuration,
    ILogger<ForgotPasswordModel> logger) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Escriba su correo electrónico.")]
    [EmailAddress(ErrorMessage = "Escriba un correo electrónico válido.")]
    [Display(Name = "Correo electrónico")]
    public string Email { get; set; } = "";

    public bool MailConfigured => mail.IsConfigured;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!mail.IsConfigured)
        {
            return Page();
        }
        if (!ModelState.IsValid)
        {
            return this.InvalidPage();
        }
        var user = await users.FindByEmailAsync(Email.Trim());
        if (user is { IsActive: true })
        {
            var token = await tokens.IssueAsync(user.Id, AccountTokenPurpose.PasswordReset, AccountTokens.ResetLifetime, ct);
            var baseUrl = configuration["Vigia:PublicBaseUrl"]?.TrimEnd('/') ?? $"{Request.Scheme}://{Request.Host}";
            var link = $"{baseUrl}/cuenta/restablecer?token={token}";
            try
            {
                await mail.SendAsync(new EmailMessage(user.Email!, user.DisplayName, "Vigía: restablecer su contraseña",
                    $"""
                    Hola, {user.DisplayName}:

                    Alguien (ojalá usted) pidió restablecer la contraseña de su cuenta en Vigía.
                    Abra este enlace en las próximas 2 horas para elegir una nueva; sirve una sola vez:

                    {link}

                    Si no lo pidió, ignore este mensaje: su contraseña no cambia.
                    """), ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "No se pudo enviar el correo de restablecimiento a {UserId}", user.Id);
            }
        }
        return this.RedirectWithNotice(
            "Si el correo corresponde a una cuenta activa, enviamos un enlace para restablecer la contraseña. Revise su bandeja de entrada.",
            "/Accounts/ForgotPassword");
    }
}
