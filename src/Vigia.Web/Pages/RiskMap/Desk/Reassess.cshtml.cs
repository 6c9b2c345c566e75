using Vigia.Core.RiskMap;

namespace Vigia.Web.Pages.RiskMap.Desk;

/// <summary>Re-assesses a risk with a newer method: the frequency and the answers to the questions both methods ask
/// come filled in, the questions the old method did not ask come empty, and the replaced assessment stays as it was.</summary>
public class ReassessModel(AppDbContext db, RiskReassessmentService service) : PageModel
{
    [FromRoute]
    public int Id { get; set; }

    [BindProperty(SupportsGet = true, Name = "metodo")]
    public int? MethodId { get; set; }

    [BindProperty]
    public int? ActivityFrequency { get; set; }

    /// <summary>«si» or «no» by question number.</summary>
    [BindProperty]
    public Dictionary<int, string> Answers { get; set; } = [];

    [BindProperty]
    public string? Reason { get; set; }

    public ReassessmentOffer Offer { get; private set; } = null!;
    public Risk Risk { get; private set; } = null!;
    public RiskMethodDefinition Current { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        ActivityFrequency = Offer.Frequency;
        Answers = Offer.Questions.Where(q => q.Carried is not null).ToDictionary(q => q.Number, q => q.Carried!.Value ? "si" : "no");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var answers = Answers.Where(a => a.Value is "si" or "no").ToDictionary(a => a.Key, a => a.Value == "si");
        var result = await service.ReassessAsync(Actor.From(User), Id, new ReassessmentDraft(MethodId ?? 0, ActivityFrequency, answers, Reason), ct);
        return await this.RespondAsync(result,
            saved => this.RedirectWithNotice($"Riesgo «{saved.Code}» revalorado con {saved.Method!.Name} (revisión {saved.Method.Revision}); la valoración anterior se conserva.",
                "/RiskMap/Desk/Controls", new { id = Id }),
            reload: async () =>
            {
                if (!await LoadAsync(ct))
                {
                    MethodId = null;
                    await LoadAsync(ct);
                }
            });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var offer = await service.OfferAsync(Actor.From(User), Id, MethodId, ct);
        if (offer is null)
        {
            return false;
        }
        Offer = offer;
        MethodId = offer.Target.Id;
        Risk = await db.Risks.AsNoTracking().Include(r => r.Method).Include(r => r.Process).SingleAsync(r => r.Id == Id, ct);
        Current = Risk.Method!.Definition();
        return true;
    }
}
