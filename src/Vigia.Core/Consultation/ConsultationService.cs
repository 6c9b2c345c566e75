using Vigia.Core.Accounts;
using Vigia.Core.Audit;
using Vigia.Core.Plans;

namespace Vigia.Core.Consultation;

/// <summary>What a citizen writes in the comment form, checked by <see cref="ConsultationService.CommentAsync"/>.</summary>
public sealed record CommentDraft(CommentTarget Target, int? ComponentNumber, int? ActionId, string? Text, string? AuthorName,
    string? Organisation, string? Email, bool PublishName);

/// <summary>Planeación's answer to one comment (and, through it, to its duplicates).</summary>
public sealed record CommentAnswer(string? Answer, bool ChangesPlan, int? ChangedActionId);

/// <summary>Owns every write of a citizen consultation: opening it on a draft, receiving comments, answering, grouping
/// duplicates, hiding abuse, and closing it, which publishes its report. Every write by Planeación is authorised on the
/// data (<see cref="PlanEditors"/>: Planeación of the plan's entity) and audited; a citizen's comment is audited with
/// the actor «ciudadanía».</summary>
public sealed class ConsultationService(AppDbContext db, AuditScope audit, TimeProvider clock)
{
    /// <summary>Who a comment is recorded as in the audit trail: nobody signs in to comment.</summary>
    public static readonly AuditActor Citizen = new(null, "ciudadanía");

    /// <summary>Opens the consultation on the plan's draft version; the version is «En consulta» until it closes.</summary>
    public async Task<Result<int>> OpenAsync(int planId, DateOnly? opensOn, DateOnly? closesOn, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var plan = await db.Plans.Include(p => p.Versions).SingleOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null)
        {
            return Result.NotFound();
        }
        if (!await PlanEditors.MayEditAsync(db, actor, plan.EntityId, ct))
        {
            return Result.Forbidden("Solo Planeación de la entidad abre la consulta de su plan.");
        }
        var latest = plan.Versions.MaxBy(v => v.Number)!;
        if (latest.Status == VersionStatus.InConsultation)
        {
            return Result.Conflict($"La versión {latest.Number} ya está en consulta.");
        }
        if (latest.Status == VersionStatus.Published)
        {
            return Result.Conflict($"La versión {latest.Number} ya está publicada: la consulta se hace sobre un borrador (abra una nueva versión para consultar un cambio).");
        }
        var today = ColombianTime.Today(clock);
        var errors = new Dictionary<string, string>();
        if (opensOn is not { } opens)
        {
            errors[ConsultationRules.OpensOn] = "Indique la fecha de apertura.";
        }
        else if (opens < today)
        {
            errors[ConsultationRules.OpensOn] = $"La consulta no puede abrirse en una fecha pasada (hoy es {SpanishFormat.LongDate(today)}).";
        }
        if (closesOn is not { } closes)
        {
            errors[ConsultationRules.ClosesOn] = "Indique la fecha de cierre.";
        }
        else if (opensOn is { } o && closes < o)
        {
            errors[ConsultationRules.ClosesOn] = "La fecha de cierre no puede ser anterior a la de apertura.";
        }
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }
        var consultation = new PlanConsultation
        {
            PlanId = planId,
            VersionNumber = latest.Number,
            OpensOn = opensOn!.Value,
            ClosesOn = closesOn!.Value,
            OpenedAt = clock.GetUtcNow(),
            OpenedBy = actor.Name,
        };
        db.PlanConsultations.Add(consultation);
        latest.Status = VersionStatus.InConsultation;
        using (audit.Begin(new AuditActor(actor.UserId, actor.Name), $"Consulta ciudadana de la versión {latest.Number}"))
        {
            await db.SaveChangesAsync(ct);
        }
        return Result.Saved(consultation.Id);
    }

    /// <summary>Receives a citizen's comment while the consultation accepts them; returns its public number.</summary>
    public async Task<Result<int>> CommentAsync(int planId, CommentDraft draft, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var consultation = await ConsultationReport.CurrentAsync(db, planId, ct);
        var today = ColombianTime.Today(clock);
        if (consultation is null || !consultation.AcceptsCommentsOn(today))
        {
            return Result.Conflict("La consulta ciudadana de este plan no está recibiendo comentarios.");
        }
        var content = await PlanLifecycleService.ContentAsync(db, planId, consultation.VersionNumber, ct);
        var errors = new Dictionary<string, string>();
        var label = content is null ? null : ConsultationReport.TargetLabel(content, draft.Target, draft.ComponentNumber, draft.ActionId);
        if (label is null)
        {
            errors[ConsultationRules.Target] = "Lo que quiere comentar no está en el borrador consultado; vuelva a la consulta y elija el plan, un componente o una acción.";
        }
        var text = ConsultationRules.Clean(draft.Text);
        if (text is null || text.Length < ConsultationRules.MinCommentLength)
        {
            errors[ConsultationRules.Text] = $"Escriba su comentario (al menos {ConsultationRules.MinCommentLength} caracteres).";
        }
        else if (text.Length > ConsultationRules.MaxCommentLength)
        {
            errors[ConsultationRules.Text] = $"El comentario puede tener como máximo {ConsultationRules.MaxCommentLength} caracteres; tiene {text.Length}.";
        }
        var name = ConsultationRules.Clean(draft.AuthorName);
        var organisation = ConsultationRules.Clean(draft.Organisation);
        var email = ConsultationRules.Clean(draft.Email);
        if (name is { Length: > ConsultationRules.MaxNameLength })
        {
            errors[ConsultationRules.AuthorName] = $"El nombre puede tener como máximo {ConsultationRules.MaxNameLength} caracteres.";
        }
        if (organisation is { Length: > ConsultationRules.MaxNameLength })
        {
            errors[ConsultationRules.Organisation] = $"La organización puede tener como máximo {ConsultationRules.MaxNameLength} caracteres.";
        }
        if (email is not null && !ConsultationRules.IsEmail(email))
        {
            errors[ConsultationRules.Email] = "Escriba un correo electrónico válido, como nombre@dominio.co, o déjelo vacío.";
        }
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }
        var number = 1 + (await db.ConsultationComments.Where(c => c.ConsultationId == consultation.Id).MaxAsync(c => (int?)c.Number, ct) ?? 0);
        var comment = new ConsultationComment
        {
            ConsultationId = consultation.Id,
            Number = number,
            Target = draft.Target,
            ComponentNumber = draft.Target == CommentTarget.Component ? draft.ComponentNumber : null,
            ActionId = draft.Target == CommentTarget.Action ? draft.ActionId : null,
            TargetLabel = label!,
            Text = text!,
            AuthorName = name,
            Organisation = organisation,
            Email = email,
            PublishName = draft.PublishName && (name is not null || organisation is not null),
            ReceivedAt = clock.GetUtcNow(),
        };
        db.ConsultationComments.Add(comment);
        using (audit.Begin(Citizen, $"Comentario {number} de la consulta ciudadana"))
        {
            await db.SaveChangesAsync(ct);
        }
        return Result.Saved(number);
    }

    /// <summary>Answers a comment that is not a duplicate; the answer covers its duplicates.</summary>
    public async Task<Result<int>> AnswerAsync(int commentId, CommentAnswer answer, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var (comment, refusal) = await EditableAsync(commentId, actor, ct);
        if (comment is null)
        {
            return refusal!;
        }
        if (comment.DuplicateOfId is not null)
        {
            return Result.Conflict("Este comentario está agrupado con otro: se responde el comentario principal del grupo (o sepárelo primero).");
        }
        var errors = new Dictionary<string, string>();
        var text = ConsultationRules.Clean(answer.Answer);
        if (text is null || text.Length < ConsultationRules.MinAnswerLength)
        {
            errors[ConsultationRules.Answer] = $"Escriba la respuesta (al menos {ConsultationRules.MinAnswerLength} caracteres): se publica en el informe de la consulta.";
        }
        else if (text.Length > ConsultationRules.MaxAnswerLength)
        {
            errors[ConsultationRules.Answer] = $"La respuesta puede tener como máximo {ConsultationRules.MaxAnswerLength} caracteres.";
        }
        string? changedLabel = null;
        if (answer.ChangesPlan && answer.ChangedActionId is { } actionId)
        {
            var content = await PlanLifecycleService.ContentAsync(db, comment.Consultation!.PlanId, comment.Consultation.VersionNumber, ct);
            changedLabel = content is null ? null : ConsultationReport.TargetLabel(content, CommentTarget.Action, null, actionId);
            if (changedLabel is null)
            {
                errors[ConsultationRules.ChangedAction] = "La acción elegida no está en el borrador consultado.";
            }
        }
        else if (!answer.ChangesPlan && answer.ChangedActionId is not null)
        {
            errors[ConsultationRules.ChangedAction] = "Marque que el comentario cambia el plan para indicar la acción que cambia.";
        }
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }
        comment.Answer = text;
        comment.AnsweredAt = clock.GetUtcNow();
        comment.AnsweredBy = actor.Name;
        comment.ChangesPlan = answer.ChangesPlan;
        comment.ChangedActionId = answer.ChangesPlan ? answer.ChangedActionId : null;
        comment.ChangedActionLabel = answer.ChangesPlan ? changedLabel : null;
        using (audit.Begin(new AuditActor(actor.UserId, actor.Name), $"Respuesta al comentario {comment.Number} de la consulta ciudadana"))
        {
            await db.SaveChangesAsync(ct);
        }
        return Result.Saved(comment.Number);
    }

    /// <summary>Groups a comment with the one it duplicates (by public number), or separates it when
    /// <paramref name="leadNumber"/> is null. A comment that leads a group cannot join another.</summary>
    public async Task<Result<int>> GroupAsync(int commentId, int? leadNumber, Actor actor, CancellationToken ct = default)
    {
        var (comment, refusal) = await EditableAsync(commentId, actor, ct);
        if (comment is null)
        {
            return refusal!;
        }
        ConsultationComment? lead = null;
        if (leadNumber is { } n)
        {
            lead = await db.ConsultationComments.SingleOrDefaultAsync(c => c.ConsultationId == comment.ConsultationId && c.Number == n, ct);
            if (lead is null || lead.Id == comment.Id)
            {
                return Result.Invalid(ConsultationRules.DuplicateOf, "Indique el número de otro comentario de esta consulta.");
            }
            if (lead.DuplicateOfId is not null)
            {
                return Result.Invalid(ConsultationRules.DuplicateOf, $"El comentario {lead.Number} ya está agrupado con otro: agrupe con el principal de ese grupo.");
            }
            if (await db.ConsultationComments.AnyAsync(c => c.DuplicateOfId == comment.Id, ct))
            {
                return Result.Invalid(ConsultationRules.DuplicateOf, $"El comentario {comment.Number} es el principal de un grupo: no puede agruparse con otro.");
            }
        }
        comment.DuplicateOfId = lead?.Id;
        using (audit.Begin(new AuditActor(actor.UserId, actor.Name), lead is null
                   ? $"Comentario {comment.Number} separado de su grupo"
                   : $"Comentario {comment.Number} agrupado con el comentario {lead.Number}"))
        {
            await db.SaveChangesAsync(ct);
        }
        return Result.Saved(comment.Number);
    }

    /// <summary>Hides an abusive comment's text (insults, personal data); it keeps its number and is counted, and the
    /// reason is published in its place.</summary>
    public async Task<Result<int>> HideAsync(int commentId, string? reason, Actor actor, CancellationToken ct = default)
    {
        var (comment, refusal) = await EditableAsync(commentId, actor, ct);
        if (comment is null)
        {
            return refusal!;
        }
        var text = ConsultationRules.Clean(reason);
        if (text is null || text.Length < ConsultationRules.MinReasonLength)
        {
            return Result.Invalid(ConsultationRules.HiddenReason, "Escriba por qué se oculta el comentario (p. ej. «contiene datos personales de un tercero»): el motivo se publica.");
        }
        if (text.Length > ConsultationRules.MaxReasonLength)
        {
            return Result.Invalid(ConsultationRules.HiddenReason, $"El motivo puede tener como máximo {ConsultationRules.MaxReasonLength} caracteres.");
        }
        comment.HiddenReason = text;
        comment.HiddenAt = clock.GetUtcNow();
        using (audit.Begin(new AuditActor(actor.UserId, actor.Name), $"Comentario {comment.Number} oculto: {text}"))
        {
            await db.SaveChangesAsync(ct);
        }
        return Result.Saved(comment.Number);
    }

    /// <summary>Closes the consultation (early, if its closing date has not passed) and publishes its report. Every
    /// comment that is shown and leads its group must be answered first; the version goes back to «Borrador», to be
    /// changed as the answers say and then published.</summary>
    public async Task<Result<int>> CloseAsync(int consultationId, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var consultation = await db.PlanConsultations.Include(c => c.Plan).ThenInclude(p => p!.Versions).Include(c => c.Comments)
            .SingleOrDefaultAsync(c => c.Id == consultationId, ct);
        if (consultation is null)
        {
            return Result.NotFound();
        }
        if (!await PlanEditors.MayEditAsync(db, actor, consultation.Plan!.EntityId, ct))
        {
            return Result.Forbidden("Solo Planeación de la entidad cierra la consulta de su plan.");
        }
        if (consultation.Status == ConsultationStatus.Closed)
        {
            return Result.Conflict("La consulta ya está cerrada y su informe publicado.");
        }
        var byId = consultation.Comments.ToDictionary(c => c.Id);
        var unanswered = consultation.Comments
            .Where(c => !c.IsHidden && (c.DuplicateOfId is { } lead ? byId[lead].Answer : c.Answer) is null)
            .OrderBy(c => c.Number).Select(c => c.Number.ToString(CultureInfo.InvariantCulture)).ToList();
        if (unanswered.Count > 0)
        {
            return Result.Conflict($"Faltan respuestas: responda, agrupe u oculte (con su motivo) los comentarios {SpanishText.JoinWithY(unanswered)} antes de cerrar la consulta y publicar su informe.");
        }
        consultation.Status = ConsultationStatus.Closed;
        consultation.ClosedAt = clock.GetUtcNow();
        consultation.ClosedOn = ColombianTime.Today(clock);
        consultation.ClosedBy = actor.Name;
        var version = consultation.Plan.Versions.Single(v => v.Number == consultation.VersionNumber);
        if (version.Status == VersionStatus.InConsultation)
        {
            version.Status = VersionStatus.Draft;
        }
        using (audit.Begin(new AuditActor(actor.UserId, actor.Name), $"Cierre de la consulta ciudadana de la versión {consultation.VersionNumber} e informe publicado"))
        {
            await db.SaveChangesAsync(ct);
        }
        return Result.Saved(consultation.Id);
    }

    private async Task<(ConsultationComment? Comment, Failure? Refusal)> EditableAsync(int commentId, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var comment = await db.ConsultationComments.Include(c => c.Consultation).ThenInclude(c => c!.Plan)
            .SingleOrDefaultAsync(c => c.Id == commentId, ct);
        if (comment is null)
        {
            return (null, Result.NotFound());
        }
        if (!await PlanEditors.MayEditAsync(db, actor, comment.Consultation!.Plan!.EntityId, ct))
        {
            return (null, Result.Forbidden("Solo Planeación de la entidad responde los comentarios de su plan."));
        }
        if (comment.Consultation.Status == ConsultationStatus.Closed)
        {
            return (null, Result.Conflict("La consulta está cerrada y su informe publicado: sus comentarios y respuestas ya no cambian."));
        }
        return (comment, null);
    }
}
