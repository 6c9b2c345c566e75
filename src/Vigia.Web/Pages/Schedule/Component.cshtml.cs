using Vigia.Core.Plans.Importing;
using Vigia.Core.Schedule;

namespace Vigia.Web.Pages.Schedule;

/// <summary>One action's row as posted: its id and the twelve cells as typed ("2", "2,5", "").</summary>
public sealed class ScheduleRowInput
{
    public int ActionId { get; set; }
    public List<string?> Months { get; set; } = [];
}

public sealed record ScheduleActionView(int ActionId, string Code, string Goal, decimal? Target, TargetUnit Unit, ScheduleSuggestion Suggestion)
{
    public string TargetText => Target is not { } t ? "Sin meta numérica"
        : Unit == TargetUnit.Percentage ? SpanishFormat.Percent(t, 4) : SpanishFormat.Number(t);
}

/// <summary>The schedule grid of one component: twelve cells per action, "Sugerir" (a plain submit that proposes
/// without saving) and "Guardar" (through <see cref="ScheduleService"/>, Post-Redirect-Get).</summary>
public class ComponentModel(AppDbContext db, PlanLocator locator, ScheduleService schedules) : SchedulePageModel(db, locator)
{
    [FromRoute(Name = "number")]
    public int Number { get; set; }

    [BindProperty]
    public List<ScheduleRowInput> Rows { get; set; } = [];

    [BindProperty]
    public string? Justification { get; set; }

    public string ComponentName { get; private set; } = "";
    public IReadOnlyList<ScheduleActionView> Actions { get; private set; } = [];

    /// <summary>Row index → the rule of the suggestion just applied to it.</summary>
    public IReadOnlyDictionary<int, string> Suggested { get; private set; } = new Dictionary<int, string>();
    public string? Notice { get; private set; }

    public bool NeedsJustification => ScheduleService.NeedsJustification(Plan.Status) && !IsClosed;
    public bool IsClosed => Plan.Status == PlanStatus.Closed;

    /// <summary>The number of the version in citizen consultation, when there is one: its schedule is frozen (ADR 020).</summary>
    public int? ConsultedVersion { get; private set; }

    /// <summary>The revision being prepared, whose working copy carries the schedule (ADR 033); the grid does not save meanwhile.</summary>
    public int? RevisionVersion { get; private set; }

    private Dictionary<int, Dictionary<int, decimal>> stored = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        Rows = Actions.Select(a => Stored(a.ActionId)).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        AlignRows();
        var parsed = Parse();
        if (!ModelState.IsValid)
        {
            // Report the rules the readable values break too, so one round trip shows every problem.
            ModelState.AddErrors(await schedules.CheckValuesAsync(new ScheduleUpdate(Plan.Id, parsed, Justification), ct), KeyOf);
            return this.InvalidPage();
        }
        var result = await schedules.SaveAsync(new ScheduleUpdate(Plan.Id, parsed, Justification), Actor.From(User), ct);
        return await this.RespondAsync(result, change => this.RedirectWithNotice(change.Unchanged
                ? "No había cambios que guardar."
                : $"Programación guardada: {change.ChangedActions} {(change.ChangedActions == 1 ? "acción actualizada" : "acciones actualizadas")} en el componente {Number}.",
            "/Schedule/Component", new { entity = EntitySlug, year = Year, number = Number }), fieldKey: KeyOf);
    }

    /// <summary>Fills one row (<paramref name="actionId"/>) or every empty row with <see cref="ScheduleSuggester"/>'s
    /// proposal and shows the page again; nothing is saved until "Guardar".</summary>
    public async Task<IActionResult> OnPostSuggestAsync([FromQuery(Name = "accion")] int? actionId, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        AlignRows();
        ModelState.Clear();
        var suggested = new Dictionary<int, string>();
        for (var i = 0; i < Actions.Count; i++)
        {
            var action = Actions[i];
            if (actionId is { } id ? action.ActionId != id : Rows[i].Months.Any(m => !string.IsNullOrWhiteSpace(m) && m.Trim() != "0"))
            {
                continue;
            }
            Rows[i].Months = Enumerable.Range(1, 12)
                .Select(m => action.Suggestion.Months.TryGetValue(m, out var q) ? Format(q) : null).ToList();
            suggested[i] = action.Suggestion.Rule;
        }
        Suggested = suggested;
        Notice = suggested.Count == 0
            ? "Todas las acciones ya tienen programación: para cambiar una, use «Sugerir» en su fila."
            : $"Propuesta aplicada a {suggested.Count} {(suggested.Count == 1 ? "acción" : "acciones")}. Revise los valores y pulse «Guardar programación» para conservarlos; todavía no se ha guardado nada.";
        return Page();
    }

    public static string Format(decimal value) => SpanishFormat.Input(value);

    public static string CellId(int row, int month) => $"Rows_{row}__Months_{month - 1}_";

    public static string CellKey(int row, int month) => $"Rows[{row}].Months[{month - 1}]";

    public bool HasError(int row, int month) => ModelState.TryGetValue(CellKey(row, month), out var entry) && entry.Errors.Count > 0;

    public IEnumerable<string> RowErrors(int row) => Enumerable.Range(1, 12)
        .SelectMany(m => ModelState.TryGetValue(CellKey(row, m), out var entry) ? entry.Errors.Select(e => e.ErrorMessage) : []);

    /// <summary>What the row plans in the year as typed (counts: the sum; percentages: the last milestone), and whether it matches the target.</summary>
    public (string Text, bool Matches) Total(int row)
    {
        var action = Actions[row];
        var values = Rows[row].Months.Select((text, i) => (Month: i + 1, Value: TryRead(text))).Where(x => x.Value > 0).ToList();
        var total = action.Unit == TargetUnit.Percentage
            ? values.Select(x => x.Value!.Value).LastOrDefault()
            : values.Sum(x => x.Value!.Value);
        var text = action.Unit == TargetUnit.Percentage ? SpanishFormat.Percent(total, 4) : SpanishFormat.Number(total);
        return (text, action.Target is not { } target || total == target);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await LoadPlanAsync(ct))
        {
            return false;
        }
        ConsultedVersion = await ScheduleService.InConsultationAsync(Db, Plan.Id, ct);
        RevisionVersion = await ScheduleService.InRevisionAsync(Db, Plan.Id, ct);
        var component = await Db.Components.AsNoTracking().Where(c => c.PlanId == Plan.Id && c.Number == Number)
            .Select(c => new { c.Id, c.Name }).SingleOrDefaultAsync(ct);
        if (component is null)
        {
            return false;
        }
        ComponentName = component.Name;
        var actions = await Db.Actions.AsNoTracking().Where(a => a.Activity!.ComponentId == component.Id)
            .OrderBy(a => a.Activity!.Order).ThenBy(a => a.Order)
            .Select(a => new
            {
                a.Id,
                a.Activity!.Code,
                a.Order,
                a.Goal,
                a.TargetQuantity,
                a.TargetUnit,
                Schedule = a.Schedule.Select(s => new { s.Month, s.PlannedQuantity }).ToList(),
            })
            .ToListAsync(ct);
        Actions = actions.Select(a => new ScheduleActionView(a.Id, $"{a.Code}-{a.Order}", a.Goal, a.TargetQuantity, a.TargetUnit,
            ScheduleSuggester.Suggest(a.TargetQuantity, a.TargetUnit, a.Goal))).ToList();
        stored = actions.ToDictionary(a => a.Id, a => a.Schedule.ToDictionary(s => s.Month, s => s.PlannedQuantity));
        return true;
    }

    private ScheduleRowInput Stored(int actionId) => new()
    {
        ActionId = actionId,
        Months = Enumerable.Range(1, 12).Select(m => stored[actionId].TryGetValue(m, out var q) ? Format(q) : null).ToList(),
    };

    /// <summary>Puts the posted rows in the page's order, one per action of this component; a row that was not
    /// posted keeps what is stored, and rows for other actions are ignored.</summary>
    private void AlignRows()
    {
        var posted = Rows.Where(r => r is not null).GroupBy(r => r.ActionId).ToDictionary(g => g.Key, g => g.First());
        Rows = Actions.Select(a => posted.TryGetValue(a.ActionId, out var row)
            ? new ScheduleRowInput { ActionId = a.ActionId, Months = [.. row.Months.Concat(Enumerable.Repeat<string?>(null, 12)).Take(12)] }
            : Stored(a.ActionId)).ToList();
    }

    private List<ActionScheduleInput> Parse()
    {
        var result = new List<ActionScheduleInput>();
        for (var i = 0; i < Rows.Count; i++)
        {
            var months = new Dictionary<int, decimal>();
            for (var m = 1; m <= 12; m++)
            {
                var text = Rows[i].Months[m - 1];
                if (string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }
                if (TryRead(text) is { } value)
                {
                    months[m] = value;
                }
                else
                {
                    ModelState.AddModelError(CellKey(i, m),
                        $"Escriba un número en {SpanishMonths.Name(m)} de la acción {Actions[i].Code}, por ejemplo 2 o 2,5 (se recibió «{text.Trim()}»).");
                }
            }
            result.Add(new ActionScheduleInput(Rows[i].ActionId, months));
        }
        return result;
    }

    private static decimal? TryRead(string? text) =>
        !string.IsNullOrWhiteSpace(text) && SpanishNumber.TryParse(text, out var value, out _) ? value : null;

    /// <summary>The grid's ModelState key for a field the service names: a cell goes to its row and month (a month
    /// outside the year to the row's first cell), the justification to its box, anything else to the whole form.</summary>
    private string KeyOf(string field)
    {
        if (field == ScheduleFields.Justification)
        {
            return nameof(Justification);
        }
        if (!ScheduleFields.TryParseCell(field, out var actionId, out var month))
        {
            return "";
        }
        var row = Actions.Select((a, i) => (a, i)).FirstOrDefault(x => x.a.ActionId == actionId, (null!, -1)).Item2;
        return row < 0 ? "" : CellKey(row, month is >= 1 and <= 12 ? month : 1);
    }
}
