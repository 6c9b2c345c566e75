using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Vigia.Core.Data;
using Vigia.Core.Domain;
using Vigia.Core.FollowUps;

namespace Vigia.Web.Pages.FollowUps;

/// <summary>The current report of a cut-off for Control Interno: from the frozen snapshot once closed, a BORRADOR
/// built from current data before.</summary>
[Authorize(Roles = Roles.InternalControl)]
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
