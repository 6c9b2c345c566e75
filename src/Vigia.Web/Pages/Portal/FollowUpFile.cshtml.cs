using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigia.Core.FollowUps;
using Vigia.Web.Pages.FollowUps;

namespace Vigia.Web.Pages.Portal;

/// <summary>A published follow-up's XLSX or PDF, generated from its frozen snapshot.</summary>
public class FollowUpFileModel(FollowUpDocuments documents) : PageModel
{
    [FromRoute]
    public int Id { get; set; }

    [FromRoute]
    public string Format { get; set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await documents.ForVersionAsync(Id, publishedOnly: true, ct) is { } document ? ReportFiles.Result(document, Format) : NotFound();
}
