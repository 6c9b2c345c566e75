using Vigia.Core.Accounts;
using Vigia.Core.Audit;
using Vigia.Core.FollowUps;
using Vigia.Core.Organisation;
using Vigia.Core.Schedule;

namespace Vigia.Core.Plans;

/// <summary>The four levels of a plan's structure.</summary>
public enum PlanPart
{
    Component = 1,
    Subcomponent = 2,
    Activity = 3,
    Action = 4,
}

/// <summary>An action as Planeación writes it in a draft: texts, target and its unit, the responsible units from the
/// catalogue and the planned quantity per month (1–12).</summary>
public sealed record ActionDraft(string? Description, string? Goal, decimal? TargetQuantity, TargetUnit TargetUnit, string? Deliverable,
    string? IndicatorFormula, IReadOnlyList<int> UnitIds, IReadOnlyDictionary<int, decimal> Schedule);

/// <summary>The fields draft errors are keyed by.</summary>
public static class DraftFields
{
    public const string Name = "Name";
    public const string Description = "Description";
    public const string Goal = "Goal";
    public const string TargetQuantity = "TargetQuantity";
    public const string Units = "UnitIds";
    public const string NewUnit = "NewUnit";
    public const string Activity = "ActivityId";

    public static string Month(int month) => string.Create(CultureInfo.InvariantCulture, $"Month{month}");
}

/// <summary>Edits the structure of a plan's first draft, which is the live structure itself (ADR 011): adds, renames,
/// removes and reorders components, subcomponents, activities and actions, and writes an action's fields, units and
/// schedule. After every change the codes follow the order (1, 1.1, 1.1.1, action 1.1.1-1). A removal is refused while
/// the part holds an action with history (reports, follow-ups, risks), so nothing loses the action it points at. An open
/// revision of a published plan is edited with the same rules on its snapshot, as a detached graph (ADR 033): there a
/// removal with history is allowed, and its publication keeps such a part as a row marked removed.</summary>
public sealed class PlanDraftService(AppDbContext db, AuditScope audit)
{
    public const int MaxNameLength = 1000;

    public Task<Result<int>> AddComponentAsync(int planId, string? name, Actor actor, CancellationToken ct = default) =>
        EditAsync(planId, actor, plan =>
        {
            if (NameError(name) is { } error)
            {
                return Task.FromResult<Result<Func<int>>>(error);
            }
            var component = new Component { Number = plan.Components.Count == 0 ? 1 : plan.Components.Max(c => c.Number) + 1, Name = name!.Trim() };
            plan.Components.Add(component);
            return Saved(() => component.Id);
        }, ct);

    public Task<Result<int>> AddSubcomponentAsync(int planId, int componentId, string? name, Actor actor, CancellationToken ct = default) =>
        EditAsync(planId, actor, plan =>
        {
            if (plan.Components.FirstOrDefault(c => c.Id == componentId) is not { } component)
            {
                return Task.FromResult<Result<Func<int>>>(Result.NotFound("El componente no está en este plan."));
            }
            if (NameError(name) is { } error)
            {
                return Task.FromResult<Result<Func<int>>>(error);
            }
            var sub = new Subcomponent { Code = "", Name = name!.Trim(), Order = component.Subcomponents.Count + 1 };
            component.Subcomponents.Add(sub);
            return Saved(() => sub.Id);
        }, ct);

    public Task<Result<int>> AddActivityAsync(int planId, int componentId, int? subcomponentId, string? name, Actor actor, CancellationToken ct = default) =>
        EditAsync(planId, actor, plan =>
        {
            var component = plan.Components.FirstOrDefault(c => c.Id == componentId);
            var sub = subcomponentId is { } sid ? component?.Subcomponents.FirstOrDefault(s => s.Id == sid) : null;
            if (component is null || (subcomponentId is not null && sub is null))
            {
                return Task.FromResult<Result<Func<int>>>(Result.NotFound("El componente o subcomponente no está en este plan."));
            }
            if (NameError(name) is { } error)
            {
                return Task.FromResult<Result<Func<int>>>(error);
            }
            var activity = new Activity
            {
                Code = "",
                Name = name!.Trim(),
                Subcomponent = sub,
                Order = component.Activities.Count == 0 ? 1 : component.Activities.Max(a => a.Order) + 1,
            };
            component.Activities.Add(activity);
            return Saved(() => activity.Id);
        }, ct);

    public Task<Result<int>> AddActionAsync(int planId, int activityId, ActionDraft draft, Actor actor, CancellationToken ct = default) =>
        EditAsync(planId, actor, async plan =>
        {
            if (Activities(plan).FirstOrDefault(a => a.Id == activityId) is not { } activity)
            {
                return Result.NotFound("La actividad no está en este plan.");
            }
            var action = new PlanAction
            {
                Description = "",
                Goal = "",
                Order = activity.Actions.Count == 0 ? 1 : activity.Actions.Max(x => x.Order) + 1,
            };
            if (await WriteAsync(plan, action, draft, ct) is { } error)
            {
                return error;
            }
            activity.Actions.Add(action);
            return Result.Saved<Func<int>>(() => action.Id);
        }, ct);

    public Task<Result<int>> UpdateActionAsync(int planId, int actionId, ActionDraft draft, Actor actor, CancellationToken ct = default) =>
        EditAsync(planId, actor, async plan =>
        {
            if (Actions(plan).FirstOrDefault(x => x.Id == actionId) is not { } action)
            {
                return Result.NotFound("La acción no está en este plan.");
            }
            if (!revision)
            {
                await db.Entry(action).Collection(x => x.ResponsibleUnits).LoadAsync(ct);
                await db.Entry(action).Collection(x => x.Schedule).LoadAsync(ct);
            }
            if (await WriteAsync(plan, action, draft, ct) is { } error)
            {
                return error;
            }
            return Result.Saved<Func<int>>(() => action.Id);
        }, ct);

    public Task<Result<int>> RenameAsync(int planId, PlanPart part, int id, string? name, Actor actor, CancellationToken ct = default) =>
        EditAsync(planId, actor, plan =>
        {
            if (NameError(name) is { } error)
            {
                return Task.FromResult<Result<Func<int>>>(error);
            }
            var clean = name!.Trim();
            switch (part)
            {
                case PlanPart.Component when plan.Components.FirstOrDefault(c => c.Id == id) is { } c:
                    c.Name = clean;
                    break;
                case PlanPart.Subcomponent when plan.Components.SelectMany(c => c.Subcomponents).FirstOrDefault(s => s.Id == id) is { } s:
                    s.Name = clean;
                    break;
                case PlanPart.Activity when Activities(plan).FirstOrDefault(a => a.Id == id) is { } a:
                    a.Name = clean;
                    break;
                default:
                    return Task.FromResult<Result<Func<int>>>(Result.NotFound("Esa parte no está en este plan."));
            }
            return Saved(() => id);
        }, ct);

    /// <summary>Moves a part one place up (<paramref name="down"/> false) or down among its siblings; the codes follow.</summary>
    public Task<Result<int>> MoveAsync(int planId, PlanPart part, int id, bool down, Actor actor, CancellationToken ct = default) =>
        EditAsync(planId, actor, plan =>
        {
            var moved = part switch
            {
                PlanPart.Component => Swap(plan.Components.OrderBy(c => c.Number).ToList(), c => c.Id == id, down,
                    (a, b) => (a.Number, b.Number) = (b.Number, a.Number)),
                PlanPart.Subcomponent => plan.Components.FirstOrDefault(c => c.Subcomponents.Any(s => s.Id == id)) is { } owner
                    && Swap(owner.Subcomponents.OrderBy(s => s.Order).ToList(), s => s.Id == id, down, (a, b) => (a.Order, b.Order) = (b.Order, a.Order)),
                PlanPart.Activity => Activities(plan).FirstOrDefault(a => a.Id == id) is { } activity
                    && Swap(plan.Components.Single(c => c.Activities.Contains(activity)).Activities
                        .Where(a => a.Subcomponent == activity.Subcomponent).OrderBy(a => a.Order).ToList(),
                        a => a.Id == id, down, (a, b) => (a.Order, b.Order) = (b.Order, a.Order)),
                PlanPart.Action => Activities(plan).FirstOrDefault(a => a.Actions.Any(x => x.Id == id)) is { } holder
                    && Swap(holder.Actions.OrderBy(x => x.Order).ToList(), x => x.Id == id, down, (a, b) => (a.Order, b.Order) = (b.Order, a.Order)),
                _ => false,
            };
            return moved ? Saved(() => id) : Task.FromResult<Result<Func<int>>>(Result.NotFound("Esa parte no está en este plan o ya está en ese extremo."));
        }, ct);

    /// <summary>Moves an action to the end of another activity of the plan; both activities' numbers follow.</summary>
    public Task<Result<int>> MoveActionToAsync(int planId, int actionId, int activityId, Actor actor, CancellationToken ct = default) =>
        EditAsync(planId, actor, plan =>
        {
            var source = Activities(plan).FirstOrDefault(a => a.Actions.Any(x => x.Id == actionId));
            var target = Activities(plan).FirstOrDefault(a => a.Id == activityId);
            if (source is null)
            {
                return Task.FromResult<Result<Func<int>>>(Result.NotFound("La acción no está en este plan."));
            }
            if (target is null || target == source)
            {
                return Task.FromResult<Result<Func<int>>>(Result.Invalid(DraftFields.Activity, "Elija otra actividad de este plan."));
            }
            var action = source.Actions.Single(x => x.Id == actionId);
            source.Actions.Remove(action);
            action.Order = target.Actions.Count == 0 ? 1 : target.Actions.Max(x => x.Order) + 1;
            action.Activity = target;
            action.ActivityId = target.Id;
            target.Actions.Add(action);
            return Saved(() => action.Id);
        }, ct);

    /// <summary>Removes a part and everything under it, unless one of its actions has history: then nothing is removed.</summary>
    public Task<Result<int>> RemoveAsync(int planId, PlanPart part, int id, Actor actor, CancellationToken ct = default) =>
        EditAsync(planId, actor, async plan =>
        {
            var component = part == PlanPart.Component ? plan.Components.FirstOrDefault(c => c.Id == id) : null;
            var sub = part == PlanPart.Subcomponent ? plan.Components.SelectMany(c => c.Subcomponents).FirstOrDefault(s => s.Id == id) : null;
            var activity = part == PlanPart.Activity ? Activities(plan).FirstOrDefault(a => a.Id == id) : null;
            var action = part == PlanPart.Action ? Actions(plan).FirstOrDefault(x => x.Id == id) : null;
            var activities = component?.Activities.ToList() ?? Activities(plan).Where(a => (sub is not null && a.Subcomponent == sub) || a == activity).ToList();
            List<PlanAction> actions = action is not null ? [action] : activities.SelectMany(a => a.Actions).ToList();
            if (component is null && sub is null && activity is null && action is null)
            {
                return Result.NotFound("Esa parte no está en este plan.");
            }
            // In a revision a part with history may go: publishing it keeps the live rows, marked removed (ADR 033).
            var ids = actions.Select(x => x.Id).ToList();
            if (!revision && await HistoryAsync(db, ids, ct) is { Count: > 0 })
            {
                return Result.Conflict(HistoryMessage);
            }
            if (!revision)
            {
                db.Actions.RemoveRange(actions);
            }
            foreach (var a in activities)
            {
                plan.Components.Single(c => c.Activities.Contains(a)).Activities.Remove(a);
                if (!revision)
                {
                    db.Activities.Remove(a);
                }
            }
            if (sub is not null)
            {
                plan.Components.Single(c => c.Subcomponents.Contains(sub)).Subcomponents.Remove(sub);
                if (!revision)
                {
                    db.Subcomponents.Remove(sub);
                }
            }
            if (component is not null)
            {
                if (!revision)
                {
                    db.Subcomponents.RemoveRange(component.Subcomponents);
                    db.Components.Remove(component);
                }
                plan.Components.Remove(component);
            }
            if (action is not null)
            {
                Activities(plan).Single(a => a.Actions.Contains(action)).Actions.Remove(action);
            }
            return Result.Saved<Func<int>>(() => id);
        }, ct);

    /// <summary>The structure Planeación edits, untracked: an open revision's working copy (ADR 033), or the live rows
    /// (a first draft, or the published plan when no revision is open). <c>Revision</c> says which.</summary>
    public static async Task<(Plan Structure, bool Revision)?> StructureAsync(AppDbContext db, int planId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var header = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => new { p.EntityId }).SingleOrDefaultAsync(ct);
        if (header is null)
        {
            return null;
        }
        var latest = await db.PlanVersions.AsNoTracking().Where(v => v.PlanId == planId).OrderByDescending(v => v.Number)
            .Select(v => new { v.Status, v.Snapshot }).FirstOrDefaultAsync(ct);
        if (latest is { Snapshot: { } json } && latest.Status != VersionStatus.Published)
        {
            var working = PlanSnapshot.FromJson(json).WithIdentities(await PlanSnapshot.LoadAsync(db, planId, ct));
            return (PlanRevisionGraph.ToPlan(working, planId, header.EntityId), true);
        }
        var plan = await db.Plans.AsNoTracking().AsSplitQuery()
            .Include(p => p.Components).ThenInclude(c => c.Subcomponents)
            .Include(p => p.Components).ThenInclude(c => c.Activities).ThenInclude(a => a.Subcomponent)
            .Include(p => p.Components).ThenInclude(c => c.Activities).ThenInclude(a => a.Actions).ThenInclude(x => x.ResponsibleUnits)
            .Include(p => p.Components).ThenInclude(c => c.Activities).ThenInclude(a => a.Actions).ThenInclude(x => x.Schedule)
            .SingleAsync(p => p.Id == planId, ct);
        return (plan, false);
    }

    /// <summary>Creates a unit in the catalogue of the plan's entity, proposed by Planeación while it writes an action.</summary>
    public async Task<Result<Unit>> ProposeUnitAsync(int planId, string? name, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => new { p.EntityId }).SingleOrDefaultAsync(ct);
        if (plan is null)
        {
            return Result.NotFound();
        }
        if (!await PlanEditors.MayEditAsync(db, actor, plan.EntityId, ct))
        {
            return Result.Forbidden("Solo Planeación de la entidad agrega unidades al catálogo desde el plan.");
        }
        var clean = name?.Trim().TrimEnd('.').Trim();
        if (string.IsNullOrEmpty(clean) || clean.Length > 300)
        {
            return Result.Invalid(DraftFields.NewUnit, "Escriba el nombre de la unidad nueva (máximo 300 caracteres).");
        }
        var folded = SpanishText.Fold(clean);
        if (await db.Units.AnyAsync(u => u.EntityId == plan.EntityId && u.ParentId == null && u.NormalizedName == folded, ct))
        {
            return Result.Invalid(DraftFields.NewUnit, $"La unidad «{clean}» ya está en el catálogo: márquela en la lista.");
        }
        var unit = new Unit { EntityId = plan.EntityId, Name = clean, NormalizedName = folded };
        db.Units.Add(unit);
        using (audit.Begin(new AuditActor(actor.UserId, actor.Name), "Unidad propuesta por Planeación al formular el plan"))
        {
            await db.SaveChangesAsync(ct);
        }
        return Result.Saved(unit);
    }

    /// <summary>Gives codes that follow the order: components 1…n, subcomponents c.s, activities c.k (without a
    /// subcomponent) or c.s.k, actions 1…n within their activity.</summary>
    public static void Renumber(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var number = 0;
        foreach (var component in plan.Components.OrderBy(c => c.Number))
        {
            component.Number = ++number;
            var order = 0;
            var direct = 0;
            foreach (var a in component.Activities.Where(a => a.Subcomponent is null).OrderBy(a => a.Order))
            {
                a.Order = ++order;
                a.Code = PlanFormulationService.Code(number, ++direct);
            }
            var subOrder = 0;
            foreach (var sub in component.Subcomponents.OrderBy(s => s.Order))
            {
                sub.Order = ++subOrder;
                sub.Code = PlanFormulationService.Code(number, subOrder);
                var inSub = 0;
                foreach (var a in component.Activities.Where(a => a.Subcomponent == sub).OrderBy(a => a.Order))
                {
                    a.Order = ++order;
                    a.Code = PlanFormulationService.Code(number, subOrder, ++inSub);
                }
            }
            foreach (var a in component.Activities)
            {
                var actionOrder = 0;
                foreach (var x in a.Actions.OrderBy(x => x.Order))
                {
                    x.Order = ++actionOrder;
                }
            }
        }
    }

    /// <summary>Loads the plan's structure, checks that this person may edit it and that it is a first draft, applies
    /// the change, renumbers and saves once (twice for component numbers, which are unique per plan).</summary>
    private async Task<Result<int>> EditAsync(int planId, Actor actor, Func<Plan, Task<Result<Func<int>>>> change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var plan = await db.Plans.Include(p => p.Versions).SingleOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null)
        {
            return Result.NotFound();
        }
        if (!await PlanEditors.MayEditAsync(db, actor, plan.EntityId, ct))
        {
            return Result.Forbidden("Solo Planeación de la entidad formula su plan.");
        }
        var latest = plan.Versions.MaxBy(v => v.Number)!;
        if (latest.Status == VersionStatus.Published)
        {
            return Result.Conflict($"La versión {latest.Number} está publicada: para cambiarla abra una nueva versión con su justificación.");
        }
        if (latest.Status == VersionStatus.InConsultation)
        {
            return Result.Conflict(PlanLifecycleService.InConsultationMessage(latest.Number));
        }
        if (latest.Snapshot is not null)
        {
            return await EditRevisionAsync(plan, latest, actor, change, ct);
        }
        await db.Plans.AsSplitQuery()
            .Include(p => p.Components).ThenInclude(c => c.Subcomponents)
            .Include(p => p.Components).ThenInclude(c => c.Activities).ThenInclude(a => a.Actions)
            .Where(p => p.Id == planId).LoadAsync(ct);
        var outcome = await change(plan);
        if (!outcome.Succeeded)
        {
            return Failed(outcome);
        }
        var ordered = plan.Components.OrderBy(c => c.Number).ToList();
        var park = ordered.Select((c, i) => (c, i)).Any(p => p.c.Id != 0 && db.Entry(p.c).Property(x => x.Number).OriginalValue != p.i + 1);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        using (audit.Begin(new AuditActor(actor.UserId, actor.Name), latest.Justification))
        {
            if (park)
            {
                // (plan, number) is unique: park the numbers out of the way first, or a swap would collide mid-update.
                var parked = 0;
                foreach (var c in ordered)
                {
                    c.Number = -(++parked);
                }
                await db.SaveChangesAsync(ct);
                var n = 0;
                foreach (var c in ordered)
                {
                    c.Number = ++n;
                }
            }
            Renumber(plan);
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return Result.Saved(outcome.Value());
    }

    /// <summary>True while a change runs on a revision's detached copy: nothing is removed from the database and history
    /// does not stop a removal (the publication keeps such a part, marked removed).</summary>
    private bool revision;

    /// <summary>A revision of a published plan (ADR 033): the same change, on its snapshot as a detached graph; the live
    /// rows, and so everything public, stay as they are until the revision is published.</summary>
    private async Task<Result<int>> EditRevisionAsync(Plan plan, PlanVersion latest, Actor actor, Func<Plan, Task<Result<Func<int>>>> change,
        CancellationToken ct)
    {
        var working = PlanSnapshot.FromJson(latest.Snapshot!).WithIdentities(await PlanSnapshot.LoadAsync(db, plan.Id, ct));
        var graph = PlanRevisionGraph.ToPlan(working, plan.Id, plan.EntityId);
        Result<Func<int>> outcome;
        revision = true;
        try
        {
            outcome = await change(graph);
        }
        finally
        {
            revision = false;
        }
        if (!outcome.Succeeded)
        {
            return Failed(outcome);
        }
        Renumber(graph);
        latest.Snapshot = PlanRevisionGraph.FromPlan(graph).ToJson();
        using (audit.Begin(new AuditActor(actor.UserId, actor.Name), latest.Justification))
        {
            await db.SaveChangesAsync(ct);
        }
        return Result.Saved(outcome.Value());
    }

    private static Result<int> Failed(Result<Func<int>> outcome) => outcome.Status switch
    {
        ResultStatus.NotFound => Result.NotFound(outcome.Errors.Values.FirstOrDefault() ?? Result.DefaultNotFoundMessage),
        ResultStatus.Conflict => Result.Conflict(string.Join(" ", outcome.Errors.Values)),
        _ => Result.Invalid(outcome.Errors),
    };

    private static Task<Result<Func<int>>> Saved(Func<int> id) => Task.FromResult(Result.Saved(id));

    private static IEnumerable<Activity> Activities(Plan plan) => plan.Components.SelectMany(c => c.Activities);

    private static IEnumerable<PlanAction> Actions(Plan plan) => Activities(plan).SelectMany(a => a.Actions);

    private static bool Swap<T>(List<T> siblings, Func<T, bool> isMoved, bool down, Action<T, T> swap)
    {
        var index = siblings.FindIndex(x => isMoved(x));
        var other = down ? index + 1 : index - 1;
        if (index < 0 || other < 0 || other >= siblings.Count)
        {
            return false;
        }
        swap(siblings[index], siblings[other]);
        return true;
    }

    private static Failure? NameError(string? name) =>
        string.IsNullOrWhiteSpace(name) ? Result.Invalid(DraftFields.Name, "Escriba el nombre.")
        : name.Length > MaxNameLength ? Result.Invalid(DraftFields.Name, $"El nombre puede tener como máximo {MaxNameLength} caracteres.")
        : null;

    private const string HistoryMessage = "No se puede quitar: hay acciones con reportes de avance, seguimientos o riesgos asociados, y su historia debe conservarse. Cambie su texto o su meta en lugar de quitarlas.";

    /// <summary>Which of these actions have history (progress reports, which monitoring reviews; follow-up assessments;
    /// risk treatments): they are never deleted.</summary>
    internal static async Task<HashSet<int>> HistoryAsync(AppDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var reported = await db.ProgressReports.Where(r => ids.Contains(r.ActionId)).Select(r => r.ActionId).ToListAsync(ct);
        var followed = await db.Set<FollowUpAssessment>().Where(f => ids.Contains(f.ActionId)).Select(f => f.ActionId).ToListAsync(ct);
        var risks = await db.RiskTreatmentActions.Where(r => r.PlanActionId != null && ids.Contains(r.PlanActionId.Value))
            .Select(r => r.PlanActionId!.Value).ToListAsync(ct);
        return [.. reported, .. followed, .. risks];
    }

    private async Task<Failure?> WriteAsync(Plan plan, PlanAction action, ActionDraft draft, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new Dictionary<string, string>();
        Text(errors, DraftFields.Description, draft.Description, required: true, "Escriba la descripción de la acción.");
        Text(errors, DraftFields.Goal, draft.Goal, required: true, "Escriba la meta o producto de la acción.");
        Text(errors, "Deliverable", draft.Deliverable, required: false, "");
        Text(errors, "IndicatorFormula", draft.IndicatorFormula, required: false, "");
        if (draft.TargetQuantity is < 0 or > 1_000_000_000m)
        {
            errors[DraftFields.TargetQuantity] = "El resultado esperado debe ser un número entre 0 y 1.000.000.000.";
        }
        else if (draft.TargetUnit == TargetUnit.Percentage && draft.TargetQuantity > 100)
        {
            errors[DraftFields.TargetQuantity] = "Un porcentaje no puede pasar de 100.";
        }
        foreach (var (month, quantity) in draft.Schedule)
        {
            if (month is < 1 or > 12 || quantity is < 0 or > 1_000_000_000m)
            {
                errors[DraftFields.Month(month)] = "La cantidad programada del mes debe ser un número entre 0 y 1.000.000.000.";
            }
        }
        var unitIds = draft.UnitIds.Distinct().ToList();
        var units = await db.Units.Where(u => unitIds.Contains(u.Id) && u.EntityId == plan.EntityId && u.IsActive).ToListAsync(ct);
        if (units.Count != unitIds.Count)
        {
            errors[DraftFields.Units] = "Una de las unidades elegidas no está en el catálogo de la entidad.";
        }
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }
        action.Description = draft.Description!.Trim();
        action.Goal = draft.Goal!.Trim();
        action.Deliverable = Clean(draft.Deliverable);
        action.IndicatorFormula = Clean(draft.IndicatorFormula);
        action.TargetQuantity = draft.TargetQuantity;
        action.TargetUnit = draft.TargetUnit;
        var before = action.ResponsibleUnits.Select(u => u.UnitId).ToHashSet();
        if (!before.SetEquals(unitIds))
        {
            // The catalogue says who reports; the written wording (a copied document's) is kept until the units change.
            action.ResponsibleText = units.Count == 0 ? null : string.Join("; ", unitIds.Select(id => units.Single(u => u.Id == id).Name));
        }
        action.ResponsibleUnits.RemoveAll(u => !unitIds.Contains(u.UnitId));
        foreach (var id in unitIds.Where(id => action.ResponsibleUnits.All(u => u.UnitId != id)))
        {
            action.ResponsibleUnits.Add(new ActionUnit { UnitId = id });
        }
        action.Schedule.RemoveAll(s => !draft.Schedule.TryGetValue(s.Month, out var q) || q == 0);
        foreach (var (month, quantity) in draft.Schedule.Where(kv => kv.Value != 0).OrderBy(kv => kv.Key))
        {
            if (action.Schedule.FirstOrDefault(s => s.Month == month) is { } entry)
            {
                entry.PlannedQuantity = quantity;
            }
            else
            {
                action.Schedule.Add(new ScheduleEntry { Month = month, PlannedQuantity = quantity });
            }
        }
        return null;
    }

    private static void Text(Dictionary<string, string> errors, string field, string? value, bool required, string message)
    {
        if (required && string.IsNullOrWhiteSpace(value))
        {
            errors[field] = message;
        }
        else if (value is { Length: > PlanLifecycleService.MaxTextLength })
        {
            errors[field] = $"El texto puede tener como máximo {PlanLifecycleService.MaxTextLength} caracteres.";
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
