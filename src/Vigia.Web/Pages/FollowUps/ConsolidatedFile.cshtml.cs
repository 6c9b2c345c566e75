using Vigia.Core.FollowUps;
using Vigia.Web.Pages.Plans;

namespace Vigia.Web.Pages.FollowUps;

/// <summary>The consolidated follow-up of a year as XLSX or PDF, from the same published snapshots as its page.</summary>
public class ConsolidatedFileModel(AppDbContext db, PlanLocator locator, FollowUpConsolidation consolidation) : PlanPageModel(db, locator)
{
    [FromRoute]
    public string Format { get; set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadPlanAsync(ct))
        {
            return NotFound();
        }
        var consolidated = await consolidation.LoadAsync(Plan.Id, ct);
        using var buffer = new MemoryStream();
        if (Format == "pdf")
        {
            ConsolidatedPdf.Write(consolidated, buffer);
        }
        else
        {
            ConsolidatedXlsx.Write(consolidated, buffer);
        }
        return File(buffer.ToArray(), Format == "pdf" ? "application/pdf" : ReportFiles.XlsxType, $"{consolidated.FileStem}.{Format}");
    }
}
