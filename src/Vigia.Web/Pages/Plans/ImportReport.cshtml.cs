using Vigia.Core.Plans.Importing;

namespace Vigia.Web.Pages.Plans;

public sealed record VersionReport(int Number, string Justification, DateTimeOffset CreatedAt, string? SourceFileName, string? SourceSha256,
    IReadOnlyList<ImportNote> Notes);

public class ImportReportModel(AppDbContext db, PlanLocator locator) : PlanPageModel(db, locator)
{
    public IReadOnlyList<VersionReport> Versions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadPlanAsync(ct))
        {
            return NotFound();
        }
        var versions = await Db.PlanVersions.AsNoTracking().Where(v => v.PlanId == Plan.Id).OrderByDescending(v => v.Number)
            .Select(v => new
            {
                v.Number,
                v.Justification,
                v.CreatedAt,
                v.SourceFileName,
                v.SourceSha256,
                Notes = v.ImportNotes.OrderBy(n => n.Line).ThenBy(n => n.Id).Select(n => new ImportNote(n.Line, n.Kind, n.Message)).ToList(),
            })
            .ToListAsync(ct);
        Versions = versions.Select(v => new VersionReport(v.Number, v.Justification, v.CreatedAt, v.SourceFileName, v.SourceSha256, v.Notes)).ToList();
        return Page();
    }
}
