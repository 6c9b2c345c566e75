using Vigia.Core.Accounts;
using Vigia.Core.Audit;
using Vigia.Core.Plans;

namespace Vigia.Core.Schedule;

/// <summary>The planned quantity per month (1–12) wanted for one action; months left out or at zero plan nothing.</summary>
public sealed record ActionScheduleInput(int ActionId, IReadOnlyDictionary<int, decimal> Months);

/// <summary>A change to some actions' schedules, with the reason required once the plan is published.</summary>
public sealed record ScheduleUpdate(int PlanId, IReadOnlyList<ActionScheduleInput> Actions, string? Justification);

/// <summary>A rule the update broke, in Spanish, with the action and month (or the justification) it concerns.</summary>
public sealed record ScheduleError(string Message, int? ActionId = null, int? Month = null, bool IsJustification = false);

public enum ScheduleOutcome
{
    Saved = 1,
    Unchanged = 2,
    Invalid = 3,
    Forbidden = 4,
    NotFound = 5,
}

public sealed record ScheduleResult(ScheduleOutcome Outcome, int ChangedActions, IReadOnlyList<ScheduleError> Errors)
{
    public static ScheduleResult Fail(ScheduleOutcome outcome, params ScheduleError[] errors) => new(outcome, 0, errors);
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

    public async Task<ScheduleResult> SaveAsync(ScheduleUpdate update, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(actor);
        if (!CanSchedule(actor))
        {
            return ScheduleResult.Fail(ScheduleOutcome.Forbidden, new ScheduleError("Solo Planeación puede programar las acciones del plan."));
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
            return new ScheduleResult(ScheduleOutcome.Unchanged, 0, []);
        }
        var reason = update.Justification?.Trim();
        if (NeedsJustification(status) && (reason is null || reason.Length < MinJustificationLength))
        {
            return ScheduleResult.Fail(ScheduleOutcome.Invalid, new ScheduleError(
                $"El plan ya está publicado: explique en la justificación por qué cambia la programación (al menos {MinJustificationLength} caracteres).",
                IsJustification: true));
        }
        if (reason is { Length: > MaxJustificationLength })
        {
            return ScheduleResult.Fail(ScheduleOutcome.Invalid, new ScheduleError(
                $"La justificación puede tener como máximo {MaxJustificationLength} caracteres.", IsJustification: true));
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
            return ScheduleResult.Fail(ScheduleOutcome.Invalid, new ScheduleError(e.Message, IsJustification: true));
        }
        return new ScheduleResult(ScheduleOutcome.Saved, changes.Count, []);
    }

    /// <summary>What is wrong with the plan, the actions or the values of an update, without saving anything and
    /// without asking who sends it: lets a form report every problem at once.</summary>
    public async Task<IReadOnlyList<ScheduleError>> CheckValuesAsync(ScheduleUpdate update, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        return (await PrepareAsync(update, ct)).Failure?.Errors ?? [];
    }

    private sealed record Prepared(PlanStatus Status, Dictionary<int, PlanAction> Actions);

    private async Task<(Prepared? Prepared, ScheduleResult? Failure)> PrepareAsync(ScheduleUpdate update, CancellationToken ct)
    {
        var status = await db.Plans.Where(p => p.Id == update.PlanId).Select(p => (PlanStatus?)p.Status).FirstOrDefaultAsync(ct);
        if (status is null)
        {
            return (null, ScheduleResult.Fail(ScheduleOutcome.NotFound, new ScheduleError("El plan no existe.")));
        }
        if (status == PlanStatus.Closed)
        {
            return (null, ScheduleResult.Fail(ScheduleOutcome.Invalid, new ScheduleError("El plan está cerrado: su programación ya no se puede cambiar.")));
        }
        var ids = update.Actions.Select(a => a.ActionId).Distinct().ToList();
        var actions = await db.Actions.Include(a => a.Schedule).Include(a => a.Activity)
            .Where(a => ids.Contains(a.Id) && a.Activity!.Component!.PlanId == update.PlanId)
            .ToDictionaryAsync(a => a.Id, ct);
        if (actions.Count != ids.Count)
        {
            return (null, ScheduleResult.Fail(ScheduleOutcome.Invalid, new ScheduleError("Alguna de las acciones enviadas no pertenece a este plan.")));
        }
        var errors = update.Actions.SelectMany(a => Validate(a, actions[a.ActionId])).ToList();
        return errors.Count > 0
            ? (null, new ScheduleResult(ScheduleOutcome.Invalid, 0, errors))
            : (new Prepared(status.Value, actions), null);
    }

    private static IEnumerable<ScheduleError> Validate(ActionScheduleInput input, PlanAction action)
    {
        var code = $"{action.Activity!.Code}-{action.Order}";
        foreach (var (month, quantity) in input.Months.OrderBy(m => m.Key))
        {
            if (month is < 1 or > 12)
            {
                yield return new ScheduleError($"La acción {code} tiene un mes inexistente ({month}).", action.Id);
                continue;
            }
            var where = $"{SpanishMonths.Name(month)} de la acción {code}";
            if (quantity < 0)
            {
                yield return new ScheduleError($"La cantidad de {where} no puede ser negativa.", action.Id, month);
            }
            else if (action.TargetUnit == TargetUnit.Percentage && quantity > 100)
            {
                yield return new ScheduleError($"La meta de la acción {code} es un porcentaje: el valor de {SpanishMonths.Name(month)} no puede pasar de 100.",
                    action.Id, month);
            }
            else if (quantity > MaxQuantity)
            {
                yield return new ScheduleError($"La cantidad de {where} es demasiado grande (máximo 1.000.000).", action.Id, month);
            }
            else if (decimal.Round(quantity, 4) != quantity)
            {
                yield return new ScheduleError($"La cantidad de {where} admite como máximo cuatro decimales.", action.Id, month);
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
            }
        }
        foreach (var (month, quantity) in wanted.Where(m => m.Value > 0 && action.Schedule.All(s => s.Month != m.Key)))
        {
            action.Schedule.Add(new ScheduleEntry { Month = month, PlannedQuantity = quantity });
        }
    }
}
