using Vigia.Core.FollowUps;

namespace Vigia.Web.Pages.FollowUps.Desk;

/// <summary>The current report of a cut-off for Control Interno: from the frozen snapshot once closed, a BORRADOR
/// built from current data before.</summary>
public class DownloadModel(AppDbContext db, FollowUpCalendar calendar, FollowUpDocuments documents) : FollowUpPageModel(db, calendar)
{
    [FromRoute(Name = "format")]
    public string Format { get; set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadCutOffAsync(ct) || await documents.ForCutOffAsync(PlanId, CutOff, ct) is not { } document)
        {
            return NotFound();
        }
        return ReportFiles.Result(document, Format);
    }
}
