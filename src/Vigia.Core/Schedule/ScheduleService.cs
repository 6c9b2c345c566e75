using Vigia.Core.Accounts;
using Vigia.Core.Audit;
using Vigia.Core.Plans;

namespace Vigia.Core.Schedule;

/// <summary>The planned quantity per month (1–12) wanted for one action; months left out or at zero plan nothing.</summary>
public sealed record ActionScheduleInput(int ActionId, IReadOnlyDictionary<int, decimal> Months);

/// <summary>A change to some actions' schedules, with the reason required once the plan is published.</summary>
public sealed record ScheduleUpdate(int PlanId, IReadOnlyList<ActionScheduleInput> Actions, string? Justification);

/// <summary>What a saved schedule update changed; nothing when every action already had the wanted months.</summary>
public sealed record ScheduleChange(int ChangedActions)
{
    public bool Unchanged => ChangedActions == 0;
}

/// <summary>The fields schedule errors are keyed by: one cell of the grid (an action and a month), or the justification.
/// An error about the plan or the update as a whole is keyed <c>""</c>.</summary>
public static class ScheduleFields
{
    public const string Justification = "Justification";

    private const string CellPrefix = "accion-";
    private const string MonthSeparator = "-mes-";

    /// <summary>The cell of <paramref name="actionId"/> in <paramref name="month"/>; a month outside 1–12 still gets
    /// its own key, so two wrong months of one action are two errors.</summary>
    public static string Cell(int actionId, int month) =>
        string.Create(CultureInfo.InvariantCulture, $"{CellPrefix}{actionId}{MonthSeparator}{month}");

    public static bool TryParseCell(string field, out int actionId, out int month)
    {
        ArgumentNullException.ThrowIfNull(field);
        (actionId, month) = (0, 0);
        var separator = field.IndexOf(MonthSeparator, StringComparison.Ordinal);
        return field.StartsWith(CellPrefix, StringComparison.Ordinal) && separator > CellPrefix.Length
            && int.TryParse(field.AsSpan(CellPrefix.Length, separator - CellPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out actionId)
            && int.TryParse(field.AsSpan(separator + MonthSeparator.Length), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out month);
    }
}

/// <summary>Owns changes to actions' monthly schedules. Only Planeación schedules (it formulates and consolidates the
/// plan); the administrator manages accounts, not the plan's content. Once the plan is published every change needs a
/// justification, written to the audit trail with the change; a closed plan's schedule no longer changes.</summary>
public sealed class ScheduleService(AppDbContext db, AuditScope audit)
{
    public const decimal MaxQuantity = 1_000_000m;
    public const int MinJustificationLength = 10;
    public const int MaxJustificationLength = 1000;

    public static bool CanSchedule(Actor actor) => actor?.IsIn(Roles.Planning) == true;

    public static bool NeedsJustification(PlanStatus status) => status != PlanStatus.Draft;

    public async Task<Result<ScheduleChange>> SaveAsync(ScheduleUpdate update, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(actor);
        if (!CanSchedule(actor))
        {
            return Result.Forbidden("Solo Planeación puede programar las acciones del plan.");
        }
        if (await InConsultationAsync(db, update.PlanId, ct) is { } consulted)
        {
            return Result.Conflict(InConsultationMessage(consulted));
        }
        if (await InRevisionAsync(db, update.PlanId, ct) is { } revising)
        {
            return Result.Conflict(InRevisionMessage(revising));
        }
        var (prepared, failure) = await PrepareAsync(update, ct);
        if (failure is not null)
        {
            return failure;
        }
        var (status, actions) = prepared!;
        var changes = update.Actions.Where(a => Differs(actions[a.ActionId], a.Months)).ToList();
        if (changes.Count == 0)
        {
            return Result.Saved(new ScheduleChange(0));
        }
        var reason = update.Justification?.Trim();
        if (NeedsJustification(status) && (reason is null || reason.Length < MinJustificationLength))
        {
            return Result.Invalid(ScheduleFields.Justification,
                $"El plan ya está publicado: explique en la justificación por qué cambia la programación (al menos {MinJustificationLength} caracteres).");
        }
        if (reason is { Length: > MaxJustificationLength })
        {
            return Result.Invalid(ScheduleFields.Justification, $"La justificación puede tener como máximo {MaxJustificationLength} caracteres.");
        }
        foreach (var change in changes)
        {
            Apply(actions[change.ActionId], change.Months);
        }
        try
        {
            using (audit.Begin(new AuditActor(actor.UserId, actor.Name), reason))
            {
                await db.SaveChangesAsync(ct);
            }
        }
        catch (AuditReasonRequiredException e)
        {
            // The plan was published while the form was open; the tracked changes were not saved.
            db.ChangeTracker.Clear();
            return Result.Invalid(ScheduleFields.Justification, e.Message);
        }
        return Result.Saved(new ScheduleChange(changes.Count));
    }

    /// <summary>The number of the plan's latest version when it is «En consulta», else null. While citizens comment on a
    /// draft its schedule does not move either (ADR 020).</summary>
    public static async Task<int?> InConsultationAsync(AppDbContext db, int planId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var latest = await db.PlanVersions.Where(v => v.PlanId == planId).OrderByDescending(v => v.Number)
            .Select(v => new { v.Number, v.Status }).FirstOrDefaultAsync(ct);
        return latest is { Status: VersionStatus.InConsultation } ? latest.Number : null;
    }

    /// <summary>The number of the revision being prepared (a draft version with its working copy, ADR 033), else null.
    /// While it is open the live grid does not save: the revision carries each action's schedule and its publication
    /// writes it onto the live plan, so a change saved here meanwhile would be lost or would need a merge.</summary>
    public static async Task<int?> InRevisionAsync(AppDbContext db, int planId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var latest = await db.PlanVersions.Where(v => v.PlanId == planId).OrderByDescending(v => v.Number)
            .Select(v => new { v.Number, v.Status, HasSnapshot = v.Snapshot != null }).FirstOrDefaultAsync(ct);
        return latest is { Status: VersionStatus.Draft, HasSnapshot: true } ? latest.Number : null;
    }

    /// <summary>Why the live schedule is not saved while a revision is open.</summary>
    public static string InRevisionMessage(int number) =>
        $"La versión {number} del plan está en preparación: la programación mensual se cambia en esa versión (acción por acción, en «Cambiar la estructura de la versión {number}») y se aplica al publicarla. Mientras tanto esta programación no se modifica, para que la publicación no borre lo que se guarde aquí.";

    /// <summary>Why the schedule is not saved while the draft is in consultation.</summary>
    public static string InConsultationMessage(int number) =>
        $"La versión {number} del plan está en consulta ciudadana: su programación mensual no se modifica mientras la ciudadanía la comenta. Cierre la consulta para programar los cambios que respondan a los comentarios.";

    /// <summary>What is wrong with the plan, the actions or the values of an update, without saving anything and
    /// without asking who sends it: lets a form report every problem at once.</summary>
    public async Task<IReadOnlyDictionary<string, string>> CheckValuesAsync(ScheduleUpdate update, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        return (await PrepareAsync(update, ct)).Failure?.Errors ?? new Dictionary<string, string>();
    }

    private sealed record Prepared(PlanStatus Status, Dictionary<int, PlanAction> Actions);

    private async Task<(Prepared? Prepared, Failure? Failure)> PrepareAsync(ScheduleUpdate update, CancellationToken ct)
    {
        var status = await db.Plans.Where(p => p.Id == update.PlanId).Select(p => (PlanStatus?)p.Status).FirstOrDefaultAsync(ct);
        if (status is null)
        {
            return (null, Result.NotFound("El plan no existe."));
        }
        if (status == PlanStatus.Closed)
        {
            return (null, Result.Invalid("", "El plan está cerrado: su programación ya no se puede cambiar."));
        }
        var ids = update.Actions.Select(a => a.ActionId).Distinct().ToList();
        var actions = await db.Actions.Include(a => a.Schedule).Include(a => a.Activity)
            .Where(a => ids.Contains(a.Id) && a.Activity!.Component!.PlanId == update.PlanId)
            .ToDictionaryAsync(a => a.Id, ct);
        if (actions.Count != ids.Count)
        {
            return (null, Result.Invalid("", "Alguna de las acciones enviadas no pertenece a este plan."));
        }
        var errors = new Dictionary<string, string>();
        foreach (var (field, message) in update.Actions.SelectMany(a => Validate(a, actions[a.ActionId])))
        {
            // An action sent twice is checked twice; its cells are still one error each.
            errors.TryAdd(field, message);
        }
        return errors.Count > 0
            ? (null, Result.Invalid(errors))
            : (new Prepared(status.Value, actions), null);
    }

    private static IEnumerable<KeyValuePair<string, string>> Validate(ActionScheduleInput input, PlanAction action)
    {
        var code = $"{action.Activity!.Code}-{action.Order}";
        foreach (var (month, quantity) in input.Months.OrderBy(m => m.Key))
        {
            if (month is < 1 or > 12)
            {
                yield return new(ScheduleFields.Cell(action.Id, month), $"La acción {code} tiene un mes inexistente ({month}).");
                continue;
            }
            var where = $"{SpanishMonths.Name(month)} de la acción {code}";
            var cell = ScheduleFields.Cell(action.Id, month);
            if (quantity < 0)
            {
                yield return new(cell, $"La cantidad de {where} no puede ser negativa.");
            }
            else if (action.TargetUnit == TargetUnit.Percentage && quantity > 100)
            {
                yield return new(cell, $"La meta de la acción {code} es un porcentaje: el valor de {SpanishMonths.Name(month)} no puede pasar de 100.");
            }
            else if (quantity > MaxQuantity)
            {
                yield return new(cell, $"La cantidad de {where} es demasiado grande (máximo 1.000.000).");
            }
            else if (decimal.Round(quantity, 4) != quantity)
            {
                yield return new(cell, $"La cantidad de {where} admite como máximo cuatro decimales.");
            }
        }
    }

    private static bool Differs(PlanAction action, IReadOnlyDictionary<int, decimal> wanted)
    {
        var planned = wanted.Where(m => m.Value != 0).ToDictionary(m => m.Key, m => m.Value);
        return planned.Count != action.Schedule.Count
            || action.Schedule.Any(s => !planned.TryGetValue(s.Month, out var q) || q != s.PlannedQuantity);
    }

    /// <summary>Brings the action's entries in line with the wanted months.</summary>
    private void Apply(PlanAction action, IReadOnlyDictionary<int, decimal> wanted)
    {
        foreach (var entry in action.Schedule.ToList())
        {
            if (!wanted.TryGetValue(entry.Month, out var quantity) || quantity == 0)
            {
                db.ScheduleEntries.Remove(entry);
                action.Schedule.Remove(entry);
            }
            else if (entry.PlannedQuantity != quantity)
            {
                entry.PlannedQuantity = quantity;
                entry.IsSimulated = false;
            }
        }
        foreach (var (month, quantity) in wanted.Where(m => m.Value > 0 && action.Schedule.All(s => s.Month != m.Key)))
        {
            action.Schedule.Add(new ScheduleEntry { Month = month, PlannedQuantity = quantity });
        }
    }
}
