using Microsoft.AspNetCore.RateLimiting;
using Vigia.Core.Consultation;
using Vigia.Web.Pages.Subscriptions;
using Vigia.Web.Security;

namespace Vigia.Web.Pages.Plans;

/// <summary>/planes/{year}/consulta/suscribirse: a citizen leaves an e-mail, without an account, to hear when the plan's
/// entity opens a citizen consultation and when its report is published. Consent is required; scripts are kept out as on
/// the comment form (honeypot, the signed question of <see cref="CommentChallenge"/>, the same rate limit per address,
/// POST only). The answer is the same whether or not the address was subscribed already.</summary>
[EnableRateLimiting(Policies.CommentRateLimit)]
public class SubscribeModel(AppDbContext db, PlanLocator locator, ConsultationSubscriptions subscriptions, CommentChallenge challenge)
    : PlanPageModel(db, locator)
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public bool Consent { get; set; }

    /// <summary>The honeypot: hidden from people (and from screen readers), filled by scripts.</summary>
    [BindProperty(Name = "sitio_web")]
    public string? Website { get; set; }

    [BindProperty]
    public string? QuestionToken { get; set; }

    [BindProperty]
    public string? QuestionAnswer { get; set; }

    public string QuestionText { get; private set; } = "";

    public bool CanSend => subscriptions.CanSend;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (token, answer) = (QuestionToken, QuestionAnswer);
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (!string.IsNullOrEmpty(Website))
        {
            ModelState.AddModelError("", "No se pudo recibir la suscripción: deje vacío el campo «No llene este campo» y envíela de nuevo.");
            return this.InvalidPage();
        }
        if (!challenge.IsAnswered(token, answer))
        {
            ModelState.AddModelError(nameof(QuestionAnswer), "La respuesta a la pregunta de verificación no es correcta o la pregunta venció; responda la nueva pregunta.");
            return this.InvalidPage();
        }
        var entityId = await Db.Plans.Where(p => p.Id == Plan.Id).Select(p => p.EntityId).SingleAsync(ct);
        var result = await subscriptions.SubscribeAsync(entityId, Email, Consent, this.SubscriptionLinks(), ct);
        return await this.RespondAsync(result,
            _ => this.RedirectWithNotice("Le enviamos un correo a esa dirección: abra el enlace que trae para confirmar la suscripción (vence en 48 horas). Sin confirmar no le escribiremos.",
                "/Plans/Subscribe", new { entity = EntitySlug, year = Year }),
            fieldKey: key => key == ConsultationSubscriptions.ConsentField ? nameof(Consent) : key);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await LoadPlanAsync(ct))
        {
            return false;
        }
        var question = challenge.Ask();
        QuestionText = question.Text;
        QuestionToken = question.Token;
        QuestionAnswer = null;
        ModelState.Remove(nameof(QuestionToken));
        ModelState.Remove(nameof(QuestionAnswer));
        return true;
    }
}
