using Vigia.Core.RiskMap;

namespace Vigia.Web.Pages.RiskMap.Desk;

public sealed class ControlForm
{
    public string? Description { get; set; }
    public string? ResponsiblePost { get; set; }
    public string? Type { get; set; }
    public string? Implementation { get; set; }
    public string? Documentation { get; set; }
    public string? Frequency { get; set; }
    public string? Evidence { get; set; }

    /// <summary>The form property that holds each of the method's attribute codes.</summary>
    public static string Property(string attribute) => attribute switch
    {
        "tipo" => nameof(Type),
        "implementacion" => nameof(Implementation),
        "documentacion" => nameof(Documentation),
        "frecuencia" => nameof(Frequency),
        _ => nameof(Evidence),
    };
}

public sealed class ActionForm
{
    public string? Description { get; set; }
    public int? ResponsibleUnitId { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public string? Deliverable { get; set; }
    public string? Indicator { get; set; }
    public int? PlanActionId { get; set; }
}

/// <summary>An assessment the risk had before a re-assessment with another method, as the page lists it.</summary>
public sealed record PastAssessmentRow(int Number, string Method, int Revision, RiskPositionText Inherent, RiskPositionText Residual, int Controls,
    DateTimeOffset ReplacedAt, string? ReplacedBy, string Reason)
{
    public static PastAssessmentRow Of(RiskAssessment a, RiskMethodDefinition method)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(method);
        return new(a.Number, method.Name, method.Revision, RiskPositionText.Of(method, a.InherentProbability, a.InherentImpact, a.InherentZone),
            RiskPositionText.Of(method, a.ResidualProbability, a.ResidualImpact, a.ResidualZone), a.Controls, a.ReplacedAt, a.ReplacedByName,
            a.ReplacementReason);
    }
}

public sealed record ActionRow(string Description, string Unit, DateOnly Start, DateOnly End, string Deliverable, string Indicator, int? PlanActionId);

/// <summary>A risk's assessment, from inherent to residual control by control, with the forms that add or remove a
/// control and add a treatment action.</summary>
public class ControlsModel(AppDbContext db, RiskMapAccess access, RiskMapService service) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty]
    public ControlForm Control { get; set; } = new();

    [BindProperty]
    public ActionForm Action { get; set; } = new();

    /// <summary>«Motivo» of the posted form, required once the map has been published.</summary>
    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>Which form was posted («control», «quitar-N», «accion»), so its motivo and error come back with it.</summary>
    public string? Posted { get; private set; }

    public bool NeedsReason { get; private set; }
    public IReadOnlyList<PastAssessmentRow> PastAssessments { get; private set; } = [];
    public IReadOnlyList<RiskMethod> NewerMethods { get; private set; } = [];

    public ReasonField ReasonFor(string form) => new(Posted == form ? "Reason" : $"motivo-{form}", NeedsReason, Posted == form, Reason);

    public Risk Risk { get; private set; } = null!;
    public string ProcessName { get; private set; } = "";
    public RiskMethodDefinition Method { get; private set; } = null!;
    public ResidualOutcome Path { get; private set; } = null!;
    public IReadOnlyList<ActionRow> Actions { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostControlAsync(CancellationToken ct)
    {
        var draft = new ControlDraft(Control.Description, Control.ResponsiblePost, Control.Type, Control.Implementation, Control.Documentation,
            Control.Frequency, Control.Evidence);
        Posted = "control";
        var result = await service.SaveControlAsync(Actor.From(User), Id, null, draft, Reason, ct);
        return await this.RespondAsync(result,
            saved => this.RedirectWithNotice($"Control {saved.Number} añadido; el riesgo residual se recalculó.", "/RiskMap/Desk/Controls", new { id = Id }),
            reload: async () => await LoadAsync(ct), fieldKey: ControlKey);
    }

    public async Task<IActionResult> OnPostRemoveAsync(int controlId, CancellationToken ct)
    {
        Posted = $"quitar-{controlId.ToString(CultureInfo.InvariantCulture)}";
        var result = await service.RemoveControlAsync(Actor.From(User), Id, controlId, Reason, ct);
        return await this.RespondAsync(result,
            _ => this.RedirectWithNotice("Control quitado; el riesgo residual se recalculó.", "/RiskMap/Desk/Controls", new { id = Id }),
            reload: async () => await LoadAsync(ct));
    }

    public async Task<IActionResult> OnPostActionAsync(CancellationToken ct)
    {
        var draft = new TreatmentActionDraft(Action.Description, Action.ResponsibleUnitId, Action.StartDate, Action.EndDate, Action.Deliverable,
            Action.Indicator, Action.PlanActionId);
        Posted = "accion";
        var result = await service.AddActionAsync(Actor.From(User), Id, draft, Reason, ct);
        return await this.RespondAsync(result,
            _ => this.RedirectWithNotice("Acción de tratamiento añadida.", "/RiskMap/Desk/Controls", new { id = Id }),
            reload: async () => await LoadAsync(ct));
    }

    private static string ControlKey(string field) =>
        field.StartsWith("Control.", StringComparison.Ordinal) && field[8..] is var rest && char.IsLower(rest[0])
            ? $"Control.{ControlForm.Property(rest)}"
            : field;

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var risk = await db.Risks.AsNoTracking().Include(r => r.Method).Include(r => r.Controls).FirstOrDefaultAsync(r => r.Id == Id, ct);
        if (risk is null || !await access.CanMaintainAsync(Actor.From(User), risk.ProcessId, ct))
        {
            return false;
        }
        Risk = risk;
        Method = risk.Method!.Definition();
        var process = await db.Processes.AsNoTracking().Where(p => p.Id == risk.ProcessId).Select(p => new { p.Name, p.EntityId }).SingleAsync(ct);
        ProcessName = process.Name;
        var inherent = new RiskPosition(risk.InherentProbability, risk.InherentImpact, risk.InherentZone);
        Path = Method.Controls is null
            ? new ResidualOutcome(new RiskPosition(risk.ResidualProbability, risk.ResidualImpact, risk.ResidualZone), risk.ResidualProbabilityValue,
                risk.ResidualImpactValue, [])
            : RiskRules.Residual(Method, inherent, corruption: true, risk.Controls.OrderBy(c => c.Number).Select(c => c.Choice()).ToList());
        Actions = await db.RiskTreatmentActions.AsNoTracking().Where(a => a.RiskId == Id).OrderBy(a => a.StartDate).ThenBy(a => a.Id)
            .Select(a => new ActionRow(a.Description, a.ResponsibleUnit!.Name, a.StartDate, a.EndDate, a.Deliverable, a.Indicator, a.PlanActionId))
            .ToListAsync(ct);
        NeedsReason = await RiskMapReasons.PublishedAsync(db, process.EntityId, risk.Year, ct);
        NewerMethods = await RiskReassessmentService.NewerMethodsAsync(db, risk.Method!, ct);
        var past = await db.RiskAssessments.AsNoTracking().Where(a => a.RiskId == Id).Include(a => a.Method).OrderBy(a => a.Number).ToListAsync(ct);
        PastAssessments = past.Select(a => PastAssessmentRow.Of(a, a.Method!.Definition())).ToList();
        Units = (await db.Units.AsNoTracking().Where(u => u.EntityId == process.EntityId && u.IsActive).Select(u => new { u.Id, u.Name }).ToListAsync(ct))
            .OrderBy(u => u.Name, SpanishText.NameOrder).Select(u => (u.Id, u.Name)).ToList();
        return true;
    }
}
