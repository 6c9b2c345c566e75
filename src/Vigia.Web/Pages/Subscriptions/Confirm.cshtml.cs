using Vigia.Core.Consultation;

namespace Vigia.Web.Pages.Subscriptions;

/// <summary>/suscripciones/confirmar?token=…: the link of the confirmation mail. Opening it only shows a button (a mail
/// scanner that follows links confirms nothing); the click confirms and uses the link up. A tampered, used or expired
/// link answers 400 with the reason in Spanish.</summary>
public class ConfirmModel(ConsultationSubscriptions subscriptions) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "token")]
    public string? Token { get; set; }

    public string? EntityName { get; private set; }

    public bool Confirmed { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        EntityName = await subscriptions.PeekConfirmationAsync(Token, ct);
        if (EntityName is null)
        {
            ModelState.AddModelError("", ConsultationSubscriptions.InvalidConfirmationMessage);
            return this.InvalidPage();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await subscriptions.ConfirmAsync(Token, ct);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", result.Errors[""]);
            return this.InvalidPage();
        }
        EntityName = result.Value;
        Confirmed = true;
        return Page();
    }
}
