namespace Vigia.Web.Pages.Plans.Manage;

/// <summary>Changes one action in the open revision (texts, goal, target, responsibles); nothing public changes until
/// the revision is published.</summary>
public class EditActionModel(AppDbContext db, PlanLocator locator, PlanLifecycleService lifecycle) : ManagePageModel(db, locator)
{
    [FromRoute(Name = "actionId")]
    public int ActionId { get; set; }

    public int DraftNumber { get; private set; }

    public string Label { get; private set; } = "";

    public string DraftJustification { get; private set; } = "";

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public string? Goal { get; set; }

    [BindProperty]
    public string? Deliverable { get; set; }

    [BindProperty]
    public string? IndicatorFormula { get; set; }

    [BindProperty]
    public string? TargetQuantity { get; set; }

    [BindProperty]
    public string? ResponsibleText { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } action)
        {
            return NotFound();
        }
        Description = action.Description;
        Goal = action.Goal;
        Deliverable = action.Deliverable;
        IndicatorFormula = action.IndicatorFormula;
        TargetQuantity = action.TargetQuantity is { } q ? SpanishFormat.Input(q) : null;
        ResponsibleText = action.ResponsibleText;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is null)
        {
            return NotFound();
        }
        decimal? target = null;
        if (!string.IsNullOrWhiteSpace(TargetQuantity))
        {
            if (decimal.TryParse(TargetQuantity.Trim(), NumberStyles.Number, SpanishFormat.Culture, out var parsed))
            {
                target = parsed;
            }
            else
            {
                ModelState.AddModelError(nameof(TargetQuantity), "El resultado esperado debe ser un número, por ejemplo 12 o 2,5.");
                return this.InvalidPage();
            }
        }
        var result = await lifecycle.EditDraftActionAsync(Plan.Id,
            new ActionEdit(ActionId, Description, Goal, Deliverable, IndicatorFormula, target, ResponsibleText), Actor.From(User), ct);
        return await this.RespondAsync(result,
            number => this.RedirectWithNotice($"Acción {Label} modificada en la versión {number} (borrador).", "/Plans/Manage/Index",
                new { entity = EntitySlug, year = Year }));
    }

    private async Task<ActionSnapshot?> LoadAsync(CancellationToken ct)
    {
        if (!await LoadPlanAsync(ct))
        {
            return null;
        }
        var draft = await Db.PlanVersions.AsNoTracking().Where(v => v.PlanId == Plan.Id).OrderByDescending(v => v.Number)
            .Select(v => new { v.Number, v.Status, v.Snapshot, v.Justification }).FirstOrDefaultAsync(ct);
        if (draft is null || draft.Status == VersionStatus.Published || draft.Snapshot is null)
        {
            return null;
        }
        var snapshot = PlanSnapshot.FromJson(draft.Snapshot);
        var found = snapshot.Components.SelectMany(c => c.Activities)
            .SelectMany(a => a.Actions.Select(x => (Activity: a, Action: x)))
            .FirstOrDefault(p => p.Action.Id == ActionId);
        if (found.Action is null)
        {
            return null;
        }
        DraftNumber = draft.Number;
        DraftJustification = draft.Justification;
        Label = ActionSnapshot.Label(found.Activity.Code, found.Action.Order);
        return found.Action;
    }
}
