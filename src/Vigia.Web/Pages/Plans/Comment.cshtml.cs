using Microsoft.AspNetCore.RateLimiting;
using Vigia.Core.Consultation;
using Vigia.Web.Security;

namespace Vigia.Web.Pages.Plans;

/// <summary>The public comment form of a consultation (/planes/{year}/consulta/comentar?componente=n or ?accion=id): no
/// account, name, organisation and e-mail optional, consent to publish the name. Scripts are kept out by a honeypot
/// field, a rate limit per address (<see cref="Policies.CommentRateLimit"/>, POST only) and a simple question whose
/// answer travels signed in the form (<see cref="CommentChallenge"/>). An invalid form comes back with its errors and
/// everything typed.</summary>
[EnableRateLimiting(Policies.CommentRateLimit)]
public class CommentModel(AppDbContext db, PlanLocator locator, ConsultationService consultations, CommentChallenge challenge, TimeProvider clock)
    : PlanPageModel(db, locator)
{
    [BindProperty(SupportsGet = true, Name = "componente")]
    public int? ComponentNumber { get; set; }

    [BindProperty(SupportsGet = true, Name = "accion")]
    public int? ActionId { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public string? AuthorName { get; set; }

    [BindProperty]
    public string? Organisation { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public bool PublishName { get; set; }

    /// <summary>The honeypot: hidden from people (and from screen readers), filled by scripts.</summary>
    [BindProperty(Name = "sitio_web")]
    public string? Website { get; set; }

    [BindProperty]
    public string? QuestionToken { get; set; }

    [BindProperty]
    public string? QuestionAnswer { get; set; }

    public string QuestionText { get; private set; } = "";

    public ConsultationView Report { get; private set; } = null!;

    /// <summary>What the comment is about, as the consulted draft writes it; null when it is not in the draft.</summary>
    public string? TargetLabel { get; private set; }

    public ActionSnapshot? TargetAction { get; private set; }

    public bool Accepting { get; private set; }

    public DateOnly Today { get; private set; }

    public CommentTarget Target => ActionId is not null ? CommentTarget.Action : ComponentNumber is not null ? CommentTarget.Component : CommentTarget.Plan;

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
        // Read before loading: loading asks the next question, which replaces the answered one in the form.
        var (token, answer) = (QuestionToken, QuestionAnswer);
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (!string.IsNullOrEmpty(Website))
        {
            ModelState.AddModelError("", "No se pudo recibir el comentario: deje vacío el campo «No llene este campo» y envíelo de nuevo.");
            return this.InvalidPage();
        }
        if (!challenge.IsAnswered(token, answer))
        {
            ModelState.AddModelError(nameof(QuestionAnswer), "La respuesta a la pregunta de verificación no es correcta o la pregunta venció; responda la nueva pregunta.");
            return this.InvalidPage();
        }
        var result = await consultations.CommentAsync(Plan.Id,
            new CommentDraft(Target, ComponentNumber, ActionId, Text, AuthorName, Organisation, Email, PublishName), ct);
        return await this.RespondAsync(result,
            number => this.RedirectWithNotice($"Gracias. Su comentario quedó publicado con el número {number}; la entidad lo responderá en el informe de la consulta.",
                "/Plans/Consultation", new { entity = EntitySlug, year = Year }, $"comentario-{number}"),
            fieldKey: key => key == ConsultationRules.Target ? "" : key);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await LoadPlanAsync(ct) || await ConsultationReport.LoadAsync(Db, Plan.Id, null, ct) is not { } report)
        {
            return false;
        }
        Report = report;
        Today = ColombianTime.Today(clock);
        Accepting = report.AcceptsCommentsOn(Today);
        if (await PlanLifecycleService.ContentAsync(Db, Plan.Id, report.VersionNumber, ct) is { } content)
        {
            TargetLabel = ConsultationReport.TargetLabel(content, Target, ComponentNumber, ActionId);
            TargetAction = Target == CommentTarget.Action ? content.Actions.FirstOrDefault(a => a.Id == ActionId) : null;
        }
        // A new question on every rendering: the one answered (or not) is spent.
        var question = challenge.Ask();
        QuestionText = question.Text;
        QuestionToken = question.Token;
        QuestionAnswer = null;
        ModelState.Remove(nameof(QuestionToken));
        ModelState.Remove(nameof(QuestionAnswer));
        return true;
    }
}
