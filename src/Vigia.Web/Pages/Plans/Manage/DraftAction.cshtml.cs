namespace Vigia.Web.Pages.Plans.Manage;

/// <summary>One action of a first draft, new or existing: texts, target and its unit, responsible units ticked from the
/// entity's catalogue (filtered by a plain search box, on the server, so it works without JavaScript), a unit proposed
/// in place, and the planned quantity per month.</summary>
public class DraftActionModel(AppDbContext db, PlanLocator locator, PlanDraftService drafts) : ManagePageModel(db, locator)
{
    public sealed record UnitChoice(int Id, string Name);

    [FromRoute(Name = "activityId")]
    public int ActivityId { get; set; }

    [FromRoute(Name = "actionId")]
    public int? ActionId { get; set; }

    public string ActivityLabel { get; private set; } = "";

    /// <summary>The activities an existing action can be moved to («Mover a otra actividad»).</summary>
    public IReadOnlyList<UnitChoice> OtherActivities { get; private set; } = [];

    [BindProperty]
    public int? TargetActivityId { get; set; }

    private Plan? structure;

    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];

    /// <summary>What the form says after a unit was proposed: the form is shown again with it ticked, not yet saved.</summary>
    public string? Proposed { get; private set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public string? Goal { get; set; }

    [BindProperty]
    public string? TargetQuantity { get; set; }

    [BindProperty]
    public TargetUnit TargetUnit { get; set; } = TargetUnit.Count;

    [BindProperty]
    public string? Deliverable { get; set; }

    [BindProperty]
    public string? IndicatorFormula { get; set; }

    [BindProperty]
    public List<int> UnitIds { get; set; } = [];

    /// <summary>Planned quantity per month, index 0 = January, as typed (es-CO numbers).</summary>
    [BindProperty]
    public List<string?> Months { get; set; } = [];

    [BindProperty]
    public string? UnitSearch { get; set; }

    [BindProperty]
    public string? NewUnit { get; set; }

    public IEnumerable<UnitChoice> ShownUnits => string.IsNullOrWhiteSpace(UnitSearch)
        ? Units
        : Units.Where(u => UnitIds.Contains(u.Id) || SpanishText.Fold(u.Name).Contains(SpanishText.Fold(UnitSearch), StringComparison.Ordinal));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (ActionId is { } id)
        {
            var action = structure!.Components.SelectMany(c => c.Activities).SelectMany(a => a.Actions).Single(x => x.Id == id);
            Description = action.Description;
            Goal = action.Goal;
            TargetQuantity = action.TargetQuantity is { } q ? SpanishFormat.Input(q) : null;
            TargetUnit = action.TargetUnit;
            Deliverable = action.Deliverable;
            IndicatorFormula = action.IndicatorFormula;
            UnitIds = action.ResponsibleUnits.Select(u => u.UnitId).ToList();
            Months = Enumerable.Range(1, 12).Select(m => action.Schedule.FirstOrDefault(s => s.Month == m) is { } s ? SpanishFormat.Input(s.PlannedQuantity) : null).ToList();
        }
        return Page();
    }

    /// <summary>Moves the action to the end of another activity; the numbers of both follow.</summary>
    public async Task<IActionResult> OnPostMoveToAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || ActionId is not { } id)
        {
            return NotFound();
        }
        var result = await drafts.MoveActionToAsync(Plan.Id, id, TargetActivityId ?? 0, Actor.From(User), ct);
        return await this.RespondAsync(result,
            _ => this.RedirectWithNotice("Acción movida a otra actividad; los números se ajustaron.", "/Plans/Manage/Draft", new { entity = EntitySlug, year = Year }),
            null, key => key == DraftFields.Activity ? nameof(TargetActivityId) : key);
    }

    /// <summary>The search box's button: the same form again, showing the ticked units and those that match.</summary>
    public async Task<IActionResult> OnPostFilterAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostProposeUnitAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        var result = await drafts.ProposeUnitAsync(Plan.Id, NewUnit, Actor.From(User), ct);
        if (!result.Succeeded)
        {
            return await this.RefuseAsync(result);
        }
        UnitIds.Add(result.Value.Id);
        NewUnit = null;
        ModelState.Remove(nameof(NewUnit));
        await LoadAsync(ct);
        Proposed = $"Unidad «{result.Value.Name}» agregada al catálogo y marcada como responsable. Guarde la acción para conservar los cambios.";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        decimal? target = null;
        if (!string.IsNullOrWhiteSpace(TargetQuantity))
        {
            if (!TryNumber(TargetQuantity, out var parsed))
            {
                ModelState.AddModelError(nameof(TargetQuantity), "El resultado esperado debe ser un número, por ejemplo 12 o 2,5.");
                return this.InvalidPage();
            }
            target = parsed;
        }
        var schedule = new Dictionary<int, decimal>();
        for (var i = 0; i < Months.Count && i < 12; i++)
        {
            if (string.IsNullOrWhiteSpace(Months[i]))
            {
                continue;
            }
            if (!TryNumber(Months[i]!, out var quantity))
            {
                ModelState.AddModelError($"Months[{i}]", $"La cantidad de {SpanishMonths.Name(i + 1)} debe ser un número.");
                return this.InvalidPage();
            }
            schedule[i + 1] = quantity;
        }
        var draft = new ActionDraft(Description, Goal, target, TargetUnit, Deliverable, IndicatorFormula, UnitIds, schedule);
        var actor = Actor.From(User);
        var result = ActionId is { } id
            ? await drafts.UpdateActionAsync(Plan.Id, id, draft, actor, ct)
            : await drafts.AddActionAsync(Plan.Id, ActivityId, draft, actor, ct);
        return await this.RespondAsync(result,
            _ => this.RedirectWithNotice(ActionId is null ? $"Acción agregada a la actividad {ActivityLabel}." : "Acción guardada.",
                "/Plans/Manage/Draft", new { entity = EntitySlug, year = Year }),
            null, key => key.StartsWith("Month", StringComparison.Ordinal) && int.TryParse(key.AsSpan(5), CultureInfo.InvariantCulture, out var m)
                ? string.Create(CultureInfo.InvariantCulture, $"Months[{m - 1}]") : key);
    }

    private static bool TryNumber(string text, out decimal value) =>
        decimal.TryParse(text.Trim(), NumberStyles.Number, SpanishFormat.Culture, out value);

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await LoadPlanAsync(ct))
        {
            return false;
        }
        // The structure being edited: the first draft's rows or an open revision's working copy (ADR 033).
        structure = (await PlanDraftService.StructureAsync(Db, Plan.Id, ct))!.Value.Structure;
        var activities = structure.Components.OrderBy(c => c.Number).SelectMany(c => c.Activities.OrderBy(a => a.Order)).ToList();
        var activity = activities.FirstOrDefault(a => a.Id == ActivityId);
        if (activity is null || (ActionId is { } id && activity.Actions.All(x => x.Id != id)))
        {
            return false;
        }
        ActivityLabel = activity.Code;
        OtherActivities = activities.Where(a => a.Id != ActivityId).Select(a => new UnitChoice(a.Id, $"{a.Code} {a.Name}")).ToList();
        var entityId = await Db.Plans.Where(p => p.Id == Plan.Id).Select(p => p.EntityId).SingleAsync(ct);
        Units = await Db.Units.AsNoTracking().Where(u => u.EntityId == entityId && u.IsActive).OrderBy(u => u.Name)
            .Select(u => new UnitChoice(u.Id, u.Name)).ToListAsync(ct);
        while (Months.Count < 12)
        {
            Months.Add(null);
        }
        return true;
    }
}
