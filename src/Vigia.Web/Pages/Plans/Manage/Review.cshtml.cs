using Vigia.Core.Plans.Review;

namespace Vigia.Web.Pages.Plans.Manage;

/// <summary>The «revisión de calidad» of the draft being prepared or of any version (<c>?version=N</c>): every finding of
/// <see cref="PlanReview"/>, grouped by severity, each linking to its field in the form that edits it.</summary>
public class ReviewModel(AppDbContext db, PlanLocator locator) : ManagePageModel(db, locator)
{
    /// <summary>Where a finding is fixed: the form and the input's id, or nothing when the version is no longer edited.</summary>
    public sealed record FixLink(string Page, int? ActivityId, int? ActionId, string? Fragment);

    public sealed record SeverityGroup(FindingSeverity Severity, string Title, string Id, IReadOnlyList<ReviewFinding> Findings);

    [BindProperty(SupportsGet = true, Name = "version")]
    public int? Version { get; set; }

    public PlanReviewReport Report { get; private set; } = null!;

    public IReadOnlyList<VersionSummary> Versions { get; private set; } = [];

    public IReadOnlyList<SeverityGroup> Groups { get; private set; } = [];

    /// <summary>True when the reviewed version is edited: the first draft (its structure) or an open revision.</summary>
    public bool Editable { get; private set; }

    private bool isRevision;
    private Dictionary<int, int> activityOfAction = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadPlanAsync(ct))
        {
            return NotFound();
        }
        var report = await PlanReviews.RunAsync(Db, Plan.Id, Version, ct);
        if (report is null)
        {
            return NotFound();
        }
        Report = report;
        Versions = await PlanVersions.ListAsync(Db, Plan.Id, includeDrafts: true, ct);
        var latest = await Db.PlanVersions.AsNoTracking().Where(v => v.PlanId == Plan.Id && v.Number == report.VersionNumber)
            .Select(v => new { v.Status, HasSnapshot = v.Snapshot != null }).SingleAsync(ct);
        Editable = report.IsLatest && latest.Status != VersionStatus.Published;
        isRevision = latest.HasSnapshot;
        activityOfAction = await Db.Actions.AsNoTracking().Where(a => a.Activity!.Component!.PlanId == Plan.Id)
            .ToDictionaryAsync(a => a.Id, a => a.ActivityId, ct);
        Groups =
        [
            new(FindingSeverity.Error, "Errores", "errores", report.Findings.Where(f => f.Severity == FindingSeverity.Error).ToList()),
            new(FindingSeverity.Warning, "Advertencias", "advertencias", report.Findings.Where(f => f.Severity == FindingSeverity.Warning).ToList()),
            new(FindingSeverity.PlainLanguage, "Lenguaje claro", "lenguaje-claro", report.Findings.Where(f => f.Severity == FindingSeverity.PlainLanguage).ToList()),
        ];
        return Page();
    }

    /// <summary>The form and input where <paramref name="finding"/> is fixed; null when the version is not edited here.</summary>
    public FixLink? LinkFor(ReviewFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        if (!Editable)
        {
            return null;
        }
        if (finding.ActionId is not { } actionId || !activityOfAction.TryGetValue(actionId, out var activityId))
        {
            return isRevision ? null : new FixLink("/Plans/Manage/Draft", null, null, null);
        }
        if (isRevision)
        {
            // The revision's form has no schedule or target unit; the responsible units are its text.
            var fragment = finding.Field switch
            {
                ReviewFields.ResponsibleUnits => "ResponsibleText",
                ReviewFields.Schedule or ReviewFields.TargetUnit => null,
                _ => finding.Field,
            };
            return new FixLink("/Plans/Manage/EditAction", null, actionId, fragment);
        }
        var draftFragment = finding.Field switch
        {
            ReviewFields.Schedule => "mes-1",
            ReviewFields.TargetUnit => "unidad-cantidad",
            _ => finding.Field,
        };
        return new FixLink("/Plans/Manage/DraftAction", activityId, actionId, draftFragment);
    }
}
