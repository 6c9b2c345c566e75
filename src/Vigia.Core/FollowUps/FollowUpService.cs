using Microsoft.EntityFrameworkCore;
using Vigia.Core.Accounts;
using Vigia.Core.Audit;
using Vigia.Core.Data;
using Vigia.Core.Domain;

namespace Vigia.Core.FollowUps;

/// <summary>What Control Interno enters for one action.</summary>
public sealed record AssessmentInput(AssessmentStatus? Status, decimal? VerifiedPercent, decimal? VerifiedQuantity, string? Observations);

/// <summary>The outcome of a follow-up write: the follow-up, or errors keyed by field ("" for the whole form), in
/// Spanish. <see cref="Forbidden"/> when the actor may not write follow-ups at all; <see cref="NotFound"/> when the
/// plan, cut-off or action does not exist.</summary>
public sealed record FollowUpResult(FollowUp? FollowUp, IReadOnlyDictionary<string, string> Errors, bool Forbidden = false, bool NotFound = false)
{
    public bool Succeeded => Errors.Count == 0 && !Forbidden && !NotFound;

    internal static FollowUpResult Ok(FollowUp followUp) => new(followUp, new Dictionary<string, string>());

    internal static FollowUpResult Fail(string field, string message) => new(null, new Dictionary<string, string> { [field] = message });

    internal static FollowUpResult Denied { get; } = new(null, new Dictionary<string, string>
    {
        [""] = "Solo la Oficina de Control Interno registra y modifica los seguimientos.",
    }, Forbidden: true);

    internal static FollowUpResult Missing { get; } = new(null, new Dictionary<string, string> { [""] = "No existe." }, NotFound: true);
}

/// <summary>Control Interno's follow-up of a plan at a cut-off: assess actions, close (freeze), publish, correct
/// with a new version. Every write checks that the actor is Control Interno, whatever page called it.</summary>
public sealed class FollowUpService(AppDbContext db, FollowUpCalendar calendar, TimeProvider? clock = null, AuditScope? audit = null)
{
    public const int MaxObservations = 4000;
    public const int MinReasonLength = 10;

    private readonly TimeProvider clock = clock ?? TimeProvider.System;

    /// <summary>Always in UTC: PostgreSQL's timestamptz accepts nothing else.</summary>
    private DateTimeOffset Now => clock.GetUtcNow().ToUniversalTime();

    private static bool MayWrite(Actor actor) => actor.IsIn(Roles.InternalControl) && actor.UserId is not null;

    /// <summary>The current (latest) version of the follow-up of a cut-off, or null when none was started.</summary>
    public Task<FollowUp?> CurrentAsync(int planId, DateOnly cutOff, CancellationToken ct = default) =>
        db.Set<FollowUp>().Where(f => f.PlanId == planId && f.CutOffDate == cutOff).OrderByDescending(f => f.Version).FirstOrDefaultAsync(ct);

    public async Task<FollowUpResult> AssessAsync(Actor actor, int planId, DateOnly cutOff, int actionId, AssessmentInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        if (!MayWrite(actor))
        {
            return FollowUpResult.Denied;
        }
        var errors = Validate(input);
        if (!await db.Actions.AnyAsync(a => a.Id == actionId && a.Activity!.Component!.PlanId == planId, ct))
        {
            return FollowUpResult.Missing;
        }
        if (errors.Count > 0)
        {
            return new FollowUpResult(null, errors);
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
        return FollowUpResult.Ok(followUp);
    }

    /// <summary>The consistency rules of an assessment; see docs/follow-up.md.</summary>
    public static Dictionary<string, string> Validate(AssessmentInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string>();
        var observations = input.Observations?.Trim() ?? "";
        if (input.Status is not { } status || !Enum.IsDefined(status))
        {
            errors["Status"] = "Elija el estado de la acción en el periodo.";
            return errors;
        }
        if (status != AssessmentStatus.NotScheduled)
        {
            if (input.VerifiedPercent is not { } p)
            {
                errors["VerifiedPercent"] = "Escriba el avance verificado, de 0 a 100 %.";
            }
            else if (p is < 0 or > 100)
            {
                errors["VerifiedPercent"] = "El avance verificado va de 0 a 100 %.";
            }
            else if (status == AssessmentStatus.Completed && p != 100)
            {
                errors["VerifiedPercent"] = "Una acción cumplida tiene un avance verificado de 100 %.";
            }
            else if (status == AssessmentStatus.NoProgress && p != 0)
            {
                errors["VerifiedPercent"] = "Una acción sin avance tiene un avance verificado de 0 %.";
            }
            else if (status == AssessmentStatus.InProgress && p is 0 or 100)
            {
                errors["VerifiedPercent"] = "Una acción en avance tiene un avance verificado mayor que 0 y menor que 100 %.";
            }
            if (input.VerifiedQuantity is < 0)
            {
                errors["VerifiedQuantity"] = "La cantidad verificada no puede ser negativa.";
            }
        }
        if (status != AssessmentStatus.Completed && observations.Length == 0)
        {
            errors["Observations"] = "Escriba las observaciones: son obligatorias salvo para una acción cumplida.";
        }
        else if (observations.Length > MaxObservations)
        {
            errors["Observations"] = $"Las observaciones admiten hasta {MaxObservations} caracteres.";
        }
        return errors;
    }

    public async Task<FollowUpResult> SaveComponentNoteAsync(Actor actor, int planId, DateOnly cutOff, int componentNumber, string? observations,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!MayWrite(actor))
        {
            return FollowUpResult.Denied;
        }
        if (!await db.Components.AnyAsync(c => c.PlanId == planId && c.Number == componentNumber, ct))
        {
            return FollowUpResult.Missing;
        }
        var text = observations?.Trim() ?? "";
        if (text.Length > MaxObservations)
        {
            return FollowUpResult.Fail("Observations", $"Las observaciones admiten hasta {MaxObservations} caracteres.");
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
        return FollowUpResult.Ok(followUp);
    }

    /// <summary>Marks "no programada en el periodo" every action not yet assessed whose monthly schedule has nothing
    /// up to the cut-off. Control Interno asks for it; actions without a schedule are left for them to judge.</summary>
    public async Task<(FollowUpResult Result, int Marked)> MarkUnscheduledAsync(Actor actor, int planId, DateOnly cutOff, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!MayWrite(actor))
        {
            return (FollowUpResult.Denied, 0);
        }
        var (followUp, problem) = await DraftAsync(actor, planId, cutOff, ct);
        if (followUp is null)
        {
            return (problem!, 0);
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
        return (FollowUpResult.Ok(followUp), marked);
    }

    /// <summary>Freezes the follow-up: every action must be assessed and the cut-off date must have passed.</summary>
    public async Task<FollowUpResult> CloseAsync(Actor actor, int planId, DateOnly cutOff, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!MayWrite(actor))
        {
            return FollowUpResult.Denied;
        }
        var deadline = await calendar.FindAsync(planId, cutOff, ct);
        var followUp = await CurrentAsync(planId, cutOff, ct);
        if (deadline is null || followUp is null)
        {
            return deadline is null ? FollowUpResult.Missing : FollowUpResult.Fail("", "Registre al menos una valoración antes de cerrar el seguimiento.");
        }
        if (followUp.Status != FollowUpStatus.Draft)
        {
            return FollowUpResult.Fail("", "El seguimiento ya está cerrado.");
        }
        if (calendar.Today <= cutOff)
        {
            return FollowUpResult.Fail("", $"El seguimiento se cierra después del corte ({cutOff:yyyy-MM-dd}).");
        }
        var actionIds = await db.Actions.Where(a => a.Activity!.Component!.PlanId == planId).Select(a => a.Id).ToListAsync(ct);
        var assessed = await db.Set<FollowUpAssessment>().Where(a => a.FollowUpId == followUp.Id).Select(a => a.ActionId).ToListAsync(ct);
        var missing = actionIds.Except(assessed).Count();
        if (missing > 0)
        {
            return FollowUpResult.Fail("", missing == 1
                ? "Falta valorar 1 acción: todas las acciones del plan deben tener una valoración para cerrar."
                : $"Faltan valorar {missing} acciones: todas las acciones del plan deben tener una valoración para cerrar.");
        }
        followUp.ClosedAt = Now;
        followUp.ClosedById = actor.UserId;
        followUp.ClosedByName = actor.Name;
        var previous = followUp.PreviousVersionId is { } pid
            ? await db.Set<FollowUp>().Where(f => f.Id == pid).Select(f => f.SnapshotSha256).SingleOrDefaultAsync(ct)
            : null;
        var bands = await FollowUpBands.ReadAsync(db, ct);
        var snapshot = await new SnapshotBuilder(db).BuildAsync(planId, deadline, followUp, previous, bands, ct);
        followUp.SnapshotJson = SnapshotJson.Serialize(snapshot);
        followUp.SnapshotSha256 = SnapshotJson.Sha256(followUp.SnapshotJson);
        followUp.ProgrammedCount = snapshot.Totals.Programmed;
        followUp.CompletedCount = snapshot.Totals.Completed;
        followUp.CompliancePercent = snapshot.Totals.CompliancePercent;
        followUp.AverageProgress = snapshot.Totals.AverageProgress;
        followUp.ComplianceBand = snapshot.Totals.Band;
        followUp.Status = FollowUpStatus.Closed;
        await SaveAsync(actor, null, ct);
        return FollowUpResult.Ok(followUp);
    }

    /// <summary>Puts a closed follow-up on the public pages; late when the Colombian date is past the deadline.</summary>
    public async Task<FollowUpResult> PublishAsync(Actor actor, int planId, DateOnly cutOff, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!MayWrite(actor))
        {
            return FollowUpResult.Denied;
        }
        var followUp = await CurrentAsync(planId, cutOff, ct);
        if (followUp is null)
        {
            return FollowUpResult.Missing;
        }
        if (followUp.Status != FollowUpStatus.Closed)
        {
            return FollowUpResult.Fail("", followUp.Status == FollowUpStatus.Draft
                ? "Cierre el seguimiento antes de publicarlo."
                : "Este seguimiento ya está publicado.");
        }
        var now = Now;
        followUp.Status = FollowUpStatus.Published;
        followUp.PublishedAt = now;
        followUp.PublishedOn = FollowUpCalendar.ColombianDate(now);
        followUp.PublishedById = actor.UserId;
        followUp.PublishedByName = actor.Name;
        followUp.PublishedLate = followUp.PublishedOn > followUp.PublicationDeadline;
        await SaveAsync(actor, null, ct);
        return FollowUpResult.Ok(followUp);
    }

    /// <summary>Opens a new version of a closed follow-up to correct it, starting from the earlier assessments.
    /// The earlier version is not touched.</summary>
    public async Task<FollowUpResult> CorrectAsync(Actor actor, int planId, DateOnly cutOff, string? reason, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!MayWrite(actor))
        {
            return FollowUpResult.Denied;
        }
        var current = await CurrentAsync(planId, cutOff, ct);
        if (current is null)
        {
            return FollowUpResult.Missing;
        }
        if (current.Status == FollowUpStatus.Draft)
        {
            return FollowUpResult.Fail("", "Esta versión sigue abierta: corríjala directamente.");
        }
        var why = reason?.Trim() ?? "";
        if (why.Length < MinReasonLength)
        {
            return FollowUpResult.Fail("Reason", $"Explique el motivo de la corrección (al menos {MinReasonLength} caracteres).");
        }
        if (why.Length > 2000)
        {
            return FollowUpResult.Fail("Reason", "El motivo admite hasta 2000 caracteres.");
        }
        var assessments = await db.Set<FollowUpAssessment>().AsNoTracking().Where(a => a.FollowUpId == current.Id).ToListAsync(ct);
        var notes = await db.Set<FollowUpComponentNote>().AsNoTracking().Where(n => n.FollowUpId == current.Id).ToListAsync(ct);
        var next = NewDraft(actor, current.PlanId, current.CutOffDate, current.CutOffNumber, current.PublicationDeadline);
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
        await SaveAsync(actor, why, ct);
        return FollowUpResult.Ok(next);
    }

    /// <summary>The open version to write into: the current draft, or a new version 1 when none was started.</summary>
    private async Task<(FollowUp? FollowUp, FollowUpResult? Problem)> DraftAsync(Actor actor, int planId, DateOnly cutOff, CancellationToken ct)
    {
        var deadline = await calendar.FindAsync(planId, cutOff, ct);
        if (deadline is null)
        {
            return (null, FollowUpResult.Missing);
        }
        var current = await CurrentAsync(planId, cutOff, ct);
        if (current is null)
        {
            current = NewDraft(actor, planId, cutOff, deadline.Number, deadline.PublicationDeadline);
            db.Add(current);
            return (current, null);
        }
        return current.Status == FollowUpStatus.Draft
            ? (current, null)
            : (null, FollowUpResult.Fail("", "El seguimiento está cerrado: para cambiarlo cree una nueva versión con el motivo de la corrección."));
    }

    private FollowUp NewDraft(Actor actor, int planId, DateOnly cutOff, int number, DateOnly deadline) => new()
    {
        PlanId = planId,
        CutOffDate = cutOff,
        CutOffNumber = number,
        PublicationDeadline = deadline,
        Status = FollowUpStatus.Draft,
        CreatedAt = Now,
        CreatedById = actor.UserId,
        CreatedByName = actor.Name,
    };

    private async Task SaveAsync(Actor actor, string? reason, CancellationToken ct)
    {
        using var scope = audit?.Begin(new AuditActor(actor.UserId, actor.Name), reason);
        await db.SaveChangesAsync(ct);
    }
}
