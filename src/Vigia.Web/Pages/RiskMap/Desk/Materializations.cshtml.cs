using System.ComponentModel.DataAnnotations;
using Vigia.Core.Progress;
using Vigia.Core.RiskMap;
using Vigia.Core.RiskMap.Tracking;
using Vigia.Web.Pages.Progress;

namespace Vigia.Web.Pages.RiskMap.Desk;

/// <summary>The correction of a materialization's facts, with its motivo.</summary>
public sealed class CorrectionForm
{
    public DateOnly? OccurredOn { get; set; }
    public string? Description { get; set; }
    public List<Authorities> InformedTo { get; set; } = [];
    public DateOnly? ReportedOn { get; set; }
    public string? Reason { get; set; }
}

public sealed class ImprovementForm
{
    public string? Description { get; set; }
    public int? ResponsibleUnitId { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public string? Deliverable { get; set; }
}

/// <summary>A risk's materializations: recording one (date, what happened, the authorities informed and the evidence
/// of the report), its improvement plan, and the re-assessment of the risk that Control Interno's next follow-up
/// waits for. A materialization recorded by mistake is corrected, or withdrawn, with a reason; a withdrawn one stays
/// listed as withdrawn.</summary>
[RequestSizeLimit(ReportFormModel.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ReportFormModel.MaxRequestBytes)]
public class MaterializationsModel(AppDbContext db, RiskMapAccess access, MaterializationService service) : PageModel
{
    public sealed record ActionRow(string Description, string Unit, DateOnly Start, DateOnly End, string Deliverable);

    public sealed record Row(int Id, DateOnly OccurredOn, string Description, Authorities InformedTo, DateOnly ReportedOn, string? RecordedBy,
        DateTimeOffset? ReassessedAt, string? ReassessedBy, string? ReassessmentNote, IReadOnlyList<RiskEvidenceView> Evidence, IReadOnlyList<ActionRow> Actions,
        DateTimeOffset? CorrectedAt, string? CorrectionReason, DateTimeOffset? WithdrawnAt, string? WithdrawnBy, string? WithdrawalReason);

    [FromRoute]
    public int Id { get; set; }

    [BindProperty]
    [Display(Name = "Fecha de la materialización")]
    public DateOnly? OccurredOn { get; set; }

    [BindProperty]
    [Display(Name = "Qué ocurrió")]
    public string? Description { get; set; }

    [BindProperty]
    public List<Authorities> InformedTo { get; set; } = [];

    [BindProperty]
    [Display(Name = "Fecha del informe a la autoridad")]
    public DateOnly? ReportedOn { get; set; }

    [BindProperty]
    [Display(Name = "Enlaces a los soportes del informe")]
    public string? Links { get; set; }

    [BindProperty]
    [Display(Name = "Soportes del informe a la autoridad")]
    public List<IFormFile> Files { get; set; } = [];

    [BindProperty]
    public ImprovementForm Action { get; set; } = new();

    [BindProperty]
    public string? ReassessmentNote { get; set; }

    [BindProperty]
    public CorrectionForm Correction { get; set; } = new();

    [BindProperty]
    public string? WithdrawalReason { get; set; }

    /// <summary>«corregir» or «retirar» when that form of <see cref="FailedId"/> came back with errors.</summary>
    public string? FailedForm { get; private set; }

    public string RiskCode { get; private set; } = "";
    public string RiskDescription { get; private set; } = "";
    public string ProcessName { get; private set; } = "";
    public int Year { get; private set; }
    public IReadOnlyList<Row> Items { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Units { get; private set; } = [];
    public int? FailedId { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var uploads = Files.Where(f => !string.IsNullOrEmpty(f.FileName)).Select(f => new EvidenceUpload(f.OpenReadStream(), f.FileName)).ToList();
        var links = (Links ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var informed = InformedTo.Aggregate(Authorities.None, (all, a) => all | a);
        var result = await service.RecordAsync(Actor.From(User), Id, new MaterializationDraft(OccurredOn, Description, informed, ReportedOn, links, uploads), ct);
        return await this.RespondAsync(result,
            _ => this.RedirectWithNotice("Materialización registrada. Formule el plan de mejoramiento y revalore el riesgo y sus controles.",
                "/RiskMap/Desk/Materializations", new { id = Id }),
            reload: async () => await LoadAsync(ct));
    }

    public async Task<IActionResult> OnPostActionAsync(int materializationId, CancellationToken ct)
    {
        FailedId = materializationId;
        var draft = new ImprovementActionDraft(Action.Description, Action.ResponsibleUnitId, Action.StartDate, Action.EndDate, Action.Deliverable);
        var result = await service.AddActionAsync(Actor.From(User), materializationId, draft, ct);
        return await this.RespondAsync(result,
            _ => this.RedirectWithNotice("Acción de mejora añadida.", "/RiskMap/Desk/Materializations", new { id = Id }),
            reload: async () => await LoadAsync(ct));
    }

    public async Task<IActionResult> OnPostReassessAsync(int materializationId, CancellationToken ct)
    {
        FailedId = materializationId;
        var result = await service.ReassessAsync(Actor.From(User), materializationId, ReassessmentNote, ct);
        return await this.RespondAsync(result,
            _ => this.RedirectWithNotice("Revaloración registrada.", "/RiskMap/Desk/Materializations", new { id = Id }),
            reload: async () => await LoadAsync(ct));
    }

    public async Task<IActionResult> OnPostCorrectAsync(int materializationId, CancellationToken ct)
    {
        (FailedId, FailedForm) = (materializationId, "corregir");
        var informed = Correction.InformedTo.Aggregate(Authorities.None, (all, a) => all | a);
        var draft = new MaterializationCorrection(Correction.OccurredOn, Correction.Description, informed, Correction.ReportedOn);
        var result = await service.CorrectAsync(Actor.From(User), materializationId, draft, Correction.Reason, ct);
        return await this.RespondAsync(result,
            _ => this.RedirectWithNotice("Materialización corregida; el motivo queda en el historial.", "/RiskMap/Desk/Materializations", new { id = Id }),
            reload: async () => await LoadAsync(ct), fieldKey: f => f.Length == 0 ? f : $"Correction.{f}");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int materializationId, CancellationToken ct)
    {
        (FailedId, FailedForm) = (materializationId, "retirar");
        var result = await service.WithdrawAsync(Actor.From(User), materializationId, WithdrawalReason, ct);
        return await this.RespondAsync(result,
            _ => this.RedirectWithNotice("Materialización retirada: sigue publicada como retirada, con su motivo.", "/RiskMap/Desk/Materializations", new { id = Id }),
            reload: async () => await LoadAsync(ct), fieldKey: f => f == MaterializationFields.Reason ? nameof(WithdrawalReason) : f);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var risk = await db.Risks.AsNoTracking().Where(r => r.Id == Id)
            .Select(r => new { r.Code, r.Description, r.ProcessId, Process = r.Process!.Name, r.Process.EntityId, r.Year }).FirstOrDefaultAsync(ct);
        if (risk is null || !await access.CanMaintainAsync(Actor.From(User), risk.ProcessId, ct))
        {
            return false;
        }
        (RiskCode, RiskDescription, ProcessName, Year) = (risk.Code, risk.Description, risk.Process, risk.Year);
        var rows = await db.RiskMaterializations.AsNoTracking().Where(m => m.RiskId == Id).OrderBy(m => m.OccurredOn).ThenBy(m => m.Id)
            .Select(m => new
            {
                m.Id,
                m.OccurredOn,
                m.Description,
                m.InformedTo,
                m.ReportedOn,
                m.RecordedByName,
                m.ReassessedAt,
                m.ReassessedByName,
                m.ReassessmentNote,
                m.CorrectedAt,
                m.CorrectionReason,
                m.WithdrawnAt,
                m.WithdrawnByName,
                m.WithdrawalReason,
                Actions = m.Actions.OrderBy(a => a.StartDate).ThenBy(a => a.Id)
                    .Select(a => new ActionRow(a.Description, a.ResponsibleUnit!.Name, a.StartDate, a.EndDate, a.Deliverable)).ToList(),
            })
            .ToListAsync(ct);
        var items = new List<Row>();
        foreach (var m in rows)
        {
            items.Add(new Row(m.Id, m.OccurredOn, m.Description, m.InformedTo, m.ReportedOn, m.RecordedByName, m.ReassessedAt, m.ReassessedByName,
                m.ReassessmentNote, await RiskEvidenceView.Of(db.RiskEvidence.Where(e => e.MaterializationId == m.Id)).ToListAsync(ct), m.Actions,
                m.CorrectedAt, m.CorrectionReason, m.WithdrawnAt, m.WithdrawnByName, m.WithdrawalReason));
        }
        Items = items;
        Units = (await db.Units.AsNoTracking().Where(u => u.EntityId == risk.EntityId && u.IsActive).Select(u => new { u.Id, u.Name }).ToListAsync(ct))
            .OrderBy(u => u.Name, SpanishText.NameOrder).Select(u => (u.Id, u.Name)).ToList();
        return true;
    }
}
