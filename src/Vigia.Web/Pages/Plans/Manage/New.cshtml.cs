namespace Vigia.Web.Pages.Plans.Manage;

/// <summary>Planeación starts a year's plan: from a template (PAAC, PTEP) or as a copy of an earlier plan of the same
/// entity. Either way the result is a new draft, version 1, that Planeación then edits and publishes.</summary>
public class NewModel(AppDbContext db, PlanFormulationService formulation, TimeProvider clock) : PageModel
{
    public sealed record EntityChoice(int Id, string Name);

    public sealed record SourceChoice(int Id, string Label);

    public IReadOnlyList<EntityChoice> Entities { get; private set; } = [];

    public IReadOnlyList<SourceChoice> Sources { get; private set; } = [];

    public IReadOnlyList<PlanTemplate> Templates => PlanTemplates.All;

    [BindProperty]
    public int? EntityId { get; set; }

    [BindProperty]
    public int? TemplateYear { get; set; }

    [BindProperty]
    public string? Template { get; set; }

    [BindProperty]
    public int? CopyYear { get; set; }

    [BindProperty]
    public int? SourcePlanId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return this.Forbidden();
        }
        var next = ColombianTime.Today(clock).Year + 1;
        TemplateYear ??= next;
        CopyYear ??= next;
        Template ??= PlanTemplates.All[0].Code;
        EntityId ??= Entities.Count == 1 ? Entities[0].Id : null;
        SourcePlanId ??= Sources.Count > 0 ? Sources[0].Id : null;
        return Page();
    }

    public async Task<IActionResult> OnPostTemplateAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return this.Forbidden();
        }
        if (EntityId is not { } entityId)
        {
            ModelState.AddModelError(nameof(EntityId), "Elija la entidad.");
            return this.InvalidPage();
        }
        var result = await formulation.CreateFromTemplateAsync(entityId, TemplateYear, Template, Actor.From(User), ct);
        return await RespondAsync(result, "con la plantilla", key => key == FormulationFields.Year ? nameof(TemplateYear) : key, ct);
    }

    public async Task<IActionResult> OnPostCopyAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return this.Forbidden();
        }
        if (SourcePlanId is not { } source || Sources.All(s => s.Id != source))
        {
            ModelState.AddModelError(nameof(SourcePlanId), "Elija el plan que desea copiar.");
            return this.InvalidPage();
        }
        var result = await formulation.CopyAsync(source, CopyYear, Actor.From(User), ct);
        return await RespondAsync(result, "como copia del plan elegido", key => key == FormulationFields.Year ? nameof(CopyYear) : key, ct);
    }

    private async Task<IActionResult> RespondAsync(Result<int> result, string how, Func<string, string> fieldKey, CancellationToken ct) =>
        await this.RespondAsync(result, async planId =>
        {
            var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => new { p.Year, p.Entity!.Slug }).SingleAsync(ct);
            return (IActionResult)this.RedirectWithNotice(
                string.Create(SpanishFormat.Culture, $"Plan {plan.Year} creado {how}, en borrador (versión 1)."),
                "/Plans/Manage/Index", new { entity = plan.Slug, year = plan.Year });
        }, () => LoadAsync(ct), fieldKey);

    /// <summary>The entities this person may write plans for, and their plans as copy sources; false when none.</summary>
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var actor = Actor.From(User);
        if (!actor.IsIn(Roles.Planning))
        {
            return false;
        }
        var entities = new List<EntityChoice>();
        foreach (var e in await db.Entities.AsNoTracking().OrderBy(e => e.Name).Select(e => new EntityChoice(e.Id, e.Name)).ToListAsync(ct))
        {
            if (await PlanEditors.MayEditAsync(db, actor, e.Id, ct))
            {
                entities.Add(e);
            }
        }
        Entities = entities;
        var ids = entities.Select(e => e.Id).ToList();
        var plans = await db.Plans.AsNoTracking().Where(p => ids.Contains(p.EntityId))
            .OrderByDescending(p => p.Year).ThenBy(p => p.Entity!.Name)
            .Select(p => new { p.Id, p.Year, p.Title, Entity = p.Entity!.Name }).ToListAsync(ct);
        Sources = plans.Select(p => new SourceChoice(p.Id,
            entities.Count > 1 ? string.Create(SpanishFormat.Culture, $"{p.Title} {p.Year} — {p.Entity}") : string.Create(SpanishFormat.Culture, $"{p.Title} {p.Year}")))
            .ToList();
        return true;
    }
}
