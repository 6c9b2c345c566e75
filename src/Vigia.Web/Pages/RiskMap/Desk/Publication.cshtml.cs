using Vigia.Core.RiskMap;

namespace Vigia.Web.Pages.RiskMap.Desk;

/// <summary>Planeación's view of a year's risk map publication: publish it with its approval, open a justified new
/// version of a published map, and see what the draft changes before publishing it. Others see the state only; the
/// service refuses their writes.</summary>
public class PublicationModel(AppDbContext db, RiskMapPublicationService publication, RiskMethodCatalog methods, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "vigencia")]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "entidad")]
    public string? EntitySlug { get; set; }

    [BindProperty]
    public string? ApprovedBy { get; set; }

    [BindProperty]
    public string? ApprovedOn { get; set; }

    [BindProperty]
    public string? ApprovalNote { get; set; }

    [BindProperty]
    public string? Justification { get; set; }

    public int ShownYear { get; private set; }
    public DateOnly Today { get; private set; }
    public int EntityId { get; private set; }
    public string EntityName { get; private set; } = "";
    public string Slug { get; private set; } = "";
    public bool CanPublish { get; private set; }
    public int Risks { get; private set; }
    public IReadOnlyList<RiskMapVersionSummary> Versions { get; private set; } = [];

    /// <summary>What the open draft changes against the published version; null without an open draft.</summary>
    public IReadOnlyList<RiskChange>? DraftChanges { get; private set; }

    public RiskMapVersionSummary? Latest => Versions.Count == 0 ? null : Versions[^1];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        DateOnly? approvedOn = null;
        if (!string.IsNullOrWhiteSpace(ApprovedOn))
        {
            if (!DateOnly.TryParseExact(ApprovedOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                ModelState.AddModelError(nameof(ApprovedOn), "Escriba la fecha de aprobación como año-mes-día, por ejemplo 2026-01-27.");
                return this.InvalidPage();
            }
            approvedOn = parsed;
        }
        var result = await publication.PublishAsync(EntityId, ShownYear, new RiskMapApproval(ApprovedBy, approvedOn, ApprovalNote), Actor.From(User), ct);
        return await this.RespondAsync(result,
            number => this.RedirectWithNotice($"Versión {number} del mapa de riesgos publicada: ya es la que ve la ciudadanía.", "/RiskMap/Desk/Publication",
                new { vigencia = ShownYear, entidad = Slug }),
            () => LoadAsync(ct));
    }

    public async Task<IActionResult> OnPostVersionAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        var result = await publication.StartVersionAsync(EntityId, ShownYear, Justification, Actor.From(User), ct);
        return await this.RespondAsync(result,
            number => this.RedirectWithNotice($"Versión {number} abierta en borrador: los cambios a los riesgos no son públicos hasta que la publique.",
                "/RiskMap/Desk/Publication", new { vigencia = ShownYear, entidad = Slug }),
            () => LoadAsync(ct));
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Today = ColombianTime.Today(clock);
        ShownYear = Year is >= 2000 and <= 2100 ? Year.Value : Today.Year;
        var entity = await db.Entities.AsNoTracking().Where(e => EntitySlug == null || e.Slug == EntitySlug).OrderBy(e => e.Name)
            .Select(e => new { e.Id, e.Name, e.Slug }).FirstOrDefaultAsync(ct);
        if (entity is null)
        {
            return false;
        }
        (EntityId, EntityName, Slug) = (entity.Id, entity.Name, entity.Slug);
        CanPublish = RiskMapPublicationService.CanPublish(Actor.From(User));
        var year = ShownYear;
        Risks = await db.Risks.CountAsync(r => r.Year == year && r.Process!.EntityId == entity.Id, ct);
        Versions = await RiskMapVersions.ListAsync(db, entity.Id, ShownYear, includeDrafts: true, ct);
        DraftChanges = null;
        if (Latest is { IsPublished: false } && await RiskMapVersions.PublishedAsync(db, entity.Id, ShownYear, ct: ct) is { } published)
        {
            DraftChanges = RiskMapVersionDiff.Compare(published.Content, await RiskMapSnapshot.LoadAsync(db, entity.Id, ShownYear, ct),
                await methods.DefinitionsAsync(ct));
        }
        return true;
    }
}
