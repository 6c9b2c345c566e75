using System.ComponentModel.DataAnnotations;
using Vigia.Core.Progress;

namespace Vigia.Web.Pages.Progress;

/// <summary>Reporting a month of an action: a month picker first, then the form. When the month already has a
/// report waiting for review, the person is sent to edit it; when it has a reviewed one, the form becomes a
/// correction of it, with the reviewer's comment, a required reason, and its evidence offered to keep.</summary>
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public class ReportModel(AppDbContext db, ActionAccess access, ProgressService reporting, ProgressSettings settings, TimeProvider clock)
    : ReportFormModel
{
    public sealed record ActionSummary(string Label, string Description, string Goal, string TargetText, int Year, PlanStatus PlanStatus);

    public sealed record CorrectedReport(int Id, ReportStatus Status, string? Comment, string? ReviewedBy, DateTimeOffset? ReviewedAt,
        IReadOnlyList<EvidenceView> Evidence);

    [FromRoute]
    public int Id { get; set; }

    [BindProperty(SupportsGet = true, Name = "mes")]
    [Display(Name = "Mes")]
    public int? Month { get; set; }

    /// <summary>The part reported of a collective action: the unit it is for.</summary>
    [BindProperty(SupportsGet = true, Name = "unidad")]
    public int? UnitId { get; set; }

    [BindProperty]
    public int? CorrectsId { get; set; }

    [BindProperty]
    [Display(Name = "Qué corrige y por qué")]
    public string? CorrectionReason { get; set; }

    [BindProperty]
    public List<int> KeepEvidenceIds { get; set; } = [];

    public ActionSummary Action { get; private set; } = null!;
    public IReadOnlyList<int> MonthOptions { get; private set; } = [];
    public bool ChoosingMonth { get; private set; }
    public decimal Planned { get; private set; }
    public DateOnly Deadline { get; private set; }
    public bool DeadlinePassed { get; private set; }
    public CorrectedReport? Corrected { get; private set; }

    /// <summary>For a collective action: the parts this person reports, and the one being reported (null while choosing).</summary>
    public IReadOnlyList<ActionPart> Parts { get; private set; } = [];
    public ActionPart? Part { get; private set; }
    public bool ChoosingPart => Parts.Count > 1 && Part is null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await access.CanReportAsync(Actor.From(User), Id, ct) || !await LoadPartAsync(ct))
        {
            return NotFound();
        }
        await LoadActionAsync(ct);
        if (ChoosingMonth || ChoosingPart)
        {
            return Page();
        }
        var part = Part?.UnitId;
        var live = await db.ProgressReports.AsNoTracking()
            .Where(r => r.ActionId == Id && r.UnitId == part && r.Month == Month && r.Status != ReportStatus.Superseded)
            .Select(r => new { r.Id, r.Status, r.ExecutedQuantity, r.Narrative })
            .FirstOrDefaultAsync(ct);
        if (live is { Status: ReportStatus.Submitted })
        {
            return RedirectToPage("/Progress/Edit", new { id = live.Id });
        }
        if (live is not null)
        {
            await LoadCorrectedAsync(live.Id, ct);
            KeepEvidenceIds = Corrected!.Evidence.Select(e => e.Id).ToList();
            Quantity = ProgressDisplay.QuantityInput(live.ExecutedQuantity);
            Narrative = live.Narrative;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var actor = Actor.From(User);
        if (!await access.CanReportAsync(actor, Id, ct) || !await LoadPartAsync(ct))
        {
            return NotFound();
        }
        await LoadActionAsync(ct);
        if (ChoosingMonth || ChoosingPart)
        {
            return this.InvalidPage();
        }
        var quantity = ParseQuantity();
        if (quantity is null)
        {
            await LoadCorrectedAsync(CorrectsId, ct);
            return this.InvalidPage();
        }
        var draft = new ReportDraft(Month!.Value, quantity.Value, Narrative ?? "", LinkLines(), Uploads(), CorrectsId, CorrectionReason, KeepEvidenceIds,
            Part?.UnitId);
        var result = await reporting.SubmitAsync(actor, Id, draft, ct);
        var month = ProgressDisplay.Month(Action.Year, Month.Value);
        return await this.RespondAsync(result,
            id => this.RedirectWithNotice(CorrectsId is null
                    ? $"Reporte de {month} enviado. Queda pendiente de revisión."
                    : $"Corrección del reporte de {month} enviada. Queda pendiente de revisión.",
                "/Progress/Detail", new { id }),
            reload: () => LoadCorrectedAsync(CorrectsId, ct));
    }

    /// <summary>The part asked for, which must be one of this person's; their only part when none is asked for. False when
    /// the part asked for is not theirs (the page answers 404, as for an action that is not theirs).</summary>
    private async Task<bool> LoadPartAsync(CancellationToken ct)
    {
        Parts = await access.ReportablePartsAsync(Actor.From(User), Id, ct);
        Part = UnitId is { } unit ? Parts.FirstOrDefault(p => p.UnitId == unit) : Parts.Count == 1 ? Parts[0] : null;
        return UnitId is null || Part is not null;
    }

    /// <summary>The action, and the month if one was chosen and can be reported; otherwise the months to choose from.</summary>
    private async Task LoadActionAsync(CancellationToken ct)
    {
        var row = await db.Actions.AsNoTracking().Where(a => a.Id == Id)
            .Select(a => new
            {
                a.Activity!.Code,
                a.Order,
                a.Description,
                a.Goal,
                a.TargetQuantity,
                a.TargetUnit,
                a.Activity.Component!.Plan!.Year,
                a.Activity.Component.Plan.Status,
                Schedule = a.Schedule.Select(s => new { s.Month, s.PlannedQuantity }).ToList(),
            })
            .SingleAsync(ct);
        TargetUnit = row.TargetUnit;
        var target = row.TargetQuantity is { } t ? ProgressDisplay.Quantity(t, row.TargetUnit) : "sin meta numérica";
        Action = new ActionSummary(ProgressDisplay.ActionLabel(row.Code, row.Order), row.Description, row.Goal, target, row.Year, row.Status);
        var today = ColombianTime.Today(clock);
        MonthOptions = Enumerable.Range(1, 12).Where(m => ProgressCalendar.HasBegun(row.Year, m, today)).ToList();
        if (Month is not { } month || !MonthOptions.Contains(month))
        {
            if (Month is not null)
            {
                ModelState.AddModelError(nameof(Month), Month is >= 1 and <= 12
                    ? $"Aún no puede reportar {ProgressDisplay.Month(row.Year, Month.Value)}: el mes no ha empezado."
                    : "Elija un mes entre enero y diciembre.");
            }
            ChoosingMonth = true;
            return;
        }
        Planned = row.Schedule.Where(s => s.Month == month).Sum(s => s.PlannedQuantity);
        Deadline = ProgressCalendar.Deadline(row.Year, month, await settings.DeadlineBusinessDayAsync(ct));
        DeadlinePassed = today > Deadline;
    }

    private async Task LoadCorrectedAsync(int? reportId, CancellationToken ct)
    {
        var report = reportId is null
            ? null
            : await db.ProgressReports.AsNoTracking().Where(r => r.Id == reportId && r.ActionId == Id)
                .Select(r => new { r.Id, r.Status, r.ReviewComment, r.ReviewedByName, r.ReviewedAt })
                .FirstOrDefaultAsync(ct);
        if (report is not null)
        {
            Corrected = new CorrectedReport(report.Id, report.Status, report.ReviewComment, report.ReviewedByName, report.ReviewedAt,
                await EvidenceView.Of(db.Evidence.Where(e => e.ReportId == report.Id)).ToListAsync(ct));
        }
    }
}
