namespace Vigia.Web.Pages.Plans.Manage;

/// <summary>Planeación writes the structure of a plan's first draft, or of an open revision of a published plan (its
/// working copy, ADR 033): adds components, subcomponents, activities and
/// actions, moves them with «Subir»/«Bajar» and removes them; the codes follow the order after every change.</summary>
public class DraftModel(AppDbContext db, PlanLocator locator, PlanDraftService drafts) : ManagePageModel(db, locator)
{
    public sealed record ActionLine(int Id, int Order, string Description, string Goal);

    public sealed record ActivityLine(int Id, string Code, string Name, int? SubcomponentId, IReadOnlyList<ActionLine> Actions);

    public sealed record SubcomponentLine(int Id, string Code, string Name);

    public sealed record ComponentLine(int Id, int Number, string Name, IReadOnlyList<SubcomponentLine> Subcomponents, IReadOnlyList<ActivityLine> Activities);

    public IReadOnlyList<ComponentLine> Components { get; private set; } = [];

    /// <summary>False when the latest version is published (or in consultation): its structure is not edited.</summary>
    public bool Editable { get; private set; }

    /// <summary>True when the structure shown is an open revision of a published plan (ADR 033): its working copy, not
    /// the public plan, which stays as it is until the revision is published.</summary>
    public bool IsRevision { get; private set; }

    public int VersionNumber { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostMoveAsync(PlanPart part, int id, bool down, CancellationToken ct) =>
        WriteAsync(() => drafts.MoveAsync(Plan.Id, part, id, down, Actor.From(User), ct), down ? "Bajado un lugar." : "Subido un lugar.", ct);

    public Task<IActionResult> OnPostRemoveAsync(PlanPart part, int id, CancellationToken ct) =>
        WriteAsync(() => drafts.RemoveAsync(Plan.Id, part, id, Actor.From(User), ct), "Quitado; los números se ajustaron.", ct);

    public Task<IActionResult> OnPostAddComponentAsync(string? name, CancellationToken ct) =>
        WriteAsync(() => drafts.AddComponentAsync(Plan.Id, name, Actor.From(User), ct), "Componente agregado.", ct);

    public Task<IActionResult> OnPostAddSubcomponentAsync(int componentId, string? name, CancellationToken ct) =>
        WriteAsync(() => drafts.AddSubcomponentAsync(Plan.Id, componentId, name, Actor.From(User), ct), "Subcomponente agregado.", ct);

    public Task<IActionResult> OnPostAddActivityAsync(int componentId, int? subcomponentId, string? name, CancellationToken ct) =>
        WriteAsync(() => drafts.AddActivityAsync(Plan.Id, componentId, subcomponentId, name, Actor.From(User), ct), "Actividad agregada.", ct);

    private async Task<IActionResult> WriteAsync(Func<Task<Result<int>>> write, string notice, CancellationToken ct)
    {
        if (!await LoadPlanAsync(ct))
        {
            return NotFound();
        }
        var result = await write();
        return await this.RespondAsync(result,
            _ => this.RedirectWithNotice(notice, "/Plans/Manage/Draft", new { entity = EntitySlug, year = Year }),
            () => LoadAsync(ct));
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await LoadPlanAsync(ct))
        {
            return false;
        }
        var latest = await Db.PlanVersions.AsNoTracking().Where(v => v.PlanId == Plan.Id).OrderByDescending(v => v.Number)
            .Select(v => new { v.Number, v.Status }).FirstAsync(ct);
        Editable = latest.Status == VersionStatus.Draft;
        VersionNumber = latest.Number;
        var (structure, revision) = (await PlanDraftService.StructureAsync(Db, Plan.Id, ct))!.Value;
        IsRevision = revision;
        Components = structure.Components.OrderBy(c => c.Number).Select(c => new ComponentLine(c.Id, c.Number, c.Name,
            c.Subcomponents.OrderBy(s => s.Order).Select(s => new SubcomponentLine(s.Id, s.Code, s.Name)).ToList(),
            c.Activities.OrderBy(a => a.Order).Select(a => new ActivityLine(a.Id, a.Code, a.Name, a.Subcomponent?.Id ?? a.SubcomponentId,
                a.Actions.OrderBy(x => x.Order).Select(x => new ActionLine(x.Id, x.Order, x.Description, x.Goal)).ToList())).ToList())).ToList();
        return true;
    }
}
