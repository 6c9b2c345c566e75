using Vigia.Core.FollowUps;

namespace Vigia.Web.Pages.FollowUps;

/// <summary>A published follow-up's XLSX or PDF, generated from its frozen snapshot.</summary>
public class FileModel(FollowUpDocuments documents) : PageModel
{
    [FromRoute]
    public int Id { get; set; }

    [FromRoute]
    public string Format { get; set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await documents.ForVersionAsync(Id, publishedOnly: true, ct) is { } document ? ReportFiles.Result(document, Format) : NotFound();
}
