namespace Vigia.Web.Pages.Plans.Manage;

/// <summary>Planeación's view of the plan's life: publish the draft with its approval, open a justified revision of a
/// published plan, edit it and see what it changes before publishing it.</summary>
public class IndexModel(AppDbContext db, PlanLocator locator, PlanLifecycleService lifecycle, TimeProvider clock) : ManagePageModel(db, locator)
{
    public IReadOnlyList<VersionSummary> Versions { get; private set; } = [];

    public VersionSummary Latest => Versions[^1];

    /// <summary>The open revision's content and what it changes against the published version; null without one.</summary>
    public PlanSnapshot? Draft { get; private set; }

    public IReadOnlyList<ItemChange> DraftChanges { get; private set; } = [];

    public DateOnly Today { get; private set; }

    [BindProperty]
    public string? ApprovedBy { get; set; }

    [BindProperty]
    public string? ApprovedOn { get; set; }

    [BindProperty]
    public string? ApprovalNote { get; set; }

    [BindProperty]
    public string? Justification { get; set; }

    /// <summary>Planeación publishes although the quality review still finds errors.</summary>
    [BindProperty]
    public bool AcceptReviewErrors { get; set; }

    [BindProperty]
    public string? ReviewReason { get; set; }

    /// <summary>The errors the quality review finds in the version to publish.</summary>
    public int OpenReviewErrors { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        ApprovedBy ??= Plan.ResponsiblePerson;
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
    {
        // Only the plan is needed to publish: the versions, the draft's changes and its review are read again only to
        // show the form once more.
        if (!await LoadPlanAsync(ct))
        {
            return NotFound();
        }
        DateOnly? approvedOn = null;
        if (!string.IsNullOrWhiteSpace(ApprovedOn))
        {
            if (DateOnly.TryParseExact(ApprovedOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                approvedOn = parsed;
            }
            else
            {
                ModelState.AddModelError(nameof(ApprovedOn), "Escriba la fecha de aprobación como año-mes-día, por ejemplo 2023-01-27.");
                await LoadAsync(ct);
                return this.InvalidPage();
            }
        }
        var result = await lifecycle.PublishAsync(Plan.Id, new PublicationApproval(ApprovedBy, approvedOn, ApprovalNote, AcceptReviewErrors, ReviewReason), Actor.From(User), ct);
        return await this.RespondAsync(result,
            number => this.RedirectWithNotice($"Versión {number} publicada: ya es la versión que ve la ciudadanía.", "/Plans/Manage/Index",
                new { entity = EntitySlug, year = Year }),
            () => LoadAsync(ct));
    }

    public async Task<IActionResult> OnPostReviseAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        var result = await lifecycle.StartRevisionAsync(Plan.Id, Justification, Actor.From(User), ct);
        return await this.RespondAsync(result,
            number => this.RedirectWithNotice($"Versión {number} abierta en borrador: los cambios no son públicos hasta que la publique.",
                "/Plans/Manage/Index", new { entity = EntitySlug, year = Year }),
            () => LoadAsync(ct));
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await LoadPlanAsync(ct))
        {
            return false;
        }
        Today = ColombianTime.Today(clock);
        Versions = await PlanVersions.ListAsync(Db, Plan.Id, includeDrafts: true, ct);
        Draft = null;
        DraftChanges = [];
        OpenReviewErrors = Latest.Status == VersionStatus.Published ? 0 : await Vigia.Core.Plans.Review.PlanReviews.OpenErrorCountAsync(Db, Plan.Id, ct);
        var published = Versions.LastOrDefault(v => v.Status == VersionStatus.Published);
        if (Latest.Status != VersionStatus.Published && published is not null)
        {
            Draft = await PlanLifecycleService.ContentAsync(Db, Plan.Id, Latest.Number, ct);
            var before = await PlanLifecycleService.ContentAsync(Db, Plan.Id, published.Number, ct);
            DraftChanges = PlanVersionDiff.Compare(before!, Draft!);
        }
        return true;
    }
}
