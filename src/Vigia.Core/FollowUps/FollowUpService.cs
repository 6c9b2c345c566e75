using Vigia.Core.Accounts;
using Vigia.Core.Audit;

namespace Vigia.Core.FollowUps;

/// <summary>Control Interno's work on an open follow-up: assess actions and write the component observations. The
/// first write starts version 1; closing, publishing and correcting are <see cref="FollowUpLifecycle"/>'s. Every
/// write checks that the actor is Control Interno, whatever page called it.</summary>
public sealed class FollowUpService(AppDbContext db, FollowUpCalendar calendar, TimeProvider? clock = null, AuditScope? audit = null)
{
    private readonly FollowUpWriting writing = new(db, clock, audit);

    private static bool MayWrite(Actor actor) => FollowUpWriting.MayWrite(actor);

    private DateTimeOffset Now => writing.Now;

    /// <summary>The current (latest) version of the follow-up of a cut-off, or null when none was started.</summary>
    public Task<FollowUp?> CurrentAsync(int planId, DateOnly cutOff, CancellationToken ct = default) => writing.CurrentAsync(planId, cutOff, ct);

    public async Task<Result<FollowUp>> AssessAsync(Actor actor, int planId, DateOnly cutOff, int actionId, AssessmentInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        if (!MayWrite(actor))
        {
            return FollowUpWriting.Denied;
        }
        var errors = AssessmentRules.Validate(input);
        if (!await db.Actions.AnyAsync(a => a.Id == actionId && a.Activity!.Component!.PlanId == planId, ct))
        {
            return FollowUpWriting.Missing;
        }
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }
        var (followUp, problem) = await DraftAsync(actor, planId, cutOff, ct);
        if (followUp is null)
        {
            return problem!;
        }
        var assessment = followUp.Id == 0
            ? null
            : await db.Set<FollowUpAssessment>().FirstOrDefaultAsync(a => a.FollowUpId == followUp.Id && a.ActionId == actionId, ct);
        if (assessment is null)
        {
            assessment = new FollowUpAssessment { ActionId = actionId };
            followUp.Assessments.Add(assessment);
        }
        assessment.Status = input.Status!.Value;
        assessment.VerifiedPercent = input.Status == AssessmentStatus.NotScheduled ? null : input.VerifiedPercent;
        assessment.VerifiedQuantity = input.Status == AssessmentStatus.NotScheduled ? null : input.VerifiedQuantity;
        assessment.Observations = string.IsNullOrWhiteSpace(input.Observations) ? null : input.Observations.Trim();
        assessment.AssessedAt = Now;
        assessment.AssessedById = actor.UserId;
        assessment.AssessedByName = actor.Name;
        await SaveAsync(actor, null, ct);
        return Result.Saved(followUp);
    }

    /// <summary>Control Interno's independent assessment of one risk of the entity's map of the plan's year: its
    /// controls effective or not, with an observation (required when they are not).</summary>
    public async Task<Result<FollowUp>> AssessRiskAsync(Actor actor, int planId, DateOnly cutOff, int riskId, bool? effective, string? observations,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!MayWrite(actor))
        {
            return FollowUpWriting.Denied;
        }
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => new { p.EntityId, p.Year }).FirstOrDefaultAsync(ct);
        if (plan is null || !await db.Risks.AnyAsync(r => r.Id == riskId && r.Year == plan.Year && r.Process!.EntityId == plan.EntityId, ct))
        {
            return FollowUpWriting.Missing;
        }
        var text = observations?.Trim() ?? "";
        var errors = new Dictionary<string, string>();
        if (effective is null)
        {
            errors[RiskAssessmentFields.Effective] = "Diga si los controles del riesgo son efectivos.";
        }
        if (effective == false && text.Length == 0)
        {
            errors[RiskAssessmentFields.Observations] = "Explique por qué los controles del riesgo no son efectivos.";
        }
        if (text.Length > AssessmentRules.MaxObservations)
        {
            errors[RiskAssessmentFields.Observations] = $"Las observaciones admiten hasta {AssessmentRules.MaxObservations} caracteres.";
        }
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }
        var (followUp, problem) = await DraftAsync(actor, planId, cutOff, ct, risk: true);
        if (followUp is null)
        {
            return problem!;
        }
        var assessment = followUp.Id == 0
            ? null
            : await db.FollowUpRiskAssessments.FirstOrDefaultAsync(a => a.FollowUpId == followUp.Id && a.RiskId == riskId, ct);
        if (assessment is null)
        {
            assessment = new FollowUpRiskAssessment { FollowUp = followUp, RiskId = riskId };
            db.FollowUpRiskAssessments.Add(assessment);
        }
        assessment.Effective = effective!.Value;
        assessment.Observations = text.Length == 0 ? null : text;
        assessment.AssessedAt = Now;
        assessment.AssessedById = actor.UserId;
        assessment.AssessedByName = actor.Name;
        await SaveAsync(actor, null, ct);
        return Result.Saved(followUp);
    }

    public async Task<Result<FollowUp>> SaveComponentNoteAsync(Actor actor, int planId, DateOnly cutOff, int componentNumber, string? observations,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!MayWrite(actor))
        {
            return FollowUpWriting.Denied;
        }
        if (!await db.Components.AnyAsync(c => c.PlanId == planId && c.Number == componentNumber, ct))
        {
            return FollowUpWriting.Missing;
        }
        var text = observations?.Trim() ?? "";
        if (text.Length > AssessmentRules.MaxObservations)
        {
            return Result.Invalid("Observations", $"Las observaciones admiten hasta {AssessmentRules.MaxObservations} caracteres.");
        }
        var (followUp, problem) = await DraftAsync(actor, planId, cutOff, ct);
        if (followUp is null)
        {
            return problem!;
        }
        var note = followUp.Id == 0
            ? null
            : await db.Set<FollowUpComponentNote>().FirstOrDefaultAsync(n => n.FollowUpId == followUp.Id && n.ComponentNumber == componentNumber, ct);
        if (text.Length == 0)
        {
            if (note is not null)
            {
                db.Remove(note);
            }
        }
        else
        {
            if (note is null)
            {
                note = new FollowUpComponentNote { ComponentNumber = componentNumber, Observations = text };
                followUp.ComponentNotes.Add(note);
            }
            note.Observations = text;
            note.UpdatedAt = Now;
            note.UpdatedByName = actor.Name;
        }
        await SaveAsync(actor, null, ct);
        return Result.Saved(followUp);
    }

    /// <summary>Marks "no programada en el periodo" every action not yet assessed whose monthly schedule has nothing
    /// up to the cut-off. Control Interno asks for it; actions without a schedule are left for them to judge.</summary>
    /// <returns>The number of actions marked.</returns>
    public async Task<Result<int>> MarkUnscheduledAsync(Actor actor, int planId, DateOnly cutOff, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!MayWrite(actor))
        {
            return FollowUpWriting.Denied;
        }
        var (followUp, problem) = await DraftAsync(actor, planId, cutOff, ct);
        if (followUp is null)
        {
            return problem!;
        }
        var lastMonth = cutOff.Month;
        var assessed = followUp.Id == 0
            ? []
            : await db.Set<FollowUpAssessment>().Where(a => a.FollowUpId == followUp.Id).Select(a => a.ActionId).ToListAsync(ct);
        var candidates = await db.Actions.Where(a => a.Activity!.Component!.PlanId == planId && a.Schedule.Count > 0
                && !a.Schedule.Any(s => s.Month <= lastMonth && s.PlannedQuantity > 0))
            .Select(a => a.Id).ToListAsync(ct);
        var now = Now;
        var marked = 0;
        foreach (var id in candidates.Except(assessed))
        {
            followUp.Assessments.Add(new FollowUpAssessment
            {
                ActionId = id,
                Status = AssessmentStatus.NotScheduled,
                Observations = "Sin cantidad programada hasta el corte en el cronograma del plan.",
                AssessedAt = now,
                AssessedById = actor.UserId,
                AssessedByName = actor.Name,
            });
            marked++;
        }
        if (marked > 0 || followUp.Id == 0)
        {
            await SaveAsync(actor, null, ct);
        }
        return Result.Saved(marked);
    }

    /// <summary>The open version to write into: the current draft, or a new version 1 when none was started.</summary>
    /// <param name="risk">The write judges a risk (else an action or a component of the plan).</param>
    private async Task<(FollowUp? FollowUp, Failure? Problem)> DraftAsync(Actor actor, int planId, DateOnly cutOff, CancellationToken ct, bool risk = false)
    {
        var deadline = await calendar.FindAsync(planId, cutOff, ct);
        if (deadline is null)
        {
            return (null, FollowUpWriting.Missing);
        }
        if (risk && !deadline.IncludesRiskMap)
        {
            return (null, Result.Invalid("", "Este corte no es uno de los cortes de seguimiento del mapa de riesgos: valore los riesgos en los cortes del mapa."));
        }
        if (!risk && deadline.Scope == FollowUpScope.RiskMap)
        {
            return (null, Result.Invalid("", "Este corte es solo del mapa de riesgos: no valora acciones ni componentes del plan."));
        }
        var current = await CurrentAsync(planId, cutOff, ct);
        if (current is null)
        {
            current = NewDraft(actor, planId, cutOff, deadline.Number, deadline.PublicationDeadline, deadline.Scope);
            db.Add(current);
            return (current, null);
        }
        return current.Status == FollowUpStatus.Draft
            ? (current, null)
            : (null, Result.Invalid("", "El seguimiento está cerrado: para cambiarlo cree una nueva versión con el motivo de la corrección."));
    }

    private FollowUp NewDraft(Actor actor, int planId, DateOnly cutOff, int number, DateOnly deadline, FollowUpScope scope) =>
        writing.NewDraft(actor, planId, cutOff, number, deadline, scope);

    private Task SaveAsync(Actor actor, string? reason, CancellationToken ct) => writing.SaveAsync(actor, reason, ct);
}

/// <summary>Form field names of the risk assessment form.</summary>
public static class RiskAssessmentFields
{
    public const string Effective = "RiskEffective";
    public const string Observations = "RiskObservations";
}
