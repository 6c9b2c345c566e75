using Vigia.Core.Consultation;

namespace Vigia.Web.Pages.Plans;

/// <summary>The citizen consultation on a plan's draft (/planes/{year}/consulta): what is consulted and until when, the
/// comments published so far with their answers and, once closed, the «informe de la consulta» with its downloads.
/// The comment form is a page of its own (<see cref="CommentModel"/>), so this page carries no antiforgery token.</summary>
public class ConsultationModel(AppDbContext db, PlanLocator locator, TimeProvider clock) : PlanPageModel(db, locator)
{
    /// <summary>An earlier consultation (the version it consulted); the latest when absent.</summary>
    [FromQuery(Name = "version")]
    public int? VersionNumber { get; set; }

    public ConsultationView Report { get; private set; } = null!;

    /// <summary>The consulted draft's content, for the «Comentar» links.</summary>
    public PlanSnapshot? Consulted { get; private set; }

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadPlanAsync(ct) || await ConsultationReport.LoadAsync(Db, Plan.Id, VersionNumber, ct) is not { } report)
        {
            return NotFound();
        }
        Report = report;
        Today = ColombianTime.Today(clock);
        if (report.AcceptsCommentsOn(Today))
        {
            Consulted = await PlanLifecycleService.ContentAsync(Db, Plan.Id, report.VersionNumber, ct);
        }
        return Page();
    }
}
