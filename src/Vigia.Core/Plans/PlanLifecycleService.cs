using Vigia.Core.Accounts;
using Vigia.Core.Audit;
using Vigia.Core.Schedule;

namespace Vigia.Core.Plans;

/// <summary>Who approved a version for publication, and when (in the Cali 2022 document: the mayor, «Original firmado»).</summary>
/// <summary>The approval a publication records. <paramref name="AcceptReviewErrors"/> and <paramref name="ReviewReason"/>
/// are Planeación's explicit decision to publish although the quality review still finds errors.</summary>
public sealed record PublicationApproval(string? ApprovedBy, DateOnly? ApprovedOn, string? Note = null, bool AcceptReviewErrors = false,
    string? ReviewReason = null);

/// <summary>The new text of one action in a draft revision.</summary>
public sealed record ActionEdit(int ActionId, string? Description, string? Goal, string? Deliverable, string? IndicatorFormula,
    decimal? TargetQuantity, string? ResponsibleText);

/// <summary>The fields lifecycle errors are keyed by.</summary>
public static class LifecycleFields
{
    public const string ApprovedBy = "ApprovedBy";
    public const string ApprovedOn = "ApprovedOn";
    public const string Justification = "Justification";
    public const string Description = "Description";
    public const string Goal = "Goal";
    public const string TargetQuantity = "TargetQuantity";
    public const string ReviewReason = "ReviewReason";
}

/// <summary>Owns a plan's life: publishing a version with its approval, opening a justified revision of a published
/// plan, editing the revision, and publishing it. The live structure always holds the current published version
/// (or the first draft), so every page, report and follow-up keeps reading the actions by their ids; a revision is
/// edited as a <see cref="PlanSnapshot"/> on its own version and applied to the live actions, in place, when it is
/// published, after freezing the version it replaces.</summary>
public sealed class PlanLifecycleService(AppDbContext db, AuditScope audit, TimeProvider clock)
{
    public const int MinJustificationLength = 10;
    public const int MaxReviewReasonLength = 1000;
    public const int MaxTextLength = 4000;

    public static bool CanManage(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.IsIn(Roles.Planning);
    }

    /// <summary>The refusal when the actor is not Planeación of the plan's entity (<see cref="PlanEditors"/>).</summary>
    private async Task<Failure?> RefuseOtherEntityAsync(int entityId, Actor actor, string verb, CancellationToken ct)
    {
        if (await PlanEditors.MayEditAsync(db, actor, entityId, ct))
        {
            return null;
        }
        var name = await db.Entities.Where(e => e.Id == entityId).Select(e => e.Name).SingleAsync(ct);
        return await PlanEditors.EntityOfAsync(db, actor, ct) is null && actor.UserId is not null
            ? Result.Forbidden(PlanEditors.NoEntityMessage)
            : Result.Forbidden($"Solo Planeación de {name} {verb} su plan.");
    }

    public async Task<Result<int>> PublishAsync(int planId, PublicationApproval approval, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(approval);
        if (!CanManage(actor))
        {
            return Result.Forbidden("Solo Planeación publica el plan.");
        }
        var plan = await db.Plans.Include(p => p.Versions).SingleOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null)
        {
            return Result.NotFound();
        }
        if (await RefuseOtherEntityAsync(plan.EntityId, actor, "publica", ct) is { } refused)
        {
            return refused;
        }
        var draft = plan.Versions.MaxBy(v => v.Number)!;
        if (draft.Status == VersionStatus.Published)
        {
            return Result.Conflict($"La versión {draft.Number} ya está publicada; para cambiar el plan abra una nueva versión con su justificación.");
        }
        if (draft.Status == VersionStatus.InConsultation)
        {
            return Result.Conflict($"La versión {draft.Number} está en consulta ciudadana: cierre la consulta y publique su informe (Consulta ciudadana) antes de publicar el plan.");
        }
        var errors = new Dictionary<string, string>();
        var approvedBy = approval.ApprovedBy?.Trim();
        if (string.IsNullOrEmpty(approvedBy))
        {
            errors[LifecycleFields.ApprovedBy] = "Indique quién aprobó el plan (nombre y cargo).";
        }
        else if (approvedBy.Length > 300)
        {
            errors[LifecycleFields.ApprovedBy] = "El nombre y cargo de quien aprobó puede tener como máximo 300 caracteres.";
        }
        if (approval.ApprovedOn is not { } approvedOn)
        {
            errors[LifecycleFields.ApprovedOn] = "Indique la fecha de aprobación.";
        }
        else if (approvedOn > ColombianTime.Today(clock))
        {
            errors[LifecycleFields.ApprovedOn] = "La fecha de aprobación no puede ser posterior a hoy.";
        }
        var openErrors = await Review.PlanReviews.OpenErrorCountAsync(db, planId, ct);
        var reviewReason = approval.ReviewReason?.Trim();
        if (openErrors > 0)
        {
            var found = openErrors == 1 ? "1 error" : $"{openErrors} errores";
            if (!approval.AcceptReviewErrors)
            {
                errors[LifecycleFields.ReviewReason] = $"La revisión de calidad encuentra {found} sin resolver. Corríjalos, o marque que publica "
                    + "con ellos y escriba el motivo: quedará publicado con la versión.";
            }
            else if (reviewReason is null || reviewReason.Length < MinJustificationLength)
            {
                errors[LifecycleFields.ReviewReason] = $"Escriba por qué publica con {found} de la revisión de calidad sin resolver (al menos {MinJustificationLength} caracteres).";
            }
            else if (reviewReason.Length > MaxReviewReasonLength)
            {
                errors[LifecycleFields.ReviewReason] = $"El motivo puede tener como máximo {MaxReviewReasonLength} caracteres.";
            }
        }
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }

        var previous = plan.Versions.Where(v => v.Status == VersionStatus.Published).MaxBy(v => v.Number);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        using var scope = audit.Begin(new AuditActor(actor.UserId, actor.Name), draft.Justification);
        if (previous is not null && draft.Snapshot is not null)
        {
            // Freeze what the live structure holds before the revision overwrites it.
            var live = await PlanSnapshot.LoadAsync(db, planId, ct);
            previous.Snapshot = live.ToJson();
            await ApplyAsync(plan, draft.Number, PlanSnapshot.FromJson(draft.Snapshot).WithIdentities(live), ct);
            draft.Snapshot = null;
        }
        var now = clock.GetUtcNow();
        draft.Status = VersionStatus.Published;
        draft.PublishedAt = now;
        draft.ApprovedBy = approvedBy;
        draft.ApprovedOn = approval.ApprovedOn;
        draft.ApprovalNote = string.IsNullOrWhiteSpace(approval.Note) ? null : approval.Note.Trim();
        draft.ReviewErrorsAccepted = openErrors > 0 ? openErrors : null;
        draft.ReviewAcceptanceReason = openErrors > 0 ? reviewReason : null;
        if (plan.Status == PlanStatus.Draft)
        {
            plan.Status = PlanStatus.Published;
        }
        plan.PublishedAt ??= now;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Result.Saved(draft.Number);
    }

    /// <summary>Opens version N+1 as a draft copy of the published plan, with the reason for the change.</summary>
    public async Task<Result<int>> StartRevisionAsync(int planId, string? justification, Actor actor, CancellationToken ct = default)
    {
        if (!CanManage(actor))
        {
            return Result.Forbidden("Solo Planeación modifica el plan.");
        }
        var plan = await db.Plans.Include(p => p.Versions).SingleOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null)
        {
            return Result.NotFound();
        }
        if (await RefuseOtherEntityAsync(plan.EntityId, actor, "modifica", ct) is { } refused)
        {
            return refused;
        }
        var latest = plan.Versions.MaxBy(v => v.Number)!;
        if (latest.Status != VersionStatus.Published)
        {
            return Result.Conflict($"La versión {latest.Number} aún no está publicada: los cambios se hacen en ella.");
        }
        var reason = justification?.Trim();
        if (reason is null || reason.Length < MinJustificationLength)
        {
            return Result.Invalid(LifecycleFields.Justification,
                $"Explique por qué se modifica el plan publicado (al menos {MinJustificationLength} caracteres): la justificación se publica con la nueva versión.");
        }
        if (reason.Length > MaxTextLength)
        {
            return Result.Invalid(LifecycleFields.Justification, $"La justificación puede tener como máximo {MaxTextLength} caracteres.");
        }
        var version = new PlanVersion
        {
            PlanId = planId,
            Number = latest.Number + 1,
            Justification = reason,
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = actor.Name,
            Status = VersionStatus.Draft,
            Snapshot = (await PlanSnapshot.LoadAsync(db, planId, ct)).ToJson(),
        };
        db.PlanVersions.Add(version);
        using (audit.Begin(new AuditActor(actor.UserId, actor.Name), reason))
        {
            await db.SaveChangesAsync(ct);
        }
        return Result.Saved(version.Number);
    }

    /// <summary>Changes one action's texts and target in the open revision; nothing public changes until it is published.</summary>
    public async Task<Result<int>> EditDraftActionAsync(int planId, ActionEdit edit, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(edit);
        if (!CanManage(actor))
        {
            return Result.Forbidden("Solo Planeación modifica el plan.");
        }
        var draft = await db.PlanVersions.Where(v => v.PlanId == planId).OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
        if (draft is null)
        {
            return Result.NotFound();
        }
        var entityId = await db.Plans.Where(p => p.Id == planId).Select(p => p.EntityId).SingleAsync(ct);
        if (await RefuseOtherEntityAsync(entityId, actor, "modifica", ct) is { } refused)
        {
            return refused;
        }
        if (draft.Status == VersionStatus.Published || draft.Snapshot is null)
        {
            return Result.Conflict("No hay una nueva versión en borrador: ábrala con su justificación antes de cambiar el plan publicado.");
        }
        if (draft.Status == VersionStatus.InConsultation)
        {
            return Result.Conflict(InConsultationMessage(draft.Number));
        }
        var snapshot = PlanSnapshot.FromJson(draft.Snapshot);
        if (!snapshot.Actions.Any(a => a.Id == edit.ActionId))
        {
            return Result.NotFound("La acción no está en esta versión del plan.");
        }
        var errors = new Dictionary<string, string>();
        Required(errors, LifecycleFields.Description, edit.Description, "Escriba la descripción de la acción.");
        Required(errors, LifecycleFields.Goal, edit.Goal, "Escriba la meta o producto de la acción.");
        if (edit.TargetQuantity is < 0 or > 1_000_000_000m)
        {
            errors[LifecycleFields.TargetQuantity] = "El resultado esperado debe ser un número entre 0 y 1.000.000.000.";
        }
        foreach (var (field, value) in new[] { ("Deliverable", edit.Deliverable), ("IndicatorFormula", edit.IndicatorFormula), ("ResponsibleText", edit.ResponsibleText) })
        {
            if (value is { Length: > MaxTextLength })
            {
                errors[field] = $"El texto puede tener como máximo {MaxTextLength} caracteres.";
            }
        }
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }
        var edited = snapshot with
        {
            Components = snapshot.Components.Select(c => c with
            {
                Activities = c.Activities.Select(a => a with
                {
                    Actions = a.Actions.Select(x => x.Id != edit.ActionId ? x : x with
                    {
                        Description = edit.Description!.Trim(),
                        Goal = edit.Goal!.Trim(),
                        Deliverable = Clean(edit.Deliverable),
                        IndicatorFormula = Clean(edit.IndicatorFormula),
                        TargetQuantity = edit.TargetQuantity,
                        ResponsibleText = Clean(edit.ResponsibleText),
                    }).ToList(),
                }).ToList(),
            }).ToList(),
        };
        draft.Snapshot = edited.ToJson();
        using (audit.Begin(new AuditActor(actor.UserId, actor.Name), draft.Justification))
        {
            await db.SaveChangesAsync(ct);
        }
        return Result.Saved(draft.Number);
    }

    /// <summary>The content of a version: its frozen snapshot, or the live structure for the version it holds.</summary>
    public static async Task<PlanSnapshot?> ContentAsync(AppDbContext db, int planId, int number, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var version = await db.PlanVersions.AsNoTracking().Where(v => v.PlanId == planId && v.Number == number)
            .Select(v => new { v.Snapshot }).SingleOrDefaultAsync(ct);
        if (version is null)
        {
            return null;
        }
        return version.Snapshot is null ? await PlanSnapshot.LoadAsync(db, planId, ct) : PlanSnapshot.FromJson(version.Snapshot);
    }

    /// <summary>Writes a revision onto the live rows by id (ADR 033): parts it adds are created, parts it moves or renames
    /// are updated in place (so reports keep their action), and a part it removes is deleted unless it has history
    /// (an action with reports, follow-up assessments or risks; a component with monitoring records; a part holding such
    /// an action): that one stays, marked <c>RemovedInVersion</c>, hidden from the current plan.</summary>
    private async Task ApplyAsync(Plan plan, int number, PlanSnapshot revision, CancellationToken ct)
    {
        await db.Plans.AsSplitQuery()
            .Include(p => p.Components).ThenInclude(c => c.Subcomponents)
            .Include(p => p.Components).ThenInclude(c => c.Activities).ThenInclude(a => a.Actions).ThenInclude(x => x.Schedule)
            .Include(p => p.Components).ThenInclude(c => c.Activities).ThenInclude(a => a.Actions).ThenInclude(x => x.ResponsibleUnits)
            .Where(p => p.Id == plan.Id).LoadAsync(ct);
        var components = plan.Components.ToList();
        var subcomponents = components.SelectMany(c => c.Subcomponents).ToDictionary(s => s.Id);
        var activities = components.SelectMany(c => c.Activities).ToDictionary(a => a.Id);
        var actions = activities.Values.SelectMany(a => a.Actions).ToDictionary(x => x.Id);
        var kept = revision.Components.Select(c => c.Id).ToHashSet();

        // (plan, number) is unique: park every number out of the way first; a removed component keeps its parking number.
        if (components.Any(c => !kept.Contains(c.Id) || revision.Components.Single(r => r.Id == c.Id).Number != c.Number))
        {
            foreach (var c in components)
            {
                c.Number = ParkedNumber(c.Id);
            }
            await db.SaveChangesAsync(ct);
        }

        var seen = new HashSet<object>();
        var subOf = new Dictionary<int, Subcomponent>();
        foreach (var cs in revision.Components)
        {
            var component = components.FirstOrDefault(c => c.Id == cs.Id && cs.Id > 0);
            if (component is null)
            {
                component = new Component { Name = cs.Name };
                plan.Components.Add(component);
            }
            seen.Add(component);
            component.Number = cs.Number;
            component.Name = cs.Name;
            var order = 0;
            foreach (var ss in cs.Subcomponents ?? [])
            {
                if (!subcomponents.TryGetValue(ss.Id, out var sub) || ss.Id <= 0)
                {
                    sub = new Subcomponent { Code = ss.Code, Name = ss.Name };
                }
                Reparent(sub, component, sub.Component, c => c.Subcomponents);
                (sub.Code, sub.Name, sub.Order) = (ss.Code, ss.Name, ++order);
                subOf[ss.Id] = sub;
                seen.Add(sub);
            }
            order = 0;
            foreach (var activitySnapshot in cs.Activities)
            {
                if (!activities.TryGetValue(activitySnapshot.Id, out var activity) || activitySnapshot.Id <= 0)
                {
                    activity = new Activity { Code = activitySnapshot.Code, Name = activitySnapshot.Name };
                }
                Reparent(activity, component, activity.Component, c => c.Activities);
                (activity.Code, activity.Name, activity.Order) = (activitySnapshot.Code, activitySnapshot.Name, ++order);
                activity.Subcomponent = activitySnapshot.SubcomponentId is { } sid ? subOf[sid] : null;
                if (activity.Subcomponent is null)
                {
                    activity.SubcomponentId = null;
                }
                seen.Add(activity);
                foreach (var x in activitySnapshot.Actions)
                {
                    if (!actions.TryGetValue(x.Id, out var action) || x.Id <= 0)
                    {
                        action = new PlanAction { Description = x.Description, Goal = x.Goal };
                    }
                    if (action.Activity != activity)
                    {
                        action.Activity?.Actions.Remove(action);
                        action.Activity = activity;
                        activity.Actions.Add(action);
                    }
                    seen.Add(action);
                    Write(action, x);
                }
            }
        }

        var history = await PlanDraftService.HistoryAsync(db, actions.Keys.Where(id => !seen.Contains(actions[id])).ToList(), ct);
        var monitored = (await db.MonitoringRecords.Where(m => m.Component!.PlanId == plan.Id).Select(m => m.ComponentId).Distinct().ToListAsync(ct)).ToHashSet();
        // Parts removed by an earlier version are hidden from the graph, but their live holders must not be deleted under them.
        var hiddenActions = await db.Actions.IgnoreQueryFilters().Where(x => x.RemovedInVersion != null && x.Activity!.Component!.PlanId == plan.Id)
            .Select(x => x.ActivityId).ToListAsync(ct);
        var hiddenActivities = await db.Activities.IgnoreQueryFilters().Where(a => a.Component!.PlanId == plan.Id
                && (a.RemovedInVersion != null || hiddenActions.Contains(a.Id)))
            .Select(a => new { a.Id, a.ComponentId, a.SubcomponentId }).ToListAsync(ct);
        var hiddenSubcomponents = await db.Subcomponents.IgnoreQueryFilters().Where(x => x.RemovedInVersion != null && x.Component!.PlanId == plan.Id)
            .Select(x => x.ComponentId).ToListAsync(ct);
        monitored.UnionWith(hiddenActivities.Select(a => a.ComponentId).Concat(hiddenSubcomponents));
        foreach (var action in actions.Values.Where(x => !seen.Contains(x)))
        {
            if (history.Contains(action.Id))
            {
                action.RemovedInVersion = number;
            }
            else
            {
                action.Activity!.Actions.Remove(action);
                db.Actions.Remove(action);
            }
        }
        foreach (var activity in activities.Values.Where(a => !seen.Contains(a)))
        {
            if (activity.Actions.Any(x => x.RemovedInVersion is not null) || hiddenActions.Contains(activity.Id))
            {
                activity.RemovedInVersion = number;
            }
            else
            {
                activity.Component!.Activities.Remove(activity);
                db.Activities.Remove(activity);
            }
        }
        foreach (var sub in subcomponents.Values.Where(s => !seen.Contains(s)))
        {
            if (sub.Component!.Activities.Any(a => a.Subcomponent == sub) || hiddenActivities.Any(a => a.SubcomponentId == sub.Id))
            {
                sub.RemovedInVersion = number;
            }
            else
            {
                sub.Component.Subcomponents.Remove(sub);
                db.Subcomponents.Remove(sub);
            }
        }
        foreach (var component in components.Where(c => !seen.Contains(c)))
        {
            if (monitored.Contains(component.Id) || component.Activities.Count > 0 || component.Subcomponents.Count > 0)
            {
                component.RemovedInVersion = number;
                foreach (var a in component.Activities)
                {
                    a.RemovedInVersion ??= number;
                }
                foreach (var s in component.Subcomponents)
                {
                    s.RemovedInVersion ??= number;
                }
            }
            else
            {
                plan.Components.Remove(component);
                db.Components.Remove(component);
            }
        }
    }

    /// <summary>Where a component's number waits while the numbers are rewritten, and where a removed one stays: out of
    /// the way of every real number and of every other component's.</summary>
    private static int ParkedNumber(int componentId) => -100_000 - componentId;

    private static void Reparent<T>(T part, Component target, Component? current, Func<Component, List<T>> list)
    {
        if (current == target)
        {
            return;
        }
        if (current is not null)
        {
            list(current).Remove(part);
        }
        list(target).Add(part);
    }

    private static void Write(PlanAction live, ActionSnapshot x)
    {
        (live.Order, live.Description, live.Goal, live.Deliverable, live.IndicatorFormula) = (x.Order, x.Description, x.Goal, x.Deliverable, x.IndicatorFormula);
        (live.TargetQuantity, live.TargetUnit, live.ResponsibleText) = (x.TargetQuantity, x.TargetUnit, x.ResponsibleText);
        if (x.UnitIds is { } unitIds)
        {
            live.ResponsibleUnits.RemoveAll(u => !unitIds.Contains(u.UnitId));
            foreach (var id in unitIds.Where(id => live.ResponsibleUnits.All(u => u.UnitId != id)))
            {
                live.ResponsibleUnits.Add(new ActionUnit { UnitId = id });
            }
        }
        foreach (var entry in live.Schedule.Where(s => !x.Schedule.ContainsKey(s.Month)).ToList())
        {
            live.Schedule.Remove(entry);
        }
        foreach (var (month, quantity) in x.Schedule)
        {
            var entry = live.Schedule.FirstOrDefault(s => s.Month == month);
            if (entry is null)
            {
                live.Schedule.Add(new ScheduleEntry { Month = month, PlannedQuantity = quantity });
            }
            else if (entry.PlannedQuantity != quantity)
            {
                entry.PlannedQuantity = quantity;
                entry.IsSimulated = false;
            }
        }
    }

    /// <summary>Why a draft in consultation is not edited: citizens comment on a text that must not move under them
    /// (ADR 020); the changes come after the consultation closes, as its answers say.</summary>
    public static string InConsultationMessage(int number) =>
        $"La versión {number} está en consulta ciudadana: no se modifica mientras la ciudadanía la comenta. Cierre la consulta para hacer los cambios que respondan a los comentarios.";

    private static void Required(Dictionary<string, string> errors, string field, string? value, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = message;
        }
        else if (value.Length > MaxTextLength)
        {
            errors[field] = $"El texto puede tener como máximo {MaxTextLength} caracteres.";
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
