using Vigia.Core.Monitoring;
using Vigia.Core.Progress;
using Vigia.Core.RiskMap.Tracking;

namespace Vigia.Web.Pages.RiskMap.Desk;

/// <summary>The second line's review of the controls' monitoring: every monitoring pending review in the maps the
/// person reviews (Planeación: all; a Líder de componente: the entity whose component 1 they lead), to accept or to
/// return with a reason.</summary>
public class MonitoringReviewModel(AppDbContext db, ControlMonitoringService service, TimeProvider clock) : PageModel
{
    public sealed record Pending(int Id, string Process, string RiskCode, int ControlNumber, string Control, int Month, bool Executed, string Note,
        string? SubmittedBy, DateTimeOffset SubmittedAt, IReadOnlyList<RiskEvidenceView> Evidence);

    [BindProperty(SupportsGet = true, Name = "vigencia")]
    public int? Year { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    public int ShownYear { get; private set; }
    public IReadOnlyList<Pending> Items { get; private set; } = [];
    public int? FailedId { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostReviewAsync(int monitoringId, string? decision, CancellationToken ct)
    {
        var choice = decision == "devolver" ? ReviewDecision.Return : ReviewDecision.Accept;
        var result = await service.ReviewAsync(Actor.From(User), monitoringId, choice, Comment, ct);
        FailedId = monitoringId;
        return await this.RespondAsync(result,
            _ => this.RedirectWithNotice(choice == ReviewDecision.Accept ? "Monitoreo aceptado." : "Monitoreo devuelto al líder del proceso.",
                "/RiskMap/Desk/MonitoringReview", new { vigencia = Year }),
            reload: async () => await LoadAsync(ct));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        ShownYear = Year is >= 2000 and <= 2100 ? Year.Value : ColombianTime.Today(clock).Year;
        var actor = Actor.From(User);
        var rows = await db.ControlMonitorings.AsNoTracking()
            .Where(m => m.Status == ReportStatus.Submitted && m.Control!.Risk!.Year == ShownYear)
            .OrderBy(m => m.Month).ThenBy(m => m.Control!.Risk!.Code).ThenBy(m => m.Control!.Number)
            .Select(m => new
            {
                m.Id,
                m.Control!.Risk!.Process!.EntityId,
                Process = m.Control.Risk.Process.Name,
                m.Control.Risk.Code,
                m.Control.Number,
                m.Control.Description,
                m.Month,
                m.Executed,
                m.Note,
                m.SubmittedByName,
                m.SubmittedAt,
            })
            .ToListAsync(ct);
        var reviewed = new Dictionary<int, bool>();
        var items = new List<Pending>();
        foreach (var r in rows)
        {
            if (!reviewed.TryGetValue(r.EntityId, out var reviews))
            {
                reviewed[r.EntityId] = reviews = await service.ReviewsAsync(actor, r.EntityId, ShownYear, ct);
            }
            if (reviews)
            {
                items.Add(new Pending(r.Id, r.Process, r.Code, r.Number, r.Description, r.Month, r.Executed, r.Note, r.SubmittedByName, r.SubmittedAt,
                    await RiskEvidenceView.Of(db.RiskEvidence.Where(e => e.MonitoringId == r.Id)).ToListAsync(ct)));
            }
        }
        Items = items;
    }
}
