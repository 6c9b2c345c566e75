using System.ComponentModel.DataAnnotations;
using Vigia.Core.RiskMap;

namespace Vigia.Web.Pages.RiskMap.Desk;

/// <summary>Writes a corruption risk in the DAFP form, or corrects one: the four elements, causes, consequences,
/// the frequency of the activity, the 19 questions and the treatment. The method computes the zone on save.</summary>
public class RiskModel(AppDbContext db, RiskMapAccess access, RiskMethodCatalog methods, RiskMapService service, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    [BindProperty(SupportsGet = true, Name = "proceso")]
    public int? ProcessId { get; set; }

    [BindProperty(SupportsGet = true, Name = "vigencia")]
    public int? Year { get; set; }

    [BindProperty]
    [Display(Name = "Referencia")]
    public string? Code { get; set; }

    [BindProperty]
    [Display(Name = "Descripción del riesgo")]
    public string? Description { get; set; }

    [BindProperty]
    [Display(Name = "Clasificación del riesgo")]
    public string? Classification { get; set; }

    [BindProperty]
    public bool ActionOrOmission { get; set; }

    [BindProperty]
    public bool UseOfPower { get; set; }

    [BindProperty]
    public bool DeviationFromPublicInterest { get; set; }

    [BindProperty]
    public bool PrivateBenefit { get; set; }

    [BindProperty]
    [Display(Name = "Causa inmediata")]
    public string? ImmediateCause { get; set; }

    [BindProperty]
    [Display(Name = "Causa raíz")]
    public string? RootCause { get; set; }

    [BindProperty]
    [Display(Name = "Consecuencias")]
    public string? Consequences { get; set; }

    [BindProperty]
    [Display(Name = "Veces al año que se realiza la actividad")]
    public int? ActivityFrequency { get; set; }

    [BindProperty]
    public List<int> YesAnswers { get; set; } = [];

    [BindProperty]
    public string? Treatment { get; set; }

    /// <summary>«Motivo», required once the year's map has been published.</summary>
    [BindProperty]
    public string? Reason { get; set; }

    public bool NeedsReason { get; private set; }

    public string ProcessName { get; private set; } = "";
    public RiskMethodDefinition Method { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            var risk = await db.Risks.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
            if (risk is null || !await access.CanMaintainAsync(Actor.From(User), risk.ProcessId, ct))
            {
                return NotFound();
            }
            (ProcessId, Year, Code, Description, Classification) = (risk.ProcessId, risk.Year, risk.Code, risk.Description, risk.Classification);
            (ActionOrOmission, UseOfPower, DeviationFromPublicInterest, PrivateBenefit) =
                (risk.ActionOrOmission, risk.UseOfPower, risk.DeviationFromPublicInterest, risk.PrivateBenefit);
            (ImmediateCause, RootCause, Consequences, ActivityFrequency) = (risk.ImmediateCause, risk.RootCause, risk.Consequences, risk.ActivityFrequency);
            (YesAnswers, Treatment) = (risk.YesAnswers().ToList(), risk.Treatment);
        }
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Id is null && ProcessId is null)
        {
            return NotFound();
        }
        var draft = new RiskDraft(ProcessId ?? 0, Year ?? ColombianTime.Today(clock).Year, Code, Description, Classification, ActionOrOmission, UseOfPower,
            DeviationFromPublicInterest, PrivateBenefit, ImmediateCause, RootCause, Consequences, ActivityFrequency, YesAnswers, Treatment);
        var result = await service.SaveRiskAsync(Actor.From(User), Id, draft, Reason, ct);
        return await this.RespondAsync(result,
            saved => this.RedirectWithNotice($"Riesgo «{saved.Code}» guardado y valorado.", "/RiskMap/Desk/Controls", new { id = saved.Id }),
            reload: async () => await LoadAsync(ct));
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var processId = Id is { } id ? await db.Risks.Where(r => r.Id == id).Select(r => (int?)r.ProcessId).FirstOrDefaultAsync(ct) : ProcessId;
        if (processId is not { } pid || !await access.CanMaintainAsync(Actor.From(User), pid, ct))
        {
            return false;
        }
        ProcessName = await db.Processes.Where(p => p.Id == pid).Select(p => p.Name).SingleAsync(ct);
        var method = Id is { } rid
            ? await db.Risks.Where(r => r.Id == rid).Select(r => r.Method).SingleAsync(ct)
            : await methods.LatestAsync(ct: ct);
        if (method is null)
        {
            return false;
        }
        Method = method.Definition();
        Year ??= ColombianTime.Today(clock).Year;
        var entityId = await db.Processes.Where(p => p.Id == pid).Select(p => p.EntityId).SingleAsync(ct);
        var year = Id is { } riskId ? await db.Risks.Where(r => r.Id == riskId).Select(r => r.Year).SingleAsync(ct) : Year.Value;
        NeedsReason = await RiskMapReasons.PublishedAsync(db, entityId, year, ct);
        return true;
    }
}
