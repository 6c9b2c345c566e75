using Vigia.Core.Consultation;

namespace Vigia.Web.Pages.Subscriptions;

/// <summary>/suscripciones/cancelar?token=…: the link at the foot of every subscription mail, without an account. Opening
/// it shows a button; the click deletes the subscription. A tampered link answers 400 with the reason in Spanish.</summary>
public class CancelModel(ConsultationSubscriptions subscriptions) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "token")]
    public string? Token { get; set; }

    public bool Done { get; private set; }

    public bool Valid { get; private set; }

    public IActionResult OnGet()
    {
        Valid = subscriptions.IsUnsubscribeToken(Token);
        if (!Valid)
        {
            ModelState.AddModelError("", ConsultationSubscriptions.InvalidUnsubscribeMessage);
            return this.InvalidPage();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await subscriptions.UnsubscribeAsync(Token, ct);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", result.Errors[""]);
            return this.InvalidPage();
        }
        Valid = true;
        Done = true;
        return Page();
    }
}
