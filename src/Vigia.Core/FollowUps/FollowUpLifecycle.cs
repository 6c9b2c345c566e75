using Vigia.Core.Accounts;
using Vigia.Core.Audit;
using Vigia.Core.Compliance;
using Vigia.Core.RiskMap.Tracking;

namespace Vigia.Core.FollowUps;

/// <summary>Closing (freezing the snapshot), publishing and correcting a follow-up with a new version. Only
/// Control Interno; a closed version is never edited again.</summary>
public sealed class FollowUpLifecycle(AppDbContext db, FollowUpCalendar calendar, TimeProvider? clock = null, AuditScope? audit = null)
{
    public const int MinReasonLength = 10;

    private readonly FollowUpWriting writing = new(db, clock, audit);

    private static bool MayWrite(Actor actor) => FollowUpWriting.MayWrite(actor);

    private DateTimeOffset Now => writing.Now;

    private Task<FollowUp?> CurrentAsync(int planId, DateOnly cutOff, CancellationToken ct) => writing.CurrentAsync(planId, cutOff, ct);

    private FollowUp NewDraft(Actor actor, int planId, DateOnly cutOff, int number, DateOnly deadline, FollowUpScope scope) =>
        writing.NewDraft(actor, planId, cutOff, number, deadline, scope);

    private Task SaveAsync(Actor actor, string? reason, CancellationToken ct) => writing.SaveAsync(actor, reason, ct);

    /// <summary>Freezes the follow-up: every action must be assessed and the cut-off date must have passed.</summary>
    public async Task<Result<FollowUp>> CloseAsync(Actor actor, int planId, DateOnly cutOff, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!MayWrite(actor))
        {
            return FollowUpWriting.Denied;
        }
        var deadline = await calendar.FindAsync(planId, cutOff, ct);
        var followUp = await CurrentAsync(planId, cutOff, ct);
        if (deadline is null || followUp is null)
        {
            return deadline is null ? FollowUpWriting.Missing : Result.Invalid("", "Registre al menos una valoración antes de cerrar el seguimiento.");
        }
        if (followUp.Status != FollowUpStatus.Draft)
        {
            return Result.Invalid("", "El seguimiento ya está cerrado.");
        }
        if (calendar.Today <= cutOff)
        {
            return Result.Invalid("", string.Create(CultureInfo.InvariantCulture, $"El seguimiento se cierra después del corte ({cutOff:yyyy-MM-dd})."));
        }
        // A risk-map-only cut-off judges no action; a plan cut-off that is not a risk-map cut-off judges no risk.
        var actionIds = deadline.Scope == FollowUpScope.RiskMap
            ? []
            : await db.Actions.Where(a => a.Activity!.Component!.PlanId == planId).Select(a => a.Id).ToListAsync(ct);
        var assessed = await db.Set<FollowUpAssessment>().Where(a => a.FollowUpId == followUp.Id).Select(a => a.ActionId).ToListAsync(ct);
        var missing = actionIds.Except(assessed).Count();
        if (missing > 0)
        {
            return Result.Invalid("", missing == 1
                ? "Falta valorar 1 acción: todas las acciones del plan deben tener una valoración para cerrar."
                : $"Faltan valorar {missing} acciones: todas las acciones del plan deben tener una valoración para cerrar.");
        }
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => new { p.EntityId, p.Year }).SingleAsync(ct);
        var risks = deadline.IncludesRiskMap
            ? await db.Risks.Where(r => r.Year == plan.Year && r.Process!.EntityId == plan.EntityId).Select(r => r.Id).ToListAsync(ct)
            : [];
        if (deadline.Scope == FollowUpScope.RiskMap && risks.Count == 0)
        {
            return Result.Invalid("", $"La entidad no tiene mapa de riesgos de corrupción registrado para la vigencia {plan.Year}: este corte del mapa de riesgos no tiene nada que cerrar.");
        }
        var judged = await db.FollowUpRiskAssessments.Where(a => a.FollowUpId == followUp.Id).Select(a => a.RiskId).ToListAsync(ct);
        var unjudged = risks.Except(judged).Count();
        if (unjudged > 0)
        {
            return Result.Invalid("", unjudged == 1
                ? "Falta valorar 1 riesgo del mapa de riesgos: cada riesgo debe tener la valoración de Control Interno para cerrar."
                : $"Faltan valorar {unjudged} riesgos del mapa de riesgos: cada riesgo debe tener la valoración de Control Interno para cerrar.");
        }
        var pending = deadline.IncludesRiskMap
            ? await MaterializationService.PendingReassessmentsAsync(db, plan.EntityId, plan.Year, cutOff, ct)
            : [];
        if (pending.Count > 0)
        {
            return Result.Invalid("", MaterializationService.PendingMessage(pending));
        }
        followUp.ClosedAt = Now;
        followUp.ClosedById = actor.UserId;
        followUp.ClosedByName = actor.Name;
        var previous = followUp.PreviousVersionId is { } pid
            ? await db.Set<FollowUp>().Where(f => f.Id == pid).Select(f => f.SnapshotSha256).SingleOrDefaultAsync(ct)
            : null;
        var bands = await ComplianceBands.LoadAsync(db, ct);
        var snapshot = await new SnapshotBuilder(db).BuildAsync(planId, deadline, followUp, previous, bands, ct);
        followUp.SnapshotJson = SnapshotJson.Serialize(snapshot);
        followUp.SnapshotSha256 = SnapshotJson.Sha256(followUp.SnapshotJson);
        followUp.ProgrammedCount = snapshot.Totals.ProgrammedActivities;
        followUp.CompletedCount = snapshot.Totals.CompletedActivities;
        followUp.CompliancePercent = snapshot.Totals.CompliancePercent;
        followUp.AverageProgress = snapshot.Totals.AverageProgress;
        followUp.ComplianceBand = snapshot.Totals.Band;
        followUp.Status = FollowUpStatus.Closed;
        await SaveAsync(actor, null, ct);
        return Result.Saved(followUp);
    }

    /// <summary>Puts a closed follow-up on the public pages; late when the Colombian date is past the deadline.</summary>
    public async Task<Result<FollowUp>> PublishAsync(Actor actor, int planId, DateOnly cutOff, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!MayWrite(actor))
        {
            return FollowUpWriting.Denied;
        }
        var followUp = await CurrentAsync(planId, cutOff, ct);
        if (followUp is null)
        {
            return FollowUpWriting.Missing;
        }
        if (followUp.Status != FollowUpStatus.Closed)
        {
            return Result.Invalid("", followUp.Status == FollowUpStatus.Draft
                ? "Cierre el seguimiento antes de publicarlo."
                : "Este seguimiento ya está publicado.");
        }
        var now = Now;
        followUp.Status = FollowUpStatus.Published;
        followUp.PublishedAt = now;
        followUp.PublishedOn = ColombianTime.DateOf(now);
        followUp.PublishedById = actor.UserId;
        followUp.PublishedByName = actor.Name;
        followUp.PublishedLate = followUp.PublishedOn > followUp.PublicationDeadline;
        await SaveAsync(actor, null, ct);
        return Result.Saved(followUp);
    }

    /// <summary>Opens a new version of a closed follow-up to correct it, starting from the earlier assessments.
    /// The earlier version is not touched.</summary>
    public async Task<Result<FollowUp>> CorrectAsync(Actor actor, int planId, DateOnly cutOff, string? reason, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!MayWrite(actor))
        {
            return FollowUpWriting.Denied;
        }
        var current = await CurrentAsync(planId, cutOff, ct);
        if (current is null)
        {
            return FollowUpWriting.Missing;
        }
        if (current.Status == FollowUpStatus.Draft)
        {
            return Result.Invalid("", "Esta versión sigue abierta: corríjala directamente.");
        }
        var why = reason?.Trim() ?? "";
        if (why.Length < FollowUpLifecycle.MinReasonLength)
        {
            return Result.Invalid("Reason", $"Explique el motivo de la corrección (al menos {FollowUpLifecycle.MinReasonLength} caracteres).");
        }
        if (why.Length > 2000)
        {
            return Result.Invalid("Reason", "El motivo admite hasta 2000 caracteres.");
        }
        var assessments = await db.Set<FollowUpAssessment>().AsNoTracking().Where(a => a.FollowUpId == current.Id).ToListAsync(ct);
        var notes = await db.Set<FollowUpComponentNote>().AsNoTracking().Where(n => n.FollowUpId == current.Id).ToListAsync(ct);
        var riskAssessments = await db.FollowUpRiskAssessments.AsNoTracking().Where(a => a.FollowUpId == current.Id).ToListAsync(ct);
        var next = NewDraft(actor, current.PlanId, current.CutOffDate, current.CutOffNumber, current.PublicationDeadline, current.Scope);
        next.Version = current.Version + 1;
        next.PreviousVersionId = current.Id;
        next.CorrectionReason = why;
        next.Assessments.AddRange(assessments.Select(a => new FollowUpAssessment
        {
            ActionId = a.ActionId,
            Status = a.Status,
            VerifiedPercent = a.VerifiedPercent,
            VerifiedQuantity = a.VerifiedQuantity,
            Observations = a.Observations,
            AssessedAt = a.AssessedAt,
            AssessedById = a.AssessedById,
            AssessedByName = a.AssessedByName,
        }));
        next.ComponentNotes.AddRange(notes.Select(n => new FollowUpComponentNote
        {
            ComponentNumber = n.ComponentNumber,
            Observations = n.Observations,
            UpdatedAt = n.UpdatedAt,
            UpdatedByName = n.UpdatedByName,
        }));
        db.Add(next);
        db.FollowUpRiskAssessments.AddRange(riskAssessments.Select(a => new FollowUpRiskAssessment
        {
            FollowUp = next,
            RiskId = a.RiskId,
            Effective = a.Effective,
            Observations = a.Observations,
            AssessedAt = a.AssessedAt,
            AssessedById = a.AssessedById,
            AssessedByName = a.AssessedByName,
        }));
        await SaveAsync(actor, why, ct);
        return Result.Saved(next);
    }
}
