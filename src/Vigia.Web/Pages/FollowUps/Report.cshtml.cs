using Vigia.Core.FollowUps;

namespace Vigia.Web.Pages.FollowUps;

/// <summary>A published follow-up on screen, from its frozen snapshot: the same numbers as its XLSX and PDF.</summary>
public class ReportModel(AppDbContext db, FollowUpDocuments documents) : PageModel
{
    [FromRoute]
    public int Id { get; set; }

    public FollowUpDocument Document { get; private set; } = null!;
    public IReadOnlyList<(int Id, int Version, string? Reason)> OtherVersions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await documents.ForVersionAsync(Id, publishedOnly: true, ct) is not { } document)
        {
            return NotFound();
        }
        Document = document;
        var key = await db.Set<FollowUp>().AsNoTracking().Where(f => f.Id == Id).Select(f => new { f.PlanId, f.CutOffDate }).SingleAsync(ct);
        OtherVersions = (await db.Set<FollowUp>().AsNoTracking()
                .Where(f => f.PlanId == key.PlanId && f.CutOffDate == key.CutOffDate && f.Status == FollowUpStatus.Published && f.Id != Id)
                .OrderBy(f => f.Version).Select(f => new { f.Id, f.Version, f.CorrectionReason }).ToListAsync(ct))
            .Select(f => (f.Id, f.Version, f.CorrectionReason)).ToList();
        return Page();
    }
}
